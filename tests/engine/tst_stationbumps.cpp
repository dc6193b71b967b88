// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

// OrderEngine's item-level bumps, by station and by line: a station (or a line) starts an accepted
// order, the last one makes it ready, reopening a ready order's station or line recalls it, and
// every step is a logged, queued event.
class TestStationBumps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void firstBumpStartsAnAcceptedOrder();
    void lastStationMakesTheOrderReady();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void reopeningAReadyOrderRecallsIt();
    void expoBumpIgnoresStations();
    void logReplaysToTheSameProjection();
    void latestBumpAcrossConsolesFinishesTheOrder_data();
    void latestBumpAcrossConsolesFinishesTheOrder();
    void linesStartFinishAndReadyTheOrder();
    void aLineMovedMeanwhileIsRefused();
    void reopeningALineOfAReadyOrderRecallsIt();

private:
    QString placeAccepted(const QString &number);
    QList<EventKind> kinds(const QString &orderId) const;

    std::unique_ptr<EngineTestbed> m_bed;
    ManualClock *m_clock = nullptr;
    Store *m_store = nullptr;
    OrderEngine *m_engine = nullptr;
    const Actor m_cook = Actor::staff(QStringLiteral("ana"));
    const QString m_grill = QStringLiteral("grill");
    const QString m_fry = QStringLiteral("fry");
};

void TestStationBumps::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("grill-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_clock = &m_bed->clock();
    m_store = &m_bed->store();
    m_engine = &m_bed->engine();
}

void TestStationBumps::cleanup()
{
    m_bed.reset();
}

QString TestStationBumps::placeAccepted(const QString &number)
{
    const Order order = sampleOrder(QStringLiteral("o-") + number, number); // grill and fry
    if (!m_engine->placeOrder(order, Actor::platform()).ok)
        qWarning("placing failed");
    TransitionDetails details;
    details.promisedAt = m_clock->nowMs() + 15 * 60'000;
    m_clock->advanceMs(1000);
    if (!m_engine->advance(order.id, m_cook, details).ok)
        qWarning("accepting failed");
    return order.id;
}

QList<EventKind> TestStationBumps::kinds(const QString &orderId) const
{
    QList<EventKind> result;
    const QList<OrderEvent> events = m_store->events(orderId);
    for (const OrderEvent &event : events)
        result.append(event.kind);
    return result;
}

void TestStationBumps::firstBumpStartsAnAcceptedOrder()
{
    const QString id = placeAccepted(QStringLiteral("101"));
    QSignalSpy changed(m_engine, &OrderEngine::orderChanged);
    QVERIFY(changed.isValid());
    const int queuedBefore = Outbox(*m_store).pendingCount();

    const CommandResult result = m_engine->bumpStation(id, m_grill, m_cook);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.order->state, OrderState::Preparing);
    QCOMPARE(result.order->stationsDone, QStringList {m_grill});
    QCOMPARE(result.event.kind, EventKind::StationBumped);
    QCOMPARE(result.event.origin, QStringLiteral("grill-1"));
    QCOMPARE(kinds(id),
             (QList<EventKind> {EventKind::Placed, EventKind::Transition, EventKind::Transition,
                                EventKind::StationBumped}));
    const OrderEvent start = m_store->events(id).at(2);
    QCOMPARE(start.from, OrderState::Accepted);
    QCOMPARE(start.to, OrderState::Preparing);
    QCOMPARE(changed.size(), 2); // the board sees both steps
    QCOMPARE(Outbox(*m_store).pendingCount(), queuedBefore + 2); // both go to the platform
    QCOMPARE(m_store->order(id)->stationsDone, QStringList {m_grill});
}

void TestStationBumps::lastStationMakesTheOrderReady()
{
    const QString id = placeAccepted(QStringLiteral("102"));
    QVERIFY(m_engine->bumpStation(id, m_fry, m_cook).ok);
    m_clock->advanceMs(60'000);
    const CommandResult result = m_engine->bumpStation(id, m_grill, m_cook);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.order->state, OrderState::Ready);
    QCOMPARE(result.event.kind, EventKind::Transition);
    QCOMPARE(result.event.to, OrderState::Ready);
    const QList<EventKind> logged = kinds(id);
    QCOMPARE(logged.mid(logged.size() - 2),
             (QList<EventKind> {EventKind::StationBumped, EventKind::Transition}));
    QCOMPARE(m_store->order(id)->state, OrderState::Ready);
    QCOMPARE(m_store->order(id)->stateSince, m_clock->nowMs());
}

void TestStationBumps::refusalsChangeNothing_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("station");
    QTest::addColumn<QString>("reasonMentions");
    QTest::newRow("placed, not accepted")
        << QStringLiteral("placed") << QStringLiteral("grill") << QStringLiteral("being prepared");
    QTest::newRow("no items there")
        << QStringLiteral("accepted") << QStringLiteral("bar") << QStringLiteral("nothing for bar");
    QTest::newRow("twice") << QStringLiteral("grill done") << QStringLiteral("grill")
                           << QStringLiteral("already done");
    QTest::newRow("unknown order")
        << QStringLiteral("none") << QStringLiteral("grill") << QStringLiteral("no order");
}

void TestStationBumps::refusalsChangeNothing()
{
    QFETCH(QString, setup);
    QFETCH(QString, station);
    QFETCH(QString, reasonMentions);
    QString id = QStringLiteral("o-missing");
    if (setup == QLatin1String("placed")) {
        id = QStringLiteral("o-103");
        QVERIFY(m_engine->placeOrder(sampleOrder(id, QStringLiteral("103")), Actor::platform()).ok);
    } else if (setup != QLatin1String("none")) {
        id = placeAccepted(QStringLiteral("103"));
        if (setup == QLatin1String("grill done"))
            QVERIFY(m_engine->bumpStation(id, m_grill, m_cook).ok);
    }
    const qint64 eventsBefore = m_store->eventCount();
    const std::optional<Order> before = m_store->order(id);
    const CommandResult result = m_engine->bumpStation(id, station, m_cook);
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(reasonMentions, Qt::CaseInsensitive),
             qPrintable(result.message));
    QCOMPARE(m_store->eventCount(), eventsBefore);
    QCOMPARE(m_store->order(id), before);
}

void TestStationBumps::reopeningAReadyOrderRecallsIt()
{
    const QString id = placeAccepted(QStringLiteral("104"));
    QVERIFY(m_engine->bumpStation(id, m_grill, m_cook).ok);
    QCOMPARE(m_engine->bumpStation(id, m_fry, m_cook).order->state, OrderState::Ready);

    m_clock->advanceMs(60'000);
    const CommandResult reopened = m_engine->reopenStation(id, m_fry, m_cook);
    QVERIFY2(reopened.ok, qPrintable(reopened.message));
    QCOMPARE(reopened.order->state, OrderState::Preparing);
    QCOMPARE(reopened.order->stationsDone, QStringList {m_grill}); // the grill's food still stands
    QCOMPARE(reopened.event.payload.value(QStringLiteral("done")).toBool(), false);
    const QList<EventKind> logged = kinds(id);
    QCOMPARE(logged.mid(logged.size() - 2),
             (QList<EventKind> {EventKind::Recall, EventKind::StationBumped}));

    // The fryer finishes again: ready again.
    QCOMPARE(m_engine->bumpStation(id, m_fry, m_cook).order->state, OrderState::Ready);

    // Past the recall window the ready order stays ready and says why.
    m_clock->advanceMs(m_engine->config().recallWindowMs + 60'000);
    const CommandResult late = m_engine->reopenStation(id, m_fry, m_cook);
    QVERIFY(!late.ok);
    QVERIFY2(late.message.contains(QLatin1String("recalled within")), qPrintable(late.message));
    QCOMPARE(m_store->order(id)->state, OrderState::Ready);
}

void TestStationBumps::expoBumpIgnoresStations()
{
    const QString id = placeAccepted(QStringLiteral("105"));
    QVERIFY(m_engine->bumpStation(id, m_grill, m_cook).ok);
    const CommandResult ready = m_engine->advance(id, m_cook);
    QVERIFY2(ready.ok, qPrintable(ready.message));
    QCOMPARE(ready.order->state, OrderState::Ready);
    QCOMPARE(ready.order->stationsDone, QStringList {m_grill}); // fry never bumped: expo decided
    const CommandResult late = m_engine->bumpStation(id, m_fry, m_cook);
    QVERIFY(!late.ok); // nothing left to bump at a station once expo has called it
}

void TestStationBumps::logReplaysToTheSameProjection()
{
    const QString id = placeAccepted(QStringLiteral("106"));
    QVERIFY(m_engine->bumpStation(id, m_grill, m_cook).ok);
    QVERIFY(m_engine->reopenStation(id, m_grill, m_cook).ok);
    QVERIFY(m_engine->bumpStation(id, m_fry, m_cook).ok);
    const VerifyReport report = ProjectionVerifier(*m_store).verify();
    QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
    QCOMPARE(m_store->order(id)->stationsDone, QStringList {m_fry});
}

void TestStationBumps::latestBumpAcrossConsolesFinishesTheOrder_data()
{
    QTest::addColumn<qint64>("theirsAfterOursMs");
    QTest::addColumn<bool>("theirsIsALine");
    QTest::addColumn<OrderState>("expected");
    // Both bumped before seeing the other's: the later bump's console makes it ready, only it.
    QTest::newRow("theirs later: they finish it") << qint64(500) << false << OrderState::Preparing;
    QTest::newRow("ours later: we finish it") << qint64(-500) << false << OrderState::Ready;
    // A line marked done counts like a station bump.
    QTest::newRow("their line later: they finish it")
        << qint64(500) << true << OrderState::Preparing;
    QTest::newRow("our station later: we finish it") << qint64(-500) << true << OrderState::Ready;
}

void TestStationBumps::latestBumpAcrossConsolesFinishesTheOrder()
{
    QFETCH(qint64, theirsAfterOursMs);
    QFETCH(bool, theirsIsALine);
    QFETCH(OrderState, expected);
    const QString id = placeAccepted(QStringLiteral("107"));
    QCOMPARE(m_engine->bumpStation(id, m_grill, m_cook).order->state, OrderState::Preparing);

    const Actor ben = Actor::staff(QStringLiteral("ben"));
    const qint64 at = m_clock->nowMs() + theirsAfterOursMs;
    const Order seen = *m_store->order(id);
    const OrderEvent theirs = theirsIsALine
        ? OrderEvent::itemDone(seen, 1, true, ben, QStringLiteral("fry-1"), at) // the fries
        : OrderEvent::stationBumped(seen, m_fry, true, ben, QStringLiteral("fry-1"), at);
    QSignalSpy drained(m_engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    m_engine->applyIncoming({incoming(theirs)});
    QVERIFY(drained.wait());
    const Order order = *m_store->order(id);
    QCOMPARE(order.stationsDone, (QStringList {m_grill, m_fry}));
    QCOMPARE(order.state, expected);
    if (expected == OrderState::Ready)
        QCOMPARE(m_store->events(id).constLast().actor, m_cook); // in the name of our cook
}

void TestStationBumps::linesStartFinishAndReadyTheOrder()
{
    const QString id = placeAccepted(QStringLiteral("108"));
    const QString fries = QStringLiteral("Fries");
    const int queuedBefore = Outbox(*m_store).pendingCount();

    const CommandResult started = m_engine->bumpItem(id, 1, fries, m_cook);
    QVERIFY2(started.ok, qPrintable(started.message));
    QCOMPARE(started.order->state, OrderState::Preparing);
    QVERIFY(started.order->isItemDone(1));
    QCOMPARE(started.order->stationsDone, QStringList {m_fry}); // its one line: the station too
    QCOMPARE(started.event.kind, EventKind::ItemDone);
    QCOMPARE(started.event.payload.value(QStringLiteral("station")).toString(), m_fry);
    QCOMPARE(Outbox(*m_store).pendingCount(), queuedBefore + 2); // the start and the line

    m_clock->advanceMs(60'000);
    const CommandResult ready =
        m_engine->bumpItem(id, 0, QStringLiteral("Cheeseburger"), m_cook);
    QVERIFY2(ready.ok, qPrintable(ready.message));
    QCOMPARE(ready.order->state, OrderState::Ready);
    const QList<EventKind> logged = kinds(id);
    QCOMPARE(logged.mid(logged.size() - 2),
             (QList<EventKind> {EventKind::ItemDone, EventKind::Transition}));
    const VerifyReport report = ProjectionVerifier(*m_store).verify();
    QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
}

void TestStationBumps::aLineMovedMeanwhileIsRefused()
{
    const QString id = placeAccepted(QStringLiteral("109"));
    QSignalSpy refusedSpy(m_engine, &OrderEngine::refused);
    QVERIFY(refusedSpy.isValid());
    const qint64 eventsBefore = m_store->eventCount();
    const std::optional<Order> before = m_store->order(id);
    // The screen showed the fries as line 0, but line 0 is the burger now.
    const CommandResult result = m_engine->bumpItem(id, 0, QStringLiteral("Fries"), m_cook);
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(QLatin1String("no longer where it was")),
             qPrintable(result.message));
    QCOMPARE(m_store->eventCount(), eventsBefore);
    QCOMPARE(m_store->order(id), before);
}

void TestStationBumps::reopeningALineOfAReadyOrderRecallsIt()
{
    const QString id = placeAccepted(QStringLiteral("110"));
    QVERIFY(m_engine->bumpItem(id, 1, QStringLiteral("Fries"), m_cook).ok);
    QCOMPARE(m_engine->bumpItem(id, 0, QStringLiteral("Cheeseburger"), m_cook).order->state,
             OrderState::Ready);

    m_clock->advanceMs(60'000);
    const CommandResult reopened = m_engine->reopenItem(id, 1, QStringLiteral("Fries"), m_cook);
    QVERIFY2(reopened.ok, qPrintable(reopened.message));
    QCOMPARE(reopened.order->state, OrderState::Preparing);
    QVERIFY(!reopened.order->isItemDone(1));
    QVERIFY(reopened.order->isItemDone(0)); // the burger still stands on the pass
    QCOMPARE(reopened.order->stationsDone, QStringList {m_grill});
    const QList<EventKind> logged = kinds(id);
    QCOMPARE(logged.mid(logged.size() - 2),
             (QList<EventKind> {EventKind::Recall, EventKind::ItemDone}));
}

QTEST_GUILESS_MAIN(TestStationBumps)
#include "tst_stationbumps.moc"
