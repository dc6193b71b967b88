// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "convergenceaudit.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>

class Clock;
class HubSimulator;
namespace SyncTest {
class HubBed;
}

/**
 * The platform's side of the soak on a thread of its own: a real hub (HubBed: its log, its
 * WebSocket server on 127.0.0.1) and its simulator placing orders. In a kitchen the hub is
 * another machine; here it is in the same process, and off the console's GUI thread so that
 * the event loop's gaps are the console's own work, not the hub's commits.
 */
class PlatformThread final
{
public:
    explicit PlatformThread(const Clock &clock);
    ~PlatformThread();
    Q_DISABLE_COPY_MOVE(PlatformThread)

    /** Starts the thread, the hub with storeId's console registered, and the simulator. */
    bool start(const QString &storeId, const QString &consoleId, quint32 seed);
    QUrl url() const { return m_url; }
    /** The platform places an order now (and moves couriers, maybe cancels one), on its thread. */
    void placeOrder();
    /** The platform's orders still in the kitchen, one line each. */
    QStringList stillInKitchen();
    /** The last place in the store's log. */
    qint64 head();
    /** The store's log as the hub has it now. */
    PlatformView view();

private:
    /** Runs work on the hub's thread and waits for it. */
    void onHubThread(const std::function<void()> &work);

    const Clock &m_clock;
    QString m_storeId;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    std::unique_ptr<SyncTest::HubBed> m_hub; // built, used and destroyed on m_thread
    std::unique_ptr<HubSimulator> m_simulator;
    QUrl m_url;
};
