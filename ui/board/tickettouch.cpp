// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tickettouch.h"

#include <QWheelEvent>

void TicketTouch::press(const QModelIndex &ticket, const QPoint &at, bool wasSelected,
                        bool leftButton, std::optional<int> line)
{
    m_bumped = false;
    m_pressedLine = leftButton && ticket.isValid() ? line : std::nullopt;
    m_tappedLine.reset();
    m_pressed = leftButton ? ticket : QModelIndex();
    m_pressPos = at;
    m_pressWasSelected = wasSelected;
    m_swiping = false;
    m_dragged = false;
}

bool TicketTouch::move(const QPoint &at)
{
    if (!m_pressed.isValid())
        return false;
    const QPoint moved = at - m_pressPos;
    if (qAbs(moved.x()) >= swipeDistancePx && qAbs(moved.x()) > 2 * qAbs(moved.y()))
        m_swiping = true;
    else if (moved.manhattanLength() >= swipeDistancePx / 2)
        m_dragged = true;
    return true;
}

QModelIndex TicketTouch::release(const QModelIndex &releasedOn, bool leftButton)
{
    const QPersistentModelIndex pressed = m_pressed;
    m_pressed = QModelIndex();
    const bool swiped = m_swiping;
    m_swiping = false;
    if (!pressed.isValid() || !leftButton || m_bumped)
        return {};
    if (m_pressedLine && !swiped && !m_dragged && releasedOn == pressed) {
        m_tappedLine = m_pressedLine;
        m_bumped = true; // the gesture is spent: a double tap here must not bump the ticket
        return {};
    }
    const bool tappedAgain = m_pressWasSelected && !m_dragged && releasedOn == pressed;
    if (!swiped && !tappedAgain)
        return {};
    m_bumped = true;
    return pressed;
}

bool TicketTouch::doubleTap(bool wasCurrent)
{
    if (!wasCurrent) // no press reached the view first (synthesised, or the finger moved)
        m_bumped = false;
    // The first tap selected it, or bumped it if it was already selected: bump once either way.
    if (m_bumped)
        return false;
    m_bumped = true;
    return true;
}

int TicketTouch::wheel(int angleDelta)
{
    m_wheelDelta += angleDelta;
    const int notches = m_wheelDelta / QWheelEvent::DefaultDeltasPerStep;
    m_wheelDelta -= notches * QWheelEvent::DefaultDeltasPerStep;
    return -notches; // turning the wheel away (positive) goes back
}
