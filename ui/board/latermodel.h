// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QAbstractListModel>

class Clock;
class OrderModel;

/**
 * The "later" lane: scheduled orders the board holds back until their fire time, soonest first.
 * A view of OrderModel::laterOrders(); the list is short, so a change resets it.
 */
class LaterModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaterModel)

public:
    enum Roles {
        OrderIdRole = Qt::UserRole + 1, // QString
        NumberRole, // QString
        CustomerRole, // QString
        ScheduledForRole, // qint64 UTC ms the customer asked for
        FireAtRole, // qint64 UTC ms the kitchen should start
        FiresInMsRole, // qint64 fireAt - now
    };
    Q_ENUM(Roles)

    LaterModel(const OrderModel &orders, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onTicked();

    const OrderModel &m_orders;
    const Clock &m_clock;
    QList<Order> m_rows;
};
