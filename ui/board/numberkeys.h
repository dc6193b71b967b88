// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class BoardView;

/**
 * What the number keys 1–9 pick on the board, as a cook counts what they see: a ticket by its
 * position on the screen or, right after the item key (pickItem), one item of the selected
 * ticket, top to bottom. While it waits for that number the ticket shows its items' numbers; any
 * other key puts them away. Watches the board's keys as an event filter, so bump bars that send
 * keypad codes work alike.
 */
class NumberKeys final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NumberKeys)

public:
    explicit NumberKeys(BoardView &board, QObject *parent = nullptr);

    /** Numbers the selected ticket's items for the next key; nothing if none is selected. */
    void pickItem();
    bool isPickingItem() const { return !m_pickingOrder.isEmpty(); }

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    /** The number after the item key named this line (an index into the order's items). */
    void itemPicked(const QString &orderId, int line);
    /** The selected ticket's items show their numbers, or no longer. */
    void pickingItemChanged(bool picking);

private:
    void stopPicking();
    void pickNumbered(int number);

    BoardView &m_board;
    QString m_pickingOrder; // the ticket whose items are numbered, until the next key
};
