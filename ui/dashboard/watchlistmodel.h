// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/metricsreport.h"

#include <QAbstractTableModel>

/**
 * The orders a manager should look at now: late ones (past the promise, or the late age, and not
 * ready) and stuck ones (in one state past its threshold), one row each, longest waiting first.
 */
class WatchListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchListModel)

public:
    enum Column { OrderColumn, StateColumn, WhyColumn, WaitingColumn, ColumnCount };
    enum Roles {
        OrderIdRole = Qt::UserRole + 1, // the order's id, for the jump to its ticket
        LateRole, // bool
        StuckRole, // bool
    };

    explicit WatchListModel(QObject *parent = nullptr);

    /** Shows report's late and stuck orders, their waits as of its time. */
    void setReport(const MetricsReport &report);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        WatchedOrder order;
        bool late = false;
        bool stuck = false;
    };
    QString why(const Row &row) const;

    QList<Row> m_rows;
    qint64 m_now = 0;
};
