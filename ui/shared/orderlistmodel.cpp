// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderlistmodel.h"

int OrderListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

QVariant OrderListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LazyOrder &row = m_orders.at(index.row());
    switch (role) {
    case OrderIdRole:
        return row.head().id;
    case NumberRole:
        return row.head().number;
    case CustomerRole:
        return row.order().customerName;
    case OrderRole:
        return QVariant::fromValue(row.order());
    default:
        return rowData(row, role);
    }
}

QHash<int, QByteArray> OrderListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {OrderIdRole, "orderId"},
        {NumberRole, "number"},
        {CustomerRole, "customer"},
        {OrderRole, "order"},
    });
    names.insert(ownRoleNames());
    return names;
}

const Order &OrderListModel::orderAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_orders.size());
    return m_orders.at(row).order();
}

const Order &OrderListModel::headAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_orders.size());
    return m_orders.at(row).head();
}
