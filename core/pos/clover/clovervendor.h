// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pos/posvendor.h"

#include <QCoreApplication>
#include <QHash>

/**
 * Clover's REST API v3 for one merchant. Clover keeps no kitchen state, so the kitchen's steps
 * stay ours: a Clover order's steps are delivered at once with nothing written. An order that did
 * not come from Clover is created there once (one atomic call, found again by an
 * externalReferenceId derived from our order id), and its rejection or cancellation is written as
 * a note. Inbound, webhooks name orders only (checked by the X-Clover-Auth code) and polls list
 * orders by modifiedTime. docs/pos.md says what is written and read.
 */
class CloverVendor final : public PosVendor
{
    Q_DECLARE_TR_FUNCTIONS(CloverVendor)

public:
    /** Orders a page of a poll asks for (Clover allows up to 1000). */
    static constexpr int pollPageSize = 100;
    /** Clover keeps an externalReferenceId for other systems: 12 characters at most. */
    static constexpr int referenceLength = 12;

    struct Config
    {
        QString merchantId; // every call is under /v3/merchants/{merchantId}
        QString appId; // the app's id (its OAuth client_id): a webhook names it
        QByteArray webhookAuthCode; // X-Clover-Auth, from the keychain
    };

    explicit CloverVendor(Config config);

    QString name() const override { return QStringLiteral("clover"); }
    QString displayName() const override { return QStringLiteral("Clover"); }
    QList<QPair<QByteArray, QByteArray>> commonHeaders() const override { return {}; }
    std::unique_ptr<PosWrite> write(const OrderEvent &event, const Order &order) override;
    Result<PosOrder> readOrder(const QJsonObject &json) const override;
    Result<PosChanges> readWebhook(const PosWebhook &webhook) const override;
    Result<void> checkSignature(const PosWebhook &webhook) const override;
    PosCall fetchOrder(const QString &orderId) const override;
    Result<PosChanges> readFetched(const PosAnswer &answer) const override;
    PosCall pollSince(const QString &cursor, qint64 sinceMs) const override;
    Result<PosChanges> readPoll(const PosAnswer &answer, const QString &cursor) const override;
    /** Clover lists no deleted orders: a lost DELETE webhook would leave the ticket for good. */
    bool pollMissesDeletes() const override { return true; }
    /** A 404 for an order: deleted (an unknown merchant or a lapsed token is a 401). */
    bool saysGone(const PosAnswer &answer) const override { return answer.status == 404; }

    const Config &config() const { return m_config; }
    /** A path under the merchant: "/orders" → "/v3/merchants/{mId}/orders". */
    QString merchantPath(const QString &path) const;
    /** Clover's id of an order of ours created there, once known. */
    std::optional<QString> cloverId(const QString &orderId) const;
    void remember(const QString &orderId, const QString &cloverId);

    /**
     * The externalReferenceId of our order at Clover: "KC" and ten characters of a hash of our
     * order id (Clover keeps 12 at most), so a retried create can look for it first.
     */
    static QString referenceFor(const QString &orderId);

    /** Clover's words for an unsuccessful answer: its status and message. */
    static QString answerWords(const PosAnswer &answer);

private:
    /** The list of orders modified at or after sinceMs, oldest change first, from offset. */
    PosCall listModified(qint64 sinceMs, int offset) const;

    Config m_config;
    QHash<QString, QString> m_cloverIds; // our order id → Clover's, learnt from answers
};
