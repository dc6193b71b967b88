// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakevendorserver.h"
#include "fakes/toast/toastorderbook.h"

#include <QHash>
#include <QJsonObject>

/**
 * A fake of Toast's Orders API v2 and its machine-client login, shaped after Toast's published
 * specification rather than after our adapter: Bearer tokens that expire on the fake's clock,
 * the Toast-Restaurant-External-ID header on every call, ordersBulk by modified time with
 * RFC-5988 Link headers, create with unique externalIds (or duplicates, as before 2026-02-02),
 * void, delivery state, a kitchen state no endpoint writes, ErrorMessage bodies, and full-order
 * webhooks signed over body + timestamp and retried after 5 and 10 minutes, then dropped.
 * Orders rung up at the till come from createTillOrder(). fakes/README.md lists the control paths.
 */
class ToastFake final : public FakeVendorServer
{
    Q_OBJECT

public:
    static constexpr char defaultClientId[] = "fake-toast-client-id";
    static constexpr char defaultClientSecret[] = "fake-toast-client-secret";
    static constexpr char defaultRestaurantGuid[] = "6b5f1b0e-2d3c-4e8a-9f10-0000000000a1";
    static constexpr char defaultWebhookSecret[] = "fake-toast-webhook-secret";
    static constexpr int defaultTokenLifetimeS = 86400;
    static constexpr qint64 firstRetryDelayMs = 5 * 60 * 1000;
    static constexpr qint64 secondRetryDelayMs = 10 * 60 * 1000;

    explicit ToastFake(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ToastFake)

    QString vendor() const override { return QStringLiteral("toast"); }

    /** Guids from this seed. */
    void setSeed(quint32 seed) { m_book.setSeed(seed); }
    void setCredentials(const QString &clientId, const QString &clientSecret)
    {
        m_clientId = clientId;
        m_clientSecret = clientSecret;
    }
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }
    void setRestaurantGuid(const QString &guid) { m_restaurantGuid = guid; }
    QString restaurantGuid() const { return m_restaurantGuid; }
    /** The expiresIn of tokens issued from now on, in seconds of the fake's clock. */
    void setTokenLifetime(int seconds) { m_tokenLifetimeS = seconds; }
    /** A token as the login would issue it, for tests that skip the login. */
    QString issueToken();

    /** true (the default, Toast since 2026-02-02): a second create with an externalId fails
     * with 409; false: it makes a second order, as Toast did before. */
    void setExternalIdUnique(bool unique) { m_externalIdUnique = unique; }
    bool externalIdUnique() const { return m_externalIdUnique; }

    /** An order rung up at the till (Toast's JSON, source "In Store"); its guid, or empty when
     * the order is not valid. Sends order_updated. */
    QString createTillOrder(const QJsonObject &order);
    /** The order as stored (without response quirks). */
    std::optional<QJsonObject> order(const QString &guid) const { return m_book.find(guid); }
    /** The Toast kitchen moving one selection (or all, with an empty selectionGuid): bumps
     * modifiedDate and sends order_updated. false when there is no such order or selection. */
    bool setFulfillmentStatus(const QString &orderGuid, const QString &selectionGuid,
                              const QString &status);
    /** Responses carry a selectionType and a unitOfMeasure the documentation does not name,
     * and an undocumented field. */
    void setUnknownValues(bool on) { m_unknownValues = on; }
    /** Selections carry a special request with a card-like number; delivery notes too. */
    void setCardNumberInNotes(bool on) { m_cardInNotes = on; }

    void setWebhookSecret(const QString &secret) { m_webhookSecret = secret; }
    QString webhookSecret() const { return m_webhookSecret; }
    /** base64(HMAC-SHA256(secret, body + timestamp)): Toast's Toast-Signature. */
    static QByteArray signature(const QString &secret, const QByteArray &body,
                                const QString &timestamp);
    /** Sends order_updated with the full order now; the event guid, or empty when there is no
     * such order or no webhook URL. */
    QString sendOrderWebhook(const QString &orderGuid, bool badSignature = false);

protected:
    FakeReply errorReply(int status, const QString &code) const override;
    FakeReply rateLimitedReply(int retryAfterS) const override;
    FakeHeaders webhookHeaders(const QByteArray &body, int attempt, qint64 firstSentMs,
                               bool badSignature) const override;

private:
    using JsonHandler =
        std::function<FakeReply(const QJsonObject &, const QStringList &, const FakeRequest &)>;

    void addApiRoute(const QByteArray &method, const QString &pattern, JsonHandler handler);
    std::optional<FakeReply> refuse(const FakeRequest &request) const;
    FakeReply login(const QJsonObject &body);
    FakeReply ordersBulk(const FakeRequest &request);
    FakeReply orderGuids(const FakeRequest &request);
    FakeReply createOrder(const QJsonObject &body, const FakeRequest &request);
    FakeReply written(const ToastOrderChange &change, const QString &ledgerKey,
                      const FakeRequest &request);
    QJsonObject render(QJsonObject order) const;
    void addApiRoutes();
    void addControlRoutes();

    ToastOrderBook m_book;
    QHash<QString, qint64> m_tokens; // token → expiry (ms on the fake's clock)
    QString m_clientId = QString::fromLatin1(defaultClientId);
    QString m_clientSecret = QString::fromLatin1(defaultClientSecret);
    QString m_restaurantGuid = QString::fromLatin1(defaultRestaurantGuid);
    QString m_webhookSecret = QString::fromLatin1(defaultWebhookSecret);
    int m_tokenLifetimeS = defaultTokenLifetimeS;
    bool m_externalIdUnique = true;
    bool m_unknownValues = false;
    bool m_cardInNotes = false;
};
