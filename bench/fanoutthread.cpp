// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanoutthread.h"

#include "fanoutsupport.h"

#include <QCoreApplication>

#include <stdexcept>

FanoutConsole::FanoutConsole(const QString &storePath, const QString &storeId,
                             const QString &consoleId, const QUrl &hubUrl,
                             const QElapsedTimer &epoch)
    : m_epoch(epoch)
    , m_console(std::make_unique<BenchConsole>(storePath, storeId, consoleId, hubUrl, m_clock))
{
    connect(&m_console->link(), &PlatformLink::received, this, &FanoutConsole::onReceived);
    connect(&m_console->engine(), &OrderEngine::orderChanged, this,
            &FanoutConsole::onOrderChanged);
}

FanoutConsole::~FanoutConsole()
{
    m_console->client().stop();
}

void FanoutConsole::watch(int round, int slot, const QString &orderId)
{
    m_round = round;
    m_slot = slot;
    m_orderId = orderId;
    m_eventId = QUuid();
    m_frameSeen = false;
    m_appliedSeen = false;
    m_ackSeen = true;
}

FanoutBump FanoutConsole::bump(int round, const QString &orderId, qint64 promiseMs)
{
    m_round = round;
    m_slot = -1;
    m_orderId.clear();
    m_frameSeen = true;
    m_appliedSeen = true;
    m_ackSeen = false;
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + promiseMs;
    const CommandResult bumped =
        m_console->engine().advance(orderId, Actor::staff(QStringLiteral("ana")), details);
    // The clock starts once the event and its outbox row are committed: from here on it is the
    // sync path's (dispatch, hub, fan-out, apply), not the local write bench/transition measures.
    FanoutBump result;
    result.committedNs = m_epoch.nsecsElapsed();
    result.ok = bumped.ok;
    result.message = bumped.message;
    result.eventId = bumped.event.id;
    m_eventId = bumped.event.id;
    return result;
}

void FanoutConsole::onReceived(const Protocol::Message &message)
{
    if (!m_ackSeen) {
        const auto *ack = std::get_if<Protocol::Ack>(&message.body);
        if (ack && ack->eventId == m_eventId) {
            m_ackSeen = true;
            Q_EMIT acked(m_round, m_epoch.nsecsElapsed());
        }
    }
    if (!m_frameSeen) {
        const auto *events = std::get_if<Protocol::Events>(&message.body);
        if (!events)
            return;
        for (const Protocol::SequencedEvent &e : events->events) {
            if (e.event.orderId == m_orderId && e.event.to == OrderState::Accepted) {
                m_frameSeen = true;
                Q_EMIT frameReceived(m_round, m_slot, m_epoch.nsecsElapsed());
                return;
            }
        }
    }
}

void FanoutConsole::onOrderChanged(const Order &order)
{
    if (m_appliedSeen || order.id != m_orderId || order.state != OrderState::Accepted)
        return;
    m_appliedSeen = true;
    Q_EMIT applied(m_round, m_slot, m_epoch.nsecsElapsed());
}

ConsoleThread::ConsoleThread(const QString &storePath, const QString &storeId,
                             const QString &consoleId, const QUrl &hubUrl,
                             const QElapsedTimer &epoch)
    : m_storeId(storeId)
    , m_consoleId(consoleId)
    , m_anchor(std::make_unique<QObject>())
{
    m_thread.setObjectName(consoleId);
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    try {
        run([&] {
            m_object = new FanoutConsole(storePath, storeId, consoleId, hubUrl, epoch);
        });
    } catch (...) {
        run([this] { m_anchor->moveToThread(QCoreApplication::instance()->thread()); });
        m_thread.quit();
        m_thread.wait();
        throw;
    }
}

ConsoleThread::~ConsoleThread()
{
    // Everything the console made (sockets, timers, the SQLite connection) goes in its thread;
    // the anchor comes home so it can be deleted here once the thread has stopped.
    QMetaObject::invokeMethod(
        m_anchor.get(),
        [this] {
            delete m_object;
            m_object = nullptr;
            m_anchor->moveToThread(QCoreApplication::instance()->thread());
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ConsoleThread::run(const std::function<void()> &work)
{
    std::exception_ptr failure;
    QMetaObject::invokeMethod(
        m_anchor.get(),
        [&] {
            try {
                work();
            } catch (...) {
                failure = std::current_exception();
            }
        },
        Qt::BlockingQueuedConnection);
    if (failure)
        std::rethrow_exception(failure);
}
