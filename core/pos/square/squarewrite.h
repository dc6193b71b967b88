// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "squarevendor.h"

#include <QCoreApplication>

/**
 * One event's write to Square. A new order of ours is created (its key derived from our order id,
 * so a retry is the same create). A kitchen step sets the fulfillment's state: the order is found
 * (an order created here is found by creating it again with the same key, which Square answers
 * with the first result), fetched when its version is not known, then updated with that version
 * and the event's id as idempotency key; a VERSION_MISMATCH fetches and updates again, a few
 * times at most. A fulfillment already in the state asked for is delivered without a write.
 */
class SquareWrite final : public PosWrite
{
    Q_DECLARE_TR_FUNCTIONS(SquareWrite)

public:
    /** Version mismatches in a row before the attempt counts as failed. */
    static constexpr int maxFetches = 3;

    /** Creates order at Square (its placed event). */
    static std::unique_ptr<SquareWrite> create(SquareVendor &vendor, const Order &order);
    /** Sets order's fulfillment at Square to fulfillmentState, for event. */
    static std::unique_ptr<SquareWrite> setFulfillment(SquareVendor &vendor, const OrderEvent &event,
                                                       const Order &order,
                                                       const QString &fulfillmentState);

    PosStep first() override;
    PosStep next(const PosAnswer &answer) override;

private:
    enum class Phase {
        Creating, // POST /v2/orders (also how an order created here is found again)
        Fetching, // GET /v2/orders/{id}
        Updating, // PUT /v2/orders/{id}
    };

    SquareWrite(SquareVendor &vendor, const Order &order);

    PosStep createCall();
    PosStep fetchOrUpdate();
    PosStep updateCall();
    /** Takes what an answer's order says (id, version, fulfillment) into the vendor's refs. */
    bool learn(const QJsonObject &squareOrder);
    /** What an unsuccessful answer means for this attempt. */
    PosStep judgeFailure(const PosAnswer &answer) const;

    SquareVendor &m_vendor;
    Order m_order;
    QString m_eventKey;
    QString m_target; // the fulfillment state asked for; empty for a create
    QString m_recalledFrom; // for a recall: the fulfillment state of the step taken back
    Phase m_phase = Phase::Creating;
    int m_fetches = 0;
};
