// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"
#include "fakes/toast/toasterror.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>

#include <optional>

/** What a write did: the order after it, or why it was refused; `applied` is false for a
 * write that changed nothing (a repeated void, the same delivery state again). */
struct ToastOrderChange
{
    std::optional<ToastError> error;
    QJsonObject order;
    bool applied = true;
};

/**
 * The Toast fake's orders, kept as Toast's own JSON (money in decimal major units, times as
 * ISO-8601 with milliseconds and a +0000 offset): create with validation, void, delivery
 * state, the kitchen's read-only fulfillment status, orders rung up at the till, and lookups
 * by guid, externalId and modified time. Knows nothing of HTTP, auth or webhooks (ToastFake).
 */
class ToastOrderBook final
{
public:
    static const QStringList deliveryStates;
    static const QStringList fulfillmentStatuses;

    explicit ToastOrderBook(FakeClock clock);

    /** Guids from this seed, so a run can be repeated. */
    void setSeed(quint32 seed) { m_random.seed(seed); }

    /** POST /orders: validates, assigns guids, displayNumber, dates and amounts. */
    ToastOrderChange create(const QJsonObject &order, const QString &source);
    /** POST /orders/{guid}/void with {selections:{voidAll}, payments:{voidAll}}. */
    ToastOrderChange voidOrder(const QString &guid, const QJsonObject &body);
    /** PATCH /orders/{guid}/deliveryInfo: only the fields Toast lets a client write. */
    ToastOrderChange patchDeliveryInfo(const QString &guid, const QJsonObject &patch);
    /** The Toast kitchen moving selections (one, or all when `selectionGuid` is empty). */
    ToastOrderChange setFulfillmentStatus(const QString &guid, const QString &selectionGuid,
                                          const QString &status);

    std::optional<QJsonObject> find(const QString &guid) const;
    /** Every order with this externalId (more than one only where duplicates were allowed). */
    QList<QJsonObject> findByExternalId(const QString &externalId) const;
    /** Orders modified in [startMs, endMs), oldest modification first. */
    QList<QJsonObject> modifiedBetween(qint64 startMs, qint64 endMs) const;
    /** Orders of one business date (yyyyMMdd), in the order they were made. */
    QList<QJsonObject> ofBusinessDate(int businessDate) const;
    QString newGuid();

    /** 2026-01-01T12:00:00.000+0000, Toast's time format. */
    static QString toastTime(qint64 ms);
    /** Toast's format with milliseconds and a ±hhmm offset; nothing for any other text. */
    static std::optional<qint64> parseToastTime(const QString &text);

private:
    std::optional<ToastError> checkOrder(const QJsonObject &order) const;
    QJsonObject newCheck(QJsonObject check, const QString &now);
    QJsonObject newSelection(QJsonObject selection, const QString &now);
    void store(const QJsonObject &order);
    static void setAmounts(QJsonObject &order);

    FakeClock m_clock;
    QRandomGenerator m_random;
    QHash<QString, QJsonObject> m_orders;
    QStringList m_guids; // in the order they were made
    int m_nextDisplayNumber = 1;
};
