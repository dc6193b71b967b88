// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubLog: the hub's authoritative per-store log, on every storage backend.
#include "hubtestsupport.h"
#include "recordstestcase.h"

#include "common/clock.h"
#include "hub/hublog.h"

#include <QTest>

#include <algorithm>
#include <memory>

class TestHubLog : public HubTest::RecordsTestCase
{
    Q_OBJECT

private Q_SLOTS:
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
    void aConsolesDeadLetterDecisionIsNotLogged();
    void lastStoreEventIsTheStoresLatestPauseOrResume();
    void lastStoreEventLooksPastOtherKinds();
    void survivesReopen();
    void snapshotHoldsOpenAndRecentOrdersAndTheStoresState();
    void snapshotStopsAtItsHead();

private:
    HubLog &log() { return records().log(); }
    QList<qint64> walk(const Order &order, const QList<OrderState> &states, qint64 at)
    {
        return HubTest::walk(log(), order, states, at);
    }
};


void TestHubLog::sequenceNumbersArePerStore()
{
    const Order a = HubTest::order(storeA, QStringLiteral("1"));
    const Order b = HubTest::order(storeB, QStringLiteral("1"));
    QCOMPARE(log().submit(HubTest::placed(a)).seq, 1);
    QCOMPARE(log().submit(HubTest::placed(b)).seq, 1);
    const SubmitOutcome accepted = log().submit(HubTest::transition(
        a, OrderState::Placed, OrderState::Accepted, Actor::staff(QStringLiteral("ana"))));
    QCOMPARE(accepted.status, SubmitOutcome::Status::Accepted);
    QCOMPARE(accepted.seq, 2);
    QCOMPARE(accepted.order->state, OrderState::Accepted);
    QCOMPARE(log().head(storeA), 2);
    QCOMPARE(log().head(storeB), 1);
    QCOMPARE(log().order(storeA, a.id)->state, OrderState::Accepted);
    QCOMPARE(log().orders(storeB).size(), 1);
    QVERIFY(!log().order(storeB, a.id)); // one store never sees another's orders
}

void TestHubLog::duplicateEventIdAcksTheFirstSeq()
{
    const Order a = HubTest::order(storeA, QStringLiteral("1"));
    const OrderEvent place = HubTest::placed(a);
    QCOMPARE(log().submit(place).status, SubmitOutcome::Status::Accepted);
    for (int i = 0; i < 3; ++i) {
        const SubmitOutcome again = log().submit(place);
        QCOMPARE(again.status, SubmitOutcome::Status::Duplicate);
        QCOMPARE(again.seq, 1);
        QVERIFY(again.acked());
    }
    QCOMPARE(log().eventCount(), 1);

    // The same id under another store is not a duplicate to ack: it is refused.
    OrderEvent stolen = place;
    stolen.storeId = storeB;
    stolen.payload.insert(QStringLiteral("store_id"), storeB);
    QCOMPARE(log().submit(stolen).status, SubmitOutcome::Status::Rejected);
    QCOMPARE(log().head(storeB), 0);
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
    QVERIFY(log().submit(HubTest::placed(known)).acked());
    const qint64 before = log().eventCount();
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
    const SubmitOutcome outcome = log().submit(event);
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QVERIFY2(outcome.reason.contains(reasonContains), qPrintable(outcome.reason));
    QVERIFY(!outcome.conflicting);
    QCOMPARE(log().eventCount(), before);
    QCOMPARE(log().order(storeA, known.id)->state, OrderState::Placed);
}

void TestHubLog::staleFromStateNamesTheConflict()
{
    const Order order = HubTest::order(storeA, QStringLiteral("123"));
    QVERIFY(log().submit(HubTest::placed(order)).acked());
    const OrderEvent cancel = HubTest::transition(
        order, OrderState::Placed, OrderState::Cancelled, Actor::platform(),
        HubTest::startMs() + 31 * 60 * 1000, QStringLiteral("no longer hungry"));
    QVERIFY(log().submit(cancel).acked());
    const SubmitOutcome outcome = log().submit(HubTest::transition(
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
        HubTest::eventOfKind(log(), storeA, kind, HubTest::actorOf(role), &ready);
    QVERIFY(ready);
    const Submitter console = Submitter::console(storeA, QStringLiteral("grill-1"));
    const qint64 head = log().head(storeA);
    const std::optional<Order> before =
        event.orderId.isEmpty() ? std::nullopt : log().order(storeA, event.orderId);

    const SubmitOutcome outcome = log().submit(event, console);
    if (Submitter::consoleMayClaim(role, kind)) {
        QCOMPARE(outcome.status, SubmitOutcome::Status::Accepted);
        QCOMPARE(log().head(storeA), head + 1);
        return;
    }
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(outcome.reason, console.refusal(event));
    QVERIFY(!outcome.conflicting);
    QCOMPARE(log().head(storeA), head);
    if (before)
        QCOMPARE(log().order(storeA, event.orderId), before);
    // Final: the same event again gets the same refusal, from the console or anyone else.
    const SubmitOutcome again = log().submit(event, console);
    QCOMPARE(again.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(again.reason, outcome.reason);
    QCOMPARE(log().submit(event).reason, outcome.reason);
    QCOMPARE(log().head(storeA), head);
}

void TestHubLog::verdictsAreFinal()
{
    const Order order = HubTest::order(storeA, QStringLiteral("88"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(log().submit(place).acked());
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    const Submitter console = Submitter::console(storeA, QStringLiteral("grill-1"));
    // Sent before the order was accepted: it does not fit.
    const OrderEvent early =
        HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook);
    const SubmitOutcome first = log().submit(early, console);
    QCOMPARE(first.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(first.conflicting, std::optional<OrderEvent>(place));

    // The order moves on so that the event would fit now; resent, it is still refused, with
    // the same reason and the same conflicting event, and nothing is logged.
    QVERIFY(log()
                .submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook),
                        console)
                .acked());
    const qint64 head = log().head(storeA);
    for (int i = 0; i < 2; ++i) {
        const SubmitOutcome again = log().submit(early, console);
        QCOMPARE(again.status, SubmitOutcome::Status::Rejected);
        QCOMPARE(again.reason, first.reason);
        QCOMPARE(again.conflicting, first.conflicting);
    }
    // In a batch too, and after a restart of the hub.
    const QList<SubmitOutcome> batch = log().submitAll({early, early}, console);
    QCOMPARE(batch.at(0).reason, first.reason);
    QCOMPARE(batch.at(1).reason, first.reason);
    QVERIFY(bed().reopen());
    const SubmitOutcome reopened = log().submit(early, console);
    QCOMPARE(reopened.status, SubmitOutcome::Status::Rejected);
    QCOMPARE(reopened.reason, first.reason);
    QCOMPARE(reopened.conflicting, first.conflicting);
    QCOMPARE(log().head(storeA), head);
    QCOMPARE(log().order(storeA, order.id)->state, OrderState::Accepted);
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
    QVERIFY(log().submit(place).acked());
    const Submitter console = Submitter::console(storeA, QStringLiteral("grill-1"));
    // Logged: placed → accepted fits; refused: accepted → preparing does not, yet.
    const OrderEvent first = refusedFirst
        ? HubTest::transition(order, OrderState::Accepted, OrderState::Preparing,
                              Actor::staff(QStringLiteral("ana")))
        : HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                              Actor::staff(QStringLiteral("ana")));
    const SubmitOutcome verdict = log().submit(first, console);
    QCOMPARE(verdict.status,
             refusedFirst ? SubmitOutcome::Status::Rejected : SubmitOutcome::Status::Accepted);
    if (refusedFirst) // now it would fit, were it a new event
        QVERIFY(log()
                    .submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                                Actor::staff(QStringLiteral("bo"))))
                    .acked());
    const qint64 head = log().head(storeA);

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
    const SubmitOutcome outcome = log().submit(other, console);
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QVERIFY2(outcome.reason.contains(first.id.toString(QUuid::WithoutBraces)),
             qPrintable(outcome.reason));
    QVERIFY2(outcome.reason.contains(refusedFirst ? QStringLiteral("refused before")
                                                  : QStringLiteral("already logged")),
             qPrintable(outcome.reason));
    QVERIFY2(outcome.reason.contains(field), qPrintable(outcome.reason));
    if (!refusedFirst)
        QCOMPARE(outcome.conflicting, std::optional<OrderEvent>(first));
    QCOMPARE(log().head(storeA), head);

    // The first body still gets its first verdict.
    const SubmitOutcome same = log().submit(first, console);
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
        QVERIFY(log().submit(HubTest::placed(HubTest::order(storeA, QString::number(i)))).acked());
    QVERIFY(log().submit(HubTest::placed(HubTest::order(storeB, QStringLiteral("x")))).acked());
    const QList<Protocol::SequencedEvent> page = log().eventsAfter(storeA, 10, 10);
    QCOMPARE(page.size(), 10);
    QCOMPARE(page.constFirst().seq, 11);
    QCOMPARE(page.constLast().seq, 20);
    QCOMPARE(log().eventsAfter(storeA, 20, 10).size(), 5);
    QVERIFY(log().eventsAfter(storeA, 25, 10).isEmpty());
    const QList<Protocol::SequencedEvent> other = log().eventsAfter(storeB, 0, 10);
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
    const SubmitOutcome outcome = log().submit(pause);
    QCOMPARE(outcome.status, SubmitOutcome::Status::Accepted);
    QCOMPARE(outcome.seq, 1);
    QVERIFY(!outcome.order);
    QCOMPARE(log().eventsAfter(storeA, 0, 10).constFirst().event, pause);
    QVERIFY(log().orders(storeA).isEmpty());
}

void TestHubLog::aConsolesDeadLetterDecisionIsNotLogged()
{
    // A console keeps its dead-letter decisions in its own log; one that reaches the hub anyway
    // is refused on its own (the session goes on), and the store's pause stays its last word.
    const OrderEvent pause =
            HubTest::storeEvent(storeA, EventKind::StorePaused, HubTest::startMs() + 600'000);
    QVERIFY(log().submit(pause).acked());
    OrderEvent redriven = HubTest::storeEvent(storeA, EventKind::DeadLetterRedriven, 0);
    redriven.payload = {{QStringLiteral("event_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {QStringLiteral("destination"), QStringLiteral("pos:square")}};
    const SubmitOutcome outcome = log().submit(redriven);
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QVERIFY2(outcome.reason.contains(QLatin1String("dead_letter_redriven")),
             qPrintable(outcome.reason));
    QCOMPARE(log().eventCount(storeA), 1);
    QCOMPARE(log().lastStoreEvent(storeA)->event, pause);
}

void TestHubLog::lastStoreEventIsTheStoresLatestPauseOrResume()
{
    QVERIFY(!log().lastStoreEvent(storeA));
    const qint64 until = HubTest::startMs() + 600'000;
    const OrderEvent pause = HubTest::storeEvent(storeA, EventKind::StorePaused, until);
    QVERIFY(log().submit(pause).acked());
    // Order events after it do not hide it; another store's are not this store's.
    QVERIFY(log().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("7")))).acked());
    QVERIFY(log().submit(HubTest::storeEvent(storeB, EventKind::StoreResumed, 0)).acked());
    std::optional<Protocol::SequencedEvent> last = log().lastStoreEvent(storeA);
    QVERIFY(last);
    QCOMPARE(last->seq, 1);
    QCOMPARE(last->event, pause);
    QCOMPARE(log().lastStoreEvent(storeB)->event.kind, EventKind::StoreResumed);

    const OrderEvent resume = HubTest::storeEvent(storeA, EventKind::StoreResumed, 0);
    QVERIFY(log().submit(resume).acked());
    QVERIFY(bed().reopen());
    last = log().lastStoreEvent(storeA);
    QVERIFY(last);
    QCOMPARE(last->seq, 3);
    QCOMPARE(last->event, resume);
}

void TestHubLog::lastStoreEventLooksPastOtherKinds()
{
    const qint64 until = HubTest::startMs() + 600'000;
    const OrderEvent pause = HubTest::storeEvent(storeA, EventKind::StorePaused, until);
    QVERIFY(log().submit(pause).acked());
    // More rule changes after the pause than one page of the backwards read holds.
    StorePolicy policy;
    OrderEvent lastRules;
    for (int change = 0; change < 70; ++change) {
        policy.warnAfterMinutes = 1 + change % 10;
        lastRules = HubTest::policyChange(storeA, policy);
        QVERIFY(log().submit(lastRules).acked());
    }
    QVERIFY(bed().reopen());
    // A pause stays in force whatever rules were set after it: the simulator must not place.
    const std::optional<Protocol::SequencedEvent> paused = log().lastStoreEvent(storeA);
    QVERIFY(paused);
    QCOMPARE(paused->seq, 1);
    QCOMPARE(paused->event, pause);
    const std::optional<Protocol::SequencedEvent> rules =
            log().lastStoreEvent(storeA, {EventKind::StorePolicyChanged});
    QVERIFY(rules);
    QCOMPARE(rules->seq, 71);
    QCOMPARE(rules->event, lastRules);
    QVERIFY(!log().lastStoreEvent(storeB, {EventKind::StorePolicyChanged}));
}

void TestHubLog::survivesReopen()
{
    const Order order = HubTest::order(storeA, QStringLiteral("5"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(log().submit(place).acked());
    QVERIFY(bed().reopen());
    QCOMPARE(log().head(storeA), 1);
    QCOMPARE(log().eventsAfter(storeA, 0, 10).constFirst().event, place);
    QCOMPARE(log().order(storeA, order.id)->number, QStringLiteral("5"));
}


// A new console needs the open orders (however old), the ones finished within the last day
// and the store's current pause and rules; never the rest of the history.
void TestHubLog::snapshotHoldsOpenAndRecentOrdersAndTheStoresState()
{
    const qint64 now = HubTest::startMs();
    constexpr qint64 hour = 60 * 60 * 1000;
    const QList<OrderState> done {OrderState::Accepted, OrderState::Preparing, OrderState::Ready,
                                  OrderState::PickedUp};
    StorePolicy policy;
    policy.warnAfterMinutes = 7;
    const qint64 rules = log().submit(HubTest::policyChange(storeA, policy, now - 90 * hour)).seq;
    const qint64 oldPause = log()
            .submit(HubTest::storeEvent(storeA, EventKind::StorePaused, now, Actor::staff(
                            QStringLiteral("ana")), now - 80 * hour))
            .seq;
    walk(HubTest::order(storeA, QStringLiteral("1")), done, now - 72 * hour);
    const QList<qint64> stillOpen =
        walk(HubTest::order(storeA, QStringLiteral("2")), {OrderState::Accepted}, now - 72 * hour);
    const qint64 resume = log()
            .submit(HubTest::storeEvent(storeA, EventKind::StoreResumed, 0, Actor::staff(
                            QStringLiteral("ana")), now - 70 * hour))
            .seq;
    walk(HubTest::order(storeA, QStringLiteral("3")), {OrderState::Cancelled}, now - 30 * hour);
    const QList<qint64> today = walk(HubTest::order(storeA, QStringLiteral("4")), done, now - hour);
    const QList<qint64> cancelled =
        walk(HubTest::order(storeA, QStringLiteral("5")), {OrderState::Cancelled}, now - 2 * hour);
    walk(HubTest::order(storeB, QStringLiteral("6")), {}, now); // another store's
    QVERIFY(oldPause > 0 && rules > 0);

    QList<qint64> expected = stillOpen + today + cancelled;
    expected << rules << resume;
    std::sort(expected.begin(), expected.end());
    const qint64 head = log().head(storeA);
    QCOMPARE(log().snapshotSeqs(storeA, head), expected);
    const QList<Protocol::SequencedEvent> events = log().eventsAt(storeA, expected);
    QCOMPARE(events.size(), expected.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        QCOMPARE(events.at(i).seq, expected.at(i));
    QCOMPARE(events.constFirst().event.kind, EventKind::StorePolicyChanged);

    // A day later, only the order still open and the store's state are left.
    bed().clock().advanceMs(24 * hour);
    QList<qint64> left = stillOpen;
    left << rules << resume;
    std::sort(left.begin(), left.end());
    QCOMPARE(log().snapshotSeqs(storeA, head), left);
}

// The session's head bounds its snapshot: what comes after reaches the console as usual.
void TestHubLog::snapshotStopsAtItsHead()
{
    const qint64 now = HubTest::startMs();
    const QList<qint64> first =
        walk(HubTest::order(storeA, QStringLiteral("1")), {OrderState::Accepted}, now);
    const qint64 head = log().head(storeA);
    const QList<qint64> later =
        walk(HubTest::order(storeA, QStringLiteral("2")), {OrderState::Accepted}, now);
    QCOMPARE(log().snapshotSeqs(storeA, head), first);
    QCOMPARE(log().snapshotSeqs(storeA, log().head(storeA)), first + later);
}

QTEST_GUILESS_MAIN(TestHubLog)
#include "tst_hublog.moc"
