// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pos/posvendor.h"

#include <QCoreApplication>
#include <QHash>

/**
 * Square's Orders API: the kitchen's progress is written as the order's fulfillment state, with
 * the order's current version (re-fetched on VERSION_MISMATCH) and the event's id as idempotency
 * key; an order that did not come from Square is created there once, its key derived from our
 * order id so a retried create is the same create. docs/pos.md says what is written and read.
 */
class SquareVendor final : public PosVendor
{
    Q_DECLARE_TR_FUNCTIONS(SquareVendor)

public:
    /** The API version this adapter is written against (reference/pos-apis.md §5). */
    static constexpr const char *apiVersion = "2026-09-16";

    struct Config
    {
        QString locationId; // every order read or written belongs to it
        QString currency = QStringLiteral("USD"); // for the zero prices of orders created here
        QByteArray signatureKey {}; // the webhook subscription's key, from the keychain
    };

    /** What this adapter knows of an order at Square: its id there, version and fulfillment. */
    struct Ref
    {
        QString squareId;
        qint64 version = -1; // -1: not known, fetch before updating
        QString fulfillmentUid;
        QString fulfillmentState;
    };

    explicit SquareVendor(Config config);

    QString name() const override { return QStringLiteral("square"); }
    QString displayName() const override { return QStringLiteral("Square"); }
    QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;
    std::unique_ptr<PosWrite> write(const OrderEvent &event, const Order &order) override;
    Result<PosOrder> readOrder(const QJsonObject &json) const override;
    Result<PosChanges> readWebhook(const PosWebhook &webhook) const override;
    Result<void> checkSignature(const PosWebhook &webhook) const override;
    PosCall fetchOrder(const QString &orderId) const override;
    Result<PosChanges> readFetched(const PosAnswer &answer) const override;
    PosCall pollSince(const QString &cursor, qint64 sinceMs) const override;
    Result<PosChanges> readPoll(const PosAnswer &answer, const QString &cursor) const override;
    /** Square's search passes over a location it does not know: the location is asked for. */
    PosCall probe(qint64 sinceMs) const override;

    const Config &config() const { return m_config; }
    /** What is known of an order of ours at Square, if anything. */
    std::optional<Ref> ref(const QString &orderId) const;
    void remember(const QString &orderId, const Ref &ref) { m_refs.insert(orderId, ref); }

    /** The idempotency key of the one create of an order of ours at Square. */
    static QString createKey(const QString &orderId);

private:
    /** The search for orders updated at or after startAt (RFC 3339), from Square's page cursor. */
    PosCall search(const QString &startAt, const QString &pageCursor) const;

    Config m_config;
    QHash<QString, Ref> m_refs; // our order id → Square's, learnt from answers
};
