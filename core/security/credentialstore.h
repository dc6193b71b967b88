// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

/**
 * Secrets in the platform keyring (QtKeychain: Secret Service, KWallet, macOS Keychain, Windows
 * Credential Store), never in SQLite, settings or logs. Every call returns at once and answers with
 * exactly one signal; calls are served in the order they were made. Key names may be logged,
 * secrets never are.
 */
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    /** Why a call failed, for callers that must tell "nothing stored" from "keyring away". */
    enum class FailureKind {
        NotFound, // the keyring answered: nothing is stored under the key
        KeyringError, // no keyring, a locked one, refused access, or another error
    };
    Q_ENUM(FailureKind)

    /** service names the application in the keyring, e.g. "kitchen-console". */
    explicit CredentialStore(const QString &service, QObject *parent = nullptr);
    ~CredentialStore() override;

    QString service() const { return m_service; }

    /** Stores (or replaces) secret under key; answers written() or failed(). */
    void write(const QString &key, const QByteArray &secret);
    /** Looks key up; answers readDone() or failed() (also when nothing is stored). */
    void read(const QString &key);
    /** Deletes key; answers removed() or failed(). Removing an absent key is not an error. */
    void remove(const QString &key);

    /** The key under which a console's credential for a store is kept. */
    static QString consoleKey(const QString &storeId, const QString &consoleId);
    /** The service the kitchen console's credentials live under, for every tool that reads them. */
    static QString consoleService();

Q_SIGNALS:
    void written(const QString &key);
    void readDone(const QString &key, const QByteArray &secret);
    void removed(const QString &key);
    /** message is for people: it says what is wrong and, where it can, what to do. */
    void failed(const QString &key, const QString &message, CredentialStore::FailureKind kind);

private:
    enum class Operation { Write, Read, Remove };
    static const char *verb(Operation operation);
    void start(QKeychain::Job *job, Operation operation, const QString &key);
    void finish(QKeychain::Job *job, Operation operation, const QString &key);
    QString failureMessage(const QKeychain::Job *job, Operation operation,
                           const QString &key) const;

    const QString m_service;
};
