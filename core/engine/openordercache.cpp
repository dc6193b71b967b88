// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "openordercache.h"

#include <QTimer>

OpenOrderCache::OpenOrderCache(QObject *parent)
    : QObject(parent)
{ }

QList<LazyOrder> OpenOrderCache::get(const std::function<QList<LazyOrder>()> &read)
{
    if (m_orders)
        return *m_orders;
    m_orders = read();
    QTimer::singleShot(0, this, &OpenOrderCache::invalidate);
    return *m_orders;
}

QList<Order> OpenOrderCache::whole(const QList<LazyOrder> &rows)
{
    QList<Order> orders;
    orders.reserve(rows.size());
    for (const LazyOrder &row : rows)
        orders.append(row.order());
    return orders;
}
