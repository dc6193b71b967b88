// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "store/lazyorder.h"

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

/**
 * The open orders as last read from the store, shared by whoever asks within the same event-loop
 * turn: at start the alerts and the board each want all of them, and with thousands of tickets
 * open every read decodes thousands of orders. The rows are LazyOrders: whoever decodes one
 * decodes it for everyone who got it this turn. Any change drops them (invalidate()), and so does
 * the end of the turn, so the copy never outlives its use nor holds memory.
 */
class OpenOrderCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenOrderCache)

public:
    explicit OpenOrderCache(QObject *parent = nullptr);

    /** The orders kept from earlier in this turn, or read(), kept until the turn ends. */
    QList<LazyOrder> get(const std::function<QList<LazyOrder>()> &read);
    /** Every row of rows decoded. */
    static QList<Order> whole(const QList<LazyOrder> &rows);
    /** An order changed: the next get() reads again. */
    void invalidate() { m_orders.reset(); }

private:
    std::optional<QList<LazyOrder>> m_orders;
};
