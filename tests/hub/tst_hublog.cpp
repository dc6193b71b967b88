// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubLog: the hub's authoritative per-store log in its own SQLite file.
#include "hubtestsupport.h"

#include "common/clock.h"
#include "hub/hublog.h"
#include "hub/hubschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString storeA = QStringLiteral("store-a");
const QString storeB = QStringLiteral("store-b");
} // namespace

class TestHubLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void credentialsAreStoredAsHashes();
    void sequenceNumbersArePerStore();
    void duplicateEventIdAcksTheFirstSeq();
    void refusals_data();
    void refusals();
    void staleFromStateNamesTheConflict();
    void consoleRolesComeFromTheSession_data();
    void consoleRolesComeFromTheSession();
    void verdictsAreFinal();
    void sameIdWithAnotherBodyIsRefused_data();
    void sameIdWithAnotherBodyIsRefused();
    void eventsAfterPagesInOrder();
    void storeLevelEventsAreLoggedNotProjected();
    void survivesReopen();
    void migratesAVersion2Log();
    void refusesForeignFiles();
    void idempotencyRecords();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("hub.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<HubLog> m_log;
};

void TestHubLog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHubLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_log = std::make_unique<HubLog>(path(), *m_clock, 10'000);
    QVERIFY2(m_log->open(), qPrintable(m_log->errorString()));
    QVERIFY(m_log->addStore(storeA));
    QVERIFY(m_log->addStore(storeB));
}

void TestHubLog::cleanup()
{
    m_log.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestHubLog::credentialsAreStoredAsHashes()
{
    const QByteArray secret = "correct horse battery staple";
    QVERIFY(m_log->addConsole(storeA, QStringLiteral("c1"), secret));
    QVERIFY(m_log->authenticate(storeA, QStringLiteral("c1"), secret));
    QVERIFY(!m_log->authenticate(storeA, QStringLiteral("c1"), "wrong"));
    QVERIFY(!m_log->authenticate(storeB, QStringLiteral("c1"), secret));
    QVERIFY(!m_log->authenticate(storeA, QStringLiteral("c2"), secret));
    QVERIFY(!m_log->addConsole(QStringLiteral("no-such-store"), QStringLiteral("c1"), secret));
    m_log.reset();

    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(secret));
    QFile wal(path() + QStringLiteral("-wal"));
    if (wal.open(QIODevice::ReadOnly))
        QVERIFY(!wal.readAll().contains(secret));
}

void TestHubLog::sequenceNumbersArePerStore()
{
    const Order a = HubTest::order(storeA, QStringLiteral("1"));
    const Order b = HubTest::order(storeB, QStringLiteral("1"));
    QCOMPARE(m_log->submit(HubTest::placed(a)).seq, 1);
    QCOMPARE(m_log->submit(HubTest::placed(b)).seq, 1);
    const SubmitOutcome accepted = m_log->submit(HubTest::transition(
        a, OrderState::Placed, OrderState::Accepted, Actor::staff(QStringLiteral("ana"))));
    QCOMPARE(accepted.status, SubmitOutcome::Status::Accepted);
    QCOMPARE(accepted.seq, 2);
    QCOMPARE(accepted.order->state, OrderState::Accepted);
    QCOMPARE(m_log->head(storeA), 2);
    QCOMPARE(m_log->head(storeB), 1);
    QCOMPARE(m_log->order(storeA, a.id)->state, OrderState::Accepted);
    QCOMPARE(m_log->orders(storeB).size(), 1);
    QVERIFY(!m_log->order(storeB, a.id)); // one store never sees another's orders
}

void TestHubLog::duplicateEventIdAcksTheFirstSeq()
{
    const Order a = HubTest::order(storeA, QStringLiteral("1"));
    const OrderEvent place = HubTest::placed(a);
    QCOMPARE(m_log->submit(place).status, SubmitOutcome::Status::Accepted);
    for (int i = 0; i < 3; ++i) {
        const SubmitOutcome again = m_log->submit(place);
        QCOMPARE(again.status, SubmitOutcome::Status::Duplicate);
        QCOMPARE(again.seq, 1);
        QVERIFY(again.acked());
    }
    QCOMPARE(m_log->eventCount(), 1);

    // The same id under another store is not a duplicate to ack: it is refused.
    OrderEvent stolen = place;
    stolen.storeId = storeB;
    stolen.payload.insert(QStringLiteral("store_id"), storeB);
    QCOMPARE(m_log->submit(stolen).status, SubmitOutcome::Status::Rejected);
    QCOMPARE(m_log->head(storeB), 0);
}

void TestHubLog::refusals_data()
{
    QTest::addColumn<int>(
        "kind"); // 0 unknown order, 1 not permitted, 2 missing reason, 3 unknown store
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("unknown order") << 0 << QStringLiteral("no order");
    QTest::newRow("staff may not cancel") << 1 << QStringLiteral("can't mark");
    QTest::newRow("cancel needs a reason") << 2 << QStringLiteral("needs a reason");
    QTest::newRow("unknown store") << 3 << QStringLiteral("no store");
}

void TestHubLog::refusals()
{
    QFETCH(int, kind);
    QFETCH(QString, reasonContains);
    const Order known = HubTest::order(storeA, QStringLiteral("7"));
    QVERIFY(m_log->submit(HubTest::placed(known)).acked());
    const qint64 before = m_log->eventCount();
    OrderEvent event;
    switch (kind) {
    case 0:
        event = HubTest::transition(HubTest::order(storeA, QStringLiteral("8")), OrderState::Placed,
                                    OrderState::Accepted, Actor::staff(QStringLiteral("ana")));
        break;
    case 1:
        event = HubTest::transition(known, OrderState::Placed, OrderState::Cancelled,
                                    Actor::staff(QStringLiteral("ana")), HubTest::startMs(),
                                    QStringLiteral("out of buns"));
        break;
    case 2:
        event = HubTest::transition(known, OrderState::Placed, OrderState::Cancelled,
                                    Actor::platform());
        break;
    default:
        event = HubTest::placed(HubTest::order(QStringLiteral("nowhere"), QStringLiteral("9")));
        break;
    }
    const SubmitOutcome outcome = m_log->submit(event);
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QVERIFY2(outcome.reason.contains(reasonContains), qPrintable(outcome.reason));
    QVERIFY(!outcome.conflicting);
    QCOMPARE(m_log->eventCount(), before);
    QCOMPARE(m_log->order(storeA, known.id)->state, OrderState::Placed);
}

void TestHubLog::staleFromStateNamesTheConflict()
{
    const Order order = HubTest::order(storeA, QStringLiteral("123"));
    QVERIFY(m_log->submit(HubTest::placed(order)).acked());
    const OrderEvent cancel = HubTest::transition(
        order, OrderState::Placed, OrderState::Cancelled, Actor::platform(),
        HubTest::startMs() + 31 * 60 * 1000, QStringLiteral("no longer hungry"));
    QVERIFY(m_log->submit(cancel).acked());
    const SubmitOutcome outcome = m_log->submit(HubTest::transition(
        order, OrderState::Placed, OrderState::Accepted, Actor::staff(QStringLiteral("ana"))));
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(outcome.conflicting, std::optional<OrderEvent>(cancel));
    QCOMPARE(outcome.reason,
             QStringLiteral("Order 123 was cancelled by the customer at 12:31 UTC "
                            "(no longer hungry); it is cancelled now."));
}

void TestHubLog::consoleRolesComeFromTheSession_data()
{
    HubTest::addKindByRoleRows();
}

// Whatever role a console writes into an event, the log grants it only what a console is: its
// store's staff (and system for a store pause that runs out).
void TestHubLog::consoleRolesComeFromTheSession()
{
    QFETCH(EventKind, kind);
    QFETCH(ActorRole, role);
    bool ready = false;
    const OrderEvent event =
        HubTest::eventOfKind(*m_log, storeA, kind, HubTest::actorOf(role), &ready);
    QVERIFY(ready);
    const Submitter console = Submitter::console(storeA, QStringLiteral("grill-1"));
    const qint64 head = m_log->head(storeA);
    const std::optional<Order> before =
        event.orderId.isEmpty() ? std::nullopt : m_log->order(storeA, event.orderId);

    const SubmitOutcome outcome = m_log->submit(event, console);
    if (Submitter::consoleMayClaim(role, kind)) {
        QCOMPARE(outcome.status, SubmitOutcome::Status::Accepted);
        QCOMPARE(m_log->head(storeA), head + 1);
        return;
    }
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(outcome.reason, console.refusal(event));
    QVERIFY(!outcome.conflicting);
    QCOMPARE(m_log->head(storeA), head);
    if (before)
        QCOMPARE(m_log->order(storeA, event.orderId), before);
    // Final: the same event again gets the same refusal, from the console or anyone else.
    const SubmitOutcome again = m_log->submit(event, console);
    QCOMPARE(again.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(again.reason, outcome.reason);
    QCOMPARE(m_log->submit(event).reason, outcome.reason);
    QCOMPARE(m_log->head(storeA), head);
}

void TestHubLog::verdictsAreFinal()
{
    const Order order = HubTest::order(storeA, QStringLiteral("88"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(m_log->submit(place).acked());
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    const Submitter console = Submitter::console(storeA, QStringLiteral("grill-1"));
    // Sent before the order was accepted: it does not fit.
    const OrderEvent early =
        HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook);
    const SubmitOutcome first = m_log->submit(early, console);
    QCOMPARE(first.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(first.conflicting, std::optional<OrderEvent>(place));

    // The order moves on so that the event would fit now; resent, it is still refused, with
    // the same reason and the same conflicting event, and nothing is logged.
    QVERIFY(m_log
                ->submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook),
                         console)
                .acked());
    const qint64 head = m_log->head(storeA);
    for (int i = 0; i < 2; ++i) {
        const SubmitOutcome again = m_log->submit(early, console);
        QCOMPARE(again.status, SubmitOutcome::Status::Rejected);
        QCOMPARE(again.reason, first.reason);
        QCOMPARE(again.conflicting, first.conflicting);
    }
    // In a batch too, and after a restart of the hub.
    const QList<SubmitOutcome> batch = m_log->submitAll({early, early}, console);
    QCOMPARE(batch.at(0).reason, first.reason);
    QCOMPARE(batch.at(1).reason, first.reason);
    m_log = std::make_unique<HubLog>(path(), *m_clock, 10'000);
    QVERIFY2(m_log->open(), qPrintable(m_log->errorString()));
    const SubmitOutcome reopened = m_log->submit(early, console);
    QCOMPARE(reopened.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(reopened.reason, first.reason);
    QCOMPARE(reopened.conflicting, first.conflicting);
    QCOMPARE(m_log->head(storeA), head);
    QCOMPARE(m_log->order(storeA, order.id)->state, OrderState::Accepted);

    // A refusal is as append-only as the log (checked with the log closed: one opener a time).
    m_log.reset();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM refusals")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE refusals SET reason = 'fine'")));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM refusals")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
}

void TestHubLog::sameIdWithAnotherBodyIsRefused_data()
{
    QTest::addColumn<bool>("refusedFirst"); // the id's first verdict: refused, or logged
    QTest::addColumn<QString>("field"); // what the second body changes
    for (bool refusedFirst : {false, true}) {
        const char *verdict = refusedFirst ? "refused" : "logged";
        for (const char *field : {"reason", "actor", "occurred_at", "payload", "to"})
            QTest::addRow("%s, other %s", verdict, field)
                << refusedFirst << QString::fromLatin1(field);
    }
}

void TestHubLog::sameIdWithAnotherBodyIsRefused()
{
    QFETCH(bool, refusedFirst);
    QFETCH(QString, field);
    const Order order = HubTest::order(storeA, QStringLiteral("89"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(m_log->submit(place).acked());
    const Submitter console = Submitter::console(storeA, QStringLiteral("grill-1"));
    // Logged: placed → accepted fits; refused: accepted → preparing does not, yet.
    const OrderEvent first = refusedFirst
        ? HubTest::transition(order, OrderState::Accepted, OrderState::Preparing,
                              Actor::staff(QStringLiteral("ana")))
        : HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                              Actor::staff(QStringLiteral("ana")));
    const SubmitOutcome verdict = m_log->submit(first, console);
    QCOMPARE(verdict.status,
             refusedFirst ? SubmitOutcome::Status::Rejected : SubmitOutcome::Status::Accepted);
    if (refusedFirst) // now it would fit, were it a new event
        QVERIFY(m_log
                    ->submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                                 Actor::staff(QStringLiteral("bo"))))
                    .acked());
    const qint64 head = m_log->head(storeA);

    OrderEvent other = first;
    if (field == QLatin1String("reason"))
        other.reason = QStringLiteral("changed my mind");
    else if (field == QLatin1String("actor"))
        other.actor = Actor::staff(QStringLiteral("someone-else"));
    else if (field == QLatin1String("occurred_at"))
        other.occurredAt += 1;
    else if (field == QLatin1String("payload"))
        other.payload.insert(QStringLiteral("promised_at"), HubTest::startMs() + 99'000);
    else
        other.to = OrderState::Rejected;
    const SubmitOutcome outcome = m_log->submit(other, console);
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QVERIFY2(outcome.reason.contains(first.id.toString(QUuid::WithoutBraces)),
             qPrintable(outcome.reason));
    QVERIFY2(outcome.reason.contains(refusedFirst ? QStringLiteral("refused before")
                                                  : QStringLiteral("already logged")),
             qPrintable(outcome.reason));
    QVERIFY2(outcome.reason.contains(field), qPrintable(outcome.reason));
    if (!refusedFirst)
        QCOMPARE(outcome.conflicting, std::optional<OrderEvent>(first));
    QCOMPARE(m_log->head(storeA), head);

    // The first body still gets its first verdict.
    const SubmitOutcome same = m_log->submit(first, console);
    if (refusedFirst) {
        QCOMPARE(same.status, SubmitOutcome::Status::Rejected);
        QCOMPARE(same.reason, verdict.reason);
    } else {
        QCOMPARE(same.status, SubmitOutcome::Status::Duplicate);
        QCOMPARE(same.seq, verdict.seq);
    }
}

void TestHubLog::eventsAfterPagesInOrder()
{
    for (int i = 0; i < 25; ++i)
        QVERIFY(m_log->submit(HubTest::placed(HubTest::order(storeA, QString::number(i)))).acked());
    QVERIFY(m_log->submit(HubTest::placed(HubTest::order(storeB, QStringLiteral("x")))).acked());
    const QList<Protocol::SequencedEvent> page = m_log->eventsAfter(storeA, 10, 10);
    QCOMPARE(page.size(), 10);
    QCOMPARE(page.constFirst().seq, 11);
    QCOMPARE(page.constLast().seq, 20);
    QCOMPARE(m_log->eventsAfter(storeA, 20, 10).size(), 5);
    QVERIFY(m_log->eventsAfter(storeA, 25, 10).isEmpty());
    const QList<Protocol::SequencedEvent> other = m_log->eventsAfter(storeB, 0, 10);
    QCOMPARE(other.size(), 1);
    QCOMPARE(other.constFirst().event.storeId, storeB);
}

void TestHubLog::storeLevelEventsAreLoggedNotProjected()
{
    OrderEvent pause;
    pause.id = QUuid::createUuid();
    pause.storeId = storeA;
    pause.kind = EventKind::StorePaused;
    pause.actor = Actor::manager(QStringLiteral("mo"));
    pause.origin = QStringLiteral("test");
    pause.occurredAt = HubTest::startMs();
    pause.payload.insert(QStringLiteral("until"), HubTest::startMs() + 600'000);
    const SubmitOutcome outcome = m_log->submit(pause);
    QCOMPARE(outcome.status, SubmitOutcome::Status::Accepted);
    QCOMPARE(outcome.seq, 1);
    QVERIFY(!outcome.order);
    QCOMPARE(m_log->eventsAfter(storeA, 0, 10).constFirst().event, pause);
    QVERIFY(m_log->orders(storeA).isEmpty());
}

void TestHubLog::survivesReopen()
{
    const Order order = HubTest::order(storeA, QStringLiteral("5"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(m_log->submit(place).acked());
    QVERIFY(m_log->addConsole(storeA, QStringLiteral("c1"), "s3cret"));
    m_log = std::make_unique<HubLog>(path(), *m_clock, 10'000);
    QVERIFY(m_log->open());
    QCOMPARE(m_log->head(storeA), 1);
    QCOMPARE(m_log->eventsAfter(storeA, 0, 10).constFirst().event, place);
    QCOMPARE(m_log->order(storeA, order.id)->number, QStringLiteral("5"));
    QVERIFY(m_log->authenticate(storeA, QStringLiteral("c1"), "s3cret"));
    QCOMPARE(m_log->storeIds(), QStringList({storeA, storeB}));
}

// Migration 3 (refusals) on a log written before it: the events stay, refusals start working.
void TestHubLog::migratesAVersion2Log()
{
    const Order order = HubTest::order(storeA, QStringLiteral("6"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(m_log->submit(place).acked());
    m_log.reset();
    {
        // What a version 2 file is: the same, without migration 3's table and triggers.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER refusals_final_update")));
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER refusals_final_delete")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE refusals")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 2")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));

    m_log = std::make_unique<HubLog>(path(), *m_clock, 10'000);
    QVERIFY2(m_log->open(), qPrintable(m_log->errorString()));
    QCOMPARE(m_log->head(storeA), 1);
    QCOMPARE(m_log->eventsAfter(storeA, 0, 10).constFirst().event, place);
    const OrderEvent early = HubTest::transition(order, OrderState::Accepted, OrderState::Preparing,
                                                 Actor::staff(QStringLiteral("ana")));
    const SubmitOutcome refused = m_log->submit(early);
    QCOMPARE(refused.status, SubmitOutcome::Status::Rejected);
    QVERIFY(m_log
                ->submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                             Actor::staff(QStringLiteral("ana"))))
                .acked());
    QCOMPARE(m_log->submit(early).reason, refused.reason);
    QCOMPARE(m_log->head(storeA), 2);
}

void TestHubLog::refusesForeignFiles()
{
    const QString foreign = m_dir->filePath(QStringLiteral("foreign.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(foreign);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (x)")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    HubLog log(foreign, *m_clock);
    QVERIFY(!log.open());
    QVERIFY2(log.errorString().contains(QStringLiteral("not an order-hub log")),
             qPrintable(log.errorString()));
}

void TestHubLog::idempotencyRecords()
{
    QVERIFY(!m_log->idempotentResponse(storeA, QStringLiteral("k1")));
    QVERIFY(m_log->saveIdempotentResponse(storeA, QStringLiteral("k1"), {"abc", 201, "{}"}));
    QVERIFY(!m_log->saveIdempotentResponse(storeA, QStringLiteral("k1"), {"def", 500, "x"}));
    const std::optional<IdempotentResponse> stored =
        m_log->idempotentResponse(storeA, QStringLiteral("k1"));
    QVERIFY(stored);
    QCOMPARE(stored->requestHash, QByteArray("abc"));
    QCOMPARE(stored->status, 201);
    QCOMPARE(stored->body, QByteArray("{}"));
    QVERIFY(!m_log->idempotentResponse(storeB, QStringLiteral("k1")));
}

QTEST_GUILESS_MAIN(TestHubLog)
#include "tst_hublog.moc"
