// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "posorderdiff.h"

#include "poslogging.h"

#include "order/itemrouting.h"
#include "order/projector.h"
#include "order/statemachine.h"

#include <QJsonArray>

namespace {
// Names the events derived from POS views (a UUID v5 namespace of our own).
const QUuid posEvents(QStringLiteral("{6f1f7c52-3a0e-4a51-9d0c-5b7c1c0f2e19}"));

class Builder
{
public:
    Builder(const PosOrder &seen, const PosOrderDiff::Context &context)
        : m_seen(seen), m_context(context), m_source(seen.order.source),
          m_actor(Actor::pos(m_source.mid(m_source.indexOf(u':') + 1)))
    {
    }

    /** An event of the order, named by what it is part of: the same view, the same id. */
    OrderEvent event(EventKind kind, const QString &step) const
    {
        return named(kind, QStringLiteral("%1|%2|%3|%4").arg(m_source, m_seen.order.id,
                                                             m_seen.version, step));
    }

    /**
     * The cancel, named by the order and the state it leaves, not by the view: however it is
     * heard (a void in any view, a deletion by webhook or found by the feed's sweep, each with
     * its own change marker or none) it is one event, and the inbox drops all but the first.
     * The state counts because the platform may refuse it (another screen moved the order
     * meanwhile): read again, the void leaves the new state under a new name.
     */
    OrderEvent cancel(OrderState from) const
    {
        OrderEvent event = named(EventKind::Transition,
                                 QStringLiteral("%1|%2|cancelled|%3")
                                         .arg(m_source, m_seen.order.id, OrderStates::toString(from)));
        event.from = from;
        event.to = OrderState::Cancelled;
        return event;
    }

    void add(const OrderEvent &event)
    {
        IncomingEvent incoming;
        incoming.source = m_source;
        incoming.messageId = event.id.toString(QUuid::WithoutBraces);
        incoming.event = event;
        m_events.append(incoming);
    }

    /** Moves order towards the POS's kitchen state one legal step at a time, as far as allowed. */
    void follow(Order order)
    {
        if (!m_seen.kitchenState)
            return;
        const OrderState target = *m_seen.kitchenState;
        const StateMachine machine;
        for (int steps = 0; steps < 6 && order.state != target; ++steps) {
            const std::optional<OrderState> next = StateMachine::nextStep(order);
            if (!next || !reaches(*next, target))
                break;
            TransitionDetails details;
            if (*next == OrderState::Accepted)
                details.promisedAt = order.scheduledFor > 0
                        ? order.scheduledFor
                        : m_context.nowMs + qint64(m_context.prepMinutes) * 60'000;
            const Verdict verdict =
                    machine.check(order, *next, ActorRole::Pos, details, m_context.nowMs);
            if (!verdict.allowed()) {
                qCInfo(lcPos).noquote() << m_source << "order" << order.number << "is"
                                        << OrderStates::toString(target) << "at the POS; the board"
                                        << "keeps" << OrderStates::toString(order.state) << ":"
                                        << verdict.reason;
                return;
            }
            OrderEvent step = event(EventKind::Transition, OrderStates::toString(*next));
            step.from = order.state;
            step.to = *next;
            if (details.promisedAt > 0)
                step.payload.insert(QStringLiteral("promised_at"), details.promisedAt);
            add(step);
            order.state = *next;
        }
    }

    QList<IncomingEvent> take() { return std::move(m_events); }

private:
    OrderEvent named(EventKind kind, const QString &name) const
    {
        OrderEvent event;
        event.id = QUuid::createUuidV5(posEvents, name);
        event.orderId = m_seen.order.id;
        event.storeId = m_context.storeId;
        event.kind = kind;
        event.actor = m_actor;
        event.origin = m_source;
        event.occurredAt = m_context.nowMs;
        return event;
    }

    /** Whether stepping on to next still leads towards target on the kitchen's way. */
    static bool reaches(OrderState next, OrderState target)
    {
        static const QList<OrderState> way {OrderState::Placed,   OrderState::Accepted,
                                            OrderState::Preparing, OrderState::Ready,
                                            OrderState::PickedUp};
        const qsizetype at = way.indexOf(next);
        return at >= 0 && way.indexOf(target) >= at;
    }

    const PosOrder &m_seen;
    const PosOrderDiff::Context &m_context;
    const QString m_source;
    const Actor m_actor;
    QList<IncomingEvent> m_events;
};
} // namespace

namespace PosOrderDiff {
QList<IncomingEvent> eventsFor(const PosOrder &seen, const std::optional<Order> &current,
                               const Context &context)
{
    Builder builder(seen, context);
    if (!current) {
        if (seen.voided)
            return {}; // voided before the kitchen ever saw it
        Order placed = seen.order;
        placed.storeId = context.storeId;
        placed.state = OrderState::Placed;
        placed.items = ItemRouting::routed(placed.items, context.routes);
        if (placed.placedAt <= 0)
            placed.placedAt = context.nowMs;
        OrderEvent event = builder.event(EventKind::Placed, QStringLiteral("placed"));
        event.to = OrderState::Placed;
        event.payload = placed.toJson();
        builder.add(event);
        builder.follow(placed);
        return builder.take();
    }
    if (!current->isOpen())
        return {}; // the kitchen is done with it; the POS's later words change nothing here
    if (seen.voided) {
        OrderEvent cancel = builder.cancel(current->state);
        cancel.reason = QCoreApplication::translate("PosOrderDiff", "Voided at the till");
        builder.add(cancel);
        return builder.take();
    }
    // The stations are ours (the routes'), not the till's: a line the till shows as it was
    // is unchanged, even when the rules changed since and would route it elsewhere now.
    const QList<OrderItem> lines = ItemRouting::routed(seen.order.items, context.routes);
    if (context.routes.isEmpty() ? lines != current->items
                                 : !ItemRouting::sameApartFromStations(lines, current->items)) {
        OrderEvent modified = builder.event(EventKind::Modified, QStringLiteral("modified"));
        QJsonArray items;
        for (const OrderItem &item : lines)
            items.append(item.toJson());
        modified.payload.insert(QStringLiteral("items"), items);
        builder.add(modified);
    }
    builder.follow(*current);
    return builder.take();
}
} // namespace PosOrderDiff
