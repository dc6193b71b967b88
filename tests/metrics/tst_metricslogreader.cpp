// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricsbook.h"
#include "metrics/metricslogreader.h"
#include "common/clock.h"
#include "store/storearchiver.h"
#include "store/storedatabase.h"
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

class TestMetricsLogReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsWhatTheFiguresNeedOfEachKind();
    void readsInBatchesAfterAPosition();
    void findsWhatThePlatformRefused();
    void readsOneOrder();
    void refusalsAreFoundThroughTheirIndex();
    void anOvertakenStepCountsWhereThePlatformPutIt_data();
    void anOvertakenStepCountsWhereThePlatformPutIt();
    void anArchivedOrderLeavesTheLedger();

private:
    QList<LoggedEvent> readAll(const QSet<qint64> &refused = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    const QStringList m_destinations{QStringLiteral("platform")};
};

void TestMetricsLogReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("store.db")));
    QVERIFY(m_store->open());
}

void TestMetricsLogReader::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QList<LoggedEvent> TestMetricsLogReader::readAll(const QSet<qint64> &refused) const
{
    const MetricsLogReader reader(StoreDatabase::of(*m_store));
    Result<QList<LoggedEvent>> events = reader.after(0, 1000, refused);
    if (!events)
        qWarning() << events.error();
    return events ? events.value() : QList<LoggedEvent>{};
}

void TestMetricsLogReader::readsWhatTheFiguresNeedOfEachKind()
{
    Order order = sampleOrder(QStringLiteral("o-1"), QStringLiteral("41"), OrderType::Delivery);
    order.source = QStringLiteral("pos:square");
    QVERIFY(m_store->append(placedEvent(order), m_destinations).committed());
    QVERIFY(m_store->append(transitionEvent(order.id, OrderState::Placed, OrderState::Accepted,
                                            t0 + 1000), m_destinations).committed());
    QVERIFY(m_store->append(transitionEvent(order.id, OrderState::Accepted, OrderState::Preparing,
                                            t0 + 2000), m_destinations).committed());
    std::optional<Order> now = m_store->order(order.id);
    QVERIFY(now);
    QVERIFY(m_store->append(OrderEvent::itemDone(*now, 1, true, Actor::staff(QStringLiteral("bo")),
                                                 QStringLiteral("c1"), t0 + 3000),
                            m_destinations).committed());
    now = m_store->order(order.id);
    QVERIFY(m_store->append(OrderEvent::stationBumped(*now, QStringLiteral("grill"), true,
                                                      Actor::staff(QStringLiteral("bo")),
                                                      QStringLiteral("c1"), t0 + 4000),
                            m_destinations).committed());

    const QList<LoggedEvent> events = readAll();
    QCOMPARE(events.size(), 5);
    const LoggedEvent &placed = events.at(0);
    QCOMPARE(placed.kind, EventKind::Placed);
    QCOMPARE(placed.orderId, order.id);
    QCOMPARE(placed.number, QStringLiteral("41"));
    QCOMPARE(placed.type, OrderType::Delivery);
    QCOMPARE(placed.source, QStringLiteral("pos:square"));
    QCOMPARE(placed.occurredAt, t0);
    QCOMPARE(placed.actor, ActorRole::Platform);
    const LoggedEvent &accepted = events.at(1);
    QCOMPARE(accepted.kind, EventKind::Transition);
    QCOMPARE(accepted.from, OrderState::Placed);
    QCOMPARE(accepted.to, OrderState::Accepted);
    QCOMPARE(accepted.actor, ActorRole::Staff);
    QCOMPARE(accepted.promisedAt, t0 + 1000 + 15 * 60 * 1000);
    const LoggedEvent &line = events.at(3);
    QCOMPARE(line.kind, EventKind::ItemDone);
    QCOMPARE(line.item, 1);
    QCOMPARE(line.itemName, QStringLiteral("Fries"));
    QCOMPARE(line.station, QStringLiteral("fry"));
    QVERIFY(line.done);
    const LoggedEvent &station = events.at(4);
    QCOMPARE(station.kind, EventKind::StationBumped);
    QCOMPARE(station.station, QStringLiteral("grill"));
    QVERIFY(station.done);
    QCOMPARE(station.item, -1);
    // What the reader pulls out through SQL is what the event itself says.
    const QList<OrderEvent> stored = m_store->events(order.id);
    for (int i = 0; i < stored.size(); ++i) {
        const LoggedEvent direct = LoggedEvent::of(stored.at(i), events.at(i).seq);
        QCOMPARE(events.at(i).kind, direct.kind);
        QCOMPARE(events.at(i).promisedAt, direct.promisedAt);
        QCOMPARE(events.at(i).station, direct.station);
        QCOMPARE(events.at(i).done, direct.done);
        QCOMPARE(events.at(i).type, direct.type);
    }
}

void TestMetricsLogReader::readsInBatchesAfterAPosition()
{
    for (const IncomingEvent &event : placedBurst(5))
        QVERIFY(m_store->appendIncoming(event).committed());
    const MetricsLogReader reader(StoreDatabase::of(*m_store));
    const Result<QList<LoggedEvent>> first = reader.after(0, 2, {});
    QVERIFY(first);
    QCOMPARE(first.value().size(), 2);
    const Result<QList<LoggedEvent>> rest = reader.after(first.value().last().seq, 10, {});
    QVERIFY(rest);
    QCOMPARE(rest.value().size(), 3);
    QCOMPARE(rest.value().first().orderId, QStringLiteral("b-2"));
    QCOMPARE(reader.after(rest.value().last().seq, 10, {}).value().size(), 0);
}

void TestMetricsLogReader::findsWhatThePlatformRefused()
{
    const Order order = sampleOrder(QStringLiteral("o-2"), QStringLiteral("42"));
    QVERIFY(m_store->append(placedEvent(order), m_destinations).committed());
    const OrderEvent accept = transitionEvent(order.id, OrderState::Placed, OrderState::Accepted);
    QVERIFY(m_store->append(accept, m_destinations).committed());
    QVERIFY(m_store->markRejected(accept.id, QStringLiteral("the customer cancelled")).applied());

    const MetricsLogReader reader(StoreDatabase::of(*m_store));
    const Result<QList<RefusedEvent>> refused = reader.refusedSince(0);
    QVERIFY(refused);
    QCOMPARE(refused.value().size(), 1);
    QCOMPARE(refused.value().first().orderId, order.id);
    const qint64 seq = refused.value().first().seq;
    const QList<LoggedEvent> events = readAll({seq});
    QCOMPARE(events.size(), 2);
    QVERIFY(!events.at(0).refused);
    QVERIFY(events.at(1).refused);
    QCOMPARE(events.at(1).seq, seq);
    // Learned long ago: not news to a reader that asks from later on.
    const qint64 learnedAt = refused.value().first().learnedAt;
    QCOMPARE(reader.refusedSince(learnedAt + 1).value().size(), 0);
}

void TestMetricsLogReader::readsOneOrder()
{
    for (const IncomingEvent &event : placedBurst(3))
        QVERIFY(m_store->appendIncoming(event).committed());
    const MetricsLogReader reader(StoreDatabase::of(*m_store));
    const Result<QList<LoggedEvent>> events = reader.ofOrder(QStringLiteral("b-1"), 1000, {});
    QVERIFY(events);
    QCOMPARE(events.value().size(), 1);
    QCOMPARE(events.value().first().number, QStringLiteral("1"));
}

void TestMetricsLogReader::refusalsAreFoundThroughTheirIndex()
{
    // A month holds hundreds of thousands of verdicts; each catch-up looks only at new refusals.
    QSqlQuery plan(StoreDatabase::of(*m_store));
    QVERIFY(plan.exec(QStringLiteral(
            "EXPLAIN QUERY PLAN SELECT e.seq, e.order_id, s.updated_at FROM event_status s "
            "JOIN events e ON e.event_id = s.event_id "
            "WHERE s.rejected_reason IS NOT NULL AND s.updated_at >= 0 ORDER BY e.seq")));
    QString steps;
    while (plan.next())
        steps += plan.value(3).toString() + QLatin1Char('\n');
    QVERIFY2(steps.contains(QStringLiteral("event_status_refused")), qPrintable(steps));
}

void TestMetricsLogReader::anOvertakenStepCountsWhereThePlatformPutIt_data()
{
    QTest::addColumn<bool>("readBetween");
    QTest::newRow("read once at the end") << false;
    QTest::newRow("read as it happened") << true;
}

// A station finishes the last of an order that expo started 4 ms earlier on another console: the
// station's own start comes first in its log, the platform logged expo's and refused the
// station's. The figures follow the platform's history, as the board does.
void TestMetricsLogReader::anOvertakenStepCountsWhereThePlatformPutIt()
{
    QFETCH(bool, readBetween);
    const Order order = sampleOrder(QStringLiteral("o-1"), QStringLiteral("41"));
    const qint64 placedAt = t0;
    const qint64 acceptedAt = t0 + 60'000;
    const qint64 expoStartedAt = t0 + 120'000;
    const qint64 stationDoneAt = expoStartedAt + 4;
    const qint64 handedOverAt = t0 + 300'000;
    const auto fromPlatform = [](const OrderEvent &event, qint64 hubSeq) {
        IncomingEvent platform = incoming(event);
        platform.hubSeq = hubSeq;
        return platform;
    };
    QVERIFY(m_store->appendIncoming(fromPlatform(placedEvent(order, placedAt), 1)).committed());
    QVERIFY(m_store
                    ->appendIncoming(fromPlatform(transitionEvent(order.id, OrderState::Placed,
                                                                  OrderState::Accepted,
                                                                  acceptedAt),
                                                  2))
                    .committed());
    const OrderEvent stationStart = transitionEvent(order.id, OrderState::Accepted,
                                                    OrderState::Preparing, stationDoneAt);
    const OrderEvent stationReady = transitionEvent(order.id, OrderState::Preparing,
                                                    OrderState::Ready, stationDoneAt);
    QVERIFY(m_store->append(stationStart, m_destinations).committed());
    QVERIFY(m_store->append(stationReady, m_destinations).committed());

    MetricsBook book(StoreDatabase::of(*m_store), MetricsWindow::lastHour(handedOverAt), {});
    if (readBetween)
        QVERIFY(book.catchUpFully());

    const AppendResult expo = m_store->appendIncoming(fromPlatform(
            transitionEvent(order.id, OrderState::Accepted, OrderState::Preparing, expoStartedAt),
            3));
    QVERIFY(expo.committed());
    QCOMPARE(expo.superseded, QList<QUuid>{stationStart.id});
    QVERIFY(m_store->markRejected(stationStart.id, QStringLiteral("the order is preparing"))
                    .applied());
    // The platform's stream brings the station's "ready" back as its event 4.
    QVERIFY(m_store->appendIncoming(fromPlatform(stationReady, 4)).applied());
    QVERIFY(m_store
                    ->appendIncoming(fromPlatform(transitionEvent(order.id, OrderState::Ready,
                                                                  OrderState::PickedUp,
                                                                  handedOverAt),
                                                  5))
                    .committed());
    QVERIFY(book.catchUpFully());

    const OrderTimeline timeline = book.timelines().value(order.id);
    QCOMPARE(timeline.timeIn(OrderState::Accepted), expoStartedAt - acceptedAt);
    QCOMPARE(timeline.timeIn(OrderState::Preparing), stationDoneAt - expoStartedAt);
    QCOMPARE(timeline.timeIn(OrderState::Ready), handedOverAt - stationDoneAt);
    QCOMPARE(timeline.unusableSteps(), 0);
    QCOMPARE(timeline.state(), OrderState::PickedUp);
}

// The ledger holds what the log holds: an order moved to an archive file leaves it, so a console
// that runs for months keeps no more timelines than its store keeps orders.
void TestMetricsLogReader::anArchivedOrderLeavesTheLedger()
{
    ManualClock clock(t0);
    Store store(m_dir->filePath(QStringLiteral("archiving.db")), &clock);
    QVERIFY(store.open());
    for (const QString &id : {QStringLiteral("old"), QStringLiteral("new")}) {
        QVERIFY(store.append(placedEvent(sampleOrder(id, id), clock.nowMs()), {}).committed());
        QVERIFY(store.append(transitionEvent(id, OrderState::Placed, OrderState::Rejected,
                                             clock.nowMs() + 1),
                             {})
                        .committed());
        clock.advanceMs(10LL * 24 * 60 * 60 * 1000);
    }
    MetricsBook book(StoreDatabase::of(store), MetricsWindow::lastHour(clock.nowMs()), {});
    QVERIFY(book.catchUpFully());
    QCOMPARE(book.orderCount(), 2);

    clock.advanceMs(20LL * 24 * 60 * 60 * 1000); // "old" finished 40 days ago, "new" 30
    const Result<ArchiveReport> archived = StoreArchiver(store.path(), clock, {}).run();
    QVERIFY2(archived, qPrintable(archived.error()));
    QCOMPARE(archived->orders, 1);
    QVERIFY(book.catchUpFully());
    QCOMPARE(book.timelines().keys(), QStringList{QStringLiteral("new")});
}

QTEST_GUILESS_MAIN(TestMetricsLogReader)
#include "tst_metricslogreader.moc"
