// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

class OrderListModel;

/**
 * What one screen of the kitchen sees of the open orders. In the expo view (no station) every
 * order, whole; in a station view only the orders with items at that station still to make (or
 * one taken from it by a change not yet acknowledged), and on each ticket only that station's
 * items. A station cooks what expo accepted: new orders (not yet accepted) show there only when
 * asked (setShowsNew). Adds its roles to OrderModel's.
 */
class StationFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StationFilterModel)

public:
    enum Roles {
        VisibleItemsRole = Qt::UserRole + 100, // QList<OrderItem>: what this view shows
        ViewStationRole, // QString: the station shown, empty in the expo view
        StationsRole, // QStringList: the stations the order's items go to
        StationsDoneRole, // QStringList: those of them that are done
        // QList<ItemChange>: OrderModel::ItemChangesRole's changes to lines this view shows
        // (a station's: the line is, or was, routed there; expo: all)
        VisibleItemChangesRole,
        VisibleLinesRole, // QList<int>: each visible item's index in the order's items
    };
    Q_ENUM(Roles)

    explicit StationFilterModel(QObject *parent = nullptr);

    /** The station shown; empty for the expo view. */
    QString station() const { return m_station; }
    void setStation(const QString &station);
    bool isExpo() const { return m_station.isEmpty(); }
    /** The store's stations in its order, so every ticket lists its stations alike. */
    void setStationOrder(const QStringList &stations);
    /** Whether a station view also shows new orders, before expo accepts them; expo always does. */
    bool showsNew() const { return m_showsNew; }
    void setShowsNew(bool shows);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void stationChanged(const QString &station);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    /** The source: the proxy is always over an OrderListModel (OrderModel on the board). */
    const OrderListModel &orders() const;
    QStringList orderedStations(const QStringList &stations) const;

    QString m_station;
    QStringList m_stationOrder;
    bool m_showsNew = false;
};
