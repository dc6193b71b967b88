// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/orderlistmodel.h"

class Clock;
class OrderModel;

/**
 * The "later" lane: scheduled orders the board holds back until their fire time, soonest first.
 * A view of OrderModel::laterOrders(); the list is short, so a change resets it.
 */
class LaterModel final : public OrderListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaterModel)

public:
    // Besides OrderListModel's (id, number, customer, the whole order):
    enum Roles {
        ScheduledForRole = FirstOwnRole, // qint64 UTC ms the customer asked for
        FireAtRole, // qint64 UTC ms the kitchen should start
        FiresInMsRole, // qint64 fireAt - now
    };
    Q_ENUM(Roles)

    LaterModel(const OrderModel &orders, const Clock &clock, QObject *parent = nullptr);

private:
    QVariant orderData(const Order &order, int role) const override;
    QHash<int, QByteArray> ownRoleNames() const override;
    void onTicked();

    const OrderModel &m_board; // holds the scheduled orders back
    const Clock &m_clock;
};
