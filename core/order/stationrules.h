// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order.h"
#include "statemachine.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

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
    /**
     * True when every item has a station and every station is done. Items without a station are
     * expo's to finish, so such an order waits for expo's bump.
     */
    static bool allDone(const Order &order);

    /** May this station be marked done (done true) or reopened (done false) now? */
    static Verdict check(const Order &order, const QString &station, bool done);
};
