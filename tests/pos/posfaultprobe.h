// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What tst_toastfaults and tst_cloverfaults share: a POS destination's queue watched while the
// ManualClock moves, platform orders placed on the board, and the fake's answers counted.

#include "enginetestbed.h"
#include "storetestsupport.h"

#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "pos/poschannel.h"
#include "fakes/fakevendorserver.h"
#include "store/outbox.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

class PosFaultProbe final
{
public:
    PosFaultProbe(EngineTestbed &bed, PosChannel &channel, const FakeVendorServer &fake)
        : m_bed(bed), m_channel(channel), m_fake(fake)
    {
    }

    ChannelDispatcher &dispatcher() const
    {
        return *m_bed.engine().channels().dispatcher(m_channel.destination());
    }

    /** Nothing queued for the POS, nothing under way. */
    bool drained() const
    {
        return Outbox(m_bed.store()).pendingCount(m_channel.destination()) == 0
                && m_channel.inFlight() == 0;
    }

    /** Every queued write was tried and waits for a later time: the clock has to move. */
    bool triedForNow() const
    {
        return Outbox(m_bed.store()).due(m_channel.destination(), m_bed.clock().nowMs(), 100)
                       .isEmpty()
                && m_channel.inFlight() == 0;
    }

    /** Waits (without sleeping) until every due write was tried or the queue is empty. */
    bool settle() const
    {
        return QTest::qWaitFor([this] { return triedForNow() || drained(); }, 5000);
    }

    /** Moves the clock on by ms and lets the dispatcher look. */
    void advance(qint64 ms)
    {
        m_bed.clock().advanceMs(ms);
        m_bed.engine().channels().dispatchSoon();
    }

    /**
     * Moves the clock on by ms and returns once the dispatcher has looked at its queue: a zero
     * timer started after its own fires after it. What it sent is in flight by then.
     */
    bool advanceAndLook(qint64 ms)
    {
        advance(ms);
        QTimer after;
        after.setSingleShot(true);
        bool fired = false;
        QObject::connect(&after, &QTimer::timeout, [&fired] { fired = true; });
        after.start(0);
        return QTest::qWaitFor([&fired] { return fired; }, 5000);
    }

    /** A minute at a time, until the dead letters reach count (false if they never do). */
    bool retryUntilDeadLetters(int count, int maxMinutes = 6)
    {
        for (int minute = 0; minute < maxMinutes && dispatcher().health().deadLetters < count;
             ++minute) {
            if (!settle())
                return false;
            advance(60'000);
        }
        return QTest::qWaitFor([&] { return dispatcher().health().deadLetters == count; }, 5000);
    }

    /** Each time the POS holds the destination, moves just past the hold, until drained. */
    bool waitOutHolds(int maxRounds = 10)
    {
        for (int round = 0; round < maxRounds && !drained(); ++round) {
            const qint64 heldUntil = dispatcher().health().heldUntil.value_or(0);
            m_bed.clock().setNowMs(std::max(m_bed.clock().nowMs(), heldUntil) + 1);
            m_bed.engine().channels().dispatchSoon();
            if (!settle())
                return false;
        }
        return QTest::qWaitFor([this] { return drained(); }, 5000);
    }

    /** Places an order from the platform on the board (the POS hears of it on its first step). */
    QString placeFromPlatform(const QString &id, const QString &number, OrderType type)
    {
        QSignalSpy drainedIn(&m_bed.engine(), &OrderEngine::incomingDrained);
        if (!drainedIn.isValid())
            return {};
        Order order = StoreTest::sampleOrder(id, number, type);
        order.source = QStringLiteral("platform");
        m_bed.engine().applyIncoming(
                {StoreTest::incoming(StoreTest::placedEvent(order, m_bed.clock().nowMs()))});
        return drainedIn.wait(5000) && m_bed.store().order(id) ? id : QString();
    }

    /** The fake's answers with that status so far. */
    int answeredWith(int status) const
    {
        int count = 0;
        for (const FakeExchange &exchange : m_fake.exchanges())
            count += exchange.status == status ? 1 : 0;
        return count;
    }

private:
    EngineTestbed &m_bed;
    PosChannel &m_channel;
    const FakeVendorServer &m_fake;
};
