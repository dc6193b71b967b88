// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

#include <functional>

/**
 * A child program's standard output handed over one whole line at a time, as it arrives. A line
 * cut off by a kill is never handed over: the children say "committed" only after a commit, so
 * half a line proves nothing.
 */
class ChildLines final
{
public:
    ChildLines(QProcess &child, std::function<void(const QString &)> onLine)
        : m_child(child)
        , m_onLine(std::move(onLine))
        , m_connection(QObject::connect(&child, &QProcess::readyReadStandardOutput, &child,
                                        [this] { readAvailable(); }))
    { }
    ~ChildLines() { QObject::disconnect(m_connection); }
    Q_DISABLE_COPY_MOVE(ChildLines)

    /** Hands over every whole line read so far; for the last ones, once the child has ended. */
    void readAvailable()
    {
        m_pending += m_child.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_pending.left(newline));
            m_pending.remove(0, newline + 1);
            m_onLine(line);
        }
    }

private:
    QProcess &m_child;
    std::function<void(const QString &)> m_onLine;
    QByteArray m_pending;
    QMetaObject::Connection m_connection;
};
