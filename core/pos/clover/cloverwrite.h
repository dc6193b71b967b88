// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clovervendor.h"

#include <QCoreApplication>

/**
 * One event's write to Clover, which has no idempotency keys and no versions (last writer wins).
 * A new order of ours is looked for first by its externalReferenceId and created only when
 * Clover has none, in one atomic call, so a create whose answer was lost is found, not made
 * twice, and no order is ever left half made. The end of such an order without a sale (rejected,
 * cancelled) is written into its note; the order is fetched first, and a note that already says
 * so is not written again.
 */
class CloverWrite final : public PosWrite
{
    Q_DECLARE_TR_FUNCTIONS(CloverWrite)

public:
    /** Creates order at Clover (its placed event), unless it is there already. */
    static std::unique_ptr<CloverWrite> create(CloverVendor &vendor, const Order &order);
    /** Says in the note of order at Clover that the kitchen rejected or cancelled it (event). */
    static std::unique_ptr<CloverWrite> noteEnding(CloverVendor &vendor, const OrderEvent &event,
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

    CloverWrite(CloverVendor &vendor, const Order &order);

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
