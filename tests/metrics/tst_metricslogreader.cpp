// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricslogreader.h"
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
    const Result<QList<LoggedEvent>> events = reader.ofOrder(QStringLiteral("b-1"), {});
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

QTEST_GUILESS_MAIN(TestMetricsLogReader)
#include "tst_metricslogreader.moc"
