// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/orderlistmodel.h"

/**
 * The recall list: recently bumped tickets, latest first, each with its number, customer, state
 * and how long ago it was bumped. Filled from OrderEngine::recallable(); a snapshot, since the
 * list is looked at for seconds.
 */
class RecallListModel final : public OrderListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecallListModel)

public:
    // Besides OrderListModel's (id, number, customer, the whole order):
    enum Roles {
        StateRole = FirstOwnRole, // OrderState as int
        BumpedAgoMsRole,
    };

    explicit RecallListModel(QObject *parent = nullptr);

    /** Replaces the list; nowMs is what "how long ago" counts from. */
    void setOrders(const QList<Order> &orders, qint64 nowMs);

private:
    QVariant orderData(const Order &order, int role) const override;
    QHash<int, QByteArray> ownRoleNames() const override;

    qint64 m_nowMs = 0;
};
