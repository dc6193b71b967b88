// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketstyle.h"

#include <QTimer>
#include <QWidget>

class BoardView;

/**
 * The strip under the board that says what is off screen, on both sides: how many tickets are on
 * earlier screens and how many on later ones, the newest one's number and how many of them are
 * new, and the oldest ticket not on the screen with its age, so an old ticket is never left behind
 * a page unnoticed. It turns loud when a hidden ticket is new or past the warning age. A tap on
 * its left half turns the board back a screen, on its right half on.
 */
class OffscreenBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OffscreenBar)

public:
    OffscreenBar(BoardView *board, const TicketStyle &style, QWidget *parent = nullptr);

    /** All the bar says, both sides. */
    QString text() const;
    /** Tickets on later screens (the newer ones), and on earlier ones. */
    int hiddenBelow() const { return m_below; }
    int hiddenAbove() const { return m_above; }
    /** The row of the oldest ticket not on the screen; -1 when all are shown. */
    int oldestHiddenRow() const { return m_oldestHidden; }
    /** True while something hidden needs a look: a new ticket, or one past the warning age. */
    bool isAlarming() const { return m_alarm; }

    /** Recounts now rather than on the next event-loop turn. */
    void refresh();

    QSize sizeHint() const override;

Q_SIGNALS:
    void jumped();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    BoardView *m_board = nullptr;
    TicketStyle m_style;
    QTimer m_coalesce; // a burst of a thousand rows recounts once, not a thousand times
    QString m_aboveText;
    QString m_belowText;
    int m_below = 0;
    int m_above = 0;
    int m_oldestHidden = -1;
    bool m_alarm = false;
};
