// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderhold.h"

#include <QMutexLocker>

void OrderHold::split(const QList<OrderEvent> &events, QList<OrderEvent> *judged,
                      QList<OrderEvent> *held) const
{
    QMutexLocker lock(&m_mutex);
    for (const OrderEvent &event : events) {
        const auto behind = m_heldBehind.constFind(event.orderId);
        const bool waits = behind != m_heldBehind.cend() && behind.value() != event.id;
        (waits ? held : judged)->append(event);
    }
}

void OrderHold::holdBehind(const QList<OrderEvent> &events)
{
    QMutexLocker lock(&m_mutex);
    for (const OrderEvent &event : events) {
        // Store-level events have no order: there is nothing after them to misjudge.
        if (!event.orderId.isEmpty() && !m_heldBehind.contains(event.orderId))
            m_heldBehind.insert(event.orderId, event.id);
    }
}

void OrderHold::release(const QList<SubmitOutcome> &outcomes)
{
    QMutexLocker lock(&m_mutex);
    if (m_heldBehind.isEmpty())
        return;
    for (const SubmitOutcome &outcome : outcomes) {
        if (outcome.status == SubmitOutcome::Status::Failed)
            continue;
        const auto behind = m_heldBehind.constFind(outcome.event.orderId);
        if (behind != m_heldBehind.cend() && behind.value() == outcome.event.id)
            m_heldBehind.erase(behind);
    }
}

SubmitOutcome OrderHold::heldOutcome(const OrderEvent &event) const
{
    QMutexLocker lock(&m_mutex);
    SubmitOutcome outcome;
    outcome.status = SubmitOutcome::Status::Failed;
    outcome.event = event;
    outcome.reason = QStringLiteral("waits for event %1 of order %2, which the hub could not store")
                             .arg(m_heldBehind.value(event.orderId).toString(QUuid::WithoutBraces),
                                  event.orderId);
    return outcome;
}

bool OrderHold::isEmpty() const
{
    QMutexLocker lock(&m_mutex);
    return m_heldBehind.isEmpty();
}
