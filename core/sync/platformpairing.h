// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <optional>

class CredentialStore;
class QWebSocket;

/**
 * Pairs this console with a platform without a terminal: opens the link (wss://, or ws:// to
 * this machine), sends the one-time code someone typed, and keeps the credential the platform
 * answers with in the keyring. The credential is never shown, logged or written elsewhere. Answers
 * with exactly one of paired() or failed() per pair(), failed() in words for the person at the
 * screen.
 */
class PlatformPairing final : public QObject
{
    Q_OBJECT

public:
    /** How long the platform has to answer before failed(). */
    static constexpr int defaultTimeoutMs = 15'000;

    explicit PlatformPairing(CredentialStore &credentials, QObject *parent = nullptr);
    ~PlatformPairing() override;
    Q_DISABLE_COPY_MOVE(PlatformPairing)

    /** Starts pairing; an earlier one still under way is abandoned without a signal. */
    void pair(const QUrl &url, const QString &code,
              const std::optional<QSslConfiguration> &ssl = std::nullopt);
    /** Abandons the pairing under way, without a signal. */
    void cancel();
    bool isBusy() const { return m_busy; }
    void setTimeoutMs(int ms) { m_timeout.setInterval(ms); }

Q_SIGNALS:
    /** The credential is in the keyring, under CredentialStore::consoleKey(storeId, consoleId). */
    void paired(const QString &storeId, const QString &consoleId);
    void failed(const QString &message);

private:
    void onConnected();
    void onTextMessage(const QString &text);
    void onClosed();
    void finish(const QString &failure);
    static QString refusalWords(const QString &code);

    CredentialStore &m_credentials;
    QPointer<QWebSocket> m_socket;
    QTimer m_timeout;
    QString m_code;
    QString m_key; // the keyring key being written
    QString m_storeId;
    QString m_consoleId;
    bool m_busy = false;
    bool m_answered = false; // the platform said paired or why not
};
