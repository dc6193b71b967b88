// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storedatabase.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void opensWithDurablePragmas();
    void appendsEventProjectionAndOutboxTogether();
    void duplicateEventIdReturnsFirstResult();
    void anotherConnectionsCommitIsSeen();
    void refusedEventChangesNothing_data();
    void refusedEventChangesNothing();
    void failureBetweenWritesLeavesNothing_data();
    void failureBetweenWritesLeavesNothing();
    void inboxDropsDuplicateMessages();
    void batchRefusesOneBadEventAndKeepsTheRest();
    void batchFailureLeavesNothingAndKeepsCursor();
    void eventLogIsAppendOnly();
    void readsSurviveReopen();
    void malformedStoredRowIsReportedNotTrusted();
    void readOnlyModeRefusesWrites();
    void openRefusesADamagedStore_data();
    void openRefusesADamagedStore();

private:
    QString path() const { return m_disk.path(); }
    void placeOrder(const QString &id, const QString &number);

    StoreOnDisk m_disk;
};

void TestStore::init()
{
    const Result<void> opened = m_disk.open();
    QVERIFY2(opened, qPrintable(opened.error()));
}

void TestStore::cleanup()
{
    m_disk.close();
}

void TestStore::placeOrder(const QString &id, const QString &number)
{
    const AppendResult result = m_disk.store->append(placedEvent(sampleOrder(id, number)), {});
    QVERIFY2(result.committed(), qPrintable(result.error));
}

void TestStore::opensWithDurablePragmas()
{
    QCOMPARE(m_disk.store->schemaVersion(), Store::latestSchemaVersion);
    QSqlQuery query(StoreDatabase::of(*m_disk.store));
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(query.exec(QStringLiteral("PRAGMA synchronous")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2); // FULL
}

void TestStore::appendsEventProjectionAndOutboxTogether()
{
    const Order order = sampleOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    const AppendResult placed = m_disk.store->append(placedEvent(order), {});
    QVERIFY2(placed.committed(), qPrintable(placed.error));
    QCOMPARE(placed.order->state, OrderState::Placed);
    QCOMPARE(placed.order->items, order.items);

    const OrderEvent accept = transitionEvent(order.id, OrderState::Placed, OrderState::Accepted);
    const AppendResult accepted =
            m_disk.store->append(accept, {QStringLiteral("platform"), QStringLiteral("pos:square")});
    QVERIFY2(accepted.committed(), qPrintable(accepted.error));
    QCOMPARE(accepted.sequence, placed.sequence + 1);

    const std::optional<Order> stored = m_disk.store->order(order.id);
    QVERIFY(stored);
    QCOMPARE(stored->state, OrderState::Accepted);
    QCOMPARE(stored->promisedAt, accept.occurredAt + 15 * 60 * 1000);
    QCOMPARE(stored->eventCount, 2);
    QCOMPARE(stored->lastEventId, accept.id);
    QCOMPARE(m_disk.store->events(order.id).size(), 2);
    QCOMPARE(m_disk.store->events(order.id).constLast(), accept);
    QCOMPARE(tableCounts(StoreDatabase::of(*m_disk.store)),
             QStringLiteral("events=2 orders=1 outbox=2 inbox=0 cursors=0 dead_letters=0"));
}

void TestStore::duplicateEventIdReturnsFirstResult()
{
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    const OrderEvent accept =
            transitionEvent(QStringLiteral("o-1"), OrderState::Placed, OrderState::Accepted);
    const AppendResult first = m_disk.store->append(accept, {QStringLiteral("platform")});
    QVERIFY(first.committed());
    const QString before = tableCounts(StoreDatabase::of(*m_disk.store));

    // The same id again, even with different content, is the same command: nothing changes.
    OrderEvent replay = accept;
    replay.reason = QStringLiteral("a retried request");
    const AppendResult second = m_disk.store->append(replay, {QStringLiteral("platform")});
    QCOMPARE(second.status, AppendResult::Status::Duplicate);
    QVERIFY(second.applied());
    QCOMPARE(second.event, accept);
    QCOMPARE(second.sequence, first.sequence);
    QCOMPARE(second.order->state, OrderState::Accepted);
    QCOMPARE(tableCounts(StoreDatabase::of(*m_disk.store)), before);
}

void TestStore::anotherConnectionsCommitIsSeen()
{
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    QCOMPARE(m_disk.store->order(QStringLiteral("o-1"))->state, OrderState::Placed); // now cached
    {
        Store other(path(), m_disk.clock.get());
        QVERIFY(other.open());
        QVERIFY(other.append(transitionEvent(QStringLiteral("o-1"), OrderState::Placed,
                                             OrderState::Rejected),
                             {})
                        .committed());
    }
    // This store must judge against what is stored now, not what it read before.
    QCOMPARE(m_disk.store->order(QStringLiteral("o-1"))->state, OrderState::Rejected);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not stored")));
    const AppendResult late = m_disk.store->append(
            transitionEvent(QStringLiteral("o-1"), OrderState::Placed, OrderState::Accepted), {});
    QCOMPARE(late.status, AppendResult::Status::Refused);
    QVERIFY(ProjectionVerifier(*m_disk.store).verify().ok());
}

void TestStore::refusedEventChangesNothing_data()
{
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<int>("from");
    QTest::addColumn<QString>("storeId");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("stale from-state") << "o-1" << int(OrderState::Accepted) << storeId
                                      << "is placed but the event moves it from accepted";
    QTest::newRow("unknown order") << "o-404" << int(OrderState::Placed) << storeId
                                   << "unknown order o-404";
    QTest::newRow("wrong store") << "o-1" << int(OrderState::Placed) << "store-2"
                                 << "belongs to store store-1, not store-2";
}

void TestStore::refusedEventChangesNothing()
{
    QFETCH(QString, orderId);
    QFETCH(int, from);
    QFETCH(QString, storeId);
    QFETCH(QString, expectedError);
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    const QString before = tableCounts(StoreDatabase::of(*m_disk.store));
    const QByteArray projectionBefore = projectionHash(StoreDatabase::of(*m_disk.store));

    OrderEvent event = transitionEvent(orderId, OrderState(from), OrderState::Preparing);
    event.storeId = storeId;
    const AppendResult result = m_disk.store->append(event, {QStringLiteral("platform")});
    QCOMPARE(result.status, AppendResult::Status::Refused);
    QVERIFY2(result.error.contains(expectedError), qPrintable(result.error));
    QCOMPARE(tableCounts(StoreDatabase::of(*m_disk.store)), before);
    QCOMPARE(projectionHash(StoreDatabase::of(*m_disk.store)), projectionBefore);
    QVERIFY(!m_disk.store->hasEvent(event.id));
}

void TestStore::failureBetweenWritesLeavesNothing_data()
{
    // A trigger makes one write of the command fail after the earlier ones already ran.
    QTest::addColumn<QString>("failingTable");
    QTest::addColumn<bool>("incoming");
    QTest::newRow("event log") << "events" << false;
    QTest::newRow("outbox, after the event") << "outbox" << false;
    QTest::newRow("projection, after event and outbox") << "orders" << false;
    QTest::newRow("incoming: inbox, after the event") << "inbox" << true;
    QTest::newRow("incoming: projection, after event and inbox") << "orders" << true;
}

void TestStore::failureBetweenWritesLeavesNothing()
{
    QFETCH(QString, failingTable);
    QFETCH(bool, incoming);
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    const QString before = tableCounts(StoreDatabase::of(*m_disk.store));
    const QByteArray projectionBefore = projectionHash(StoreDatabase::of(*m_disk.store));

    QSqlQuery trigger(StoreDatabase::of(*m_disk.store));
    QVERIFY2(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER inject BEFORE INSERT ON main.%1 "
                                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                                  .arg(failingTable)),
             qPrintable(trigger.lastError().text()));

    const OrderEvent event =
            transitionEvent(QStringLiteral("o-1"), OrderState::Placed, OrderState::Accepted);
    const AppendResult result = incoming
            ? m_disk.store->appendIncoming(StoreTest::incoming(event))
            : m_disk.store->append(event, {QStringLiteral("platform")});
    QCOMPARE(result.status, AppendResult::Status::Failed);
    QVERIFY2(result.error.contains(QStringLiteral("injected failure")), qPrintable(result.error));

    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER temp.inject")));
    QCOMPARE(tableCounts(StoreDatabase::of(*m_disk.store)), before);
    QCOMPARE(projectionHash(StoreDatabase::of(*m_disk.store)), projectionBefore);
    QCOMPARE(m_disk.store->order(QStringLiteral("o-1"))->state, OrderState::Placed);
    QVERIFY(ProjectionVerifier(*m_disk.store).verify().ok());

    // Nothing half-done blocks a retry of the same command once the fault is gone.
    const AppendResult retry = incoming ? m_disk.store->appendIncoming(StoreTest::incoming(event))
                                        : m_disk.store->append(event, {QStringLiteral("platform")});
    QVERIFY2(retry.committed(), qPrintable(retry.error));
}

void TestStore::inboxDropsDuplicateMessages()
{
    const OrderEvent placed = placedEvent(sampleOrder(QStringLiteral("o-1"), QStringLiteral("101")));
    QVERIFY(m_disk.store->appendIncoming(incoming(placed, QStringLiteral("m-1"))).committed());
    const QString before = tableCounts(StoreDatabase::of(*m_disk.store));

    // Same message id with a new event id: the sender retried; the inbox drops it.
    OrderEvent resent = placed;
    resent.id = QUuid::createUuid();
    AppendResult again = m_disk.store->appendIncoming(incoming(resent, QStringLiteral("m-1")));
    QCOMPARE(again.status, AppendResult::Status::Duplicate);
    QCOMPARE(again.event.id, placed.id);
    // Same event id under a new message id: the event id still makes it a duplicate.
    again = m_disk.store->appendIncoming(incoming(placed, QStringLiteral("m-2")));
    QCOMPARE(again.status, AppendResult::Status::Duplicate);
    QCOMPARE(tableCounts(StoreDatabase::of(*m_disk.store)), before);
}

void TestStore::batchRefusesOneBadEventAndKeepsTheRest()
{
    const Order a = sampleOrder(QStringLiteral("o-a"), QStringLiteral("101"));
    const Order b = sampleOrder(QStringLiteral("o-b"), QStringLiteral("102"));
    const QList<IncomingEvent> batch{
            incoming(placedEvent(a)),
            incoming(transitionEvent(a.id, OrderState::Ready, OrderState::PickedUp)), // stale
            incoming(placedEvent(b)),
            incoming(transitionEvent(b.id, OrderState::Placed, OrderState::Accepted)),
    };
    const QList<AppendResult> results =
            m_disk.store->appendIncomingBatch(batch, SourceCursor{QStringLiteral("platform"),
                                                             QStringLiteral("42")});
    QCOMPARE(results.size(), 4);
    QVERIFY(results.at(0).committed());
    QCOMPARE(results.at(1).status, AppendResult::Status::Refused);
    QVERIFY(results.at(2).committed());
    QVERIFY(results.at(3).committed());
    QCOMPARE(m_disk.store->order(a.id)->state, OrderState::Placed);
    QCOMPARE(m_disk.store->order(b.id)->state, OrderState::Accepted);
    QCOMPARE(m_disk.store->eventCount(), 3);
    QCOMPARE(m_disk.store->cursor(QStringLiteral("platform")), QStringLiteral("42"));
    QVERIFY(ProjectionVerifier(*m_disk.store).verify().ok());
}

void TestStore::batchFailureLeavesNothingAndKeepsCursor()
{
    QVERIFY(m_disk.store->appendIncomingBatch({}, SourceCursor{QStringLiteral("platform"),
                                                          QStringLiteral("7")})
                    .isEmpty());
    const QString before = tableCounts(StoreDatabase::of(*m_disk.store));
    QSqlQuery trigger(StoreDatabase::of(*m_disk.store));
    // The cursor is the last write of a batch: failing it must take the events with it, or a
    // crash could leave events whose cursor says they were never received (and vice versa).
    QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER inject BEFORE UPDATE ON main.cursors "
                                        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
    QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER inject2 BEFORE INSERT ON main.cursors "
                                        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
    const Order a = sampleOrder(QStringLiteral("o-a"), QStringLiteral("101"));
    const QList<AppendResult> results = m_disk.store->appendIncomingBatch(
            {incoming(placedEvent(a))}, SourceCursor{QStringLiteral("platform"), QStringLiteral("8")});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.constFirst().status, AppendResult::Status::Failed);
    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER temp.inject")));
    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER temp.inject2")));
    QCOMPARE(tableCounts(StoreDatabase::of(*m_disk.store)), before);
    QCOMPARE(m_disk.store->cursor(QStringLiteral("platform")), QStringLiteral("7"));
}

void TestStore::eventLogIsAppendOnly()
{
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    QSqlQuery query(StoreDatabase::of(*m_disk.store));
    QVERIFY(!query.exec(QStringLiteral("UPDATE events SET kind = 'transition'")));
    QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM events")));
    QCOMPARE(m_disk.store->eventCount(), 1);
}

void TestStore::readsSurviveReopen()
{
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    placeOrder(QStringLiteral("o-2"), QStringLiteral("102"));
    QVERIFY(m_disk.store->append(transitionEvent(QStringLiteral("o-2"), OrderState::Placed,
                                            OrderState::Rejected),
                            {})
                    .committed());
    m_disk.store.reset();
    Store reopened(path());
    const Result<void> opened = reopened.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(reopened.orders(false).size(), 2);
    QCOMPARE(reopened.orders(true).size(), 1);
    QCOMPARE(reopened.orders(true).constFirst().number, QStringLiteral("101"));
    QCOMPARE(reopened.order(QStringLiteral("o-2"))->lastReason, QStringLiteral("Out of stock"));
    QCOMPARE(reopened.allEvents().size(), 3);
}

void TestStore::malformedStoredRowIsReportedNotTrusted()
{
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    placeOrder(QStringLiteral("o-2"), QStringLiteral("102"));
    // Damage done by something else than this store (a disk fault, a hand edit).
    QVERIFY(RawConnection(path()).exec(
            QStringLiteral("UPDATE orders SET body = '{not json' WHERE order_id = 'o-1'")));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("o-1.*not a JSON")));
    QVERIFY(!m_disk.store->order(QStringLiteral("o-1")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unreadable order row")));
    QCOMPARE(m_disk.store->orders(false).size(), 1);
    // A command on the damaged order fails cleanly instead of building on garbage.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not stored")));
    const AppendResult result = m_disk.store->append(
            transitionEvent(QStringLiteral("o-1"), OrderState::Placed, OrderState::Accepted), {});
    QCOMPARE(result.status, AppendResult::Status::Failed);
    QCOMPARE(m_disk.store->eventCount(), 2);

    ProjectionVerifier verifier(*m_disk.store);
    QVERIFY(!verifier.verify().ok());
    const Result<void> rebuilt = verifier.rebuild();
    QVERIFY2(rebuilt, qPrintable(rebuilt.error()));
    QVERIFY(verifier.verify().ok());
    QCOMPARE(m_disk.store->order(QStringLiteral("o-1"))->number, QStringLiteral("101"));
}

void TestStore::readOnlyModeRefusesWrites()
{
    placeOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    m_disk.store.reset();
    const QByteArray before = fileBytes(path());
    Store readOnly(path());
    const Result<void> opened = readOnly.open(Store::OpenMode::ReadOnly);
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(readOnly.orders(true).size(), 1);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not stored")));
    const AppendResult result = readOnly.append(
            transitionEvent(QStringLiteral("o-1"), OrderState::Placed, OrderState::Accepted), {});
    QCOMPARE(result.status, AppendResult::Status::Failed);
    QCOMPARE(readOnly.order(QStringLiteral("o-1"))->state, OrderState::Placed);
    // A rebuild's write is refused too, and says why.
    const Result<void> replaced = readOnly.replaceProjection(QList<Order>());
    QVERIFY(!replaced);
    QVERIFY2(replaced.error().contains(QLatin1String("readonly")), qPrintable(replaced.error()));
    QCOMPARE(readOnly.orders(true).size(), 1);
    QCOMPARE(fileBytes(path()), before);
}

void TestStore::openRefusesADamagedStore_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<int>("firstPage"); // -1: the middle of the file
    QTest::addColumn<int>("pages"); // -1: to the end of the file
    QTest::newRow("pages in the middle, read-write") << false << -1 << 4;
    QTest::newRow("pages in the middle, read-only") << true << -1 << 4;
    QTest::newRow("the schema page, read-write") << false << 0 << 1;
    QTest::newRow("everything after the schema, read-only") << true << 1 << -1;
}

// A store whose pages were damaged once opened silently and lost tickets row by row; now it is
// refused as damaged, before anything reads it as if it were whole or writes to it.
void TestStore::openRefusesADamagedStore()
{
    QFETCH(bool, readOnly);
    QFETCH(int, firstPage);
    QFETCH(int, pages);
    for (int i = 0; i < 200; ++i) {
        const QString id = QStringLiteral("o-%1").arg(i);
        placeOrder(id, QString::number(100 + i));
        QVERIFY(m_disk.store->append(transitionEvent(id, OrderState::Placed, OrderState::Accepted),
                                {QStringLiteral("platform")})
                        .committed());
    }
    m_disk.store.reset(); // the last connection checkpoints: the file holds everything
    QVERIFY(!QFileInfo::exists(path() + QStringLiteral("-wal")));
    const qint64 total = pageCount(path());
    QVERIFY2(total > 40, qPrintable(QString::number(total)));
    const qint64 first = firstPage < 0 ? total / 2 : firstPage;
    QVERIFY(damagePages(path(), first, pages < 0 ? total - first : pages));
    const QByteArray damaged = fileBytes(path());

    Store store(path(), m_disk.clock.get());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged")));
    const Result<void> opened =
            store.open(readOnly ? Store::OpenMode::ReadOnly : Store::OpenMode::ReadWrite);
    QVERIFY(!opened);
    QVERIFY(!store.isOpen());
    QCOMPARE(store.openError(), Store::OpenError::Damaged);
    QVERIFY(!store.damage().isEmpty());
    QVERIFY2(opened.error().contains(QLatin1String("damaged")), qPrintable(opened.error()));
    QCOMPARE(fileBytes(path()), damaged);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
