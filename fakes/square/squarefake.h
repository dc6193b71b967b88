// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakevendorserver.h"
#include "fakes/square/squareorderbook.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

/**
 * A fake of Square's Orders API v2 (and the locations it needs), shaped after Square's published
 * specification rather than after our adapter: Bearer tokens that can expire, the Square-Version
 * header, create, retrieve, batch-retrieve, search with a cursor, sparse updates with `version`
 * and VERSION_MISMATCH, idempotency keys (a repeat applies once; another payload under the same
 * key is IDEMPOTENCY_KEY_REUSED), Square's error bodies, and signed summary webhooks.
 * Orders rung up "at the POS" come from createCounterOrder(). fakes/README.md lists the control
 * paths.
 */
class SquareFake final : public FakeVendorServer
{
    Q_OBJECT

public:
    static constexpr char currentVersion[] = "2026-09-16";
    static constexpr char defaultToken[] = "EAAAl-fake-square-access-token";
    static constexpr char defaultLocation[] = "LOC1";
    static constexpr char defaultSignatureKey[] = "fake-square-signature-key";

    explicit SquareFake(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SquareFake)

    QString vendor() const override { return QStringLiteral("square"); }

    /** Ids, uids and event ids from this seed. */
    void setSeed(quint32 seed) { m_book.setSeed(seed); }
    void addAccessToken(const QString &token) { m_tokens.insert(token, false); }
    /** The token is still known but answered ACCESS_TOKEN_EXPIRED. */
    void expireAccessToken(const QString &token) { m_tokens.insert(token, true); }
    void addLocation(const QString &id, const QString &name,
                     const QString &currency = QStringLiteral("USD"))
    {
        m_book.addLocation(id, name, currency);
    }
    /** The Square-Version of every vendor request so far, "" where none was sent. */
    const QStringList &squareVersionsSeen() const { return m_versionsSeen; }

    /** An order rung up at the POS (Square's JSON, as a cashier would make it); its new id. */
    QString createCounterOrder(const QJsonObject &order, bool updatable = true);
    /** The order as stored (without response quirks). */
    std::optional<QJsonObject> order(const QString &id) const { return m_book.find(id); }
    /** Square moving an order's version by itself; false for an unknown or unversioned order. */
    bool bumpVersion(const QString &id);
    /** Responses carry fields and enum values the documentation does not name (DIGITAL). */
    void setUnknownValues(bool on) { m_unknownValues = on; }
    /** Line item notes in responses carry a card-like number, to test redaction. */
    void setCardNumberInNotes(bool on) { m_cardInNotes = on; }

    void setSignatureKey(const QString &key) { m_signatureKey = key; }
    QString signatureKey() const { return m_signatureKey; }
    /** base64(HMAC-SHA256(key, notification URL + body)): Square's x-square-hmacsha256-signature. */
    static QByteArray signature(const QString &key, const QString &url, const QByteArray &body);
    /** Sends a webhook of `type` (order.created, order.updated, order.fulfillment.updated) for an
     * order now; its event id, or empty when there is no such order or no webhook URL. */
    QString sendOrderWebhook(const QString &orderId, const QString &type,
                             bool badSignature = false);

protected:
    FakeReply errorReply(int status, const QString &code) const override;
    FakeReply rateLimitedReply(int retryAfterS) const override;
    FakeHeaders webhookHeaders(const QByteArray &body, int attempt, qint64 firstSentMs,
                               bool badSignature) const override;

private:
    struct KeyUse
    {
        QByteArray fingerprint;
        FakeReply firstReply;
        QString orderId;
        bool create = false;
    };
    using JsonHandler = std::function<FakeReply(const QJsonObject &, const QStringList &,
                                                const FakeRequest &)>;

    void addApiRoute(const QByteArray &method, const QString &pattern, JsonHandler handler);
    std::optional<FakeReply> refuse(const FakeRequest &request);
    FakeReply createOrder(const QJsonObject &body, const FakeRequest &request);
    FakeReply updateOrder(const QString &id, const QJsonObject &body, const FakeRequest &request);
    FakeReply searchOrders(const QJsonObject &body);
    FakeReply orderReply(const QJsonObject &order) const;
    QString sendSummary(const QJsonObject &order, const QString &type,
                        const QJsonArray &fulfillmentUpdates, bool badSignature);
    QJsonObject render(QJsonObject order) const;
    void addControlRoutes();

    SquareOrderBook m_book;
    QHash<QString, bool> m_tokens; // token → expired
    QStringList m_versionsSeen;
    QHash<QString, KeyUse> m_keys;
    QString m_signatureKey = QString::fromLatin1(defaultSignatureKey);
    QString m_merchantId = QStringLiteral("MLFAKEMERCHANT");
    bool m_unknownValues = false;
    bool m_cardInNotes = false;
};
