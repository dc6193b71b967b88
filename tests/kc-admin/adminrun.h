// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtDebug>

/** What one kc-admin run said: its exit code (-1 if it did not finish) and its two streams. */
struct AdminRun
{
    int exitCode = -1;
    QString out;
    QString err;

    /**
     * Runs program with arguments in process (its environment and folder set by the caller) and
     * waits up to waitMs for it to finish.
     */
    static AdminRun of(QProcess &process, const QString &program, const QStringList &arguments,
                       int waitMs)
    {
        process.start(program, arguments);
        AdminRun run;
        if (!process.waitForFinished(waitMs) || process.exitStatus() != QProcess::NormalExit) {
            qWarning() << "kc-admin did not finish:" << process.errorString();
            return run;
        }
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }
};
