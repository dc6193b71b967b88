// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "openordercache.h"

#include <QTimer>

OpenOrderCache::OpenOrderCache(QObject *parent)
    : QObject(parent)
{ }

QList<Order> OpenOrderCache::get(const std::function<QList<Order>()> &read)
{
    if (m_orders)
        return *m_orders;
    m_orders = read();
    QTimer::singleShot(0, this, &OpenOrderCache::invalidate);
    return *m_orders;
}
