// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosksupervisor.h"

#include "consolelogging.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {
constexpr int firstPauseMs = 1000;
constexpr int longestPauseMs = 30'000;
// A board that ran this long was not crashing at start: the next pause is short again.
constexpr qint64 healthyRunMs = 60'000;
} // namespace

KioskSupervisor::KioskSupervisor(QString program, QStringList arguments, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(childVariable), QStringLiteral("1"));
    m_board.setProcessEnvironment(environment);
    m_board.setProcessChannelMode(QProcess::ForwardedChannels);
#ifdef Q_OS_LINUX
    // If the supervisor goes (logout, a kill), the board goes with it rather than lingering.
    m_board.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_restart.setSingleShot(true);
    connect(&m_restart, &QTimer::timeout, this, &KioskSupervisor::launch);
    connect(&m_board, &QProcess::finished, this, &KioskSupervisor::onFinished);
    connect(&m_board, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // a crash is reported by finished() too
        qCCritical(lcConsole).noquote() << "kiosk: cannot start" << m_program << ":"
                                        << m_board.errorString();
        QCoreApplication::exit(1);
    });
}

bool KioskSupervisor::isChild()
{
    return qEnvironmentVariableIsSet(childVariable);
}

void KioskSupervisor::start()
{
    launch();
}

void KioskSupervisor::launch()
{
    ++m_starts;
    m_running.start();
    m_board.start(m_program, m_arguments);
    if (m_board.waitForStarted())
        qCInfo(lcConsole).noquote() << (m_starts == 1 ? "kiosk: board started, pid"
                                                      : "kiosk: board started again, pid")
                                    << m_board.processId();
}

void KioskSupervisor::onFinished(int exitCode, QProcess::ExitStatus status)
{
    const bool crashed = status == QProcess::CrashExit;
    if (!crashed && (exitCode == 0 || exitCode == usageError)) {
        qCInfo(lcConsole) << "kiosk: board closed with exit code" << exitCode;
        QCoreApplication::exit(exitCode);
        return;
    }
    if (!crashed && exitCode == restartCode) {
        qCInfo(lcConsole) << "kiosk: the board asked to start again";
        m_restart.start(0);
        return;
    }
    if (m_running.elapsed() >= healthyRunMs)
        m_stopsInARow = 0;
    const int pauseMs = std::min(longestPauseMs, firstPauseMs << std::min(m_stopsInARow, 5));
    ++m_stopsInARow;
    qCWarning(lcConsole).noquote()
            << "kiosk: the board stopped"
            << (crashed ? QStringLiteral("(crashed)") : QStringLiteral("(exit code %1)").arg(exitCode))
            << "after" << m_running.elapsed() << "ms; starting it again in" << pauseMs << "ms";
    m_restart.start(pauseMs);
}
