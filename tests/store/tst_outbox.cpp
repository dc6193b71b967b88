// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/outbox.h"
#include "store/store.h"

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
    void pendingSurvivesReopen();

private:
    QList<QUuid> placeAndAccept(int orders);

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

void TestOutbox::pendingSurvivesReopen()
{
    placeAndAccept(2);
    const QString path = m_store->path();
    m_store.reset();
    Store reopened(path);
    QVERIFY(reopened.open());
    QCOMPARE(Outbox(reopened).pendingCount(), 8);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
