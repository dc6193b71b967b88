// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actor.h"
#include "order.h"
#include "orderevent.h"
#include "statemachine.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** What a cook marks done or reopens at once: a station's items, or one line of the order. */
struct StationWork
{
    QString station; // a station's items; empty for a line
    int line = -1; // a line: its index in the order's items
    QString name; // the line's name, as the cook saw it

    static StationWork ofStation(const QString &station) { return {station, -1, {}}; }
    static StationWork ofLine(int line, const QString &name) { return {{}, line, name}; }
    bool isLine() const { return line >= 0; }

    /** Whether this work is done on the order now (for a line out of range: no). */
    bool isDone(const Order &order) const;
    /** May it be marked done (done true) or reopened now? */
    Verdict check(const Order &order, bool done) const;
    /** The event that marks it, with a fresh id. */
    OrderEvent event(const Order &order, bool done, const Actor &actor, const QString &origin,
                     qint64 occurredAt) const;
};

/**
 * The rules of item-level bumping: which stations an order has, when a station may be marked done
 * or reopened, and when every station is done (the order is then ready). Held in one place so the
 * engine, the projection and the hub judge a station bump alike.
 */
class StationRules final
{
    Q_DECLARE_TR_FUNCTIONS(StationRules)

public:
    /** States in which a station may be bumped or reopened (accepted: the bump starts the order).
     */
    static const QList<OrderState> &workingStates();

    /** The stations the order's items are routed to, in the order they first appear. */
    static QStringList stationsOf(const Order &order);
    /** Stations with items on the order that are not done yet. */
    static QStringList openStations(const Order &order);
    /** True if the order has an item at this station that is not done. */
    static bool isOpenAt(const Order &order, const QString &station);
    /** Indexes of the order's lines routed to this station. */
    static QList<int> linesAt(const Order &order, const QString &station);
    /**
     * True when every line is done, by its station or on its own. A line without a station is
     * expo's to finish, so such an order waits for expo (a bump, or marking that line).
     */
    static bool allDone(const Order &order);

    /** May this station be marked done (done true) or reopened (done false) now? */
    static Verdict check(const Order &order, const QString &station, bool done);
    /**
     * May line index, which the asker knows as name, be marked done (done true) or reopened now?
     * A name that no longer matches means the order was changed meanwhile: refused, not guessed.
     */
    static Verdict checkLine(const Order &order, int index, const QString &name, bool done);

    /** Marks line index done or open, keeping stations in step: a station is done exactly when
     *  all its lines are. The caller has checked the change with checkLine. */
    static void markLine(Order &order, int index, bool done);
    /** Marks a station done or reopens it with all its lines. Checked with check. */
    static void markStation(Order &order, const QString &station, bool done);
    /**
     * Carries what was done over a change of the order's lines: an unchanged line stays done, an
     * added or changed one is open, and a station is done exactly when all its lines are.
     */
    static void carryOver(Order &order, const QList<OrderItem> &newItems);

    /**
     * Of an order's events, the latest that marked work done (a station or a line; by time, then
     * id). When two consoles finish an order's last parts at once each sees the other's still
     * open, so the one that holds this mark makes it ready: every console with the same events
     * picks the same one.
     */
    static std::optional<OrderEvent> finishingMark(const QList<OrderEvent> &events);
};
