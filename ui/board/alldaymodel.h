// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QTimer>

/**
 * All-day counts: how many of each item are still to make across the open tickets, per station.
 * Counts the items of orders not yet ready at stations not yet done, from a model with
 * OrderModel's roles, kept current from its signals. Sorted by the store's station order, then
 * the largest count first; filtered to one station when a station screen shows it. Counted on
 * the event loop's next turn, the first time too (a model reset then says so).
 */
class AllDayModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AllDayModel)

public:
    enum Column { StationColumn, ItemColumn, CountColumn, ColumnCount };
    enum Roles {
        StationRole = Qt::UserRole + 1, // QString, empty for items without a station
        ItemNameRole, // QString
        CountRole, // int, open quantity
    };
    Q_ENUM(Roles)

    explicit AllDayModel(QAbstractItemModel *orders, const QStringList &stationOrder = {},
                         QObject *parent = nullptr);

    /** The store's stations in its order (the rows follow it); unknown stations go last. */
    void setStationOrder(const QStringList &stations);
    /** Only this station's items; empty: every station. */
    void setStation(const QString &station);
    QString station() const { return m_station; }

    /** The open quantity of an item at a station (0 if none), whatever the filter. */
    int count(const QString &station, const QString &itemName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        QString station;
        QString name;
        int count = 0;
    };

    void recount();
    QList<Row> countAll() const;
    int stationRank(const QString &station) const;

    QPointer<QAbstractItemModel> m_orders;
    QStringList m_stationOrder;
    QString m_station;
    QList<Row> m_all; // every station
    QList<Row> m_rows; // what is shown
    QTimer m_recountSoon;
};
