// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"
#include "faultydisk.h"

#include "common/clock.h"
#include "common/sqliteconnection.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/storearchiver.h"
#include "store/storedatabase.h"
#include "sync/platformaudit.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace StoreTest;

namespace {
constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

QStringList idsOf(const QList<OrderEvent> &events)
{
    QStringList ids;
    for (const OrderEvent &event : events)
        ids.append(event.id.toString());
    return ids;
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
} // namespace

// Real store and archive files on disk; faults through the failing-disk VFS.
class TestStoreArchiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void movesFinishedOrdersWithTheirWholeTrail();
    void leavesWhatIsNotFinishedOrStillOwed();
    void aReplayedEventOfAnArchivedOrderIsADuplicate();
    void aLateEventOfAnArchivedOrderIsKept();
    void theLogStaysAppendOnlyForEverythingElse();
    void aFailedArchiveWriteChangesNothing();
    void aFailedRemovalIsFinishedByTheNextRunOnce();
    void refusesAFileThatIsNotAnArchive();
    void theAuditAgainstThePlatformCountsArchivedOrdersAsHeld();
    void findsArchivedOrdersByTicketNumberLatestFirst();
    void aCopyNotYetRemovedIsNotFoundByNumber();

private:
    QString path() const { return m_disk.path(); }
    /** An order taken from placed to end at the given time, nothing left for any destination. */
    void finishOrder(const QString &id, qint64 at, OrderState end = OrderState::PickedUp,
                     const QString &number = {});
    QHash<QString, QStringList> eventIdsByOrder() const;

    StoreOnDisk m_disk;
    qint64 m_hubSeq = 0;
};

void TestStoreArchiver::initTestCase()
{
    QVERIFY(FaultyDisk::install());
    QLoggingCategory::setFilterRules(QStringLiteral("kc.store.info=false\nkc.store.warning=false"));
}

void TestStoreArchiver::init()
{
    const Result<void> opened = m_disk.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    m_hubSeq = 0;
}

void TestStoreArchiver::cleanup()
{
    FaultyDisk::heal();
    m_disk.close();
}

void TestStoreArchiver::finishOrder(const QString &id, qint64 at, OrderState end,
                                    const QString &number)
{
    const OrderType type = end == OrderState::OutForDelivery ? OrderType::Delivery
                                                             : OrderType::Pickup;
    const QString ticket = number.isEmpty() ? id.toUpper() : number;
    IncomingEvent placed = incoming(placedEvent(sampleOrder(id, ticket, type), at));
    placed.hubSeq = ++m_hubSeq;
    QVERIFY(m_disk.store->appendIncoming(placed).committed());
    QList<OrderState> path {OrderState::Accepted, OrderState::Preparing, OrderState::Ready, end};
    if (end == OrderState::Rejected || end == OrderState::Cancelled)
        path = {end};
    OrderState from = OrderState::Placed;
    qint64 when = at;
    for (const OrderState to : path) {
        when += 60'000;
        QVERIFY(m_disk.store->append(transitionEvent(id, from, to, when), {}).committed());
        from = to;
    }
}

static OrderEvent refundEvent(const QString &orderId, qint64 at)
{
    OrderEvent refund = transitionEvent(orderId, OrderState::PickedUp, OrderState::Refunded, at);
    refund.actor = Actor::manager(QStringLiteral("maria"));
    return refund;
}

QHash<QString, QStringList> TestStoreArchiver::eventIdsByOrder() const
{
    QHash<QString, QStringList> ids;
    for (const OrderEvent &event : m_disk.store->allEvents())
        ids[event.orderId].append(event.id.toString());
    return ids;
}

void TestStoreArchiver::movesFinishedOrdersWithTheirWholeTrail()
{
    finishOrder(QStringLiteral("nov-1"), t0);
    finishOrder(QStringLiteral("nov-2"), t0 + dayMs, OrderState::Cancelled);
    finishOrder(QStringLiteral("dec-1"), t0 + 31 * dayMs, OrderState::Rejected);
    finishOrder(QStringLiteral("recent"), t0 + 60 * dayMs);
    const QHash<QString, QStringList> before = eventIdsByOrder();
    const QList<OrderEvent> trail = m_disk.store->events(QStringLiteral("nov-1"));
    m_disk.clock->setNowMs(t0 + 70 * dayMs); // "recent" finished 10 days ago

    const Result<ArchiveReport> report = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->orders, 3);
    QCOMPARE(report->events, before.value(QStringLiteral("nov-1")).size()
                     + before.value(QStringLiteral("nov-2")).size()
                     + before.value(QStringLiteral("dec-1")).size());
    // t0 is 2025-11-24: the month each order finished in names its file.
    QCOMPARE(report->files, QStringList({QStringLiteral("store.archive-2025-11.sqlite"),
                                         QStringLiteral("store.archive-2025-12.sqlite")}));
    for (const QString &file : report->files)
        QVERIFY(QFileInfo::exists(m_disk.dir->filePath(file)));

    // The live store keeps only what is not due, and still agrees with its log.
    QCOMPARE(m_disk.store->orders(false).size(), 1);
    QCOMPARE(m_disk.store->orders(false).constFirst().id, QStringLiteral("recent"));
    QCOMPARE(eventIdsByOrder().keys(), QStringList {QStringLiteral("recent")});
    QVERIFY(ProjectionVerifier(*m_disk.store).verify().ok());

    // The trail is whole in the archive, in log order, with what the platform said of it.
    const Result<QList<OrderEvent>> archived =
            StoreArchiver::archivedEvents(*m_disk.store, QStringLiteral("nov-1"));
    QVERIFY2(archived, qPrintable(archived.error()));
    QCOMPARE(idsOf(*archived), idsOf(trail));
    for (qsizetype i = 0; i < trail.size(); ++i) {
        QCOMPARE(archived->at(i).kind, trail.at(i).kind);
        QCOMPARE(archived->at(i).occurredAt, trail.at(i).occurredAt);
        QCOMPARE(archived->at(i).actor.id, trail.at(i).actor.id);
    }
    {
        SqliteConnection file(QStringLiteral("kc-test-archive"));
        QVERIFY(file.open(m_disk.dir->filePath(report->files.constFirst()),
                          SqliteConnection::Access::ReadOnly, 1000));
        QCOMPARE(count(file.database(),
                       QStringLiteral("SELECT hub_seq FROM events WHERE event_id = '%1'")
                               .arg(trail.constFirst().id.toString(QUuid::WithoutBraces))),
                 1);
        QCOMPARE(count(file.database(), QStringLiteral("SELECT count(*) FROM orders")), 2);
    }

    // A second run finds nothing more to do.
    const Result<ArchiveReport> again = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY(again);
    QCOMPARE(again->orders, 0);
}

void TestStoreArchiver::leavesWhatIsNotFinishedOrStillOwed()
{
    finishOrder(QStringLiteral("done"), t0);
    // Still open, however old.
    QVERIFY(m_disk.store->appendIncoming(incoming(placedEvent(sampleOrder(QStringLiteral("open"),
                                                                     QStringLiteral("1")),
                                                         t0)))
                    .committed());
    // Out for delivery: the kitchen is done with it, the order is not.
    finishOrder(QStringLiteral("driving"), t0, OrderState::OutForDelivery);
    // Its last step still waits for the platform.
    finishOrder(QStringLiteral("owed"), t0);
    const OrderEvent refund = refundEvent(QStringLiteral("owed"), t0 + dayMs);
    QVERIFY(m_disk.store->append(refund, {QStringLiteral("platform")}).committed());
    // A dead letter waits for a manager's decision.
    finishOrder(QStringLiteral("dead"), t0);
    const OrderEvent lastWord = refundEvent(QStringLiteral("dead"), t0 + dayMs);
    QVERIFY(m_disk.store->append(lastWord, {QStringLiteral("pos:square")}).committed());
    QVERIFY(Outbox(*m_disk.store).moveToDeadLetter(lastWord.id, QStringLiteral("pos:square"),
                                              QStringLiteral("HTTP 500"), t0 + dayMs));
    m_disk.clock->setNowMs(t0 + 100 * dayMs);

    // A policy shorter than the dashboard's longest window is taken as its minimum.
    ArchivePolicy tooShort;
    tooShort.afterDays = 1;
    finishOrder(QStringLiteral("last-month"), t0 + 100 * dayMs - 20 * dayMs);

    const Result<ArchiveReport> report = StoreArchiver(path(), *m_disk.clock, tooShort).run();
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->orders, 1);
    QStringList kept = eventIdsByOrder().keys();
    kept.sort();
    QCOMPARE(kept, QStringList({QStringLiteral("dead"), QStringLiteral("driving"),
                                QStringLiteral("last-month"), QStringLiteral("open"),
                                QStringLiteral("owed")}));
    QVERIFY(ProjectionVerifier(*m_disk.store).verify().ok());

    // Once the platform has the refund, that order goes too.
    QVERIFY(Outbox(*m_disk.store).acknowledge(refund.id, QStringLiteral("platform")));
    const Result<ArchiveReport> later = StoreArchiver(path(), *m_disk.clock, tooShort).run();
    QVERIFY(later);
    QCOMPARE(later->orders, 1);
    QVERIFY(!eventIdsByOrder().contains(QStringLiteral("owed")));
}

void TestStoreArchiver::aReplayedEventOfAnArchivedOrderIsADuplicate()
{
    const Order order = sampleOrder(QStringLiteral("gone"), QStringLiteral("7"));
    IncomingEvent placed = incoming(placedEvent(order, t0));
    placed.hubSeq = ++m_hubSeq;
    QVERIFY(m_disk.store->appendIncoming(placed).committed());
    QVERIFY(m_disk.store->append(transitionEvent(order.id, OrderState::Placed, OrderState::Rejected,
                                            t0 + 1000),
                            {})
                    .committed());
    m_disk.clock->setNowMs(t0 + 40 * dayMs);
    QVERIFY(StoreArchiver(path(), *m_disk.clock, {}).run());
    const qint64 events = m_disk.store->eventCount();

    // The same message again, the same event under another message id, and the platform's
    // replay with its sequence number: each is known, none brings the order back.
    IncomingEvent otherMessage = placed;
    otherMessage.messageId = QStringLiteral("replayed-after-a-cursor-reset");
    IncomingEvent fromSnapshot = otherMessage;
    fromSnapshot.source = QStringLiteral("pos:square");
    for (const IncomingEvent &again : {placed, otherMessage, fromSnapshot}) {
        const AppendResult result = m_disk.store->appendIncoming(again);
        QCOMPARE(result.status, AppendResult::Status::Duplicate);
        QCOMPARE(result.event.id, placed.event.id);
        QCOMPARE(result.event.orderId, order.id);
        QVERIFY(!result.order);
    }
    const AppendResult local = m_disk.store->append(placed.event, {QStringLiteral("platform")});
    QCOMPARE(local.status, AppendResult::Status::Duplicate);
    QCOMPARE(m_disk.store->eventCount(), events);
    QVERIFY(!m_disk.store->order(order.id));
    QCOMPARE(count(StoreDatabase::of(*m_disk.store), QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

void TestStoreArchiver::aLateEventOfAnArchivedOrderIsKept()
{
    finishOrder(QStringLiteral("refunded-late"), t0);
    m_disk.clock->setNowMs(t0 + 40 * dayMs);
    QVERIFY(StoreArchiver(path(), *m_disk.clock, {}).run());

    // A refund the platform logs after the order was archived is history like any other.
    IncomingEvent refund = incoming(refundEvent(QStringLiteral("refunded-late"), t0 + 40 * dayMs));
    refund.event.actor = Actor::platform();
    refund.hubSeq = ++m_hubSeq;
    const AppendResult result = m_disk.store->appendIncoming(refund);
    QVERIFY2(result.applied(), qPrintable(result.error));
    QCOMPARE(idsOf(m_disk.store->events(QStringLiteral("refunded-late"))),
             QStringList {refund.event.id.toString()});
    QVERIFY(StoreArchiver::archivedEvents(*m_disk.store, QStringLiteral("refunded-late")));
}

void TestStoreArchiver::theLogStaysAppendOnlyForEverythingElse()
{
    finishOrder(QStringLiteral("kept"), t0);
    QSqlQuery remove(StoreDatabase::of(*m_disk.store));
    QVERIFY(!remove.exec(QStringLiteral("DELETE FROM events WHERE order_id = 'kept'")));
    QVERIFY(remove.lastError().text().contains(QLatin1String("append-only")));
    QVERIFY(!remove.exec(QStringLiteral("UPDATE events SET reason = 'x'")));
    QCOMPARE(m_disk.store->events(QStringLiteral("kept")).size(), 5);
}

void TestStoreArchiver::aFailedArchiveWriteChangesNothing()
{
    for (int i = 0; i < 5; ++i)
        finishOrder(QStringLiteral("o-%1").arg(i), t0 + i * 1000);
    m_disk.clock->setNowMs(t0 + 40 * dayMs);
    const QString counts = tableCounts(StoreDatabase::of(*m_disk.store));
    const QByteArray projection = projectionHash(StoreDatabase::of(*m_disk.store));

    for (const FaultyDisk::Fault fault : {FaultyDisk::Fault::Full, FaultyDisk::Fault::IoError}) {
        FaultyDisk::fail(m_disk.dir->filePath(QStringLiteral("store.archive-")), fault);
        const Result<ArchiveReport> failed = StoreArchiver(path(), *m_disk.clock, {}).run();
        QVERIFY(!failed);
        QVERIFY(failed.error().contains(QLatin1String("store.archive-2025-11.sqlite")));
        FaultyDisk::heal();
        QCOMPARE(tableCounts(StoreDatabase::of(*m_disk.store)), counts);
        QCOMPARE(projectionHash(StoreDatabase::of(*m_disk.store)), projection);
    }

    const Result<ArchiveReport> healed = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY2(healed, qPrintable(healed.error()));
    QCOMPARE(healed->orders, 5);
    QCOMPARE(m_disk.store->eventCount(), 0);
}

void TestStoreArchiver::aFailedRemovalIsFinishedByTheNextRunOnce()
{
    ArchivePolicy policy;
    policy.ordersPerBatch = 2;
    for (int i = 0; i < 5; ++i)
        finishOrder(QStringLiteral("o-%1").arg(i), t0 + i * 1000);
    const qint64 events = m_disk.store->eventCount();
    m_disk.clock->setNowMs(t0 + 40 * dayMs);

    // The archive takes its copy; the live store's disk refuses the removal.
    FaultyDisk::fail(path(), FaultyDisk::Fault::Full);
    const Result<ArchiveReport> failed = StoreArchiver(path(), *m_disk.clock, policy).run();
    FaultyDisk::heal();
    QVERIFY(!failed);
    QCOMPARE(m_disk.store->eventCount(), events);
    QCOMPARE(m_disk.store->orders(false).size(), 5);

    const Result<ArchiveReport> healed = StoreArchiver(path(), *m_disk.clock, policy).run();
    QVERIFY2(healed, qPrintable(healed.error()));
    QCOMPARE(healed->orders, 5);
    QCOMPARE(healed->events, events);
    QCOMPARE(m_disk.store->eventCount(), 0);
    SqliteConnection file(QStringLiteral("kc-test-archive"));
    QVERIFY(file.open(StoreArchiver::archivePath(path(), QStringLiteral("2025-11")),
                      SqliteConnection::Access::ReadOnly, 1000));
    QCOMPARE(count(file.database(), QStringLiteral("SELECT count(*) FROM events")), events);
    QCOMPARE(count(file.database(),
                   QStringLiteral("SELECT count(DISTINCT event_id) FROM events")), events);
}

void TestStoreArchiver::refusesAFileThatIsNotAnArchive()
{
    finishOrder(QStringLiteral("o-1"), t0);
    m_disk.clock->setNowMs(t0 + 40 * dayMs);
    const QString foreign = StoreArchiver::archivePath(path(), QStringLiteral("2025-11"));
    {
        SqliteConnection other(QStringLiteral("kc-test-foreign"));
        QVERIFY(other.open(foreign, SqliteConnection::Access::ReadWrite, 1000));
        QVERIFY(other.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
    }
    const Result<ArchiveReport> refused = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("not a Kitchen Console archive")),
             qPrintable(refused.error()));
    QCOMPARE(m_disk.store->events(QStringLiteral("o-1")).size(), 5);
}

// kc-admin's platform check after archiving: what moved to an archive file is not "missing here".
void TestStoreArchiver::theAuditAgainstThePlatformCountsArchivedOrdersAsHeld()
{
    QList<Protocol::SequencedEvent> platformLog;
    qint64 at = t0;
    for (const QString &id : {QStringLiteral("old"), QStringLiteral("new")}) {
        const QList<OrderEvent> events {
                placedEvent(sampleOrder(id, id), at),
                transitionEvent(id, OrderState::Placed, OrderState::Rejected, at + 1000)};
        for (OrderEvent event : events) {
            event.actor = Actor::platform();
            IncomingEvent logged = incoming(event);
            logged.hubSeq = ++m_hubSeq;
            QVERIFY(m_disk.store->appendIncoming(logged).committed());
            platformLog.append({*logged.hubSeq, event});
        }
        at += 20 * dayMs;
    }
    QVERIFY(m_disk.store->saveCursor({QStringLiteral("platform"), QString::number(m_hubSeq)}));
    QVERIFY2(PlatformAudit(*m_disk.store).compare(platformLog).ok(),
             qPrintable(PlatformAudit(*m_disk.store).compare(platformLog).problems.join(u'\n')));

    m_disk.clock->setNowMs(t0 + 40 * dayMs); // "old" finished 40 days ago, "new" 20
    const Result<ArchiveReport> report = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY(report);
    QCOMPARE(report->orders, 1);
    const PlatformAuditReport audit = PlatformAudit(*m_disk.store).compare(platformLog);
    QVERIFY2(audit.ok(), qPrintable(audit.problems.join(u'\n')));
    QCOMPARE(audit.ordersChecked, 1);
}

// Ticket numbers come round again: a manager asking for number 17 of last month gets the latest
// archived one, whichever month's file holds it.
void TestStoreArchiver::findsArchivedOrdersByTicketNumberLatestFirst()
{
    const QString seventeen = QStringLiteral("17");
    finishOrder(QStringLiteral("nov-a"), t0, OrderState::PickedUp, seventeen);
    finishOrder(QStringLiteral("nov-b"), t0 + 1000, OrderState::Cancelled, QStringLiteral("18"));
    finishOrder(QStringLiteral("dec-a"), t0 + 31 * dayMs, OrderState::PickedUp, seventeen);
    finishOrder(QStringLiteral("live"), t0 + 60 * dayMs, OrderState::PickedUp, seventeen);
    m_disk.clock->setNowMs(t0 + 70 * dayMs);
    const Result<ArchiveReport> report = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->files.size(), 2);

    const Result<QStringList> found =
            StoreArchiver::archivedOrdersNumbered(*m_disk.store, seventeen);
    QVERIFY2(found, qPrintable(found.error()));
    QCOMPARE(*found, QStringList({QStringLiteral("dec-a"), QStringLiteral("nov-a")}));
    QCOMPARE(*StoreArchiver::archivedOrdersNumbered(*m_disk.store, QStringLiteral("18")),
             QStringList {QStringLiteral("nov-b")});
    QVERIFY(StoreArchiver::archivedOrdersNumbered(*m_disk.store, QStringLiteral("99"))->isEmpty());
    // Numbers are matched whole, as the staff read them: no pattern, no injection.
    QVERIFY(StoreArchiver::archivedOrdersNumbered(*m_disk.store, QStringLiteral("1%"))->isEmpty());
    QVERIFY(StoreArchiver::archivedOrdersNumbered(*m_disk.store, QStringLiteral("17' OR '1'='1"))
                    ->isEmpty());

    // A month's file that cannot be read is said, not taken for "none".
    QVERIFY(QFile::remove(m_disk.dir->filePath(report->files.constLast())));
    const Result<QStringList> unreadable =
            StoreArchiver::archivedOrdersNumbered(*m_disk.store, seventeen);
    QVERIFY(!unreadable);
    QVERIFY2(unreadable.error().contains(report->files.constLast()),
             qPrintable(unreadable.error()));
}

// The archive holds a copy before the live store lets the order go: until then the order is the
// live store's, and a search of the archive by number does not offer the copy.
void TestStoreArchiver::aCopyNotYetRemovedIsNotFoundByNumber()
{
    const QString seven = QStringLiteral("7");
    finishOrder(QStringLiteral("early"), t0 - dayMs, OrderState::PickedUp, seven);
    finishOrder(QStringLiteral("later"), t0, OrderState::PickedUp, seven);
    m_disk.clock->setNowMs(t0 + 35 * dayMs - 60 * 60'000); // "early" is due, "later" is not
    const Result<ArchiveReport> first = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY2(first, qPrintable(first.error()));
    QCOMPARE(first->orders, 1);

    m_disk.clock->setNowMs(t0 + 40 * dayMs);
    FaultyDisk::fail(path(), FaultyDisk::Fault::Full);
    const Result<ArchiveReport> failed = StoreArchiver(path(), *m_disk.clock, {}).run();
    FaultyDisk::heal();
    QVERIFY(!failed);
    QVERIFY(m_disk.store->order(QStringLiteral("later")));
    QCOMPARE(*StoreArchiver::archivedOrdersNumbered(*m_disk.store, seven),
             QStringList {QStringLiteral("early")});

    const Result<ArchiveReport> healed = StoreArchiver(path(), *m_disk.clock, {}).run();
    QVERIFY2(healed, qPrintable(healed.error()));
    QCOMPARE(*StoreArchiver::archivedOrdersNumbered(*m_disk.store, seven),
             QStringList({QStringLiteral("later"), QStringLiteral("early")}));
}

QTEST_GUILESS_MAIN(TestStoreArchiver)
#include "tst_storearchiver.moc"
