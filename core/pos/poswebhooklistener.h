// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class PosFeed;
class QHttpServerRequest;
class QTcpSocket;

/**
 * The small HTTP server a POS's webhooks reach: one path per POS ("/pos/square"), each handing
 * its POSTs to that POS's feed. It answers at once (vendors want an answer within seconds):
 * 200 when the feed took the webhook, 401 when its signature was refused, 404, 405 or 413 for
 * requests that are no webhook of ours. In a store it sits behind the store's tunnel or proxy;
 * tests use it on loopback.
 */
class PosWebhookListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosWebhookListener)

public:
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;

    explicit PosWebhookListener(QObject *parent = nullptr);
    ~PosWebhookListener() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    /**
     * Webhooks POSTed to path go to feed. registeredUrl is the URL as the vendor knows it (the
     * public one, which Square signs); empty: the URL the request came to.
     */
    void route(const QString &path, PosFeed *feed, const QUrl &registeredUrl = {});

Q_SIGNALS:
    /** A request was answered with an error status; reason in words, for the log view. */
    void refused(const QString &path, const QString &reason);

private:
    class Http;
    struct Route
    {
        QPointer<PosFeed> feed;
        QUrl registeredUrl;
    };
    void handle(const QHttpServerRequest &request, QTcpSocket *socket);

    std::unique_ptr<Http> m_http;
    QHash<QString, Route> m_routes;
    quint16 m_port = 0;
    QString m_error;
};
