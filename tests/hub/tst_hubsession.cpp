// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubSession's authority over what a console submits, end to end: a real server on 127.0.0.1
// (port 0) and real WebSocket clients. Roles come from the session, verdicts are final, an event
// id names one event, and a console whose cursor is ahead of the log is refused.
#include "hubstoragebackends.h"
#include "hubtestclient.h"
#include "hubtestsupport.h"
#include "loopbackhub.h"

#include "common/clock.h"
#include "hub/submitter.h"
#include "sync/platformlink.h"

#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {
const QString storeA = QStringLiteral("store-a");
const QString consoleA1 = QStringLiteral("a1");
const QString secretA1 = QStringLiteral("secret-a1");
const QString secretA2 = QStringLiteral("secret-a2");
} // namespace

class TestHubSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rolesComeFromTheSession_data();
    void rolesComeFromTheSession();
    void theManagerRightComesFromTheHub_data();
    void theManagerRightComesFromTheHub();
    void refusedEventResentGetsTheSameRefusal();
    void sameIdWithAnotherBodyIsRefused();
    void cursorAheadOfTheHeadIsRefused_data();
    void cursorAheadOfTheHeadIsRefused();
    void consoleTellsPeopleItsHistoryIsAhead();
    void bootstrapSendsTheSnapshotThenLive();
    void withoutBootstrapTheWholeLogIsReplayed_data();
    void withoutBootstrapTheWholeLogIsReplayed();
    void aWindowedSnapshotCountsEventsNotSeqs();
    void historyIsAnsweredAPageAtATime();

private:
    /**
     * History of store A: finished orders from three days ago, one of them still open, a pause
     * and its resume, and an order finished an hour ago; the seqs a snapshot holds.
     */
    QList<qint64> seedHistory(int finishedOrders);
    /** Sends one event and waits for its answer: an ack's seq, or 0 and the reject. */
    static qint64 submitOne(HubTestClient &client, const OrderEvent &event,
                            std::optional<Protocol::Reject> *reject);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LoopbackHub> m_bed;
};

void TestHubSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHubSession::init()
{
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_bed = std::make_unique<LoopbackHub>(*m_clock);
    QVERIFY(m_bed->open());
    QVERIFY(m_bed->addConsole(storeA, consoleA1, secretA1.toUtf8()));
    QVERIFY(m_bed->addConsole(storeA, QStringLiteral("a2"), secretA2.toUtf8()));
    QVERIFY(m_bed->listen());
}

void TestHubSession::cleanup()
{
    m_bed.reset();
    m_clock.reset();
}

qint64 TestHubSession::submitOne(HubTestClient &client, const OrderEvent &event,
                                 std::optional<Protocol::Reject> *reject)
{
    const qsizetype answered =
        client.all<Protocol::Ack>().size() + client.all<Protocol::Reject>().size();
    client.send(Protocol::Submit {{event}});
    const bool arrived = QTest::qWaitFor(
        [&] {
            return client.all<Protocol::Ack>().size() + client.all<Protocol::Reject>().size()
                > answered;
        },
        HubTestClient::timeoutMs);
    reject->reset();
    if (!arrived)
        return -1;
    const Protocol::Message &last = client.received().constLast();
    if (const auto *ack = std::get_if<Protocol::Ack>(&last.body))
        return ack->eventId == event.id ? ack->seq : -1;
    const QList<Protocol::Reject> rejects = client.all<Protocol::Reject>();
    *reject = rejects.constLast();
    return rejects.constLast().eventId == event.id ? 0 : -1;
}

void TestHubSession::rolesComeFromTheSession_data()
{
    HubTest::addKindByRoleRows();
}

void TestHubSession::rolesComeFromTheSession()
{
    QFETCH(EventKind, kind);
    QFETCH(ActorRole, role);
    bool ready = false;
    const OrderEvent event =
        HubTest::eventOfKind(m_bed->hub(), storeA, kind, HubTest::actorOf(role), &ready);
    QVERIFY(ready);
    HubTestClient a1;
    HubTestClient a2;
    QVERIFY(a1.join(m_bed->port(), storeA, consoleA1, secretA1, m_bed->log().head(storeA)));
    QVERIFY(
        a2.join(m_bed->port(), storeA, QStringLiteral("a2"), secretA2, m_bed->log().head(storeA)));
    const qint64 head = m_bed->log().head(storeA);

    std::optional<Protocol::Reject> reject;
    const qint64 seq = submitOne(a1, event, &reject);
    if (Submitter::consoleMayClaim(role, kind)) {
        // What a console legitimately sends: its staff's work, and a pause that runs out.
        QCOMPARE(seq, head + 1);
        QTRY_COMPARE(a2.events(false).size(), 1);
        return;
    }
    QCOMPARE(seq, 0);
    QVERIFY(reject);
    QCOMPARE(reject->reason, Submitter::console(storeA, consoleA1).refusal(event));
    QVERIFY(!reject->conflicting);
    QCOMPARE(m_bed->log().head(storeA), head);
    // Resent, the same refusal; the session goes on, and nothing reached the other console.
    QCOMPARE(submitOne(a1, event, &reject), 0);
    QCOMPARE(reject->reason, Submitter::console(storeA, consoleA1).refusal(event));
    QVERIFY(a1.roundTrip(1));
    QVERIFY(a2.roundTrip(2));
    QVERIFY(a2.events(false).isEmpty());
    QCOMPARE(m_bed->log().head(storeA), head);
}

void TestHubSession::theManagerRightComesFromTheHub_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<bool>("granted");
    for (const QString &what :
         {QStringLiteral("cancel"), QStringLiteral("refund"), QStringLiteral("pause")}) {
        for (const bool granted : {true, false})
            QTest::addRow("%s, %s", qPrintable(what), granted ? "granted" : "not granted")
                << what << granted;
    }
}

// A manager at a console the hub trusts with the role cancels, refunds and pauses for every
// screen of the store; at any other console the same event is refused, naming the option that
// grants it. The frame is the same in both cases: only the hub's records decide.
void TestHubSession::theManagerRightComesFromTheHub()
{
    QFETCH(QString, what);
    QFETCH(bool, granted);
    const Actor manager = Actor::manager(QStringLiteral("maria"));
    const Order order = HubTest::order(storeA, QStringLiteral("70"));
    OrderEvent event;
    if (what == QLatin1String("pause")) {
        event = HubTest::storeEvent(storeA, EventKind::StorePaused,
                                    HubTest::startMs() + 30 * 60 * 1000, manager);
    } else {
        QVERIFY(m_bed->hub().submit(HubTest::placed(order)).acked());
        OrderState from = OrderState::Placed;
        if (what == QLatin1String("refund")) {
            QVERIFY(m_bed->hub()
                        .submit(HubTest::transition(
                            order, OrderState::Placed, OrderState::Cancelled, Actor::platform(),
                            HubTest::startMs(), QStringLiteral("customer cancelled")))
                        .acked());
            from = OrderState::Cancelled;
        }
        const OrderState to =
            what == QLatin1String("refund") ? OrderState::Refunded : OrderState::Cancelled;
        event = HubTest::transition(order, from, to, manager, HubTest::startMs(),
                                    QStringLiteral("the kitchen ran out of buns"));
    }
    QVERIFY(m_bed->records().credentials().setRight(storeA, consoleA1, Submitter::managerRight,
                                                    granted));
    const qint64 head = m_bed->log().head(storeA);
    HubTestClient a1;
    HubTestClient a2;
    QVERIFY(a1.join(m_bed->port(), storeA, consoleA1, secretA1, head));
    QVERIFY(a2.join(m_bed->port(), storeA, QStringLiteral("a2"), secretA2, head));
    // Each console hears at its welcome what it may do.
    QCOMPARE(a1.all<Protocol::Welcome>().constFirst().manager, granted);
    QVERIFY(!a1.all<Protocol::Welcome>().constFirst().posRelay);
    QVERIFY(!a2.all<Protocol::Welcome>().constFirst().manager);

    std::optional<Protocol::Reject> reject;
    const qint64 seq = submitOne(a1, event, &reject);
    if (granted) {
        QCOMPARE(seq, head + 1);
        QTRY_COMPARE(a2.events(false).size(), 1);
        const OrderEvent fannedOut = a2.events(false).constFirst().event;
        QCOMPARE(fannedOut, event);
        QCOMPARE(fannedOut.actor, manager);
        if (what != QLatin1String("pause"))
            QCOMPARE(m_bed->log().order(storeA, order.id)->state, *event.to);
        return;
    }
    QCOMPARE(seq, 0);
    QVERIFY(reject);
    QVERIFY2(reject->reason.contains(QLatin1String("order-hub --grant-manager store-a:a1")),
             qPrintable(reject->reason));
    QCOMPARE(reject->reason, Submitter::console(storeA, consoleA1).refusal(event));
    QCOMPARE(m_bed->log().head(storeA), head);
    QVERIFY(a2.roundTrip(1));
    QVERIFY(a2.events(false).isEmpty());
}

// The bug this guards against: a refused event, resent after the order moved, was accepted, so
// the console held both a refusal and a hub seq for one event.
void TestHubSession::refusedEventResentGetsTheSameRefusal()
{
    const Order order = HubTest::order(storeA, QStringLiteral("61"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(m_bed->hub().submit(place).acked());
    HubTestClient a1;
    QVERIFY(a1.join(m_bed->port(), storeA, consoleA1, secretA1, 1));
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    const OrderEvent early =
        HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook);
    std::optional<Protocol::Reject> first;
    QCOMPARE(submitOne(a1, early, &first), 0);
    QVERIFY(first->conflicting);
    QCOMPARE(*first->conflicting, place);

    // Another console accepts the order: now the event would fit, were it judged again.
    HubTestClient a2;
    QVERIFY(a2.join(m_bed->port(), storeA, QStringLiteral("a2"), secretA2, 1));
    std::optional<Protocol::Reject> none;
    QCOMPARE(submitOne(a2,
                       HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook),
                       &none),
             2);
    std::optional<Protocol::Reject> again;
    QCOMPARE(submitOne(a1, early, &again), 0);
    QCOMPARE(again->reason, first->reason);
    QCOMPARE(again->conflicting, first->conflicting);
    QCOMPARE(m_bed->log().head(storeA), 2);
    QCOMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Accepted);
}

void TestHubSession::sameIdWithAnotherBodyIsRefused()
{
    const Order order = HubTest::order(storeA, QStringLiteral("62"));
    QVERIFY(m_bed->hub().submit(HubTest::placed(order)).acked());
    HubTestClient a1;
    QVERIFY(a1.join(m_bed->port(), storeA, consoleA1, secretA1, 1));
    const OrderEvent accept = HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                                  Actor::staff(QStringLiteral("ana")));
    std::optional<Protocol::Reject> reject;
    QCOMPARE(submitOne(a1, accept, &reject), 2);

    // The same id, another promise: not the event that was logged, so not acked as it.
    OrderEvent other = accept;
    other.payload.insert(QStringLiteral("promised_at"), HubTest::startMs() + 45 * 60 * 1000);
    QCOMPARE(submitOne(a1, other, &reject), 0);
    QVERIFY2(reject->reason.contains(QStringLiteral("already logged with other content")),
             qPrintable(reject->reason));
    QVERIFY2(reject->reason.contains(QStringLiteral("payload")), qPrintable(reject->reason));
    QVERIFY(reject->conflicting);
    QCOMPARE(*reject->conflicting, accept);
    // The event itself is still acked where it was logged.
    QCOMPARE(submitOne(a1, accept, &reject), 2);
    QCOMPARE(m_bed->log().head(storeA), 2);
}

void TestHubSession::cursorAheadOfTheHeadIsRefused_data()
{
    QTest::addColumn<qint64>("cursor");
    QTest::addColumn<bool>("refused");
    QTest::newRow("at the head") << qint64(2) << false;
    QTest::newRow("one ahead") << qint64(3) << true;
    QTest::newRow("far ahead") << qint64(4711) << true;
}

// A console ahead of the log has applied seqs the hub no longer has (a hub restored from an
// older copy); it would drop new events numbered up to its cursor as ones it already has.
void TestHubSession::cursorAheadOfTheHeadIsRefused()
{
    QFETCH(qint64, cursor);
    QFETCH(bool, refused);
    const Order order = HubTest::order(storeA, QStringLiteral("63"));
    QVERIFY(m_bed->hub().submit(HubTest::placed(order)).acked());
    QVERIFY(m_bed->hub()
                .submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted,
                                            Actor::staff(QStringLiteral("ana"))))
                .acked());
    HubTestClient a1;
    QVERIFY(a1.open(m_bed->port()));
    a1.send(Protocol::Hello {storeA, consoleA1, secretA1, cursor});
    if (!refused) {
        QVERIFY(a1.waitFor<Protocol::Welcome>(1));
        QVERIFY(a1.roundTrip(1));
        return;
    }
    QVERIFY(a1.waitDisconnected());
    QCOMPARE(a1.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(a1.socket().closeReason(), QStringLiteral("cursor_ahead"));
    QVERIFY(a1.all<Protocol::Welcome>().isEmpty());
    QVERIFY(a1.all<Protocol::Events>().isEmpty());
    const QList<Protocol::Error> errors = a1.all<Protocol::Error>();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().code, QStringLiteral("cursor_ahead"));
    // Both numbers, and what it means, for the people who read it on the console.
    QVERIFY2(errors.constFirst().message.contains(QString::number(cursor)),
             qPrintable(errors.constFirst().message));
    QVERIFY2(errors.constFirst().message.contains(QStringLiteral("ends at 2")),
             qPrintable(errors.constFirst().message));
    QVERIFY2(errors.constFirst().message.contains(
                 QStringLiteral("the platform's history is behind this console")),
             qPrintable(errors.constFirst().message));
    QTRY_COMPARE(m_bed->server().sessionCount(), 0);
}

// What staff see: the console's own link turns the refusal into a problem in words.
void TestHubSession::consoleTellsPeopleItsHistoryIsAhead()
{
    QVERIFY(
        m_bed->hub().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("64")))).acked());
    LinkConfig config;
    config.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_bed->port()));
    config.storeId = storeA;
    config.consoleId = consoleA1;
    config.backoffBaseMs = 50;
    config.backoffCapMs = 200;
    PlatformLink link(config);
    link.setCredential(secretA1.toUtf8());
    link.setCursorProvider([] { return qint64(40); });
    QSignalSpy problems(&link, &PlatformLink::problem);
    QVERIFY(problems.isValid());
    QVERIFY(link.start());
    QTRY_VERIFY_WITH_TIMEOUT(problems.size() >= 2, HubTestClient::timeoutMs);
    QStringList messages;
    for (const QList<QVariant> &arguments : std::as_const(problems))
        messages.append(arguments.constFirst().toString());
    QVERIFY2(messages.constFirst().contains(QStringLiteral("up to 40"))
                 && messages.constFirst().contains(QStringLiteral("ends at 1"))
                 && messages.constFirst().contains(
                     QStringLiteral("the platform's history is behind this console")),
             qPrintable(messages.join(QLatin1Char('\n'))));
    QVERIFY2(messages.at(1).contains(QStringLiteral("cursor_ahead")),
             qPrintable(messages.join(QLatin1Char('\n'))));
    QVERIFY(link.state() != PlatformLink::State::Live);
    link.stop();
}

QList<qint64> TestHubSession::seedHistory(int finishedOrders)
{
    constexpr qint64 hour = 60 * 60 * 1000;
    const qint64 now = HubTest::startMs();
    const QList<OrderState> done {OrderState::Accepted, OrderState::Preparing, OrderState::Ready,
                                  OrderState::PickedUp};
    Hub &hub = m_bed->hub();
    QList<qint64> wanted;
    for (int i = 0; i < finishedOrders; ++i)
        HubTest::walk(hub, HubTest::order(storeA, QString::number(100 + i)), done, now - 72 * hour);
    wanted += HubTest::walk(hub, HubTest::order(storeA, QStringLiteral("7")),
                            {OrderState::Accepted}, now - 72 * hour);
    hub.submit(HubTest::storeEvent(storeA, EventKind::StorePaused, now, Actor::staff(
                   QStringLiteral("ana")), now - 71 * hour));
    wanted.append(hub.submit(HubTest::storeEvent(storeA, EventKind::StoreResumed, 0,
                                                 Actor::staff(QStringLiteral("ana")),
                                                 now - 70 * hour))
                      .seq);
    wanted += HubTest::walk(hub, HubTest::order(storeA, QStringLiteral("8")), done, now - hour);
    std::sort(wanted.begin(), wanted.end());
    return wanted;
}

// A fresh console that asks for bootstrap gets what it needs of a long history (the open order,
// the one finished within the day, the store's resume) in frames that say how far they cover
// the log, the last up to the head; then live events as usual.
void TestHubSession::bootstrapSendsTheSnapshotThenLive()
{
    const QList<qint64> wanted = seedHistory(40);
    const qint64 head = m_bed->log().head(storeA);
    QVERIFY(head > 200);
    HubTestClient a1;
    QVERIFY(a1.open(m_bed->port()));
    a1.send(Protocol::Hello {storeA, consoleA1, secretA1, 0, 0, true});
    QVERIFY(a1.waitFor<Protocol::Welcome>(1));
    QVERIFY(a1.all<Protocol::Welcome>().constFirst().snapshot);
    QCOMPARE(a1.all<Protocol::Welcome>().constFirst().head, head);
    QTRY_VERIFY(!a1.all<Protocol::Events>().isEmpty() && !a1.all<Protocol::Events>().constLast().more);
    QList<qint64> seqs;
    for (const Protocol::SequencedEvent &sequenced : a1.events(true))
        seqs.append(sequenced.seq);
    QCOMPARE(seqs, wanted);
    const QList<Protocol::Events> frames = a1.all<Protocol::Events>();
    for (const Protocol::Events &frame : frames)
        QVERIFY(frame.replay && frame.snapshotThrough > 0);
    QCOMPARE(frames.constLast().snapshotThrough, head);

    const Order fresh = HubTest::order(storeA, QStringLiteral("9"));
    QCOMPARE(m_bed->hub().submit(HubTest::placed(fresh)).seq, head + 1);
    QTRY_COMPARE(a1.events(false).size(), 1);
    QCOMPARE(a1.events(false).constFirst().seq, head + 1);
    QCOMPARE(a1.all<Protocol::Events>().constLast().snapshotThrough, 0);
}

void TestHubSession::withoutBootstrapTheWholeLogIsReplayed_data()
{
    QTest::addColumn<bool>("bootstrap");
    QTest::addColumn<qint64>("cursor");
    QTest::newRow("an older console") << false << qint64(0);
    QTest::newRow("bootstrap, but not a fresh console") << true << qint64(5);
}

// A console that does not ask, or has a cursor already, gets the log after its cursor, all of it.
void TestHubSession::withoutBootstrapTheWholeLogIsReplayed()
{
    QFETCH(bool, bootstrap);
    QFETCH(qint64, cursor);
    seedHistory(5);
    const qint64 head = m_bed->log().head(storeA);
    HubTestClient a1;
    QVERIFY(a1.open(m_bed->port()));
    a1.send(Protocol::Hello {storeA, consoleA1, secretA1, cursor, 0, bootstrap});
    QVERIFY(a1.waitFor<Protocol::Welcome>(1));
    QVERIFY(!a1.all<Protocol::Welcome>().constFirst().snapshot);
    QTRY_VERIFY(!a1.all<Protocol::Events>().isEmpty() && !a1.all<Protocol::Events>().constLast().more);
    const QList<Protocol::SequencedEvent> replayed = a1.events(true);
    QCOMPARE(replayed.size(), head - cursor);
    QCOMPARE(replayed.constFirst().seq, cursor + 1);
    const QList<Protocol::Events> frames = a1.all<Protocol::Events>();
    for (const Protocol::Events &frame : frames)
        QCOMPARE(frame.snapshotThrough, 0);
}

// A replay window bounds the events a console holds ahead of its progress; a snapshot skips
// seqs, so the window counts its events. What the log takes meanwhile follows the snapshot.
void TestHubSession::aWindowedSnapshotCountsEventsNotSeqs()
{
    constexpr int openOrders = 300; // 600 events over the smallest window
    for (int i = 0; i < openOrders; ++i)
        HubTest::walk(m_bed->hub(), HubTest::order(storeA, QString::number(i)),
                      {OrderState::Accepted}, HubTest::startMs());
    seedHistory(20);
    const QList<qint64> wanted = m_bed->log().snapshotSeqs(storeA, m_bed->log().head(storeA));
    const qint64 head = m_bed->log().head(storeA);
    HubTestClient a1;
    QVERIFY(a1.open(m_bed->port()));
    a1.send(Protocol::Hello {storeA, consoleA1, secretA1, 0, Protocol::minReplayWindow, true});
    QVERIFY(a1.waitFor<Protocol::Welcome>(1));
    QCOMPARE(a1.all<Protocol::Welcome>().constFirst().replayWindow, Protocol::minReplayWindow);
    QTRY_COMPARE(a1.events(true).size(), Protocol::minReplayWindow);
    QVERIFY(a1.roundTrip(1)); // the hub holds the rest until the console says it stored these
    QCOMPARE(a1.events(true).size(), Protocol::minReplayWindow);

    const qint64 later = m_bed->hub().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("x")))).seq;
    QCOMPARE(later, head + 1);
    while (a1.all<Protocol::Events>().constLast().more) {
        const qsizetype had = a1.events(true).size();
        a1.send(Protocol::Progress {a1.all<Protocol::Events>().constLast().snapshotThrough > 0
                                            ? a1.all<Protocol::Events>().constLast().snapshotThrough
                                            : a1.events(true).constLast().seq});
        QTRY_VERIFY(a1.events(true).size() > had);
        QVERIFY(a1.events(true).size() - had <= Protocol::minReplayWindow);
    }
    QList<qint64> seqs;
    for (const Protocol::SequencedEvent &sequenced : a1.events(true))
        seqs.append(sequenced.seq);
    QCOMPARE(seqs, wanted + QList<qint64> {later});
    QVERIFY(a1.events(false).isEmpty()); // the replay covered it: never twice
}

// The log before a snapshot comes on request, a page at a time: exactly the seqs after the
// request's cursor, within its limit and reach (and the head), cut into frames marked history,
// the last of an answer without more; a request past the head gets one empty frame.
void TestHubSession::historyIsAnsweredAPageAtATime()
{
    seedHistory(100);
    const qint64 head = m_bed->log().head(storeA);
    QVERIFY(head > 2 * Protocol::maxBatchEvents + 50);
    HubTestClient a1;
    QVERIFY(a1.open(m_bed->port()));
    a1.send(Protocol::Hello {storeA, consoleA1, secretA1, 0, 0, true});
    QTRY_VERIFY(!a1.all<Protocol::Events>().isEmpty() && !a1.all<Protocol::Events>().constLast().more);
    const auto answer = [&a1](const Protocol::History &request) {
        const qsizetype before = a1.historyFrames().size();
        a1.send(request);
        const bool answered = QTest::qWaitFor(
                [&] {
                    return a1.historyFrames().size() > before
                            && !a1.historyFrames().constLast().more;
                },
                HubTestClient::timeoutMs);
        return answered ? a1.historyFrames().mid(before) : QList<Protocol::Events> {};
    };
    const auto seqsOf = [](const QList<Protocol::Events> &frames) {
        QList<qint64> seqs;
        for (const Protocol::Events &frame : frames) {
            for (const Protocol::SequencedEvent &sequenced : frame.events)
                seqs.append(sequenced.seq);
        }
        return seqs;
    };
    const auto range = [](qint64 first, qint64 last) {
        QList<qint64> seqs;
        for (qint64 seq = first; seq <= last; ++seq)
            seqs.append(seq);
        return seqs;
    };

    const QList<Protocol::Events> page = answer(Protocol::History {0, head, 2 * Protocol::maxBatchEvents + 50});
    QCOMPARE(page.size(), 3);
    QCOMPARE(seqsOf(page), range(1, 2 * Protocol::maxBatchEvents + 50));
    for (qsizetype i = 0; i < page.size(); ++i) {
        QVERIFY(page.at(i).history && !page.at(i).replay);
        QCOMPARE(page.at(i).more, i + 1 < page.size());
    }
    QCOMPARE(page.constLast().events.constLast().event,
             m_bed->log().eventsAfter(storeA, 2 * Protocol::maxBatchEvents + 49, 1).constFirst().event);
    QCOMPARE(seqsOf(answer(Protocol::History {head - 10, head + 500, Protocol::maxHistoryPage})),
             range(head - 9, head));
    QCOMPARE(seqsOf(answer(Protocol::History {10, 20, Protocol::maxHistoryPage})), range(11, 20));
    const QList<Protocol::Events> past = answer(Protocol::History {head, head + 5, 10});
    QCOMPARE(past.size(), 1);
    QVERIFY(past.constFirst().events.isEmpty() && !past.constFirst().more);
    QVERIFY(a1.events(false).isEmpty()); // history is never taken for live events
}

QTEST_GUILESS_MAIN(TestHubSession)
#include "tst_hubsession.moc"
