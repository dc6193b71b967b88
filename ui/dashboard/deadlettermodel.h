// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/deadlettersummary.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * The dead-letter queue as a table: one row per stuck event (DeadLetterDesk::letters(), already
 * masked), columns for the manager to scan (destination, order, kind, attempts, first and last
 * error, dead since), roles for everything a view or test reads regardless of column. A snapshot:
 * the view hands it the desk's list whenever the desk changes, and the time now for "ago".
 */
class DeadLetterModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadLetterModel)

public:
    enum Column {
        DestinationColumn,
        OrderColumn,
        KindColumn,
        AttemptsColumn,
        FirstErrorColumn,
        LastErrorColumn,
        DeadSinceColumn,
        ColumnCount,
    };

    enum Roles {
        IdRole = Qt::UserRole + 1, // the dead letter's id (qint64)
        EventIdRole, // QUuid as text
        DestinationRole,
        OrderIdRole,
        OrderNumberRole, // empty when the order is not known here
        KindRole, // EventKind as int
        AttemptsRole,
        FirstErrorRole, // empty when not recorded
        FirstErrorAtRole, // UTC ms; 0 when not recorded
        LastErrorRole,
        DeadAtRole, // UTC ms
        DeadForMsRole, // how long it has been stuck, at the model's now
        PayloadTextRole, // the masked payload, pretty-printed JSON
    };

    explicit DeadLetterModel(QObject *parent = nullptr);

    /** Replaces the rows; nowMs is what "dead since" counts from. */
    void setLetters(const QList<DeadLetterSummary> &letters, qint64 nowMs);
    /** Moves "now" on: only the dead-since column changes. */
    void setNowMs(qint64 nowMs);
    /** The row showing dead letter id, or -1. */
    int rowOf(qint64 id) const;
    /** The letter on row, which must exist. */
    const DeadLetterSummary &letterAt(int row) const { return m_letters.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** "just now", "12 min ago", "3 h ago", "2 d ago". */
    static QString ago(qint64 ms);
    /** What the event was, for people: "Placed", "Accepted → Preparing", "Note added". */
    static QString kindText(const DeadLetterSummary &letter);
    /** The order as people know it: "#101", the order id, or "Store" for a store-level event. */
    static QString orderText(const DeadLetterSummary &letter);
    /** The masked payload, indented JSON. */
    static QString payloadText(const DeadLetterSummary &letter);

private:
    QVariant display(const DeadLetterSummary &letter, int column) const;

    QList<DeadLetterSummary> m_letters;
    qint64 m_nowMs = 0;
};
