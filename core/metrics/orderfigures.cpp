// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderfigures.h"

#include "localhours.h"


namespace {
// A duration from two event times, or nothing (counted as unusable) when time went backwards.
std::optional<qint64> span(qint64 from, qint64 to, int &unusable)
{
    if (from <= 0 || to <= 0)
        return std::nullopt;
    if (to < from) {
        ++unusable;
        return std::nullopt;
    }
    return to - from;
}

bool pastReady(OrderState state)
{
    switch (state) {
    case OrderState::Ready:
    case OrderState::PickedUp:
    case OrderState::OutForDelivery:
    case OrderState::Delivered:
        return true;
    default:
        return false;
    }
}
} // namespace

bool OrderFigures::inKitchen() const
{
    return state == OrderState::Placed || state == OrderState::Accepted
            || state == OrderState::Preparing;
}

OrderFigures OrderFigures::of(const QString &orderId, const OrderTimeline &timeline,
                              LocalHours &hours)
{
    OrderFigures f;
    f.orderId = orderId;
    f.number = timeline.number();
    f.type = timeline.type();
    f.source = timeline.source();
    f.state = timeline.state();
    f.placedAt = timeline.placedAt();
    f.stateSince = timeline.stateSince();
    f.promisedAt = timeline.promisedAt();
    f.hour = hours.hourOf(f.placedAt);
    f.recalls = timeline.recalls();
    f.refusals = timeline.refusals();
    f.transitions = timeline.transitions();
    f.unusable = timeline.unusableSteps();
    for (OrderState state : OrderStates::all())
        f.timeIn[OrderTimeline::index(state)] = timeline.timeIn(state);

    const qint64 readyAt = timeline.enteredAt(OrderState::Ready);
    // A refunded order keeps the times it had before the refund: one cancelled after it was
    // ready had no time to ready then, so it has none now.
    const bool wasReady = pastReady(f.state)
            || (f.state == OrderState::Refunded && timeline.wasIn(OrderState::Ready)
                && !timeline.cancelledFrom());
    if (wasReady)
        f.toReady = span(f.placedAt, readyAt, f.unusable);
    const qint64 handedAt = std::max(timeline.enteredAt(OrderState::PickedUp),
                                     timeline.enteredAt(OrderState::OutForDelivery));
    if (wasReady && handedAt > 0 && f.state != OrderState::Ready)
        f.toHandedOver = span(f.placedAt, handedAt, f.unusable);

    f.rejected = f.state == OrderState::Rejected;
    f.cancelled = timeline.cancelledFrom().has_value();
    if (f.cancelled) {
        const OrderState from = *timeline.cancelledFrom();
        f.cancelledMidPrep = from == OrderState::Preparing || from == OrderState::Ready;
    }
    f.endReason = timeline.endReason();
    f.ticketable = !f.rejected;
    if (f.toReady)
        f.ticketTime = f.toReady;
    else if (f.cancelled)
        f.ticketTime = span(f.placedAt, timeline.enteredAt(OrderState::Cancelled), f.unusable);
    f.promised = f.promisedAt > 0 && !f.rejected && !f.cancelled;
    if (f.promised && f.toReady)
        f.late = readyAt > f.promisedAt;

    const qint64 firedAt = timeline.enteredAt(OrderState::Accepted);
    const qint64 startedAt = timeline.enteredAt(OrderState::Preparing);
    for (const OrderTimeline::StationDone &done : timeline.stationsDone()) {
        if (const auto firedToDone = span(firedAt, done.doneAt, f.unusable))
            f.stations.append({done.station, *firedToDone});
    }
    for (const OrderTimeline::LineDone &line : timeline.linesDone()) {
        f.lines.append({line.station, span(firedAt, line.doneAt, f.unusable),
                        span(startedAt, line.doneAt, f.unusable)});
    }
    for (const auto &[state, at] : timeline.entries())
        f.entries.append({hours.hourOf(at), state});
    return f;
}
