// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "toastvendor.h"

#include <QCoreApplication>

/**
 * One event's write to Toast, which lets a client write only three things. An order of ours is
 * created there with its externalId, on its first event; whenever this run has not learnt Toast's
 * guid for it (a create whose answer was lost, a restart), it is first looked up by that
 * externalId, and a 409 for a used externalId is looked up again, so it is never made twice. A
 * cancel or reject of an order of ours voids it (nothing, if Toast never had it). A courier step
 * sets a delivery order's deliveryState, after reading it, so a state Toast already holds (or
 * passed) is delivered without a write.
 */
class ToastWrite final : public PosWrite
{
    Q_DECLARE_TR_FUNCTIONS(ToastWrite)

public:
    /** Makes sure order, one of ours, is at Toast: looked up, created when it is not. */
    static std::unique_ptr<ToastWrite> create(ToastVendor &vendor, const Order &order);
    /** Voids order, one of ours, at Toast. */
    static std::unique_ptr<ToastWrite> voidOrder(ToastVendor &vendor, const Order &order);
    /** Sets order's deliveryState at Toast. */
    static std::unique_ptr<ToastWrite> setDelivery(ToastVendor &vendor, const Order &order,
                                                   const QString &deliveryState);

    PosStep first() override;
    PosStep next(const PosAnswer &answer) override;

private:
    enum class Job { Create, Void, Delivery };
    enum class Phase {
        LookingUp, // GET /orders/v2/orders?externalId=
        Creating, // POST /orders/v2/orders
        Fetching, // GET /orders/v2/orders/{guid}
        Voiding, // POST /orders/v2/orders/{guid}/void
        Patching, // PATCH /orders/v2/orders/{guid}/deliveryInfo
    };

    ToastWrite(ToastVendor &vendor, const Order &order, Job job);

    bool isOurs() const;
    QString guid() const;
    PosStep lookUp();
    PosStep createCall();
    /** With Toast's guid known: the job's own call. */
    PosStep proceed();
    PosStep afterLookUp(const PosAnswer &answer);
    PosStep afterFetch(const QJsonObject &toastOrder);
    /** What an unsuccessful answer means for this attempt. */
    PosStep judgeFailure(const PosAnswer &answer) const;

    ToastVendor &m_vendor;
    Order m_order;
    Job m_job;
    QString m_deliveryState; // Delivery: the state asked for
    Phase m_phase = Phase::LookingUp;
    int m_lookUps = 0;
};
