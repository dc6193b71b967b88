// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

class BoardActions;
class Clock;
class OrderEngine;
struct Order;

/**
 * A scripted cook, for load and fault runs: on each tick it looks at the open orders as its
 * screen sees them and does what staff there would, through BoardActions, the commands the
 * board's keys give. Expo accepts new orders (or rejects a few), starts them, calls them ready
 * once their stations are done and hands them over; a station marks its items done. Each order
 * waits a random dwell in each state first (seeded), as real work takes time, and now and then a
 * ticket is recalled. A refused command (another screen got there first, the store cannot write
 * now) is counted and looked at again on a later tick, as a cook would.
 */
class StaffRobot final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffRobot)

public:
    struct Pace
    {
        int tickMs = 250; // how often it looks at the board
        int actionsPerTick = 4; // a cook's hands: at most this many commands a look
        qint64 minDwellMs = 0; // how long an order stays in a state before it is moved on
        qint64 maxDwellMs = 0;
        int rejectPerMille = 0; // of new orders, rejected instead of accepted (expo)
        int recallPerMille = 0; // of hand-overs, followed by a recall of the latest bump (expo)
        qint64 expoTakesOverAfterMs = 0; // expo calls ready what stations left this long; 0: never
        quint32 seed = 1;
    };
    /** What it did, and what was refused. */
    struct Tally
    {
        int accepted = 0;
        int rejected = 0;
        int started = 0;
        int readied = 0;
        int handedOver = 0; // picked up, out for delivery, delivered
        int stationBumps = 0;
        int recalled = 0;
        int refused = 0;
        int commands() const
        {
            return accepted + rejected + started + readied + handedOver + stationBumps + recalled;
        }
    };

    /** station: the station this screen shows, or empty for expo. */
    StaffRobot(OrderEngine &engine, BoardActions &actions, const Clock &clock,
               const QString &station, const Pace &pace, QObject *parent = nullptr);

    void start();
    void stop();
    /** One look at the board and up to Pace::actionsPerTick commands; how many were given. */
    int actOnce();
    const Tally &tally() const { return m_tally; }
    QString station() const { return m_station; }

Q_SIGNALS:
    /** A command was refused, with the words staff would have read. */
    void refused(const QString &orderId, const QString &message);

private:
    /** Whether the order has waited its dwell in its current state (first sight starts it). */
    bool dwelt(const Order &order, qint64 now);
    /** The expo's move on order now, if any: true if a command was given. */
    bool actAsExpo(const Order &order);
    bool actAsStation(const Order &order);
    bool counted(const QString &orderId, bool ok, const QString &message, int *done);
    /** A number in 0–999 for the order as it is and the choice, the same on every run. */
    int perMille(const Order &order, const char *choice) const;

    OrderEngine &m_engine;
    BoardActions &m_actions;
    const Clock &m_clock;
    const QString m_station;
    const Pace m_pace;
    QRandomGenerator m_random;
    QTimer m_tick;
    struct Seen
    {
        int state = 0; // the order's state when it was first seen in it
        qint64 since = 0;
        qint64 due = 0; // when it may be moved on
    };
    QHash<QString, Seen> m_seen; // the orders on the board
    Tally m_tally;
};
