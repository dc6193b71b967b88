// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/outbox.h"
#include "store/store.h"
#include "store/storedatabase.h"

#include <QSqlQuery>

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void entriesAreDueInLogOrderPerDestination();
    void acknowledgeIsIdempotent();
    void anAckIsRecordedWithItsVerdict();
    void healthCountsPerDestination();
    void failuresScheduleTheNextAttempt();
    void aWaitingOrderDoesNotHoldBackOthers();
    void deadLetterKeepsTheEventAndLeavesTheOutbox();
    void theFirstFailureIsKeptBesideTheLast();
    void pendingSurvivesReopen();
    void aDeadLetterParksItsOrdersLaterEvents();
    void aRedriveGoesAheadOfTheParkedEvents();
    void aDiscardLetsTheParkedEventsGo();
    void anUnknownDeadLetterIsRefused();
    void aDiscardNeedsAReason();
    void aDecisionAndItsEventAreOneTransaction();
    void aHoldDelaysTheWholeDestinationAndOutlivesAReopen();

private:
    QList<QUuid> placeAndAccept(int orders);
    /** Dead-letters ids[0] for the POS after two failed attempts; returns the letter's id. */
    qint64 poisonFirst(const QList<QUuid> &ids);
    static QList<QUuid> idsOf(const QList<OutboxEntry> &entries);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
    const QStringList m_destinations{QStringLiteral("platform"), QStringLiteral("pos:square")};
};

void TestOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(t0);
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("s.sqlite")), m_clock.get());
    const Result<void> opened = m_store->open();
    QVERIFY2(opened, qPrintable(opened.error()));
}

void TestOutbox::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QList<QUuid> TestOutbox::placeAndAccept(int orders)
{
    QList<QUuid> ids;
    for (int i = 0; i < orders; ++i) {
        const QString orderId = QStringLiteral("o-%1").arg(i);
        m_store->append(placedEvent(sampleOrder(orderId, QString::number(100 + i))), {});
        m_clock->advanceMs(1000);
        const OrderEvent accept = transitionEvent(orderId, OrderState::Placed, OrderState::Accepted,
                                                  m_clock->nowMs());
        m_store->append(accept, m_destinations);
        ids.append(accept.id);
        const OrderEvent start = transitionEvent(orderId, OrderState::Accepted,
                                                 OrderState::Preparing, m_clock->nowMs());
        m_store->append(start, m_destinations);
        ids.append(start.id);
    }
    return ids;
}

void TestOutbox::entriesAreDueInLogOrderPerDestination()
{
    const QList<QUuid> ids = placeAndAccept(3);
    Outbox outbox(*m_store);
    QCOMPARE(outbox.pendingCount(), 12);
    QCOMPARE(outbox.pendingCount(QStringLiteral("platform")), 6);
    const QList<OutboxEntry> due = outbox.due(QStringLiteral("platform"), m_clock->nowMs(), 100);
    QCOMPARE(due.size(), 6);
    for (qsizetype i = 0; i < due.size(); ++i) {
        QCOMPARE(due.at(i).event.id, ids.at(i));
        QCOMPARE(due.at(i).destination, QStringLiteral("platform"));
        QCOMPARE(due.at(i).attempts, 0);
        if (i > 0)
            QVERIFY(due.at(i).sequence > due.at(i - 1).sequence);
    }
    QCOMPARE(outbox.due(QStringLiteral("platform"), m_clock->nowMs(), 2).size(), 2);
    QCOMPARE(*outbox.oldestPendingAt(), t0 + 1000);
}

void TestOutbox::acknowledgeIsIdempotent()
{
    const QList<QUuid> ids = placeAndAccept(1);
    Outbox outbox(*m_store);
    QVERIFY(outbox.acknowledge(ids.at(0), QStringLiteral("platform")));
    // A duplicate ack is harmless: reported as not pending, nothing else changes.
    const Result<void> again = outbox.acknowledge(ids.at(0), QStringLiteral("platform"));
    QVERIFY(!again);
    QVERIFY2(again.error().contains(QLatin1String("no pending entry")), qPrintable(again.error()));
    QCOMPARE(outbox.pendingCount(QStringLiteral("platform")), 1);
    QCOMPARE(outbox.pendingCount(QStringLiteral("pos:square")), 2);
    QVERIFY(!outbox.acknowledge(QUuid::createUuid(), QStringLiteral("platform")));
    QCOMPARE(m_store->eventCount(), 3);
}

void TestOutbox::anAckIsRecordedWithItsVerdict()
{
    const QList<QUuid> ids = placeAndAccept(1);
    Outbox outbox(*m_store);
    // The platform's ack: its verdict and its outbox row in one transaction; the other
    // destination's row waits for that destination's own answer.
    const AppendResult confirmed = m_store->confirm(ids.at(0), 2, QStringLiteral("platform"));
    QCOMPARE(confirmed.status, AppendResult::Status::Committed);
    QCOMPARE(outbox.pendingCount(QStringLiteral("platform")), 1);
    QCOMPARE(outbox.pendingCount(QStringLiteral("pos:square")), 2);
    // The same verdict again (its echo came first, or the ack was sent twice): nothing changes
    // but the row, which still goes.
    QVERIFY(m_store->confirm(ids.at(1), 3).committed());
    QCOMPARE(outbox.pendingCount(QStringLiteral("platform")), 1);
    const AppendResult again = m_store->confirm(ids.at(1), 3, QStringLiteral("platform"));
    QCOMPARE(again.status, AppendResult::Status::Duplicate);
    QCOMPARE(outbox.pendingCount(QStringLiteral("platform")), 0);
    QCOMPARE(outbox.pendingCount(QStringLiteral("pos:square")), 2);
}

void TestOutbox::healthCountsPerDestination()
{
    const QList<QUuid> ids = placeAndAccept(2);
    Outbox outbox(*m_store);
    QVERIFY(outbox.acknowledge(ids.at(0), QStringLiteral("platform")));
    QVERIFY(outbox.acknowledge(ids.at(1), QStringLiteral("platform")));
    // The platform's oldest waiting event is the second order's; the POS still has the first's.
    QCOMPARE(*outbox.oldestPendingAt(QStringLiteral("platform")), t0 + 2000);
    QCOMPARE(*outbox.oldestPendingAt(QStringLiteral("pos:square")), t0 + 1000);
    QVERIFY(!outbox.oldestPendingAt(QStringLiteral("pos:other")));
    QVERIFY(outbox.moveToDeadLetter(ids.at(0), QStringLiteral("pos:square"), QStringLiteral("x"),
                                    m_clock->nowMs()));
    QCOMPARE(outbox.deadLetterCount(QStringLiteral("pos:square")), 1);
    QCOMPARE(outbox.deadLetterCount(QStringLiteral("platform")), 0);
}

void TestOutbox::failuresScheduleTheNextAttempt()
{
    const QList<QUuid> ids = placeAndAccept(1);
    Outbox outbox(*m_store);
    const qint64 retryAt = m_clock->nowMs() + 30'000;
    QVERIFY(outbox.recordFailure(ids.at(0), QStringLiteral("platform"),
                                 QStringLiteral("HTTP 503"), retryAt));
    // Not due before its time, and the later event of the same order waits behind it.
    QVERIFY(outbox.due(QStringLiteral("platform"), m_clock->nowMs(), 10).isEmpty());
    // Other destinations are not held back.
    QCOMPARE(outbox.due(QStringLiteral("pos:square"), m_clock->nowMs(), 10).size(), 2);
    const QList<OutboxEntry> later = outbox.due(QStringLiteral("platform"), retryAt, 10);
    QCOMPARE(later.size(), 2);
    QCOMPARE(later.constFirst().attempts, 1);
    QCOMPARE(later.constFirst().lastError, QStringLiteral("HTTP 503"));
    QVERIFY(!outbox.recordFailure(QUuid::createUuid(), QStringLiteral("platform"),
                                  QStringLiteral("x"), retryAt));
}

void TestOutbox::aWaitingOrderDoesNotHoldBackOthers()
{
    const QList<QUuid> ids = placeAndAccept(2);
    Outbox outbox(*m_store);
    QVERIFY(outbox.recordFailure(ids.at(0), QStringLiteral("platform"), QStringLiteral("timeout"),
                                 m_clock->nowMs() + 60'000));
    const QList<OutboxEntry> due = outbox.due(QStringLiteral("platform"), m_clock->nowMs(), 10);
    QCOMPARE(due.size(), 2);
    QCOMPARE(due.at(0).event.id, ids.at(2));
    QCOMPARE(due.at(1).event.id, ids.at(3));
}

void TestOutbox::deadLetterKeepsTheEventAndLeavesTheOutbox()
{
    const QList<QUuid> ids = placeAndAccept(1);
    Outbox outbox(*m_store);
    QVERIFY(outbox.recordFailure(ids.at(0), QStringLiteral("pos:square"),
                                 QStringLiteral("HTTP 400: bad item"), 0));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dead-letter")));
    QVERIFY(outbox.moveToDeadLetter(ids.at(0), QStringLiteral("pos:square"),
                                    QStringLiteral("HTTP 400: bad item"), t0 + 5000));
    QCOMPARE(outbox.pendingCount(QStringLiteral("pos:square")), 1);
    const QList<DeadLetter> letters = outbox.deadLetters();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters.constFirst().event.id, ids.at(0));
    QCOMPARE(letters.constFirst().attempts, 1);
    QCOMPARE(letters.constFirst().deadAt, t0 + 5000);
    QCOMPARE(letters.constFirst().lastError, QStringLiteral("HTTP 400: bad item"));
    // Moving it twice is refused and changes nothing.
    QVERIFY(!outbox.moveToDeadLetter(ids.at(0), QStringLiteral("pos:square"), QStringLiteral("x"),
                                     t0));
    QCOMPARE(outbox.deadLetters().size(), 1);
}

void TestOutbox::theFirstFailureIsKeptBesideTheLast()
{
    const QList<QUuid> ids = placeAndAccept(2);
    const QString pos = QStringLiteral("pos:square");
    Outbox outbox(*m_store);
    const qint64 firstAt = m_clock->nowMs();
    QVERIFY(outbox.recordFailure(ids.at(0), pos, QStringLiteral("HTTP 503: asleep"), 0));
    m_clock->advanceMs(60'000);
    QVERIFY(outbox.recordFailure(ids.at(0), pos, QStringLiteral("HTTP 500: crashed"), 0));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dead-letter")));
    QVERIFY(outbox.moveToDeadLetter(ids.at(0), pos, QStringLiteral("HTTP 400: bad item"),
                                    m_clock->nowMs()));
    // Refused at its first attempt: its one error is its first and its last.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dead-letter")));
    QVERIFY(outbox.moveToDeadLetter(ids.at(2), pos, QStringLiteral("unknown item"),
                                    m_clock->nowMs()));
    const QList<DeadLetter> letters = outbox.deadLetters();
    QCOMPARE(letters.size(), 2);
    QCOMPARE(letters.at(0).attempts, 2);
    QCOMPARE(letters.at(0).firstError, QStringLiteral("HTTP 503: asleep"));
    QCOMPARE(letters.at(0).firstErrorAt, firstAt);
    QCOMPARE(letters.at(0).lastError, QStringLiteral("HTTP 400: bad item"));
    QCOMPARE(letters.at(1).attempts, 0);
    QCOMPARE(letters.at(1).firstError, QStringLiteral("unknown item"));
    QCOMPARE(letters.at(1).firstErrorAt, m_clock->nowMs());
    QCOMPARE(letters.at(1).lastError, QStringLiteral("unknown item"));
}

void TestOutbox::pendingSurvivesReopen()
{
    placeAndAccept(2);
    const QString path = m_store->path();
    m_store.reset();
    Store reopened(path);
    QVERIFY(reopened.open());
    QCOMPARE(Outbox(reopened).pendingCount(), 8);
}

namespace {
const QString square = QStringLiteral("pos:square");
const Actor maria = Actor::manager(QStringLiteral("maria"));
} // namespace

qint64 TestOutbox::poisonFirst(const QList<QUuid> &ids)
{
    Outbox outbox(*m_store);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!outbox.recordFailure(ids.at(0), square, QStringLiteral("HTTP 400: bad item"), 0))
            return -1;
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("dead-letter")));
    if (!outbox.moveToDeadLetter(ids.at(0), square, QStringLiteral("HTTP 400: bad item"),
                                 m_clock->nowMs()))
        return -1;
    return outbox.deadLetters().constFirst().id;
}

QList<QUuid> TestOutbox::idsOf(const QList<OutboxEntry> &entries)
{
    QList<QUuid> ids;
    for (const OutboxEntry &entry : entries)
        ids.append(entry.event.id);
    return ids;
}

void TestOutbox::aDeadLetterParksItsOrdersLaterEvents()
{
    const QList<QUuid> ids = placeAndAccept(2);
    QVERIFY(poisonFirst(ids) > 0);
    Outbox outbox(*m_store);
    // The first order's second event waits behind its dead letter; the second order flows.
    QCOMPARE(idsOf(outbox.due(square, m_clock->nowMs(), 10)), (QList<QUuid>{ids.at(2), ids.at(3)}));
    const ParkedCount parked = outbox.parked(square);
    QCOMPARE(parked.events, 1);
    QCOMPARE(parked.orders, 1);
    QCOMPARE(outbox.pendingCount(square), 3);
    // Another destination's queue is not parked by it.
    QCOMPARE(outbox.due(QStringLiteral("platform"), m_clock->nowMs(), 10).size(), 4);
    QCOMPARE(outbox.parked(QStringLiteral("platform")).events, 0);
}

void TestOutbox::aRedriveGoesAheadOfTheParkedEvents()
{
    const QList<QUuid> ids = placeAndAccept(2);
    const qint64 letter = poisonFirst(ids);
    const qint64 eventsBefore = m_store->eventCount();
    const int pendingBefore = Outbox(*m_store).pendingCount();
    m_clock->advanceMs(60'000);

    const AppendResult redriven = m_store->redriveDeadLetter(letter, maria, QStringLiteral("k1"));
    QCOMPARE(redriven.status, AppendResult::Status::Committed);
    Outbox outbox(*m_store);
    const QList<OutboxEntry> due = outbox.due(square, m_clock->nowMs(), 10);
    QCOMPARE(idsOf(due), ids);
    QCOMPARE(due.constFirst().attempts, 0); // counted from zero again
    QVERIFY(due.constFirst().lastError.isEmpty());
    QVERIFY(outbox.deadLetters().isEmpty());
    QCOMPARE(outbox.parked(square).events, 0);

    // The decision is one store-level event in the log, by the manager, queued for nobody.
    QCOMPARE(m_store->eventCount(), eventsBefore + 1);
    QCOMPARE(outbox.pendingCount(), pendingBefore + 1); // the redriven row only
    const OrderEvent logged = m_store->allEvents().constLast();
    QCOMPARE(logged.id, redriven.event.id);
    QCOMPARE(logged.kind, EventKind::DeadLetterRedriven);
    QVERIFY(logged.orderId.isEmpty());
    QCOMPARE(logged.storeId, storeId);
    QCOMPARE(logged.actor, maria);
    QCOMPARE(logged.origin, QStringLiteral("k1"));
    QCOMPARE(logged.occurredAt, m_clock->nowMs());
    QCOMPARE(logged.payload.value(QStringLiteral("dead_letter")).toInteger(), letter);
    QCOMPARE(logged.payload.value(QStringLiteral("event_id")).toString(),
             ids.at(0).toString(QUuid::WithoutBraces));
    QCOMPARE(logged.payload.value(QStringLiteral("destination")).toString(), square);
    QCOMPARE(logged.payload.value(QStringLiteral("attempts")).toInt(), 2);
    QCOMPARE(logged.payload.value(QStringLiteral("last_error")).toString(),
             QStringLiteral("HTTP 400: bad item"));
    // It is no pause: busy mode's reading of the store is unchanged.
    QVERIFY(!m_store->lastStoreEvent());
}

void TestOutbox::aDiscardLetsTheParkedEventsGo()
{
    const QList<QUuid> ids = placeAndAccept(2);
    const qint64 letter = poisonFirst(ids);
    const AppendResult discarded = m_store->discardDeadLetter(letter, maria, QStringLiteral("k1"),
                                                                QStringLiteral("rung up by hand"));
    QCOMPARE(discarded.status, AppendResult::Status::Committed);
    QCOMPARE(discarded.event.kind, EventKind::DeadLetterDiscarded);
    Outbox outbox(*m_store);
    QCOMPARE(idsOf(outbox.due(square, m_clock->nowMs(), 10)),
             (QList<QUuid>{ids.at(1), ids.at(2), ids.at(3)}));
    QVERIFY(outbox.deadLetters().isEmpty());
    QCOMPARE(m_store->allEvents().constLast().id, discarded.event.id);
    // A dead letter is decided once.
    QCOMPARE(m_store->redriveDeadLetter(letter, maria, QStringLiteral("k1")).status,
             AppendResult::Status::Refused);
}

void TestOutbox::anUnknownDeadLetterIsRefused()
{
    placeAndAccept(1);
    const qint64 events = m_store->eventCount();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no dead letter #42")));
    const AppendResult refused = m_store->discardDeadLetter(42, maria, QStringLiteral("k1"),
                                                             QStringLiteral("gone"));
    QCOMPARE(refused.status, AppendResult::Status::Refused);
    QCOMPARE(m_store->eventCount(), events);
}

void TestOutbox::aDiscardNeedsAReason()
{
    const QList<QUuid> ids = placeAndAccept(1);
    const qint64 letter = poisonFirst(ids);
    const qint64 events = m_store->eventCount();
    for (const QString &none : {QString(), QStringLiteral(" \n ")})
        QCOMPARE(m_store->discardDeadLetter(letter, maria, QStringLiteral("k1"), none).status,
                 AppendResult::Status::Refused);
    QCOMPARE(m_store->eventCount(), events);
    QCOMPARE(Outbox(*m_store).deadLetters().size(), 1);
    const AppendResult discarded = m_store->discardDeadLetter(letter, maria, QStringLiteral("k1"),
                                                              QStringLiteral(" sent by hand "));
    QVERIFY2(discarded.committed(), qPrintable(discarded.error));
    QCOMPARE(m_store->allEvents().constLast().reason, QStringLiteral("sent by hand"));
}

void TestOutbox::aDecisionAndItsEventAreOneTransaction()
{
    const QList<QUuid> ids = placeAndAccept(1);
    const qint64 letter = poisonFirst(ids);
    const int pending = Outbox(*m_store).pendingCount();
    // The log refuses the decision's event: the outbox change must not stay without it.
    QSqlQuery trigger(StoreDatabase::of(*m_store));
    QVERIFY(trigger.exec(QStringLiteral(
            "CREATE TEMP TRIGGER no_decisions BEFORE INSERT ON main.events "
            "WHEN NEW.kind LIKE 'dead_letter_%' BEGIN SELECT RAISE(ABORT, 'injected'); END")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("injected")));
    const AppendResult failed = m_store->redriveDeadLetter(letter, maria, QStringLiteral("k1"));
    QCOMPARE(failed.status, AppendResult::Status::Failed);
    Outbox outbox(*m_store);
    QCOMPARE(outbox.deadLetters().size(), 1);
    QCOMPARE(outbox.pendingCount(), pending);
    QCOMPARE(outbox.parked(square).events, 1);

    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER no_decisions")));
    QVERIFY(m_store->redriveDeadLetter(letter, maria, QStringLiteral("k1")).committed());
    QCOMPARE(outbox.pendingCount(), pending + 1);
}

void TestOutbox::aHoldDelaysTheWholeDestinationAndOutlivesAReopen()
{
    const QList<QUuid> ids = placeAndAccept(2);
    QVERIFY(poisonFirst(ids) > 0);
    Outbox outbox(*m_store);
    QVERIFY(!outbox.heldUntil(square, m_clock->nowMs()));
    const qint64 until = m_clock->nowMs() + 120'000;
    QVERIFY(outbox.hold(square, until));
    QVERIFY(outbox.due(square, m_clock->nowMs(), 10).isEmpty());
    QCOMPARE(outbox.due(QStringLiteral("platform"), m_clock->nowMs(), 10).size(), 4);
    // A shorter hold never shortens a longer one.
    QVERIFY(outbox.hold(square, until - 60'000));
    QCOMPARE(outbox.heldUntil(square, m_clock->nowMs()), std::optional<qint64>(until));

    const QString path = m_store->path();
    m_store.reset();
    Store reopened(path, m_clock.get());
    QVERIFY(reopened.open());
    Outbox after(reopened);
    QCOMPARE(after.heldUntil(square, m_clock->nowMs()), std::optional<qint64>(until));
    QCOMPARE(after.parked(square).events, 1); // the parked state is the store's too
    QVERIFY(after.due(square, until - 1, 10).isEmpty());
    QCOMPARE(idsOf(after.due(square, until, 10)), (QList<QUuid>{ids.at(2), ids.at(3)}));
    QVERIFY(!after.heldUntil(square, until));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
