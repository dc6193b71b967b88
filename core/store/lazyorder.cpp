// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lazyorder.h"

#include "rowcodec.h"
#include "storelogging.h"

LazyOrder::LazyOrder(const Order &order)
    : m_data(std::make_shared<Data>(Data {order, {}}))
{ }

LazyOrder::LazyOrder(const Order &head, const QByteArray &body)
    : m_data(std::make_shared<Data>(Data {head, body}))
{
    // The schedule is not a column, yet the board must know at once which orders wait for their
    // fire time: a body that mentions one (rare) is decoded now. The key is only written when set.
    if (body.contains("\"scheduled_for\""))
        order();
}

QList<LazyOrder> LazyOrder::wrap(const QList<Order> &orders)
{
    QList<LazyOrder> wrapped;
    wrapped.reserve(orders.size());
    for (const Order &order : orders)
        wrapped.append(LazyOrder(order));
    return wrapped;
}

const Order &LazyOrder::order() const
{
    Data &data = *m_data;
    if (data.body.isEmpty())
        return data.order;
    Result<Order> decoded = RowCodec::decodeOrderBody(data.order, data.body);
    data.body.clear();
    if (decoded)
        data.order = std::move(decoded).value();
    else
        qCWarning(lcStore).noquote() << "order" << data.order.id << "shows its columns only:"
                                     << decoded.error();
    return data.order;
}
