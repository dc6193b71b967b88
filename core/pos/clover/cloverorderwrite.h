// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clovervendor.h"

#include <QCoreApplication>

/**
 * One event's write to Clover, which has no idempotency keys and no versions (last writer wins).
 * An order of ours not yet known to be at Clover is looked for first by its externalReferenceId
 * and created only when Clover has none, in one atomic call, so a create whose answer was lost is
 * found, not made twice, and no order is ever left half made. The end of such an order without a
 * sale (rejected, cancelled) is then written into its note; the order is fetched first, and a
 * note that already says so is not written again. Any other event writes nothing more.
 */
class CloverOrderWrite final : public PosWrite
{
    Q_DECLARE_TR_FUNCTIONS(CloverOrderWrite)

public:
    /** Makes sure order is at Clover: created once, unless it is there already. */
    static std::unique_ptr<CloverOrderWrite> create(CloverVendor &vendor, const Order &order);
    /** Makes sure order is at Clover, then says in its note that the kitchen ended it (event). */
    static std::unique_ptr<CloverOrderWrite> noteEnding(CloverVendor &vendor, const OrderEvent &event,
                                                   const Order &order);

    PosStep first() override;
    PosStep next(const PosAnswer &answer) override;

    /** The line a rejection or cancellation adds to the order's note at Clover. */
    static QString endingLine(const OrderEvent &event);

private:
    enum class Phase {
        LookingUp, // GET …/orders?filter=externalReferenceId=…
        Creating, // POST …/atomic_order/orders
        Fetching, // GET …/orders/{id}: its note as it stands
        Noting, // POST …/orders/{id} {note}
    };

    CloverOrderWrite(CloverVendor &vendor, const Order &order);

    PosStep lookUp();
    PosStep createCall();
    PosStep fetchCall();
    PosStep afterLookUp(const PosAnswer &answer);
    PosStep noteCall(const QJsonObject &cloverOrder);
    /** What an unsuccessful answer means for this attempt. */
    PosStep judgeFailure(const PosAnswer &answer) const;

    CloverVendor &m_vendor;
    Order m_order;
    QString m_ending; // the note's line for a rejection or cancellation; empty for a create
    Phase m_phase = Phase::LookingUp;
};
