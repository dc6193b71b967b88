// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubSession's authority over what a console submits, end to end: a real server on 127.0.0.1
// (port 0) and real WebSocket clients. Roles come from the session, verdicts are final, an event
// id names one event.
#include "hubtestclient.h"
#include "hubtestsupport.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hublog.h"
#include "hub/hubserver.h"
#include "hub/submitter.h"

#include <QStandardPaths>
#include <QTemporaryDir>
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
    void refusedEventResentGetsTheSameRefusal();
    void sameIdWithAnotherBodyIsRefused();

private:
    /** Sends one event and waits for its answer: an ack's seq, or 0 and the reject. */
    static qint64 submitOne(HubTestClient &client, const OrderEvent &event,
                            std::optional<Protocol::Reject> *reject);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<HubLog> m_log;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<HubServer> m_server;
};

void TestHubSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHubSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_log =
        std::make_unique<HubLog>(m_dir->filePath(QStringLiteral("hub.sqlite")), *m_clock, 10'000);
    QVERIFY2(m_log->open(), qPrintable(m_log->errorString()));
    QVERIFY(m_log->addStore(storeA));
    QVERIFY(m_log->addConsole(storeA, consoleA1, secretA1.toUtf8()));
    QVERIFY(m_log->addConsole(storeA, QStringLiteral("a2"), secretA2.toUtf8()));
    m_hub = std::make_unique<Hub>(*m_log);
    m_server = std::make_unique<HubServer>(*m_hub);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void TestHubSession::cleanup()
{
    m_server.reset();
    m_hub.reset();
    m_log.reset();
    m_clock.reset();
    m_dir.reset();
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
    QTest::addColumn<EventKind>("kind");
    QTest::addColumn<ActorRole>("role");
    const QList<EventKind> kinds = HubTest::allKinds();
    for (EventKind kind : kinds) {
        for (ActorRole role : ActorRoles::all())
            QTest::addRow("%s by %s", qPrintable(EventKinds::toString(kind)),
                          qPrintable(ActorRoles::toString(role)))
                << kind << role;
    }
}

void TestHubSession::rolesComeFromTheSession()
{
    QFETCH(EventKind, kind);
    QFETCH(ActorRole, role);
    bool ready = false;
    const OrderEvent event =
        HubTest::eventOfKind(*m_hub, storeA, kind, HubTest::actorOf(role), &ready);
    QVERIFY(ready);
    HubTestClient a1;
    HubTestClient a2;
    QVERIFY(a1.join(m_server->serverPort(), storeA, consoleA1, secretA1, m_log->head(storeA)));
    QVERIFY(a2.join(m_server->serverPort(), storeA, QStringLiteral("a2"), secretA2,
                    m_log->head(storeA)));
    const qint64 head = m_log->head(storeA);

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
    QCOMPARE(m_log->head(storeA), head);
    // Resent, the same refusal; the session goes on, and nothing reached the other console.
    QCOMPARE(submitOne(a1, event, &reject), 0);
    QCOMPARE(reject->reason, Submitter::console(storeA, consoleA1).refusal(event));
    QVERIFY(a1.roundTrip(1));
    QVERIFY(a2.roundTrip(2));
    QVERIFY(a2.events(false).isEmpty());
    QCOMPARE(m_log->head(storeA), head);
}

// The bug this guards against: a refused event, resent after the order moved, was accepted, so
// the console held both a refusal and a hub seq for one event.
void TestHubSession::refusedEventResentGetsTheSameRefusal()
{
    const Order order = HubTest::order(storeA, QStringLiteral("61"));
    const OrderEvent place = HubTest::placed(order);
    QVERIFY(m_hub->submit(place).acked());
    HubTestClient a1;
    QVERIFY(a1.join(m_server->serverPort(), storeA, consoleA1, secretA1, 1));
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    const OrderEvent early =
        HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook);
    std::optional<Protocol::Reject> first;
    QCOMPARE(submitOne(a1, early, &first), 0);
    QVERIFY(first->conflicting);
    QCOMPARE(*first->conflicting, place);

    // Another console accepts the order: now the event would fit, were it judged again.
    HubTestClient a2;
    QVERIFY(a2.join(m_server->serverPort(), storeA, QStringLiteral("a2"), secretA2, 1));
    std::optional<Protocol::Reject> none;
    QCOMPARE(submitOne(a2,
                       HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook),
                       &none),
             2);
    std::optional<Protocol::Reject> again;
    QCOMPARE(submitOne(a1, early, &again), 0);
    QCOMPARE(again->reason, first->reason);
    QCOMPARE(again->conflicting, first->conflicting);
    QCOMPARE(m_log->head(storeA), 2);
    QCOMPARE(m_log->order(storeA, order.id)->state, OrderState::Accepted);
}

void TestHubSession::sameIdWithAnotherBodyIsRefused()
{
    const Order order = HubTest::order(storeA, QStringLiteral("62"));
    QVERIFY(m_hub->submit(HubTest::placed(order)).acked());
    HubTestClient a1;
    QVERIFY(a1.join(m_server->serverPort(), storeA, consoleA1, secretA1, 1));
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
    QCOMPARE(m_log->head(storeA), 2);
}

QTEST_GUILESS_MAIN(TestHubSession)
#include "tst_hubsession.moc"
