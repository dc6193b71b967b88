// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actor.h"
#include "order.h"
#include "orderstate.h"
#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

/** What an event records. Transitions and recalls move state; the others carry changes. */
enum class EventKind {
    Placed, // the order arrived; payload is the order
    Transition, // from → to along the table
    Recall, // a bumped ticket brought back (ready → preparing, picked_up → ready)
    Modified, // items changed; payload "items" is the new list
    EtaChanged, // payload "promised_at"
    NoteAdded, // reason holds the note
    StationBumped, // payload "station", "done": one station finished its items (or reopened them)
    ItemDone, // payload "item" (index), "name", "station", "done": one line finished (or reopened)
    StorePaused, // store-level; payload "until"
    StoreResumed, // store-level
    StorePolicyChanged, // store-level; payload "policy" (StorePolicyCodec), a manager's
    // Store-level, this console's own record (never sent to the platform): a manager put a dead
    // letter back in its destination's outbox, or let it go. Payload "dead_letter" (its id),
    // "event_id", "destination", "attempts", "last_error".
    DeadLetterRedriven,
    DeadLetterDiscarded,
    // Store-level, this console's own record: a manager changed the POS this console runs.
    // Payload "vendor" (empty: none), "location"; never a secret.
    PosConnectionChanged,
};

namespace EventKinds {
QString toString(EventKind kind);
std::optional<EventKind> fromString(const QString &name);
/** True for kinds whose subject is the store rather than an order. */
bool isStoreLevel(EventKind kind);
/** True for kinds only a manager may write (the store's rules), never staff or the system. */
bool needsManager(EventKind kind);
/** False for kinds that stay in this console's log (dead-letter decisions): the platform never logs them. */
bool travels(EventKind kind);
} // namespace EventKinds

/**
 * One entry of the append-only log (DESIGN.md: every event has id, order, store, kind, from, to,
 * actor, origin, time and a reason where needed). The event id is the idempotency key.
 */
struct OrderEvent
{
    QUuid id;
    QString orderId; // empty for store-level events
    QString storeId;
    EventKind kind = EventKind::Transition;
    std::optional<OrderState> from;
    std::optional<OrderState> to;
    Actor actor;
    QString origin; // console id or service that wrote it
    qint64 occurredAt = 0; // UTC ms
    QString reason;
    QJsonObject payload;

    /** The event that brings an order into the log: a fresh id, the order as its payload. */
    static OrderEvent placed(const Order &order, const Actor &actor, const QString &origin,
                             qint64 occurredAt);
    /** A move of an order from one state to another, with a fresh id. */
    static OrderEvent transition(const QString &orderId, const QString &storeId, OrderState from,
                                 OrderState to, const Actor &actor, const QString &origin,
                                 qint64 occurredAt, const QString &reason = {});

    /** One station's items done (done true) or reopened (done false), with a fresh id. */
    static OrderEvent stationBumped(const Order &order, const QString &station, bool done,
                                    const Actor &actor, const QString &origin, qint64 occurredAt);

    /**
     * One line of the order (items[index]) done (done true) or reopened (done false), with a fresh
     * id. The payload names the line as well as its index, so a line moved by a modification in
     * between is refused rather than mistaken for another.
     */
    static OrderEvent itemDone(const Order &order, int index, bool done, const Actor &actor,
                               const QString &origin, qint64 occurredAt);

    /** When a store_paused event's pause ends (payload "until", UTC ms); 0 for any other event. */
    qint64 pausedUntil() const;

    /** Whether fromJson also enforces OrderLimits (ids, lengths, depth, numbers, encoded size). */
    enum class Limits {
        Enforce, // every reader: an event over a limit is refused
        Later, // the hub: its submit reader (it rejects that one event, naming the limit) and
               // its own log, whose rows were checked on the way in
    };

    QJsonObject toJson() const;
    /** Parses and validates the wire and stored form. */
    static Result<OrderEvent> fromJson(const QJsonObject &json, Limits limits = Limits::Enforce);

    friend bool operator==(const OrderEvent &a, const OrderEvent &b);
    friend bool operator!=(const OrderEvent &a, const OrderEvent &b) { return !(a == b); }
};
