// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exitcode.h"

#include "sync/platformlink.h"
#include "sync/platformlogreader.h"

#include <QObject>
#include <QTimer>

class AdminCommands;
class CredentialStore;
class QTextStream;
class Store;

/**
 * verify --hub: the local check, then this console against the platform. Reads the console's
 * credential from the keyring, the platform's log with PlatformLogReader, and prints what
 * PlatformAudit finds, one "platform: " line each. Answers done() once with the exit code:
 * ProblemsFound if either check found something, PlatformUnavailable if the platform could not
 * be asked (and the local check was clean), Ok otherwise. The credential is never printed.
 */
class PlatformVerify final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformVerify)

public:
    PlatformVerify(AdminCommands &commands, Store &store, CredentialStore &credentials,
                   const LinkConfig &link, QTextStream &out, QTextStream &err,
                   QObject *parent = nullptr);

    /** Bounds the keyring's answer and, separately, the platform's read. */
    void setTimeoutMs(int timeoutMs);
    void start();

Q_SIGNALS:
    void done(ExitCode code);

private:
    void onCredential(const QString &key, const QByteArray &secret);
    void onCredentialFailed(const QString &key, const QString &message);
    void onLog(const QList<Protocol::SequencedEvent> &log);
    void onLogFailed(const QString &message);
    void onKeyringTimeout();
    void cannotAsk(const QString &message);

    AdminCommands &m_commands;
    Store &m_store;
    CredentialStore &m_credentials;
    PlatformLogReader m_reader;
    QTimer m_keyringTimer; // a keyring waiting for an unlock prompt nobody sees must not hang
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_key;
    QString m_storeId;
    QString m_consoleId;
    ExitCode m_local = ExitCode::Ok;
};
