// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posexchange.h"
#include "poswrite.h"

#include "common/result.h"
#include "order/order.h"
#include "order/orderevent.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

/** A POS's order as the kitchen reads it: our shape, mapped at the adapter's edge. */
struct PosOrder
{
    Order order; // id: the vendor's; source: the POS's destination; state: Placed unless mirrored
    std::optional<OrderState> kitchenState; // the POS's own kitchen state, where it keeps one
    bool voided = false; // cancelled or voided at the POS
    QString version; // the vendor's change marker (a version, a modified time)
    QStringList unknownValues; // enum values this adapter does not know, kept for the log
};

/**
 * One POS vendor's API, in words only (no sockets): which calls bring an event to the POS, and how
 * its orders read in our shape. Vendor field names, ids, states, money and time formats stay in
 * the implementation; PosChannel carries the calls.
 */
class PosVendor
{
public:
    virtual ~PosVendor() = default;

    /** "square", "toast", "clover": the destination is "pos:" + name(). */
    virtual QString name() const = 0;
    /** Headers every call carries besides the access token (a version, a restaurant id). */
    virtual QList<QPair<QByteArray, QByteArray>> commonHeaders() const = 0;
    /**
     * The write that brings event to the POS, or none when the POS keeps nothing of it (an
     * estimate change, a note): such an event is delivered at once. order is the order as it
     * stands after the event.
     */
    virtual std::unique_ptr<PosWrite> write(const OrderEvent &event, const Order &order) = 0;
    /** An order as the vendor's API returns it, redacted of card numbers, in our shape. */
    virtual Result<PosOrder> readOrder(const QJsonObject &json) const = 0;
};
