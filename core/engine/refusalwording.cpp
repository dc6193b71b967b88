// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "refusalwording.h"

QString RefusalWording::forStaff(const AppendResult &refused, const QString &reason)
{
    const OrderEvent &event = refused.event;
    const QString what = event.to ? OrderStates::displayName(*event.to)
                                  : EventKinds::toString(event.kind);
    if (event.kind == EventKind::StorePolicyChanged)
        return tr("The platform refused the store's new rules; the ones before stay in force: %1")
                .arg(reason);
    if (EventKinds::isStoreLevel(event.kind))
        return tr("The platform refused the store's \"%1\": %2").arg(what, reason);
    const QString number = refused.order ? refused.order->number : event.orderId;
    return tr("Order %1: the platform refused \"%2\": %3").arg(number, what, reason);
}
