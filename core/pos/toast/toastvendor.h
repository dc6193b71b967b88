// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pos/posvendor.h"

#include <QCoreApplication>
#include <QHash>

/**
 * Toast's Orders API v2. Toast's kitchen state is read only: it is mirrored from the selections'
 * fulfillmentStatus, never written. What is written: an order that did not come from Toast is
 * created there once (its externalId derived from our order id, looked up before any create), voided
 * when we cancel or reject it, and a delivery order's deliveryState follows our courier steps.
 * Toast's webhooks carry the whole order; ordersBulk by modified time is the safety net for the
 * webhooks Toast drops after two retries. docs/pos.md says what is written and read.
 */
class ToastVendor final : public PosVendor
{
    Q_DECLARE_TR_FUNCTIONS(ToastVendor)

public:
    struct Config
    {
        QString restaurantGuid; // Toast-Restaurant-External-ID of every call
        QByteArray webhookSecret; // the webhook subscription's secret, from the keychain
        QString diningOptionGuid; // what an order created here is made with (take-out)
        QString deliveryDiningOptionGuid; // for a delivery order; empty: diningOptionGuid
        QString menuItemGuid; // the open item each line of an order created here is rung up as
        QStringList dineInDiningOptions; // dining options that read as dine-in
    };

    explicit ToastVendor(Config config);

    QString name() const override { return QStringLiteral("toast"); }
    QString displayName() const override { return QStringLiteral("Toast"); }
    QList<QPair<QByteArray, QByteArray>> commonHeaders() const override;
    std::unique_ptr<PosWrite> write(const OrderEvent &event, const Order &order) override;
    Result<PosOrder> readOrder(const QJsonObject &json) const override;
    Result<PosChanges> readWebhook(const PosWebhook &webhook) const override;
    Result<void> checkSignature(const PosWebhook &webhook) const override;
    PosCall fetchOrder(const QString &orderId) const override;
    Result<PosChanges> readFetched(const PosAnswer &answer) const override;
    PosCall pollSince(const QString &cursor, qint64 sinceMs) const override;
    Result<PosChanges> readPoll(const PosAnswer &answer, const QString &cursor) const override;

    const Config &config() const { return m_config; }

    /** The externalId an order of ours is created with at Toast: unique, prefixed. */
    static QString externalIdFor(const QString &orderId);
    /** Our order id when externalId is one this console made; empty otherwise. */
    static QString orderIdOf(const QString &externalId);
    /** Toast's guid for an order of ours, once learnt from an answer. */
    QString toastGuid(const QString &orderId) const { return m_guids.value(orderId); }
    void rememberGuid(const QString &orderId, const QString &guid) { m_guids.insert(orderId, guid); }

    /** Toast's time format: 2026-12-02T12:00:00.000+0000 (UTC). */
    static QString toastTime(qint64 utcMs);
    /** Toast's time (any ±hhmm offset) in UTC ms; 0 when unreadable. */
    static qint64 utcMs(const QString &toastTime);

private:
    /** The page of ordersBulk modified from startDate on (query as Toast wants it encoded). */
    PosCall bulk(const QString &startDate, int page) const;

    Config m_config;
    QHash<QString, QString> m_guids; // our order id → Toast's guid
};
