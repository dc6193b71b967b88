// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "soakaudit.h"

#include "hub/hublog.h"
#include "order/order.h"
#include "order/stationrules.h"

namespace SoakAudit {

QStringList stillInKitchen(HubLog &log, const QString &storeId)
{
    QStringList open;
    for (const Order &order : log.orders(storeId)) {
        if (order.isOpen())
            open.append(QStringLiteral("%1 %2 (open at: %3)")
                            .arg(order.number, OrderStates::toString(order.state),
                                 StationRules::openStations(order).join(QLatin1Char(','))));
    }
    return open;
}

} // namespace SoakAudit
