// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/clover/cloverorderbook.h"
#include "fakes/clover/cloverratelimiter.h"
#include "fakes/clover/clovertokens.h"
#include "fakes/fakevendorserver.h"

#include <QJsonObject>

/**
 * A fake of Clover's REST API v3 for orders, shaped after Clover's published documentation
 * rather than after our adapter: expiring OAuth v2 tokens with single-use refresh tokens, paths
 * under /v3/merchants/{mId}/, `filter=` lists with offset paging, multi-call and atomic creates,
 * partial updates with no version (last writer wins) and no idempotency (a repeated create makes
 * a second order), print events, 429s with Clover's X-RateLimit-* headers, and ID-only webhooks
 * authenticated by a static X-Clover-Auth code that may be dropped. fakes/README.md lists the
 * control paths.
 */
class CloverFake final : public FakeVendorServer
{
    Q_OBJECT

public:
    static constexpr char defaultMerchantId[] = "FAKEMERCHANT1";
    /** The app's id, which is also its OAuth client_id. */
    static constexpr char defaultAppId[] = "FAKECLOVERAPP";
    static constexpr char defaultApiToken[] = "fake-clover-merchant-api-token";
    static constexpr char defaultAuthorizationCode[] = "fake-clover-oauth-code";
    static constexpr char defaultWebhookAuthCode[] = "fake-clover-x-clover-auth";

    explicit CloverFake(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CloverFake)

    QString vendor() const override { return QStringLiteral("clover"); }

    /** Ids and tokens from this seed. */
    void setSeed(quint32 seed);
    QString merchantId() const { return m_merchantId; }
    void setMerchantId(const QString &id) { m_merchantId = id; }
    QString appId() const { return m_appId; }

    // Tokens
    /** A fresh OAuth pair, as if the merchant had just installed the app. */
    CloverTokenPair issueTokens() { return m_tokens.issue(); }
    /** A merchant-generated API token (test merchants): never expires. */
    void addApiToken(const QString &token) { m_tokens.addStaticToken(token); }
    void addAuthorizationCode(const QString &code) { m_tokens.addAuthorizationCode(code); }
    void setTokenLifetimes(qint64 accessS, qint64 refreshS)
    {
        m_tokens.setLifetimes(accessS, refreshS);
    }
    /** When an access token stops working (UTC ms on the fake's clock). */
    std::optional<qint64> accessTokenExpiresAtMs(const QString &token) const
    {
        return m_tokens.accessExpiresAtMs(token);
    }
    bool expireAccessToken(const QString &token) { return m_tokens.expireNow(token); }

    // Orders at the till
    /** An order rung up at the till (Clover JSON; lineItems as [..] or {elements}); its id. */
    QString createCounterOrder(const QJsonObject &order);
    /** Header fields changed at the till (state "locked", paymentState "PAID", …). */
    bool updateCounterOrder(const QString &orderId, const QJsonObject &fields);
    /** A line item added at the till; its id, or empty for an unknown order or bad item. */
    QString addLineItemAtTill(const QString &orderId, const QJsonObject &item);
    /** A line item voided at the till. */
    bool removeLineItemAtTill(const QString &orderId, const QString &lineItemId);
    /** The order deleted (voided) at the till: gone, and a DELETE webhook. */
    bool deleteCounterOrder(const QString &orderId);
    /** The stored order with every line item (no cap, no quirks). */
    std::optional<QJsonObject> order(const QString &orderId) const;
    /** Orders whose externalReferenceId is `reference` (duplicates show as more than one). */
    QStringList ordersWithReference(const QString &reference) const;
    void addInventoryItem(const QString &id, const QString &name, qint64 price)
    {
        m_book.addItem(id, name, price);
    }

    // Printing
    /** How long a print event stays CREATED on the fake's clock (default 0: DONE at once). */
    void setPrintDurationMs(qint64 ms) { m_printDurationMs = ms; }
    void setPrinterFails(bool on) { m_printerFails = on; }
    /** Finishes print events whose time has come (every request does this first, too). */
    void settlePrinting();

    // Rate limits
    /** 16/s and 5 in flight per token, 50/s and 10 in flight per app; off by default. */
    void setRateLimitsEnforced(bool on) { m_limiter.setEnforced(on); }
    /** The header a scripted 429 (rateLimitNext) carries: tokenLimit (default),
     * crossTokenLimit, tokenConcurrentLimit or crossTokenConcurrentLimit. */
    bool setScriptedRateLimit(const QString &name);
    int inFlight(const QString &token) const { return m_limiter.inFlight(token); }

    // Quirks
    /** Responses carry a paymentState and fields the documentation does not name. */
    void setUnknownValues(bool on) { m_unknownValues = on; }
    /** Order and line item notes in responses carry a card-like number. */
    void setCardNumberInNotes(bool on) { m_cardInNotes = on; }

    // Webhooks
    void setWebhookAuthCode(const QString &code) { m_webhookAuthCode = code; }
    QString webhookAuthCode() const { return m_webhookAuthCode; }
    /** The next `count` webhooks are not sent (-1: none until set to 0); Clover does not
     * guarantee delivery, so polling by modifiedTime must catch up. */
    void dropWebhooks(int count) { m_dropWebhooks = count; }
    /** Event ids (the fake's own; Clover has none) of the webhooks dropped so far. */
    const QStringList &droppedWebhooks() const { return m_dropped; }
    /** Sends an order webhook now (CREATE, UPDATE or DELETE); its event id, or empty when no
     * webhook URL is set. `wrongAuth` sends a wrong X-Clover-Auth. */
    QString sendOrderWebhook(const QString &orderId, const QString &type, bool wrongAuth = false);
    /** Clover's URL check: POSTs {"verificationCode": code}, without X-Clover-Auth. */
    bool sendVerificationCode(const QString &code);

    /** The ledger key of a write that is not a create: "<kind>:<objectId>:<16 hex of SHA-256 of
     * the compact JSON body>" (kinds: update, line_item, bulk_line_items, delete_line_item,
     * delete, print_event). A create is keyed by its externalReferenceId. */
    static QString writeKey(const QString &kind, const QString &objectId, const QJsonObject &body);

protected:
    FakeReply errorReply(int status, const QString &code) const override;
    FakeReply rateLimitedReply(int retryAfterS) const override;
    FakeHeaders webhookHeaders(const QByteArray &body, int attempt, qint64 firstSentMs,
                               bool badSignature) const override;

private:
    using JsonHandler = std::function<FakeReply(const QJsonValue &, const QStringList &,
                                                const FakeRequest &)>;

    void addApiRoute(const QByteArray &method, const QString &pattern, JsonHandler handler);
    void addOAuthRoutes();
    void addOrderRoutes();
    void addControlRoutes();
    std::optional<FakeReply> refuse(const FakeRequest &request, const QString &merchantId);
    FakeReply listOrders(const FakeRequest &request);
    FakeReply getOrder(const QString &orderId, const FakeRequest &request);
    FakeReply created(const CloverWrite &write, const FakeRequest &request);
    void recordWrite(const QString &key, const FakeRequest &request, const QString &objectId);
    QJsonObject render(const QJsonObject &order, bool expandLineItems,
                       bool expandModifications) const;
    QJsonObject renderLineItem(const QJsonObject &item, bool expandModifications) const;

    CloverOrderBook m_book;
    CloverTokens m_tokens;
    CloverRateLimiter m_limiter;
    QString m_merchantId = QString::fromLatin1(defaultMerchantId);
    QString m_appId = QString::fromLatin1(defaultAppId);
    QString m_webhookAuthCode = QString::fromLatin1(defaultWebhookAuthCode);
    CloverRateLimiter::Breach m_scriptedBreach;
    qint64 m_printDurationMs = 0;
    bool m_printerFails = false;
    bool m_unknownValues = false;
    bool m_cardInNotes = false;
    int m_dropWebhooks = 0;
    QStringList m_dropped;
    int m_eventCount = 0;
};
