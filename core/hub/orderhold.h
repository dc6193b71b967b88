// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "submitoutcome.h"

#include "order/orderevent.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUuid>

/**
 * The orders of one console session held behind an event the hub could not store. A console
 * sends an order's events without waiting for each answer, and the hub judges each after the ones
 * before it; if one of them cannot be written, judging the next would refuse it for good for want
 * of the one before. Until the holding event is stored (or judged), the order's later events are
 * left unjudged and unanswered, and the console sends them again. The commit thread consults the
 * hold in commit order; the session owns it.
 */
class OrderHold
{
public:
    /** events split in order: those to judge now, and those their order holds back. */
    void split(const QList<OrderEvent> &events, QList<OrderEvent> *judged,
               QList<OrderEvent> *held) const;
    /** None of events could be stored: each order waits behind its first of them. */
    void holdBehind(const QList<OrderEvent> &events);
    /** The events were stored or judged: the orders they held go free. */
    void release(const QList<SubmitOutcome> &outcomes);
    /** The outcome for an event its order holds back (Failed: not a verdict). */
    SubmitOutcome heldOutcome(const OrderEvent &event) const;
    bool isEmpty() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QUuid> m_heldBehind; // order id → the event its later ones wait for
};
