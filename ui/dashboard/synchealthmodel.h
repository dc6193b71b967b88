// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "synchealth.h"

#include <QAbstractTableModel>

/** Each destination's health, one row each: the link, its level in a word, why, and the queue. */
class SyncHealthModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHealthModel)

public:
    enum Column { LinkColumn, LevelColumn, ReasonColumn, DetailColumn, ColumnCount };
    enum Roles {
        LevelRole = Qt::UserRole + 1, // SyncHealth::Level as int
        DestinationRole,
    };

    explicit SyncHealthModel(QObject *parent = nullptr);

    /** Shows rows, in the order given. */
    void setRows(const QList<SyncHealth> &rows);
    const QList<SyncHealth> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<SyncHealth> m_rows;
};
