// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

/**
 * --kiosk: runs the board as a child process and starts it again whenever it stops other than
 * by someone closing it, after a growing pause (1 s up to 30 s, back to 1 s once it has run a
 * minute). The board resumes from its store file and settings, as after any restart. It needs no
 * display itself, and works the same on every system (no service manager needed).
 */
class KioskSupervisor final : public QObject
{
    Q_OBJECT

public:
    /** Set in the child's environment: the board runs, rather than another supervisor. */
    static constexpr const char *childVariable = "KC_KIOSK_CHILD";
    /** Exit codes that restarting cannot mend (a bad option): passed on, no restart. */
    static constexpr int usageError = 2;
    /** The board asks to be started again at once (a new setup): not a crash, no pause. */
    static constexpr int restartCode = 75;

    KioskSupervisor(QString program, QStringList arguments, QObject *parent = nullptr);

    /** Whether this process is the board under a supervisor. */
    static bool isChild();
    /** Starts the board; the event loop ends with its exit code once it stops for good. */
    void start();

private:
    void launch();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString m_program;
    QStringList m_arguments;
    QProcess m_board;
    QTimer m_restart;
    QElapsedTimer m_running;
    int m_stopsInARow = 0; // each doubles the pause before the next start
    int m_starts = 0;
};
