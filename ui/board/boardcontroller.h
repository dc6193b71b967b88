// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardactions.h"

#include <QObject>

class Clock;
class DialogHost;
class NoticeBanner;
class OrderModel;
class StationFilterModel;
class StorePause;

/**
 * Carries out the board's commands on orders and on the store: bump, recall, reject, delay and
 * pause. A bump on a ticket that waits to be acknowledged (cancelled, or changed by someone else)
 * acknowledges it and does nothing more: the cook has seen it. Where a command needs an answer
 * first (a prep time, a reason, a ticket from the recall list, how long to pause) it asks through
 * the window's dialog host, one question at a time. It says in the notice banner what happened, and
 * shows the engine's reason when a command is refused; a refused command changes nothing.
 */
class BoardController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardController)

public:
    /** orders and view are what the board shows; dialogs asks over the window. */
    BoardController(OrderEngine &engine, const Clock &clock, const BoardOptions &options,
                    OrderModel &orders, const StationFilterModel &view, NoticeBanner &notice,
                    DialogHost &dialogs, QObject *parent = nullptr);

    void setOptions(const BoardOptions &options);
    /** Busy mode for pause(); without one, pausing is refused as not available. */
    void setStorePause(StorePause *pause);

    /**
     * Acknowledges a cancelled or changed ticket; otherwise expo moves the order a step
     * (accepting asks for a prep time) and a station marks its items done.
     */
    void bump(const QString &orderId);
    /** Marks one line of the order (an index into its items) done, or open again if done. */
    void toggleItem(const QString &orderId, int line);
    /** Expo: asks which ticket of the recall list. A station: reopens its last bump here. */
    void recall();
    void reject(const QString &orderId);
    void delay(const QString &orderId);
    /** Asks how long to pause the store, or whether to resume it. */
    void pause();
    /** The view changed: a station's recall reopens only what was bumped in this view. */
    void forgetLastBump() { m_lastStationBump.clear(); }

Q_SIGNALS:
    /** A ticket came back (recalled, reopened): the board should select it. */
    void selectRequested(const QString &orderId);

private:
    void acknowledge(const QString &orderId);
    void advance(const QString &orderId);
    void bumpStation(const QString &orderId);
    void reopenStation();
    void askAccept(const QString &orderId);
    void accept(const QString &orderId, int minutes);
    void delayBy(const QString &orderId, int minutes);
    void recallOrder(const QString &orderId);
    void rejectFor(const QString &orderId, const QString &reason);
    void pauseOrResume(bool resume, qint64 untilMs);
    void showRefusal(const QString &message);
    void showDone(const QString &message);

    const Clock &m_clock;
    BoardActions m_actions;
    OrderModel &m_orders;
    const StationFilterModel &m_view;
    NoticeBanner &m_notice;
    DialogHost &m_dialogs;
    StorePause *m_pause = nullptr;
    QString m_lastStationBump; // the order this screen last bumped at its station, for R
};
