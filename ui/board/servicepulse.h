// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketstyle.h"

#include <QObject>
#include <QTimer>

class BoardHeader;
class Clock;
class QAbstractItemModel;
class TicketTimes;

/**
 * Keeps the header's glance at the service up to date once a second: the time, how many open
 * tickets are late, and the average ticket time of the last hour.
 */
class ServicePulse final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicePulse)

public:
    ServicePulse(const QAbstractItemModel &orders, const TicketTimes &times, const Clock &clock,
                 BoardHeader &header, QObject *parent = nullptr);

    /** The thresholds that make a ticket late. */
    void setStyle(const TicketStyle &style) { m_style = style; }
    /** Counts and shows now, not on the next second. */
    void refresh();

private:
    const QAbstractItemModel &m_orders;
    const TicketTimes &m_times;
    const Clock &m_clock;
    BoardHeader &m_header;
    TicketStyle m_style;
    QTimer m_second;
};
