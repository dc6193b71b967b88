// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketstyle.h"

#include <QTimer>
#include <QWidget>

class BoardView;

/**
 * The strip under the board that says what is off screen: how many tickets, the newest one's
 * number and how many of them are new. A tap jumps there (to the newest, or back to the oldest
 * when only older tickets are hidden). Tickets run oldest first, so the newest are the ones that
 * fall off the bottom; this bar is why they are never hidden without a word.
 */
class OffscreenBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OffscreenBar)

public:
    OffscreenBar(BoardView *board, const TicketStyle &style, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    /** Tickets after the last one shown whole (the newer ones), and before the first. */
    int hiddenBelow() const { return m_below; }
    int hiddenAbove() const { return m_above; }

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
    QString m_text;
    int m_below = 0;
    int m_above = 0;
};
