// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "synchealthmodel.h"

#include <QColor>

namespace {
QColor tint(SyncHealth::Level level)
{
    switch (level) {
    case SyncHealth::Level::Green:
        return QColor(0xc8, 0xf0, 0xc8);
    case SyncHealth::Level::Amber:
        return QColor(0xff, 0xe0, 0x99);
    case SyncHealth::Level::Red:
        return QColor(0xff, 0xb8, 0xb8);
    }
    return {};
}
} // namespace

SyncHealthModel::SyncHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SyncHealthModel::setRows(const QList<SyncHealth> &rows)
{
    const bool sameLinks = rows.size() == m_rows.size()
            && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                          [](const SyncHealth &a, const SyncHealth &b) {
                              return a.destination == b.destination;
                          });
    if (!sameLinks) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SyncHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SyncHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncHealth &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LinkColumn:
            return SyncHealth::displayName(row.destination);
        case LevelColumn:
            return SyncHealth::levelWord(row.level);
        case ReasonColumn:
            return row.reason;
        case DetailColumn:
            return row.detail;
        }
        return {};
    case Qt::ToolTipRole:
        return row.reason;
    case Qt::BackgroundRole:
        return index.column() == LevelColumn ? QVariant(tint(row.level)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == LevelColumn ? QVariant(QColor(Qt::black)) : QVariant();
    case LevelRole:
        return int(row.level);
    case DestinationRole:
        return row.destination;
    }
    return {};
}

QVariant SyncHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LinkColumn:
        return tr("Link");
    case LevelColumn:
        return tr("Status");
    case ReasonColumn:
        return tr("What is happening");
    case DetailColumn:
        return tr("Queue");
    }
    return {};
}
