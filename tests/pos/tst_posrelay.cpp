// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two screens of one store on a real hub (127.0.0.1): the expo console runs the Square adapter
// against the Square fake and relays the till's orders; the grill console runs no POS. Counter
// orders reach both screens, the grill's steps reach Square through the expo console, and a void
// that raced another screen's step still cancels everywhere.
#include "squaretill.h"
#include "synctestbed.h"

#include "../posfakes/fakeclient.h"
#include "fakes/square/squarefake.h"
#include "engine/storepolicybook.h"
#include "hub/submitter.h"
#include "pos/posfeed.h"
#include "session/posconnection.h"
#include "store/outbox.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString storeId = QStringLiteral("store-relay");
const QString expoId = QStringLiteral("expo");
const QString grillId = QStringLiteral("grill");
const Actor cook = Actor::staff(QStringLiteral("cook-1"));
} // namespace

class TestPosRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aCounterOrderReachesEveryScreenAndTheirStepsReachSquare();
    void withoutTheRightCounterOrdersStayOnTheScreenThatRunsThePos();
    void aVoidThatRacedAnotherScreensStepStillCancelsEverywhere();
    void aForgedPosEventFromAConsoleWithoutTheRightIsRefused();
    void counterOrdersFollowTheStoresRoutes();

private:
    /** Starts the consoles (the expo one with the POS), the right granted or not. */
    void startConsoles(bool relayGranted);
    /** Rings an order up at the till and has the expo console's feed read it. */
    QString ringUp(const QString &customer);
    QString squareState(const QString &orderId) const;
    bool voidAtTill(const QString &orderId);
    bool accept(SyncTest::Console &console, const QString &orderId);

    SystemClock m_clock;
    std::unique_ptr<SyncTest::HubBed> m_hub;
    std::unique_ptr<SquareFake> m_square;
    std::unique_ptr<SyncTest::Console> m_expo;
    std::unique_ptr<SyncTest::Console> m_grill;
    PosConnection *m_pos = nullptr;
};

void TestPosRelay::init()
{
    m_hub = std::make_unique<SyncTest::HubBed>(m_clock);
    QVERIFY(m_hub->start({{storeId, {expoId, grillId}}}));
    m_square = std::make_unique<SquareFake>();
    QVERIFY(m_square->listen());
}

void TestPosRelay::cleanup()
{
    m_pos = nullptr;
    m_grill.reset();
    m_expo.reset();
    m_square.reset();
    m_hub.reset();
}

void TestPosRelay::startConsoles(bool relayGranted)
{
    QVERIFY(m_hub->records().credentials().setRight(storeId, expoId, Submitter::posRelayRight,
                                                   relayGranted));
    m_expo = m_hub->console(storeId, expoId);
    m_grill = m_hub->console(storeId, grillId);
    PosSettings settings;
    settings.vendor = QStringLiteral("square");
    settings.baseUrl = m_square->baseUrl();
    settings.locationId = QString::fromLatin1(SquareFake::defaultLocation);
    PosSecrets secrets;
    secrets.token = QByteArray(SquareFake::defaultToken);
    secrets.webhookKey = m_square->signatureKey().toUtf8();
    m_pos = &m_expo->session().connectPos(settings, PosConnection::Context {storeId, 15, {}, {}});
    QVERIFY(m_pos->startWithSecrets(secrets));
    QTRY_VERIFY_WITH_TIMEOUT(m_expo->isLive() && m_grill->isLive(), 10'000);
    // The welcome's word on the right is kept before a counter order needs it.
    QTRY_COMPARE(m_expo->engine().channels().mayRelayPos(), relayGranted);
}

QString TestPosRelay::ringUp(const QString &customer)
{
    const QString id = m_square->createCounterOrder(SquareTill::counterOrder(customer));
    m_pos->feed()->pollNow();
    return id;
}

QString TestPosRelay::squareState(const QString &orderId) const
{
    return m_square->order(orderId)
            .value_or(QJsonObject())
            .value(QLatin1String("fulfillments"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("state"))
            .toString();
}

bool TestPosRelay::voidAtTill(const QString &orderId)
{
    FakeClient till(m_square->port(), QByteArray(SquareFake::defaultToken));
    const QJsonObject order = m_square->order(orderId).value_or(QJsonObject());
    const QJsonObject voided {{QStringLiteral("state"), QStringLiteral("CANCELED")},
                              {QStringLiteral("version"), order.value(QLatin1String("version"))}};
    const FakeAnswer answer = till.call(
            "PUT", QStringLiteral("/v2/orders/") + orderId,
            QJsonObject {{QStringLiteral("order"), voided},
                         {QStringLiteral("idempotency_key"), QString(QStringLiteral("till-void-") + orderId)}});
    return answer.status == 200;
}

bool TestPosRelay::accept(SyncTest::Console &console, const QString &orderId)
{
    TransitionDetails details;
    details.promisedAt = m_clock.nowMs() + 15 * 60'000;
    return console.engine().transition(orderId, OrderState::Accepted, cook, details).ok;
}

void TestPosRelay::aCounterOrderReachesEveryScreenAndTheirStepsReachSquare()
{
    startConsoles(true);
    const QString id = ringUp(QStringLiteral("Ana"));

    // The grill screen sees the counter order, with its source, as the platform logged it from
    // the POS (the right came from the hub, not from the frame).
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->store().order(id), 10'000);
    QCOMPARE(m_grill->store().order(id)->source, QStringLiteral("pos:square"));
    const std::optional<Protocol::SequencedEvent> placed = m_hub->hub().log().lastEventOf(storeId, id);
    QVERIFY(placed);
    QCOMPARE(placed->event.actor.role, ActorRole::Pos);

    // The grill's steps go to the platform, and from the expo console on to Square, once each.
    QVERIFY(accept(*m_grill, id));
    QTRY_COMPARE_WITH_TIMEOUT(squareState(id), QStringLiteral("RESERVED"), 10'000);
    QVERIFY(m_grill->engine().transition(id, OrderState::Preparing, cook).ok);
    QVERIFY(m_grill->engine().transition(id, OrderState::Ready, cook).ok);
    QTRY_COMPARE_WITH_TIMEOUT(squareState(id), QStringLiteral("PREPARED"), 10'000);
    QTRY_COMPARE(m_expo->stateOf(id), std::optional<OrderState>(OrderState::Ready));
    QTRY_VERIFY(Outbox(m_expo->store()).pendingCount() == 0);
    QTRY_VERIFY(Outbox(m_grill->store()).pendingCount() == 0);
    QSet<QString> keys;
    for (const AppliedWrite &write : m_square->ledger().writes()) {
        if (write.objectId != id || write.idempotencyKey.startsWith(QLatin1String("till")))
            continue;
        QVERIFY2(!keys.contains(write.idempotencyKey), qPrintable(write.idempotencyKey));
        keys.insert(write.idempotencyKey);
    }
    QVERIFY(!keys.isEmpty());

    // Both screens and the platform agree on the order.
    SyncTest::checkConverged(*m_expo, m_hub->hub().log(), storeId);
    SyncTest::checkConverged(*m_grill, m_hub->hub().log(), storeId);
}

void TestPosRelay::withoutTheRightCounterOrdersStayOnTheScreenThatRunsThePos()
{
    startConsoles(false);
    const QString id = ringUp(QStringLiteral("Bo"));
    QTRY_VERIFY_WITH_TIMEOUT(m_expo->store().order(id), 10'000);
    QVERIFY(accept(*m_expo, id));
    QTRY_COMPARE_WITH_TIMEOUT(squareState(id), QStringLiteral("RESERVED"), 10'000);
    QTRY_VERIFY(Outbox(m_expo->store()).pendingCount() == 0);

    // Nothing of it went to the platform: not refused, never sent; the grill never heard of it.
    QVERIFY(!m_hub->hub().log().order(storeId, id));
    QVERIFY(!m_grill->store().order(id));
    QCOMPARE(m_expo->stateOf(id), std::optional<OrderState>(OrderState::Accepted));
    const QHash<QUuid, EventVerdict> verdicts = m_expo->store().verdicts();
    QVERIFY(std::none_of(verdicts.cbegin(), verdicts.cend(),
                         [](const EventVerdict &verdict) { return verdict.refusal.has_value(); }));

    // A later grant does not reach back: the order the platform never heard of stays local,
    // and its steps keep going to Square only.
    QVERIFY(m_hub->records().credentials().setRight(storeId, expoId, Submitter::posRelayRight,
                                                   true));
    m_expo->client().stop();
    QVERIFY(m_expo->client().start());
    QTRY_VERIFY_WITH_TIMEOUT(m_expo->engine().channels().mayRelayPos(), 10'000);
    QVERIFY(m_expo->engine().transition(id, OrderState::Preparing, cook).ok);
    QTRY_VERIFY(Outbox(m_expo->store()).pendingCount() == 0);
    QVERIFY(!m_hub->hub().log().order(storeId, id));
}

void TestPosRelay::aVoidThatRacedAnotherScreensStepStillCancelsEverywhere()
{
    startConsoles(true);
    const QString id = ringUp(QStringLiteral("Cy"));
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->store().order(id), 10'000);
    QTRY_VERIFY(Outbox(m_expo->store()).pendingCount() == 0);

    // The expo console is cut off while the grill accepts and the till voids: it relays the void
    // from "placed", which the platform refuses (the order is accepted there).
    m_expo->client().stop();
    QVERIFY(accept(*m_grill, id));
    QTRY_COMPARE(m_hub->hub().log().order(storeId, id)->state, OrderState::Accepted);
    QVERIFY(voidAtTill(id));
    m_pos->feed()->pollNow();
    QTRY_COMPARE(m_expo->stateOf(id), std::optional<OrderState>(OrderState::Cancelled));

    QSignalSpy refused(&m_expo->engine(), &OrderEngine::refusedByPlatform);
    QVERIFY(refused.isValid());
    QVERIFY(m_expo->client().start());
    // The POS is read again and its void said from where the order now stands: every screen
    // and the platform show it cancelled.
    QTRY_COMPARE_WITH_TIMEOUT(m_hub->hub().log().order(storeId, id)->state,
                              OrderState::Cancelled, 10'000);
    QTRY_COMPARE(m_grill->stateOf(id), std::optional<OrderState>(OrderState::Cancelled));
    QTRY_COMPARE(m_expo->stateOf(id), std::optional<OrderState>(OrderState::Cancelled));
    QCOMPARE(refused.size(), 1);
    const std::optional<Protocol::SequencedEvent> last = m_hub->hub().log().lastEventOf(storeId, id);
    QVERIFY(last);
    QCOMPARE(last->event.actor.role, ActorRole::Pos);
    QCOMPARE(last->event.from, std::optional<OrderState>(OrderState::Accepted));
    QTRY_VERIFY(Outbox(m_expo->store()).pendingCount() == 0);
    SyncTest::checkConverged(*m_grill, m_hub->hub().log(), storeId);
}

void TestPosRelay::aForgedPosEventFromAConsoleWithoutTheRightIsRefused()
{
    startConsoles(true);
    // The grill holds no right to relay: a POS placing it claims is refused with the reason.
    Order order;
    order.id = QStringLiteral("forged-1");
    order.storeId = storeId;
    order.number = QStringLiteral("F1");
    order.source = QStringLiteral("pos:square");
    OrderItem burger;
    burger.name = QStringLiteral("Burger");
    order.items.append(burger);
    const OrderEvent forged =
            OrderEvent::placed(order, Actor::pos(QStringLiteral("square")), grillId, m_clock.nowMs());
    const SubmitOutcome outcome =
            m_hub->hub().log().submit(forged, Submitter::console(storeId, grillId));
    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
    QVERIFY2(outcome.reason.contains(QLatin1String("may not relay")), qPrintable(outcome.reason));
    QVERIFY(!m_hub->hub().log().order(storeId, order.id));
}

void TestPosRelay::counterOrdersFollowTheStoresRoutes()
{
    QVERIFY(m_hub->records().credentials().setRight(storeId, expoId, Submitter::managerRight,
                                                   true));
    startConsoles(true);
    m_expo->session().startKitchenServices(); // the store's rules, as the console's main starts them
    const QString before = ringUp(QStringLiteral("Bea"));
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->store().order(before), 10'000);
    const QString tillStation = m_grill->store().order(before)->items.constFirst().station;
    QVERIFY(tillStation != QStringLiteral("grill"));

    // A manager routes burgers to the grill; the POS feed follows the store's rules at once.
    StorePolicy rules;
    rules.routes = {{QStringLiteral("burger"), QStringLiteral("grill")}};
    QVERIFY(m_expo->session().storePolicy().change(rules, Actor::manager(expoId)).ok);
    const QString after = ringUp(QStringLiteral("Cy"));
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->store().order(after), 10'000);
    QCOMPARE(m_grill->store().order(after)->items.constFirst().station, QStringLiteral("grill"));
    QCOMPARE(m_hub->hub().log().order(storeId, after)->items.constFirst().station,
             QStringLiteral("grill"));
    // The order rung up before keeps its station; reading the till again changes nothing.
    m_pos->feed()->pollNow();
    QTRY_VERIFY(Outbox(m_expo->store()).pendingCount() == 0); // the rules went to the platform alone
    QCOMPARE(m_grill->store().order(before)->items.constFirst().station, tillStation);
    QCOMPARE(m_expo->store().order(before)->eventCount, m_grill->store().order(before)->eventCount);
}

QTEST_GUILESS_MAIN(TestPosRelay)
#include "tst_posrelay.moc"
