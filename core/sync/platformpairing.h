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

class QWebSocket;

/**
 * The pairing exchange with a platform: opens the link (wss://, or ws:// to this machine), sends
 * the one-time code someone typed and hands over the credential the platform answers with, never
 * logging it (ConsolePairing keeps it in the keyring). Answers with exactly one of paired() or
 * failed() per pair(), failed() in words for the person at the screen.
 */
class PlatformPairing final : public QObject
{
    Q_OBJECT

public:
    /** How long the platform has to answer before failed(). */
    static constexpr int defaultTimeoutMs = 15'000;

    explicit PlatformPairing(QObject *parent = nullptr);
    ~PlatformPairing() override;
    Q_DISABLE_COPY_MOVE(PlatformPairing)

    /** Starts pairing; an earlier one still under way is abandoned without a signal. */
    void pair(const QUrl &url, const QString &code,
              const std::optional<QSslConfiguration> &ssl = std::nullopt);
    /** Abandons the pairing under way, without a signal. */
    void cancel();
    /** Ends the pairing under way with failed(message), if one is under way. */
    void fail(const QString &message);
    bool isBusy() const { return m_busy; }
    void setTimeoutMs(int ms) { m_timeout.setInterval(ms); }

Q_SIGNALS:
    /** Who this console now is, and its secret: to be kept at once, and nowhere else. */
    void paired(const QString &storeId, const QString &consoleId, const QByteArray &credential);
    void failed(const QString &message);

private:
    void onConnected();
    void onTextMessage(const QString &text);
    void onClosed();
    static QString refusalWords(const QString &code);

    QPointer<QWebSocket> m_socket;
    QTimer m_timeout;
    QString m_code;
    bool m_busy = false;
    bool m_answered = false; // the platform said paired or why not
};
