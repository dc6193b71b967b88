// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "order/orderevent.h"

#include <QCoreApplication>
#include <QString>

class Store;

/** How staff are told, in words, of what the platform did that the board cannot show itself. */
class PlatformNewsWording final
{
    Q_DECLARE_TR_FUNCTIONS(PlatformNewsWording)

public:
    /** The platform's event overtaking made this console's own last change to order not count. */
    static QString overtaken(const Order &order, const OrderEvent &overtaking);
    /**
     * The platform changed an order this console does not keep: archived (its number read from
     * the archive file), or never had.
     */
    static QString orderNotKept(const Store &store, const OrderEvent &event);
};
