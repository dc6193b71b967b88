// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QAbstractListModel>
#include <QList>

/**
 * The recall list: recently bumped tickets, latest first, each with its number, customer, state
 * and how long ago it was bumped. Filled from OrderEngine::recallable(); a snapshot, since the
 * list is looked at for seconds.
 */
class RecallListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecallListModel)

public:
    enum Roles {
        OrderIdRole = Qt::UserRole + 1,
        NumberRole,
        CustomerRole,
        StateRole, // OrderState as int
        BumpedAgoMsRole,
    };

    explicit RecallListModel(QObject *parent = nullptr);

    /** Replaces the list; nowMs is what "how long ago" counts from. */
    void setOrders(const QList<Order> &orders, qint64 nowMs);
    Order orderAt(int row) const { return m_orders.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Order> m_orders;
    qint64 m_nowMs = 0;
};
