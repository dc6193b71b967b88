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

private:
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

QTEST_GUILESS_MAIN(TestHubSession)
#include "tst_hubsession.moc"
