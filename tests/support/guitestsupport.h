// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A console session (a real store in a temporary folder, the engine and the kitchen's services)
// on a manual clock: what every board test starts from. Orders come from the simulator's
// generator, with the type pinned where a test needs it. The kitchen's services start when a test
// first asks for the session (to build a window), so orders placed before are already open at
// start, as on a console that restarts during service.

#include "orderprinters.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "order/orderstate.h"
#include "session/consolesession.h"
#include "sim/ordergenerator.h"
#include "store/store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>
#include <optional>

class BoardFixture final
{
public:
    static constexpr qint64 startMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z

    BoardFixture()
        : m_session(SessionConfig::forConsole(m_dir.filePath(QStringLiteral("store.sqlite")),
                                              QStringLiteral("store-1"),
                                              QStringLiteral("test-console"),
                                              SessionConfig::Services::EngineOnly),
                    m_clock)
    { }
    Q_DISABLE_COPY_MOVE(BoardFixture)

    /** Opens the store and starts the session; false (with a QTest failure message) if not. */
    bool open()
    {
        if (!m_dir.isValid()) {
            qWarning("store did not open: no temporary folder");
            return false;
        }
        if (const Result<void> opened = m_session.open(); !opened) {
            qWarning("store did not open: %s", qUtf8Printable(opened.error()));
            return false;
        }
        return true;
    }

    /**
     * A cook's pace between two keys: a second on the clock, well past the bump debounce
     * (BoardOptions::bumpDebounceMs), so a test's deliberate presses never count as a bounce.
     */
    void keyPace() { m_clock.advanceMs(keyPaceMs); }
    static constexpr qint64 keyPaceMs = 1000;

    ConsoleSession &session()
    {
        m_session.startKitchenServices();
        return m_session;
    }
    Store &store() { return m_session.store(); }
    ManualClock &clock() { return m_clock; }
    OrderEngine &engine() { return m_session.engine(); }

    /** Places a generated order a little after the previous one; its type pinned if given. */
    Order place(std::optional<OrderType> type = std::nullopt, qint64 afterMs = 30'000)
    {
        m_clock.advanceMs(afterMs);
        Order order = m_generator.next(m_clock.nowMs());
        if (type) {
            order.type = *type;
            order.table = *type == OrderType::DineIn ? QStringLiteral("T4") : QString();
        }
        const CommandResult result = engine().placeOrder(order, Actor::platform());
        if (!result.ok || !result.order)
            qWarning("placing failed: %s", qUtf8Printable(result.message));
        return result.order.value_or(order);
    }

    /** Moves an order along as the kitchen would, accepting with a promised time. */
    CommandResult bump(const QString &orderId)
    {
        TransitionDetails details;
        details.promisedAt = m_clock.nowMs() + 15 * 60'000;
        return engine().advance(orderId, Actor::staff(QStringLiteral("cook")), details);
    }

    /** The platform adds an item to an order (a modified event, arriving as incoming). */
    void addItemOnPlatform(const Order &order, const OrderItem &added)
    {
        fromPlatform({modifiedOnPlatform(order.id, order.items + QList<OrderItem> {added})});
    }

    /** The platform replaces an order's items (a modified event, not yet applied). */
    OrderEvent modifiedOnPlatform(const QString &orderId, const QList<OrderItem> &items)
    {
        QJsonArray array;
        for (const OrderItem &item : items)
            array.append(item.toJson());
        OrderEvent modified;
        modified.id = QUuid::createUuid();
        modified.orderId = orderId;
        modified.storeId = QStringLiteral("store-1");
        modified.kind = EventKind::Modified;
        modified.actor = Actor::platform();
        modified.origin = QStringLiteral("platform");
        modified.occurredAt = m_clock.nowMs();
        modified.payload.insert(QStringLiteral("items"), array);
        return modified;
    }

    /** A new order as the platform sends it (not yet applied), a little after the previous one. */
    OrderEvent placedOnPlatform(qint64 afterMs = 1000)
    {
        m_clock.advanceMs(afterMs);
        return OrderEvent::placed(m_generator.next(m_clock.nowMs()), Actor::platform(),
                                  QStringLiteral("platform"), m_clock.nowMs());
    }

    /** The customer cancels on the platform, from the state the order is in here. */
    OrderEvent cancelledOnPlatform(const QString &orderId,
                                   const QString &reason = QStringLiteral("Customer cancelled"))
    {
        return OrderEvent::transition(orderId, QStringLiteral("store-1"), storedState(orderId),
                                      OrderState::Cancelled, Actor::platform(),
                                      QStringLiteral("platform"), m_clock.nowMs(), reason);
    }

    /** The platform moves the promised ready time (the customer agreed to wait, say). */
    OrderEvent etaMovedOnPlatform(const QString &orderId, qint64 promisedAt)
    {
        OrderEvent moved;
        moved.id = QUuid::createUuid();
        moved.orderId = orderId;
        moved.storeId = QStringLiteral("store-1");
        moved.kind = EventKind::EtaChanged;
        moved.actor = Actor::platform();
        moved.origin = QStringLiteral("platform");
        moved.occurredAt = m_clock.nowMs();
        moved.payload.insert(QStringLiteral("promised_at"), promisedAt);
        return moved;
    }

    /** The platform's events arrive, in one incoming batch, as from the sync client. */
    void fromPlatform(const QList<OrderEvent> &events)
    {
        QList<IncomingEvent> batch;
        for (const OrderEvent &event : events)
            batch.append(
                IncomingEvent {QStringLiteral("platform"), event.id.toString(), event, {}, {}});
        engine().applyIncoming(batch);
    }

    OrderState storedState(const QString &orderId) const
    {
        const std::optional<Order> order = m_session.store().order(orderId);
        return order ? order->state : OrderState::Refunded; // never on a board: shows as a mismatch
    }

    int storedEventCount(const QString &orderId) const
    {
        return int(m_session.store().events(orderId).size());
    }

private:
    QTemporaryDir m_dir;
    ManualClock m_clock {startMs}; // also the store's: outbox ages follow it
    ConsoleSession m_session;
    OrderGenerator m_generator {QStringLiteral("store-1"), 7};
};
