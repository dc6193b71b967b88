// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stopsignals.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>

// The handlers and their socket pair are POSIX; elsewhere install() says that it cannot, and the
// hub runs on without a clean stop (docs/packaging.md, "Windows and macOS").
#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcHubStop, "kc.hub.stop", QtInfoMsg)

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{ }

StopSignals::~StopSignals()
{
    restore();
}

QString StopSignals::name(int signalNumber)
{
    switch (signalNumber) {
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGINT:
        return QStringLiteral("SIGINT");
    default:
        return QStringLiteral("signal %1").arg(signalNumber);
    }
}

#ifdef Q_OS_UNIX
namespace {
constexpr int handled[] = {SIGTERM, SIGINT};

// A signal handler can reach nothing but globals: the write end of the pair, -1 when unset.
volatile sig_atomic_t writeFd = -1;
int readFd = -1;

extern "C" void onStopSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Non-blocking: a full pipe means a stop is already pending, so dropping this one is fine.
    [[maybe_unused]] const ssize_t written = ::write(writeFd, &byte, 1);
    errno = savedErrno;
}
} // namespace

bool StopSignals::install()
{
    if (m_installed)
        return true;
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
        m_error =
            QStringLiteral("socketpair: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    writeFd = fds[0];
    readFd = fds[1];
    m_notifier = new QSocketNotifier(readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StopSignals::onReadable);
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signalNumber : handled) {
        if (::sigaction(signalNumber, &action, nullptr) != 0) {
            m_error = QStringLiteral("sigaction(%1): %2")
                          .arg(name(signalNumber), QString::fromLocal8Bit(std::strerror(errno)));
            m_installed = true; // so restore() undoes what was done
            restore();
            return false;
        }
    }
    m_installed = true;
    return true;
}

void StopSignals::restore()
{
    if (!m_installed)
        return;
    m_installed = false;
    struct sigaction standard = {};
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    for (const int signalNumber : handled)
        ::sigaction(signalNumber, &standard, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
    const int write = writeFd;
    writeFd = -1;
    ::close(write);
    ::close(readFd);
    readFd = -1;
}

void StopSignals::onReadable()
{
    unsigned char byte = 0;
    while (::read(readFd, &byte, 1) == 1) {
        qCInfo(lcHubStop).noquote() << "received" << name(byte);
        Q_EMIT stopRequested(byte);
    }
}
#else
bool StopSignals::install()
{
    m_error = QStringLiteral("stopping on SIGTERM or SIGINT is not supported on this system");
    return false;
}

void StopSignals::restore() { }

void StopSignals::onReadable() { }
#endif
