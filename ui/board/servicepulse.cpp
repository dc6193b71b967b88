// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicepulse.h"

#include "boardheader.h"
#include "common/clock.h"
#include "ordermodel.h"
#include "tickettimes.h"

ServicePulse::ServicePulse(const QAbstractItemModel &orders, const TicketTimes &times,
                           const Clock &clock, BoardHeader &header, QObject *parent)
    : QObject(parent)
    , m_orders(orders)
    , m_times(times)
    , m_clock(clock)
    , m_header(header)
{
    m_second.setInterval(1000);
    connect(&m_second, &QTimer::timeout, this, &ServicePulse::refresh);
    m_second.start();
    refresh();
}

void ServicePulse::refresh()
{
    int late = 0;
    for (int row = 0; row < m_orders.rowCount(); ++row) {
        const qint64 age = m_orders.index(row, 0).data(OrderModel::AgeMsRole).toLongLong();
        if (m_style.ageLevel(age) == TicketStyle::AgeLevel::Late)
            ++late;
    }
    m_header.setService(m_clock.nowMs(), late, m_times.averageMs());
}
