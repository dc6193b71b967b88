// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialstore.h"

#include "securitylogging.h"

#include <qt6keychain/keychain.h>

namespace {

const QLatin1StringView storePrefix("store/");
const QLatin1StringView consoleInfix("/console/");

// "console C of store S" for keys made by consoleKey(), the quoted key otherwise.
QString describe(const QString &key)
{
    const qsizetype infix = key.lastIndexOf(consoleInfix);
    if (key.startsWith(storePrefix) && infix > storePrefix.size()
        && infix + consoleInfix.size() < key.size()) {
        const QString store = key.mid(storePrefix.size(), infix - storePrefix.size());
        const QString console = key.mid(infix + consoleInfix.size());
        return QStringLiteral("console %1 of store %2").arg(console, store);
    }
    return QStringLiteral("key \"%1\"").arg(key);
}

} // namespace

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

CredentialStore::~CredentialStore() = default;

const char *CredentialStore::verb(Operation operation)
{
    switch (operation) {
    case Operation::Write:
        return "write";
    case Operation::Read:
        return "read";
    case Operation::Remove:
        break;
    }
    return "remove";
}

QString CredentialStore::consoleKey(const QString &storeId, const QString &consoleId)
{
    return storePrefix + storeId + consoleInfix + consoleId;
}

QString CredentialStore::consoleService()
{
    return QStringLiteral("kitchen-console");
}

void CredentialStore::write(const QString &key, const QByteArray &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(secret);
    start(job, Operation::Write, key);
}

void CredentialStore::read(const QString &key)
{
    start(new QKeychain::ReadPasswordJob(m_service), Operation::Read, key);
}

void CredentialStore::remove(const QString &key)
{
    start(new QKeychain::DeletePasswordJob(m_service), Operation::Remove, key);
}

// Jobs have no parent: a job deleted while the backend still holds a callback to it would crash, so
// a job always runs to its end and deletes itself. The connection's context is this store, so a job
// that finishes after the store is gone reports to nobody.
void CredentialStore::start(QKeychain::Job *job, Operation operation, const QString &key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file in place of a keyring
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [this, operation, key](QKeychain::Job *done) { finish(done, operation, key); });
    qCDebug(lcSecurity) << verb(operation) << "credential" << key;
    job->start();
}

void CredentialStore::finish(QKeychain::Job *job, Operation operation, const QString &key)
{
    if (job->error() != QKeychain::NoError) {
        if (operation == Operation::Remove && job->error() == QKeychain::EntryNotFound) {
            Q_EMIT removed(key);
            return;
        }
        const QString message = failureMessage(job, operation, key);
        if (job->error() == QKeychain::EntryNotFound)
            qCInfo(lcSecurity).noquote() << message; // expected before a console is provisioned
        else
            qCWarning(lcSecurity).noquote() << message;
        Q_EMIT failed(key, message,
                      job->error() == QKeychain::EntryNotFound ? FailureKind::NotFound
                                                               : FailureKind::KeyringError);
        return;
    }
    switch (operation) {
    case Operation::Write:
        Q_EMIT written(key);
        break;
    case Operation::Read:
        Q_EMIT readDone(key, static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData());
        break;
    case Operation::Remove:
        Q_EMIT removed(key);
        break;
    }
}

QString CredentialStore::failureMessage(const QKeychain::Job *job, Operation operation,
                                        const QString &key) const
{
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return QStringLiteral("No credential stored for %1").arg(describe(key));
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("No keyring is available: start gnome-keyring or another Secret "
                              "Service (%1)")
            .arg(detail);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("The keyring refused access to the credential for %1: unlock the "
                              "keyring and try again (%2)")
            .arg(describe(key), detail);
    default:
        // Without a Secret Service QtKeychain reports a bare D-Bus error here (OtherError).
        return QStringLiteral("Could not %1 the credential for %2 in the keyring (%3): check that "
                              "gnome-keyring or another Secret Service is running and unlocked")
            .arg(QLatin1StringView(verb(operation)), describe(key), detail);
    }
}
