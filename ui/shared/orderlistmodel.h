// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"
#include "store/lazyorder.h"

#include <QAbstractListModel>
#include <QList>

/**
 * What every list of orders on screen shares (the board, the later lane, the recall list): one row
 * per Order, and the roles that name an order. A subclass fills m_orders in its own order and
 * answers its own roles, numbered from FirstOwnRole, in orderData(). Rows are LazyOrders: the
 * board holds thousands read from the store and decodes those it shows (rowData()).
 */
class OrderListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderListModel)

public:
    enum Roles {
        OrderIdRole = Qt::UserRole + 1, // QString
        NumberRole, // QString, the number people call out
        CustomerRole, // QString
        OrderRole, // Order, the whole value
        FirstOwnRole, // a subclass's roles start here
    };
    Q_ENUM(Roles)

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QHash<int, QByteArray> roleNames() const final;

    /** The order in a row, decoded if it was not; row must be valid. Valid until it changes. */
    const Order &orderAt(int row) const;
    /** The columns of the order in a row (LazyOrder::head()): decodes nothing. */
    const Order &headAt(int row) const;

protected:
    using QAbstractListModel::QAbstractListModel;

    /** The subclass's roles (its Qt::DisplayRole too) for order; an invalid QVariant for others. */
    virtual QVariant orderData(const Order &order, int role) const = 0;
    /** The same for a row: orderData() of the whole order unless a subclass knows better. */
    virtual QVariant rowData(const LazyOrder &row, int role) const
    {
        return orderData(row.order(), role);
    }
    /** The names of the subclass's own roles. */
    virtual QHash<int, QByteArray> ownRoleNames() const = 0;

    QList<LazyOrder> m_orders; // the rows
};
