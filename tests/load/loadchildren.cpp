// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadchildren.h"

#include "childlines.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

namespace LoadRun {

namespace {
constexpr int startTimeoutMs = 20'000;
}

HubChild::HubChild(QString program, QString folder)
    : m_program(std::move(program))
    , m_folder(std::move(folder))
{ }

HubChild::~HubChild()
{
    kill();
}

QString HubChild::databasePath() const
{
    return QDir(m_folder).filePath(QStringLiteral("hub.sqlite"));
}

bool HubChild::start(const QStringList &arguments, const QByteArray &stdinText)
{
    m_process = std::make_unique<QProcess>();
    m_process->setStandardErrorFile(QDir(m_folder).filePath(QStringLiteral("hub.log")),
                                    QIODevice::Append);
    m_process->start(m_program,
                     QStringList {QStringLiteral("--db"), databasePath(), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1"), QStringLiteral("--ws-port"),
                                  QStringLiteral("0"), QStringLiteral("--http-port"),
                                  QStringLiteral("0")}
                             + arguments);
    if (!m_process->waitForStarted(startTimeoutMs))
        return false;
    if (!stdinText.isEmpty())
        m_process->write(stdinText);
    static const QRegularExpression listening(QStringLiteral("order-hub listening ws=(\\d+)"));
    QByteArray output;
    m_wsPort = 0;
    QTest::qWaitFor(
            [&] {
                output += m_process->readAllStandardOutput();
                const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
                if (match.hasMatch())
                    m_wsPort = quint16(match.captured(1).toUInt());
                return m_wsPort != 0 || m_process->state() == QProcess::NotRunning;
            },
            startTimeoutMs);
    return m_wsPort != 0;
}

void HubChild::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(startTimeoutMs);
}

bool HubChild::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate();
    return m_process->waitForFinished(startTimeoutMs) && m_process->exitCode() == 0;
}

ConsoleChild::ConsoleChild(QString program, Spec spec, QByteArray secret)
    : m_program(std::move(program))
    , m_spec(std::move(spec))
    , m_secret(std::move(secret))
{ }

ConsoleChild::~ConsoleChild()
{
    kill();
}

bool ConsoleChild::listen(quint16 hubPort)
{
    return m_proxy.listen(QHostAddress::LocalHost, hubPort);
}

bool ConsoleChild::start()
{
    m_commandsBefore = commands();
    m_refusedBefore = refused();
    m_status = {};
    m_sinceStatus.invalidate();
    m_seen.refusedWrites = 0;
    m_lines.reset();
    m_process = std::make_unique<QProcess>();
    m_process->setStandardErrorFile(m_spec.storePath + QStringLiteral(".log"), QIODevice::Append);
    m_lines = std::make_unique<ChildLines>(*m_process,
                                           [this](const QString &line) { onLine(line); });
    QStringList arguments {
            QStringLiteral("--store-path"), m_spec.storePath, QStringLiteral("--store-id"),
            m_spec.storeId, QStringLiteral("--console-id"), m_spec.consoleId,
            QStringLiteral("--station"), m_spec.station, QStringLiteral("--hub-url"),
            m_proxy.url().toString(), QStringLiteral("--seed"), QString::number(m_spec.seed),
            QStringLiteral("--min-dwell-ms"), QString::number(m_spec.minDwellMs),
            QStringLiteral("--max-dwell-ms"), QString::number(m_spec.maxDwellMs)};
    if (!m_spec.posUrl.isEmpty())
        arguments << QStringLiteral("--pos-url") << m_spec.posUrl.toString();
    m_process->start(m_program, arguments);
    if (!m_process->waitForStarted(startTimeoutMs))
        return false;
    m_process->write(m_secret + '\n');
    if (!m_spec.posUrl.isEmpty())
        m_process->write(m_spec.posToken + '\n');
    return true;
}

void ConsoleChild::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(startTimeoutMs);
}

bool ConsoleChild::quit(int timeoutMs)
{
    if (!isRunning())
        return true;
    command("quit");
    const bool ended = QTest::qWaitFor([this] { return !isRunning(); }, timeoutMs);
    if (m_lines)
        m_lines->readAvailable();
    return ended && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void ConsoleChild::command(const QByteArray &line)
{
    if (isRunning())
        m_process->write(line + '\n');
}

bool ConsoleChild::caughtUpTo(qint64 head) const
{
    return isRunning() && m_status.value(QStringLiteral("live")).toBool()
            && m_status.value(QStringLiteral("cursor")).toInteger() == head
            && m_status.value(QStringLiteral("pending")).toInt() == 0
            && m_status.value(QStringLiteral("outbox")).toInt() == 0
            && m_status.value(QStringLiteral("backlog")).toInt() == 0;
}

void ConsoleChild::onLine(const QString &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
    if (object.contains(QStringLiteral("status"))) {
        m_status = object.value(QStringLiteral("status")).toObject();
        m_seen.notLive += m_status.value(QStringLiteral("live")).toBool() ? 0 : 1;
        m_seen.storeFault +=
                m_status.value(QStringLiteral("store_fault")).toString() == QLatin1String("none")
                ? 0
                : 1;
        m_seen.stalls += m_sinceStatus.isValid() && m_sinceStatus.elapsed() >= 1000 ? 1 : 0;
        m_seen.refusedWrites = m_status.value(QStringLiteral("refused_writes")).toInt();
        m_sinceStatus.start();
    } else if (object.contains(QStringLiteral("tally"))) {
        // Its last word, after the last status: the robot's whole count for this life.
        const QJsonObject tally = object.value(QStringLiteral("tally")).toObject();
        int commands = 0;
        for (auto it = tally.constBegin(); it != tally.constEnd(); ++it) {
            if (it.key() != QLatin1String("refused"))
                commands += it.value().toInt();
        }
        m_status.insert(QStringLiteral("commands"), commands);
        m_status.insert(QStringLiteral("refused"), tally.value(QStringLiteral("refused")));
    }
}

} // namespace LoadRun
