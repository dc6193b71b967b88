// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPersistentModelIndex>
#include <QPoint>

#include <optional>
#include <utility>

/**
 * How a finger (or a wheel) on the board becomes a bump, a page or a line marked done: a tap on
 * the ticket already selected, a double tap, or a sideways swipe across a ticket bumps it, once
 * per gesture; on a station screen a tap on a line marks that line instead (and a double tap
 * there marks it once, never bumping the ticket). A drag that is neither does
 * nothing: it never moves the selection to another ticket or scrolls. BoardView feeds it the
 * mouse events and bumps what it answers.
 */
class TicketTouch final
{
public:
    /** A horizontal drag at least this long (and mostly sideways) is a swipe. */
    static constexpr int swipeDistancePx = 80;

    /**
     * A press on ticket (invalid: between tickets), which was the selected one or not, and on
     * one of its order's lines if line is set (station screens only: there a tap marks a line).
     */
    void press(const QModelIndex &ticket, const QPoint &at, bool wasSelected, bool leftButton,
               std::optional<int> line = std::nullopt);
    /** The finger moved; false when no press on a ticket is being followed. */
    bool move(const QPoint &at);
    /** The finger lifted over releasedOn: the ticket to bump, or an invalid index. */
    QModelIndex release(const QModelIndex &releasedOn, bool leftButton);
    /** The line the gesture just released tapped, once: mark it done or open again. */
    std::optional<int> takeTappedLine() { return std::exchange(m_tappedLine, std::nullopt); }
    /** A double tap on ticket, which the view has made current: whether to bump it. */
    bool doubleTap(bool wasCurrent);
    /** The wheel turned by angleDelta: screens to turn, back (negative) or on. One notch, one
     *  screen, as the page keys do; a trackpad's small steps add up to a notch. */
    int wheel(int angleDelta);

private:
    QPersistentModelIndex m_pressed; // a tap bumps on release, so a swipe can't bump twice
    QPoint m_pressPos;
    bool m_pressWasSelected = false;
    std::optional<int> m_pressedLine;
    std::optional<int> m_tappedLine;
    bool m_swiping = false;
    bool m_dragged = false; // moved too far for a tap, not sideways enough for a swipe
    bool m_bumped = false; // this gesture (or the first tap of a double tap) already bumped
    int m_wheelDelta = 0;
};
