// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The board's pace for incoming changes: a burst is handed over at its pace, a cook's own change
// at once, a big catch-up over several event-loop turns. A real engine on a SQLite file feeds it.
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "board/framepacer.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <numeric>

using namespace StoreTest;

class TestFramePacer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loneEventIsHandedOverAtOnce();
    void burstIsHandedOverAtItsPace();
    void cooksChangeShowsAtOnceDuringABurst();
    void bigCatchUpIsSpreadOverTurns();

private:
    static EngineConfig engineConfig();
};

EngineConfig TestFramePacer::engineConfig()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    config.incomingBatchSize = 100;
    return config;
}

void TestFramePacer::loneEventIsHandedOverAtOnce()
{
    EngineTestbed bed(t0, engineConfig());
    QVERIFY(bed.open());
    FramePacer pacer(bed.engine());
    QSignalSpy handed(&pacer, &FramePacer::orderChanged);
    QVERIFY(handed.isValid());
    QSignalSpy drained(&bed.engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());

    bed.engine().applyIncoming(placedBurst(1));
    QVERIFY(drained.wait());
    // Nothing was handed over for a frame: the change went on with its batch, before drained.
    QCOMPARE(handed.count(), 1);
    QCOMPARE(handed.at(0).at(0).value<Order>().id, QStringLiteral("b-0"));
    QCOMPARE(pacer.pendingCount(), 0);
}

void TestFramePacer::burstIsHandedOverAtItsPace()
{
    // A pace longer than any test machine needs to write 250 events: nothing is handed over
    // until the burst is all written, then all of it in one go, in the burst's order.
    EngineTestbed bed(t0, engineConfig());
    QVERIFY(bed.open());
    FramePacing pacing;
    pacing.burstPaceMs = 600'000;
    FramePacer pacer(bed.engine(), pacing);
    QStringList handedIds;
    QList<int> backlogs;
    connect(&pacer, &FramePacer::orderChanged, this, [&](const Order &order) {
        handedIds.append(order.id);
        backlogs.append(bed.engine().incomingBacklog());
    });
    QSignalSpy batches(&bed.engine(), &OrderEngine::incomingBatchHeard);
    QVERIFY(batches.isValid());
    QSignalSpy drained(&bed.engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());

    bed.engine().applyIncoming(placedBurst(250));
    QVERIFY(drained.wait());
    QCOMPARE(batches.count(), 3); // the engine told of each batch as it was written
    QCOMPARE(handedIds.size(), 250);
    QCOMPARE(backlogs.count(0), 250); // none of it while more was on its way
    for (int i = 0; i < 250; ++i)
        QCOMPARE(handedIds.at(i), QStringLiteral("b-%1").arg(i));

    // The burst is over: a lone event is handed over within a frame, not at the burst's pace.
    bed.engine().applyIncoming({incoming(
            placedEvent(sampleOrder(QStringLiteral("lone"), QStringLiteral("999"))))});
    QTRY_COMPARE(handedIds.size(), 251);
    QCOMPARE(handedIds.constLast(), QStringLiteral("lone"));
}

void TestFramePacer::cooksChangeShowsAtOnceDuringABurst()
{
    EngineTestbed bed(t0, engineConfig());
    QVERIFY(bed.open());
    FramePacing pacing;
    pacing.burstPaceMs = 600'000;
    FramePacer pacer(bed.engine(), pacing);
    QHash<QString, QList<OrderState>> handed;
    connect(&pacer, &FramePacer::orderChanged, this,
            [&](const Order &order) { handed[order.id].append(order.state); });
    QSignalSpy drained(&bed.engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());

    // While the first batch waits for the burst's pace, a cook accepts one of its orders.
    const QString bumped = QStringLiteral("b-5");
    CommandResult accepted;
    int pendingWhenAccepted = -1;
    const QMetaObject::Connection firstBatch =
            connect(&bed.engine(), &OrderEngine::incomingBatchHeard, this, [&] {
                if (pendingWhenAccepted >= 0)
                    return;
                pendingWhenAccepted = pacer.pendingCount();
                TransitionDetails promise;
                promise.promisedAt = t0 + 15 * 60'000;
                accepted = bed.engine().advance(bumped, Actor::staff(QStringLiteral("ana")),
                                                promise);
                // Shown before this call returns, while the rest still waits.
                QCOMPARE(handed.value(bumped), QList<OrderState>{OrderState::Accepted});
            });
    bed.engine().applyIncoming(placedBurst(101));
    QVERIFY(drained.wait());
    disconnect(firstBatch);
    QVERIFY2(accepted.ok, qPrintable(accepted.message));
    QCOMPARE(pendingWhenAccepted, 100);
    QCOMPARE(handed.size(), 101);
    // The burst's older copy (placed) never reached the board after the cook's.
    QCOMPARE(handed.value(bumped), QList<OrderState>{OrderState::Accepted});
    QCOMPARE(handed.value(QStringLiteral("b-100")), QList<OrderState>{OrderState::Placed});
}

void TestFramePacer::bigCatchUpIsSpreadOverTurns()
{
    // The whole burst is held until written (a long pace), then handed over 100 a turn.
    EngineTestbed bed(t0, engineConfig());
    QVERIFY(bed.open());
    FramePacing pacing;
    pacing.burstPaceMs = 600'000;
    pacing.perTurn = 100;
    FramePacer pacer(bed.engine(), pacing);
    int turn = 0;
    QTimer turns; // a zero-interval timer fires once per turn of the event loop
    turns.setInterval(0);
    connect(&turns, &QTimer::timeout, this, [&] { ++turn; });
    turns.start();
    QMap<int, int> handedPerTurn;
    connect(&pacer, &FramePacer::orderChanged, this, [&] { ++handedPerTurn[turn]; });

    QSignalSpy drained(&bed.engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());

    bed.engine().applyIncoming(placedBurst(250));
    QVERIFY(drained.wait());
    QTRY_COMPARE(std::accumulate(handedPerTurn.cbegin(), handedPerTurn.cend(), 0), 250);
    QCOMPARE(pacer.pendingCount(), 0);
    QCOMPARE(handedPerTurn.values(), (QList<int>{100, 100, 50}));
}

QTEST_MAIN(TestFramePacer)
#include "tst_framepacer.moc"
