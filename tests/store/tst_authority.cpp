// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storedatabase.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

// "The platform is the authority": the store keeps local events the platform has not confirmed
// on top of the platform's history, and follows the platform when the two disagree.
class TestAuthority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void ownEventComingBackIsConfirmedNotDoubled();
    void ackConfirmsAndTheEchoIsHarmless();
    void platformHistoryWinsOverLocalProgress();
    void rejectedPlacementRemovesTheOrder();
    void confirmationsFollowThePlatformOrder();
    void rejectingAnUnknownEventIsRefused();

private:
    IncomingEvent fromHub(const OrderEvent &event, qint64 hubSeq) const;
    void receive(const OrderEvent &event, qint64 hubSeq);
    OrderEvent staffMove(OrderState from, OrderState to);
    void verifyOk();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
    const QString m_orderId = QStringLiteral("o-1");
    const QStringList m_platform{QStringLiteral("platform")};
};

void TestAuthority::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(t0);
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("s.sqlite")), m_clock.get());
    QVERIFY(m_store->open());
}

void TestAuthority::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

IncomingEvent TestAuthority::fromHub(const OrderEvent &event, qint64 hubSeq) const
{
    return {QStringLiteral("platform"), event.id.toString(QUuid::WithoutBraces), event, hubSeq, {}};
}

void TestAuthority::receive(const OrderEvent &event, qint64 hubSeq)
{
    const QList<AppendResult> results = m_store->appendIncomingBatch(
            {fromHub(event, hubSeq)},
            SourceCursor{QStringLiteral("platform"), QString::number(hubSeq)});
    QCOMPARE(results.size(), 1);
    QVERIFY2(results.constFirst().applied(), qPrintable(results.constFirst().error));
}

OrderEvent TestAuthority::staffMove(OrderState from, OrderState to)
{
    m_clock->advanceMs(1000);
    return transitionEvent(m_orderId, from, to, m_clock->nowMs());
}

void TestAuthority::verifyOk()
{
    const VerifyReport report = ProjectionVerifier(*m_store).verify();
    QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
}

void TestAuthority::ownEventComingBackIsConfirmedNotDoubled()
{
    receive(placedEvent(sampleOrder(m_orderId, QStringLiteral("101"))), 1);
    const OrderEvent accept = staffMove(OrderState::Placed, OrderState::Accepted);
    QVERIFY(m_store->append(accept, m_platform).committed());

    // The platform fans our own event back to us with its sequence number.
    const QList<AppendResult> echo = m_store->appendIncomingBatch({fromHub(accept, 2)}, {});
    QCOMPARE(echo.constFirst().status, AppendResult::Status::Duplicate);
    QCOMPARE(echo.constFirst().order->state, OrderState::Accepted);
    QCOMPARE(m_store->eventCount(), 2);
    QCOMPARE(m_store->order(m_orderId)->eventCount, 2);
    QSqlQuery status(StoreDatabase::of(*m_store));
    QVERIFY(status.exec(QStringLiteral("SELECT hub_seq FROM event_status WHERE event_id = '%1'")
                                .arg(accept.id.toString(QUuid::WithoutBraces))));
    QVERIFY(status.next());
    QCOMPARE(status.value(0).toLongLong(), 2);
    verifyOk();
}

void TestAuthority::ackConfirmsAndTheEchoIsHarmless()
{
    receive(placedEvent(sampleOrder(m_orderId, QStringLiteral("101"))), 1);
    const OrderEvent accept = staffMove(OrderState::Placed, OrderState::Accepted);
    QVERIFY(m_store->append(accept, m_platform).committed());
    const AppendResult acked = m_store->confirm(accept.id, 2);
    QVERIFY2(acked.committed(), qPrintable(acked.error));
    QCOMPARE(acked.order->state, OrderState::Accepted);
    QVERIFY(acked.superseded.isEmpty());
    // The echo after the ack, and a second ack, change nothing: the second ack is a duplicate.
    QCOMPARE(m_store->appendIncomingBatch({fromHub(accept, 2)}, {}).constFirst().status,
             AppendResult::Status::Duplicate);
    QCOMPARE(m_store->confirm(accept.id, 2).status, AppendResult::Status::Duplicate);
    QCOMPARE(m_store->eventCount(), 2);
    QCOMPARE(m_store->order(m_orderId)->state, OrderState::Accepted);
    verifyOk();
}

void TestAuthority::platformHistoryWinsOverLocalProgress()
{
    receive(placedEvent(sampleOrder(m_orderId, QStringLiteral("123"))), 1);
    receive(transitionEvent(m_orderId, OrderState::Placed, OrderState::Accepted, t0 + 500), 2);
    // Offline, the kitchen starts the order; the platform has not heard of it.
    const OrderEvent start = staffMove(OrderState::Accepted, OrderState::Preparing);
    QVERIFY(m_store->append(start, m_platform).committed());
    QCOMPARE(m_store->order(m_orderId)->state, OrderState::Preparing);

    // Meanwhile the customer cancelled: the platform logged it from "accepted".
    OrderEvent cancel = transitionEvent(m_orderId, OrderState::Accepted, OrderState::Cancelled,
                                        t0 + 2000);
    cancel.actor = Actor::platform();
    cancel.reason = QStringLiteral("Customer cancelled");
    const QList<AppendResult> results = m_store->appendIncomingBatch({fromHub(cancel, 3)}, {});
    QCOMPARE(results.constFirst().status, AppendResult::Status::Committed);
    QCOMPARE(results.constFirst().order->state, OrderState::Cancelled);
    QCOMPARE(results.constFirst().superseded, QList<QUuid>{start.id});
    QCOMPARE(m_store->order(m_orderId)->state, OrderState::Cancelled);
    QCOMPARE(m_store->order(m_orderId)->lastReason, QStringLiteral("Customer cancelled"));
    verifyOk();

    // The platform then refuses the local start: it leaves the outbox, stays in the log.
    QCOMPARE(Outbox(*m_store).pendingCount(), 1);
    const AppendResult rejected =
            m_store->markRejected(start.id, QStringLiteral("Order 123 was cancelled first"));
    QVERIFY2(rejected.committed(), qPrintable(rejected.error));
    QCOMPARE(rejected.order->state, OrderState::Cancelled);
    QCOMPARE(Outbox(*m_store).pendingCount(), 0);
    QVERIFY(m_store->hasEvent(start.id));
    verifyOk();
    // The audit trail keeps all four events.
    QCOMPARE(m_store->events(m_orderId).size(), 4);
}

void TestAuthority::rejectedPlacementRemovesTheOrder()
{
    const OrderEvent placed = placedEvent(sampleOrder(m_orderId, QStringLiteral("124")));
    QVERIFY(m_store->append(placed, m_platform).committed());
    QVERIFY(m_store->order(m_orderId));
    const AppendResult rejected =
            m_store->markRejected(placed.id, QStringLiteral("store is paused"));
    QVERIFY2(rejected.committed(), qPrintable(rejected.error));
    QVERIFY(!rejected.order);
    QVERIFY(!m_store->order(m_orderId));
    QCOMPARE(m_store->orders(false).size(), 0);
    verifyOk();
}

void TestAuthority::confirmationsFollowThePlatformOrder()
{
    receive(placedEvent(sampleOrder(m_orderId, QStringLiteral("125"))), 1);
    // A local note (local seq 2) that the platform logs at 3, after an ETA change it logged at 2
    // but that reached us later (local seq 3). Both fit in either order; the fold uses 2 then 3.
    OrderEvent note = transitionEvent(m_orderId, OrderState::Placed, OrderState::Placed);
    note.kind = EventKind::NoteAdded;
    note.from.reset();
    note.to.reset();
    note.reason = QStringLiteral("no sesame");
    QVERIFY(m_store->append(note, m_platform).committed());
    OrderEvent eta = transitionEvent(m_orderId, OrderState::Placed, OrderState::Placed, t0 + 3000);
    eta.kind = EventKind::EtaChanged;
    eta.from.reset();
    eta.to.reset();
    eta.actor = Actor::platform();
    eta.payload = {{QStringLiteral("promised_at"), t0 + 30 * 60 * 1000}};
    receive(eta, 2);
    QVERIFY(m_store->confirm(note.id, 3).committed());
    const Order order = *m_store->order(m_orderId);
    QCOMPARE(order.notes, QStringList{QStringLiteral("no sesame")});
    QCOMPARE(order.promisedAt, t0 + 30 * 60 * 1000);
    QCOMPARE(order.lastEventId, note.id); // the platform's last word on this order
    verifyOk();
}

void TestAuthority::rejectingAnUnknownEventIsRefused()
{
    const AppendResult result = m_store->markRejected(QUuid::createUuid(), QStringLiteral("x"));
    QCOMPARE(result.status, AppendResult::Status::Refused);
    QCOMPARE(m_store->eventCount(), 0);
}

QTEST_GUILESS_MAIN(TestAuthority)
#include "tst_authority.moc"
