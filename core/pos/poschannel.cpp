// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "poschannel.h"

#include "poslogging.h"

#include "store/store.h"

#include <QPointer>
#include <QTimer>

namespace {
QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

PosChannel::PosChannel(PosVendor &vendor, PosHttp &http, Store &store, QObject *parent)
    : OrderChannel(parent), m_vendor(vendor), m_http(http), m_store(store)
{
    connect(&m_http, &PosHttp::configurationChanged, this, &PosChannel::updateState);
    connect(&m_http, &PosHttp::heard, this, &PosChannel::heard);
    updateState();
}

void PosChannel::updateState()
{
    // Over HTTP there is no link to hold: configured is as live as it gets; an outage shows as
    // failed calls, which the dispatcher backs off from.
    const State now = m_http.isConfigured() ? State::Live : State::Offline;
    if (now == m_state)
        return;
    m_state = now;
    Q_EMIT stateChanged(m_state);
}

int PosChannel::batchLimit() const
{
    return std::max(0, m_maxInFlight - m_running);
}

qsizetype PosChannel::send(const QList<OrderEvent> &events)
{
    if (m_state != State::Live)
        return 0;
    const qsizetype taken = std::min<qsizetype>(events.size(), batchLimit());
    m_running += int(taken);
    // Answers are given after send() returns: the dispatcher counts what it sent first.
    for (qsizetype i = 0; i < taken; ++i)
        QTimer::singleShot(0, this, [this, event = events.at(i)] { start(event); });
    return taken;
}

void PosChannel::start(const OrderEvent &event)
{
    const std::optional<Order> order = m_store.order(event.orderId);
    if (!order) {
        advance(event.id, nullptr,
                PosStep::failed(tr("Order %1 could not be read from this console's store.")
                                        .arg(event.orderId)));
        return;
    }
    // A step of this console's that the platform refused never happened for the store: the
    // winning step reaches the POS from the platform instead.
    if (const std::optional<EventVerdict> verdict = m_store.verdict(event.id);
        verdict && verdict->refusal) {
        qCInfo(lcPos).noquote() << destination() << "leaves out" << idText(event.id)
                                << ", which the platform refused";
        advance(event.id, nullptr, PosStep::delivered());
        return;
    }
    std::shared_ptr<PosWrite> write = m_vendor.write(event, *order);
    if (!write) {
        qCDebug(lcPos).noquote() << destination() << "keeps nothing of" << idText(event.id);
        advance(event.id, nullptr, PosStep::delivered());
        return;
    }
    advance(event.id, write, write->first());
}

void PosChannel::advance(const QUuid &eventId, std::shared_ptr<PosWrite> write,
                         const PosStep &step)
{
    switch (step.kind) {
    case PosStep::Kind::Call:
        m_http.send(step.call, [self = QPointer<PosChannel>(this), eventId, write](
                                       const PosAnswer &answer) {
            if (self) // a channel that went has no one left to answer
                self->advance(eventId, write, write->next(answer));
        });
        return;
    case PosStep::Kind::Delivered:
        --m_running;
        qCDebug(lcPos).noquote() << destination() << "took" << idText(eventId);
        Q_EMIT accepted(eventId, 0);
        return;
    case PosStep::Kind::Refused:
        --m_running;
        Q_EMIT refused(eventId, step.reason);
        return;
    case PosStep::Kind::Failed:
        --m_running;
        qCInfo(lcPos).noquote() << destination() << "write of" << idText(eventId)
                                << "failed:" << step.reason;
        Q_EMIT failed(eventId, step.reason, step.retryAfterMs);
        return;
    }
}
