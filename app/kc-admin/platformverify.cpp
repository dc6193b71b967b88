// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformverify.h"

#include "admincommands.h"
#include "adminlogging.h"

#include "security/credentialstore.h"
#include "sync/platformaudit.h"

#include <QTextStream>

PlatformVerify::PlatformVerify(AdminCommands &commands, Store &store, CredentialStore &credentials,
                               const LinkConfig &link, QTextStream &out, QTextStream &err,
                               QObject *parent)
    : QObject(parent)
    , m_commands(commands)
    , m_store(store)
    , m_credentials(credentials)
    , m_reader(link)
    , m_out(out)
    , m_err(err)
    , m_key(CredentialStore::consoleKey(link.storeId, link.consoleId))
    , m_storeId(link.storeId)
    , m_consoleId(link.consoleId)
{
    connect(&m_credentials, &CredentialStore::readDone, this, &PlatformVerify::onCredential);
    connect(&m_credentials, &CredentialStore::failed, this, &PlatformVerify::onCredentialFailed);
    connect(&m_reader, &PlatformLogReader::finished, this, &PlatformVerify::onLog);
    connect(&m_reader, &PlatformLogReader::failed, this, &PlatformVerify::onLogFailed);
    m_keyringTimer.setSingleShot(true);
    m_keyringTimer.setInterval(m_reader.timeoutMs());
    connect(&m_keyringTimer, &QTimer::timeout, this, &PlatformVerify::onKeyringTimeout);
}

void PlatformVerify::setTimeoutMs(int timeoutMs)
{
    m_keyringTimer.setInterval(timeoutMs);
    m_reader.setTimeoutMs(timeoutMs);
}

void PlatformVerify::start()
{
    // The local check first: it needs nothing from the network, and stands whatever follows.
    m_local = m_commands.verify();
    qCDebug(lcAdmin).noquote() << "reading the platform credential" << m_key;
    m_keyringTimer.start();
    m_credentials.read(m_key);
}

void PlatformVerify::onKeyringTimeout()
{
    m_credentials.disconnect(this); // a late answer changes nothing
    cannotAsk(tr("the keyring did not answer within %1 s; is it locked?")
                  .arg(m_keyringTimer.interval() / 1000.0));
}

void PlatformVerify::onCredential(const QString &key, const QByteArray &secret)
{
    if (key != m_key || !m_keyringTimer.isActive())
        return;
    m_keyringTimer.stop();
    m_reader.start(secret);
}

void PlatformVerify::onCredentialFailed(const QString &key, const QString &message)
{
    if (key != m_key || !m_keyringTimer.isActive())
        return;
    m_keyringTimer.stop();
    // The keyring's own words say what is wrong (nothing stored, locked, no keyring at all).
    cannotAsk(tr("the keyring gave no credential (%1). A console's secret is enrolled with "
                 "\"kitchen-console --store-id %2 --console-id %3 --enroll\".")
                  .arg(message, m_storeId, m_consoleId));
}

void PlatformVerify::onLog(const QList<Protocol::SequencedEvent> &log)
{
    const PlatformAuditReport report = PlatformAudit(m_store).compare(log);
    const QString counts = tr("%1 of the platform's %2 events, %3 orders")
                               .arg(report.eventsChecked)
                               .arg(log.size())
                               .arg(report.ordersChecked);
    for (const QString &problem : report.problems)
        m_out << QStringLiteral("platform: ") << problem << Qt::endl;
    if (report.ok()) {
        m_out << tr("platform OK: %1").arg(counts) << Qt::endl;
    } else {
        const qsizetype problems = report.problems.size();
        m_out << tr("platform FAILED: %1 %2 in %3. The platform's history is the authority: "
                    "this console differs from it.")
                     .arg(QString::number(problems), problems == 1 ? tr("problem") : tr("problems"),
                          counts)
              << Qt::endl;
    }
    Q_EMIT done(m_local != ExitCode::Ok || !report.ok() ? ExitCode::ProblemsFound : ExitCode::Ok);
}

void PlatformVerify::onLogFailed(const QString &message)
{
    cannotAsk(message);
}

void PlatformVerify::cannotAsk(const QString &message)
{
    m_err << tr("kc-admin: cannot compare with the platform: %1").arg(message) << Qt::endl;
    m_out << tr("platform NOT CHECKED: console %1 of store %2 was not compared with the "
                "platform.")
                 .arg(m_consoleId, m_storeId)
          << Qt::endl;
    // What the local check found stands; only a clean one leaves the answer open.
    Q_EMIT done(m_local != ExitCode::Ok ? ExitCode::ProblemsFound : ExitCode::PlatformUnavailable);
}
