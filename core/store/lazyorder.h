// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QByteArray>

#include <memory>

/**
 * An order as the store holds it: the columns it sorts and filters on (id, number, type, state,
 * times) at hand, the rest (items, notes, customer, schedule) decoded from the stored body the
 * first time anything asks for it. A cold start with thousands of open tickets decodes those the
 * board paints, not every one. Copies share one decode. A body that cannot be decoded is logged
 * and the order keeps only its columns.
 */
class LazyOrder final
{
public:
    LazyOrder() = default;
    /** An order already whole. */
    explicit LazyOrder(const Order &order);
    /** head holds the columns; body is the stored JSON (UTF-8), decoded when first needed. */
    LazyOrder(const Order &head, const QByteArray &body);

    /** Every order of orders, whole. */
    static QList<LazyOrder> wrap(const QList<Order> &orders);

    /** id, storeId, number, type, state, placedAt, stateSince, promisedAt, updatedAt,
     *  eventCount and scheduledFor: never decodes. The rest is only there once decoded. */
    const Order &head() const { return m_data->order; }
    /** The whole order: decodes the body the first time. */
    const Order &order() const;
    /** Whether order() is already whole (for tests and measurements). */
    bool isDecoded() const { return m_data->body.isEmpty(); }

private:
    struct Data
    {
        Order order;
        QByteArray body; // empty once decoded
    };
    std::shared_ptr<Data> m_data = std::make_shared<Data>();
};
