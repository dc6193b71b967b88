// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demohub.h"

#include "consolelogging.h"
#include "siblingprogram.h"
#include "common/randombytes.h"
#include "sim/ordergenerator.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUuid>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {
constexpr int killAfterMs = 2000;
constexpr int stderrTailBytes = 2000;
constexpr qsizetype maxStdoutBytes = 64 * 1024; // a hub that never says it listens
constexpr int firstFillNumber = 95; // below the simulator's first number (101)
} // namespace

DemoHub::DemoHub(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(killAfterMs);
    connect(&m_killTimer, &QTimer::timeout, &m_process, &QProcess::kill);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoHub::onStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &DemoHub::onStderr);
    connect(&m_process, &QProcess::errorOccurred, this, &DemoHub::onErrorOccurred);
    connect(&m_process, &QProcess::finished, this, &DemoHub::onFinished);
#ifdef Q_OS_LINUX
    // If this console dies without cleaning up (a signal, a crash), the hub goes with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
}

DemoHub::~DemoHub()
{
    // Normally stop() ran and the hub is gone; if not, do not leave it running.
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        m_process.kill();
    }
}

QString DemoHub::findProgram(const QString &applicationDir)
{
    return findSiblingProgram(applicationDir, QStringLiteral("order-hub"));
}

QString DemoHub::logPathBeside(const QString &storePath)
{
    return storePath + QStringLiteral(".demo-hub");
}

void DemoHub::start()
{
    if (m_options.program.isEmpty()) {
        Q_EMIT failed(tr("order-hub not found next to kitchen-console"));
        return;
    }
    // A log that goes on: the hub registers the store and this console again, which it takes as
    // a no-op and a new secret for the console (order-hub's --add-store and --add-console).
    m_fill = !QFileInfo::exists(m_options.logPath);
    m_secret = RandomBytes::generate(32).toBase64(QByteArray::Base64UrlEncoding
                                                         | QByteArray::OmitTrailingEquals);
    const QStringList arguments {
        QStringLiteral("--db"),
        m_options.logPath,
        QStringLiteral("--add-store"),
        m_options.storeId,
        QStringLiteral("--add-console"),
        m_options.storeId + QLatin1Char(':') + m_options.consoleId,
        // The demo's till rings up counter orders on this console: the hub lets it share them.
        QStringLiteral("--grant-pos-relay"),
        m_options.storeId + QLatin1Char(':') + m_options.consoleId,
        // Whoever unlocks the dashboard with the demo's manager PIN may cancel, refund and pause.
        QStringLiteral("--grant-manager"),
        m_options.storeId + QLatin1Char(':') + m_options.consoleId,
        QStringLiteral("--console-secret"),
        QStringLiteral("-"), // on stdin: a command line is visible to every local process
        QStringLiteral("--simulate"),
        QString::number(m_options.ordersPerMinute),
    };
    qCInfo(lcConsole).noquote() << "starting the demo hub" << m_options.program << "on"
                                << (m_fill ? "a new log" : "its log") << m_options.logPath;
    m_process.start(m_options.program, arguments);
    m_process.write(m_secret + '\n');
    m_process.closeWriteChannel();
}

void DemoHub::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        Q_EMIT stopped();
        return;
    }
    m_process.terminate();
    m_killTimer.start();
}

void DemoHub::onStdout()
{
    m_stdout += m_process.readAllStandardOutput();
    if (m_ready) {
        m_stdout.clear();
        return;
    }
    static const QRegularExpression listening(
        QStringLiteral("^order-hub listening ws=(\\d+) http=(\\d+)$"),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_stdout));
    if (!match.hasMatch()) {
        if (m_stdout.size() > maxStdoutBytes)
            m_stdout.clear();
        return;
    }
    m_ready = true;
    m_stdout.clear();
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(match.captured(1).toInt());
    qCInfo(lcConsole).noquote() << "demo hub listening at" << url.toDisplayString();
    if (m_fill)
        fill(quint16(match.captured(2).toUInt()));
    Q_EMIT ready(url);
}

void DemoHub::onStderr()
{
    m_stderrTail += m_process.readAllStandardError();
    if (m_stderrTail.size() > stderrTailBytes)
        m_stderrTail = m_stderrTail.right(stderrTailBytes);
}

void DemoHub::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and exits arrive through finished()
    qCWarning(lcConsole).noquote() << "demo hub did not start:" << m_process.errorString();
    Q_EMIT failed(tr("order-hub not found at %1").arg(m_options.program));
}

void DemoHub::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_killTimer.stop();
    const QString tail = QString::fromUtf8(m_stderrTail).trimmed().section(QLatin1Char('\n'), -1);
    qCInfo(lcConsole).noquote() << "demo hub ended with code" << exitCode
                                << (status == QProcess::CrashExit ? "(ended by a signal)" : "");
    if (!m_ready)
        Q_EMIT failed(
            tr("order-hub stopped before it was ready (exit code %1): %2").arg(exitCode).arg(tail));
    Q_EMIT stopped();
}

void DemoHub::fill(quint16 httpPort)
{
    // A seed of its own: the hub's simulator generates from the same list of dishes. Ids of this
    // run's own, as a customer's app makes them: a store kept from another run never meets one.
    OrderGenerator generator(m_options.storeId, m_options.seed ^ 0x4d15u);
    generator.setIdNamespace(QUuid::createUuid());
    generator.setNextNumber(firstFillNumber);
    for (int i = 0; i < m_options.fillOrders; ++i) {
        // The hub stamps the time it was placed; the customer's app does not get to choose.
        const Order order = generator.next(QDateTime::currentMSecsSinceEpoch());
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(httpPort);
        url.setPath(QStringLiteral("/v1/stores/%1/orders").arg(m_options.storeId));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Idempotency-Key", order.id.toUtf8());
        QNetworkReply *reply =
            m_network.post(request, QJsonDocument(order.toJson()).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, reply, [reply] {
            if (reply->error() != QNetworkReply::NoError)
                qCWarning(lcConsole).noquote() << "demo order not placed:" << reply->errorString();
            reply->deleteLater();
        });
    }
}
