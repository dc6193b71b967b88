// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alldaymodel.h"

#include "order/order.h"
#include "ordermodel.h"

#include <QHash>

#include <algorithm>

AllDayModel::AllDayModel(QAbstractItemModel *orders, const QStringList &stationOrder,
                         QObject *parent)
    : QAbstractTableModel(parent)
    , m_orders(orders)
    , m_stationOrder(stationOrder)
{
    // Once per event-loop turn: a replay changes hundreds of tickets between two frames.
    m_recountSoon.setSingleShot(true);
    m_recountSoon.setInterval(0);
    m_recountSoon.setObjectName(QStringLiteral("all-day recount"));
    connect(&m_recountSoon, &QTimer::timeout, this, &AllDayModel::recount);
    const auto recountAll = [this] { m_recountSoon.start(); };
    connect(orders, &QAbstractItemModel::rowsInserted, this, recountAll);
    connect(orders, &QAbstractItemModel::rowsRemoved, this, recountAll);
    connect(orders, &QAbstractItemModel::rowsMoved, this, recountAll);
    connect(orders, &QAbstractItemModel::modelReset, this, recountAll);
    connect(orders, &QAbstractItemModel::layoutChanged, this, recountAll);
    connect(orders, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                // The board's once-a-second age tick changes no item.
                if (roles.isEmpty() || roles.contains(OrderModel::OrderRole)
                    || roles.contains(OrderModel::ItemsRole)
                    || roles.contains(OrderModel::StateRole))
                    m_recountSoon.start();
            });
    // Counted on the first turn, as every change is: a cold start with thousands of open tickets
    // paints the board first (the panel starts hidden) instead of decoding every ticket for it.
    if (orders && orders->rowCount() > 0)
        m_recountSoon.start();
}

void AllDayModel::setStationOrder(const QStringList &stations)
{
    if (stations == m_stationOrder)
        return;
    m_stationOrder = stations;
    m_recountSoon.start();
}

void AllDayModel::setStation(const QString &station)
{
    if (station == m_station)
        return;
    m_station = station;
    beginResetModel();
    m_rows.clear();
    for (const Row &row : std::as_const(m_all)) {
        if (m_station.isEmpty() || row.station == m_station)
            m_rows.append(row);
    }
    endResetModel();
}

int AllDayModel::count(const QString &station, const QString &itemName) const
{
    for (const Row &row : m_all) {
        if (row.station == station && row.name == itemName)
            return row.count;
    }
    return 0;
}

int AllDayModel::stationRank(const QString &station) const
{
    const qsizetype rank = m_stationOrder.indexOf(station);
    return rank < 0 ? int(m_stationOrder.size()) : int(rank); // unknown stations go last
}

QList<AllDayModel::Row> AllDayModel::countAll() const
{
    QList<Row> rows;
    if (!m_orders)
        return rows;
    QHash<QString, qsizetype> rowOf; // "station\nname" -> index in rows
    for (int r = 0; r < m_orders->rowCount(); ++r) {
        const Order order = m_orders->index(r, 0).data(OrderModel::OrderRole).value<Order>();
        // Ready means the food is made, whoever said so; later states are off the board.
        if (order.state != OrderState::Placed && order.state != OrderState::Accepted
            && order.state != OrderState::Preparing)
            continue;
        for (qsizetype line = 0; line < order.items.size(); ++line) {
            if (order.isItemDone(line)) // by its station, or on its own
                continue;
            const OrderItem &item = order.items.at(line);
            const QString key = item.station + QLatin1Char('\n') + item.name;
            const qsizetype at = rowOf.value(key, -1);
            if (at < 0) {
                rowOf.insert(key, rows.size());
                rows.append({item.station, item.name, item.quantity});
            } else {
                rows[at].count += item.quantity;
            }
        }
    }
    std::sort(rows.begin(), rows.end(), [this](const Row &a, const Row &b) {
        const int rankA = stationRank(a.station);
        const int rankB = stationRank(b.station);
        if (rankA != rankB)
            return rankA < rankB;
        if (a.station != b.station)
            return a.station < b.station;
        if (a.count != b.count)
            return a.count > b.count;
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return rows;
}

void AllDayModel::recount()
{
    QList<Row> all = countAll();
    QList<Row> shown;
    for (const Row &row : std::as_const(all)) {
        if (m_station.isEmpty() || row.station == m_station)
            shown.append(row);
    }
    const bool sameShape = shown.size() == m_rows.size()
        && std::equal(shown.cbegin(), shown.cend(), m_rows.cbegin(),
                      [](const Row &a, const Row &b) {
                          return a.station == b.station && a.name == b.name && a.count == b.count;
                      });
    m_all = std::move(all);
    if (sameShape)
        return; // most changes (a bump elsewhere, a note) leave the counts as they were
    beginResetModel();
    m_rows = std::move(shown);
    endResetModel();
}

int AllDayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AllDayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllDayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StationColumn:
            return row.station.isEmpty() ? tr("other") : row.station.toUpper();
        case ItemColumn:
            return row.name;
        case CountColumn:
            return row.count;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::AccessibleTextRole:
        return tr("%1 %2 at %3").arg(row.count).arg(row.name, row.station);
    case StationRole:
        return row.station;
    case ItemNameRole:
        return row.name;
    case CountRole:
        return row.count;
    default:
        return {};
    }
}

QVariant AllDayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StationColumn:
        return tr("Station");
    case ItemColumn:
        return tr("Item");
    case CountColumn:
        return tr("Open");
    }
    return {};
}

QHash<int, QByteArray> AllDayModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{StationRole, "station"}, {ItemNameRole, "itemName"}, {CountRole, "count"}});
    return names;
}
