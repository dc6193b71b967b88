// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"
#include "fakes/faultscript.h"
#include "fakes/webhooksender.h"
#include "fakes/writeledger.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;
class QHttpServerRequest;

/**
 * What every fake POS vendor shares: an HTTP server on 127.0.0.1, routes its vendor registers,
 * a fault script applied before any route (fail, 429, latency, disconnect), going away and coming
 * back on the same port, a ledger of applied writes, an injectable clock, a webhook sender, and
 * a control API under /__fake/ that drives all of it over HTTP (fakes/README.md).
 *
 * Built on QAbstractHttpServer (QHttpServer's base in Qt 6.4) rather than QHttpServer's router:
 * the script must act before routing, and slow answers go out later from a timer, which
 * QHttpServer's synchronous route results cannot do.
 */
class FakeVendorServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeVendorServer(QObject *parent = nullptr);
    ~FakeVendorServer() override;
    Q_DISABLE_COPY_MOVE(FakeVendorServer)

    /** The vendor's name as pos-fake knows it ("square"). */
    virtual QString vendor() const = 0;

    /** Listens on 127.0.0.1; port 0 lets the OS pick. */
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    bool isListening() const { return m_tcp != nullptr; }
    /** Stops listening and closes open connections: connecting is refused until comeBack(). */
    void goAway();
    /** Listens again on the same port. */
    bool comeBack();

    /** The fault script; the helpers below add the common rules. */
    FaultScript &faults() { return m_faults; }
    void failNext(int count, int status, const QString &pathPrefix = {}, const QString &code = {});
    void rateLimitNext(int count, int retryAfterS, const QString &pathPrefix = {});
    void delayNext(int count, int delayMs, const QString &pathPrefix = {});
    void disconnectNext(int count, const QString &pathPrefix = {});
    void clearFaults() { m_faults.clear(); }

    const WriteLedger &ledger() const { return m_ledger; }
    QList<AppliedWrite> appliedWrites(const QString &key) const
    {
        return m_ledger.appliedWrites(key);
    }
    qsizetype appliedWriteCount() const { return m_ledger.appliedWriteCount(); }

    /** Every vendor request answered so far (control requests excluded), oldest first. */
    const QList<FakeExchange> &exchanges() const { return m_exchanges; }

    void setClock(FakeClock clock) { m_clock = std::move(clock); }
    qint64 nowMs() const { return m_clock(); }

    /** Where webhooks go; empty sends none. Kept as text: Square signs the URL exactly as given. */
    void setWebhookUrl(const QString &url) { m_webhookUrl = url; }
    QString webhookUrl() const { return m_webhookUrl; }
    WebhookSender &webhooks() { return m_webhooks; }
    /** Sends the event's latest body again, as a retry (same event id, next attempt number). */
    bool replayWebhook(const QString &eventId);
    /**
     * The vendor's own retries of a webhook its receiver did not answer 2xx (or not at all): one
     * retry after each delay in turn, in ms on the fake's clock from the failed attempt, then the
     * event is dropped. Empty (the default) retries nothing. Retries go out from tick().
     */
    void setWebhookRetrySchedule(const QList<qint64> &delaysMs) { m_retryDelaysMs = delaysMs; }
    /** Sends every webhook retry due by nowMs(); a test calls it after moving its clock. Returns
     * how many went out. */
    int tick();
    /** Retries scheduled and not yet sent. */
    int pendingWebhookRetries() const { return int(m_retryDueMs.size()); }
    /** Events whose retries ran out, oldest first. */
    const QStringList &droppedWebhooks() const { return m_droppedWebhooks; }

Q_SIGNALS:
    /** A vendor request was answered (or dropped: status 0). */
    void answered(const QString &method, const QString &path, int status);
    /** A webhook failed its last scheduled retry and will not be sent again. */
    void webhookDropped(const QString &eventId);

protected:
    /** Routes a vendor path; "{}" in the pattern matches one path segment. */
    void addRoute(const QByteArray &method, const QString &pattern, FakeHandler handler);
    /** Routes a control path, under /__fake/; faults never apply to these. */
    void addControlRoute(const QByteArray &method, const QString &pattern, FakeHandler handler);
    WriteLedger &writeLedger() { return m_ledger; }

    /** The vendor's error answer for a status (and its code, empty for the usual one). */
    virtual FakeReply errorReply(int status, const QString &code) const = 0;
    /** The vendor's 429, with its rate-limit headers and Retry-After. */
    virtual FakeReply rateLimitedReply(int retryAfterS) const = 0;
    /** Headers of one webhook delivery: signatures, attempt numbers, first delivery time. */
    virtual FakeHeaders webhookHeaders(const QByteArray &body, int attempt, qint64 firstSentMs,
                                       bool badSignature) const = 0;
    /** Sends a webhook to webhookUrl(); false when none is set. */
    bool sendWebhook(const QString &eventId, const QByteArray &body, bool badSignature = false);

    static FakeReply jsonReply(int status, const QJsonObject &object);

private:
    class Http;
    struct Route
    {
        QByteArray method;
        QStringList segments;
        FakeHandler handler;
    };

    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    FakeReply dispatch(const QList<Route> &routes, const FakeRequest &request, bool *found) const;
    void answer(QPointer<QTcpSocket> socket, const FakeReply &reply);
    void addBaseControlRoutes();
    void onWebhookDelivered(const QString &eventId, int status);

    std::unique_ptr<Http> m_http;
    QTcpServer *m_tcp = nullptr; // owned by m_http while listening
    quint16 m_port = 0;
    QList<Route> m_routes;
    QList<Route> m_controlRoutes;
    FaultScript m_faults;
    WriteLedger m_ledger;
    QList<FakeExchange> m_exchanges;
    FakeClock m_clock;
    QString m_webhookUrl;
    WebhookSender m_webhooks;
    QHash<QString, qint64> m_firstSentMs;
    // The retry schedule: per event, retries used and when its awaited attempt went out.
    struct RetryState
    {
        int used = 0;
        qint64 sentMs = 0;
        bool awaiting = false;
    };
    QList<qint64> m_retryDelaysMs;
    QHash<QString, RetryState> m_retries;
    QHash<QString, qint64> m_retryDueMs; // event → when its next retry is due
    QStringList m_droppedWebhooks;
};
