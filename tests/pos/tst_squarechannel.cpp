// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Square adapter end to end: a real engine on a SQLite file, its pos:square destination
// delivered by PosChannel to the Square fake on 127.0.0.1.
#include "enginetestbed.h"
#include "squaretill.h"
#include "../posfakes/fakeclient.h"
#include "storetestsupport.h"

#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "pos/poschannel.h"
#include "pos/posorderdiff.h"
#include "pos/square/squarevendor.h"
#include "fakes/square/squarefake.h"
#include "store/outbox.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString storeId = QStringLiteral("store-1");
const QString destination = QStringLiteral("pos:square");
const Actor cook = Actor::staff(QStringLiteral("cook-1"));

} // namespace

class TestSquareChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aCounterOrderReachesTheBoardAndItsStepsReachSquare();
    void anOutageQueuesTheKitchenThenDrainsInOrderWithNoDoubles();
    void aPlatformOrderIsCreatedAtSquareAPosOrderStaysOffThePlatform();
    void aRateLimitStormIsWaitedOutAsSquareAsks();
    void aPoisonedOrderIsDeadLetteredParkedAndRedriven();
    void aRecallAfterTheHandOverStaysInTheKitchen();
    void aStepTheOrderWentPastIsNotWrittenBack();

private:
    /** Rings an order up at the till and brings it to the board as the webhook's fetch would. */
    QString ringUp(const QString &name);
    /** Rings an order up and takes it through to picked up, each step written to Square; its
     *  id, or empty if a step failed or Square does not show it COMPLETED. */
    QString ringUpAndHandOver(const QString &name);
    QString fulfillmentAtSquare(const QString &orderId) const;
    /** The writes Square applied for the order's local events, by their keys: one each. */
    void checkEachStepWrittenOnce(const QString &orderId, int expectedWrites);
    bool drained();
    /** Every queued write was tried and waits for a later time: the clock has to move. */
    bool triedForNow();

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<SquareFake> m_fake;
    std::unique_ptr<SquareVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosChannel> m_channel;
};

void TestSquareChannel::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    config.destinations = {QStringLiteral("platform")}; // no link: its queue only grows
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_fake = std::make_unique<SquareFake>();
    ManualClock &clock = m_bed->clock();
    m_fake->setClock([&clock] { return clock.nowMs(); });
    QVERIFY(m_fake->listen());
    m_vendor = std::make_unique<SquareVendor>(
            SquareVendor::Config {QString::fromLatin1(SquareFake::defaultLocation)});
    m_http = std::make_unique<PosHttp>(*m_vendor, clock);
    m_http->setBaseUrl(m_fake->baseUrl());
    m_http->setAccessToken(QByteArray(SquareFake::defaultToken));
    m_channel = std::make_unique<PosChannel>(*m_vendor, *m_http, m_bed->store());
    RetryPolicy policy;
    policy.baseMs = 50;
    policy.capMs = 60'000;
    policy.maxAttempts = 30; // a ten-minute outage is waited out, not dead-lettered
    m_bed->engine().channels().add(*m_channel, policy);
}

void TestSquareChannel::cleanup()
{
    m_channel.reset();
    m_http.reset();
    m_vendor.reset();
    m_fake.reset();
    m_bed.reset();
}

QString TestSquareChannel::ringUp(const QString &name)
{
    const QString id = m_fake->createCounterOrder(SquareTill::counterOrder(name));
    const Result<PosOrder> seen = m_vendor->readOrder(m_fake->order(id).value_or(QJsonObject()));
    if (!seen)
        return {};
    QSignalSpy drained(&m_bed->engine(), &OrderEngine::incomingDrained);
    if (!drained.isValid())
        return {};
    m_bed->engine().applyIncoming(PosOrderDiff::eventsFor(
            *seen, m_bed->store().order(id), {storeId, m_bed->clock().nowMs(), 15, {}}));
    return drained.wait(5000) && m_bed->store().order(id) ? id : QString();
}

QString TestSquareChannel::ringUpAndHandOver(const QString &name)
{
    const QString id = ringUp(name);
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    if (id.isEmpty() || !m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok)
        return {};
    for (int step = 0; step < 3; ++step) { // preparing, ready, picked up
        if (!m_bed->engine().advance(id, cook).ok)
            return {};
    }
    if (!QTest::qWaitFor([this] { return drained(); }, 5000))
        return {};
    return fulfillmentAtSquare(id) == QLatin1String("COMPLETED") ? id : QString();
}

QString TestSquareChannel::fulfillmentAtSquare(const QString &orderId) const
{
    return m_fake->order(orderId)
            .value_or(QJsonObject())
            .value(QLatin1String("fulfillments"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("state"))
            .toString();
}

void TestSquareChannel::checkEachStepWrittenOnce(const QString &orderId, int expectedWrites)
{
    int written = 0;
    for (const OrderEvent &event : m_bed->store().events(orderId)) {
        const QString eventKey = event.id.toString(QUuid::WithoutBraces);
        int applied = 0;
        for (const AppliedWrite &write : m_fake->ledger().writes()) {
            if (write.idempotencyKey.startsWith(eventKey))
                ++applied;
        }
        QVERIFY2(applied <= 1, qPrintable(eventKey + QStringLiteral(" applied twice")));
        written += applied;
    }
    QCOMPARE(written, expectedWrites);
}

bool TestSquareChannel::drained()
{
    return Outbox(m_bed->store()).pendingCount(destination) == 0 && m_channel->inFlight() == 0;
}

bool TestSquareChannel::triedForNow()
{
    return Outbox(m_bed->store()).due(destination, m_bed->clock().nowMs(), 100).isEmpty()
            && m_channel->inFlight() == 0;
}

void TestSquareChannel::aCounterOrderReachesTheBoardAndItsStepsReachSquare()
{
    const QString id = ringUp(QStringLiteral("Ana"));
    QVERIFY(!id.isEmpty());
    const std::optional<Order> onBoard = m_bed->store().order(id);
    QCOMPARE(onBoard->source, destination);
    QCOMPARE(onBoard->state, OrderState::Placed);
    QCOMPARE(onBoard->customerName, QStringLiteral("Ana"));

    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    QTRY_COMPARE(fulfillmentAtSquare(id), QStringLiteral("RESERVED"));
    QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing: Square has no such step
    QVERIFY(m_bed->engine().advance(id, cook).ok); // ready
    QTRY_COMPARE(fulfillmentAtSquare(id), QStringLiteral("PREPARED"));
    QVERIFY(m_bed->engine().advance(id, cook).ok); // picked up
    QTRY_COMPARE(fulfillmentAtSquare(id), QStringLiteral("COMPLETED"));
    QTRY_VERIFY(drained());
    checkEachStepWrittenOnce(id, 3);
    QVERIFY(!m_fake->squareVersionsSeen().isEmpty());
    for (const QString &version : m_fake->squareVersionsSeen())
        QCOMPARE(version, QString::fromLatin1(SquareVendor::apiVersion));
}

void TestSquareChannel::anOutageQueuesTheKitchenThenDrainsInOrderWithNoDoubles()
{
    QStringList ids;
    for (const char *name : {"Ana", "Ben", "Cai"})
        ids.append(ringUp(QString::fromLatin1(name)));
    QVERIFY(!ids.contains(QString()));

    // Square goes away; the kitchen keeps working through ten minutes of it.
    m_fake->goAway();
    TransitionDetails accept;
    accept.promisedAt = t0 + 30 * 60'000;
    for (const QString &id : ids)
        QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    for (int minute = 0; minute < 10; ++minute) {
        if (minute == 2) {
            for (const QString &id : ids) {
                QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing
                QVERIFY(m_bed->engine().advance(id, cook).ok); // ready
            }
        }
        if (minute == 6)
            QVERIFY(m_bed->engine().advance(ids.at(0), cook).ok); // Ana collects
        QTRY_VERIFY(triedForNow());
        m_bed->clock().advanceMs(60'000);
        m_bed->engine().channels().dispatchSoon();
    }
    QTRY_VERIFY(triedForNow());
    const ChannelHealth away = m_bed->engine().channels().dispatcher(destination)->health();
    QVERIFY2(!away.lastError.isEmpty(), "the outage was not noticed");
    QCOMPARE(away.deadLetters, 0);
    QVERIFY(away.pending > 0);
    QCOMPARE(m_fake->appliedWriteCount(), 0);

    // Square comes back: everything queued goes, in order per order, each step once.
    QVERIFY(m_fake->comeBack());
    m_bed->clock().advanceMs(120'000);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY_WITH_TIMEOUT(drained(), 15'000);
    QCOMPARE(fulfillmentAtSquare(ids.at(0)), QStringLiteral("COMPLETED"));
    QCOMPARE(fulfillmentAtSquare(ids.at(1)), QStringLiteral("PREPARED"));
    QCOMPARE(fulfillmentAtSquare(ids.at(2)), QStringLiteral("PREPARED"));
    checkEachStepWrittenOnce(ids.at(0), 3);
    checkEachStepWrittenOnce(ids.at(1), 2);
    checkEachStepWrittenOnce(ids.at(2), 2);
    QCOMPARE(m_fake->appliedWriteCount(), 7);
    // Per order, the writes went in the order the kitchen made them.
    for (const QString &id : ids) {
        QStringList logged;
        for (const OrderEvent &event : m_bed->store().events(id))
            logged.append(event.id.toString(QUuid::WithoutBraces));
        QList<qsizetype> positions;
        for (const AppliedWrite &write : m_fake->ledger().writes()) {
            if (write.objectId == id)
                positions.append(logged.indexOf(write.idempotencyKey.section(u':', 0, 0)));
        }
        QVERIFY(!positions.contains(-1));
        QVERIFY(std::is_sorted(positions.cbegin(), positions.cend()));
    }
    QVERIFY(m_bed->engine().channels().dispatcher(destination)->health().lastError.isEmpty());
}

void TestSquareChannel::aPlatformOrderIsCreatedAtSquareAPosOrderStaysOffThePlatform()
{
    Outbox outbox(m_bed->store());
    const QString fromTill = ringUp(QStringLiteral("Ana"));
    QVERIFY(!fromTill.isEmpty());
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(fromTill, OrderState::Accepted, cook, accept).ok);
    // The platform never heard of the till's order: it would refuse the step and undo it here.
    QCOMPARE(outbox.pendingCount(QStringLiteral("platform")), 0);
    QTRY_COMPARE(fulfillmentAtSquare(fromTill), QStringLiteral("RESERVED"));

    // A platform order goes to both: created at Square once, then its step written there.
    QSignalSpy drainedIn(&m_bed->engine(), &OrderEngine::incomingDrained);
    QVERIFY(drainedIn.isValid());
    Order delivery = StoreTest::sampleOrder(QStringLiteral("hub-181"), QStringLiteral("181"));
    delivery.storeId = storeId;
    delivery.source = QStringLiteral("platform");
    m_bed->engine().applyIncoming({StoreTest::incoming(StoreTest::placedEvent(delivery, t0))});
    QVERIFY(drainedIn.wait(5000));
    QVERIFY(m_bed->engine().transition(delivery.id, OrderState::Accepted, cook, accept).ok);
    QCOMPARE(outbox.pendingCount(QStringLiteral("platform")), 1);
    QTRY_VERIFY(drained());
    const QList<AppliedWrite> creates =
            m_fake->ledger().appliedWrites(SquareVendor::createKey(delivery.id));
    QCOMPARE(creates.size(), 1);
    QCOMPARE(fulfillmentAtSquare(creates.constFirst().objectId), QStringLiteral("RESERVED"));
    const QJsonObject created = m_fake->order(creates.constFirst().objectId).value_or(QJsonObject());
    QCOMPARE(created.value(QLatin1String("reference_id")).toString(), QStringLiteral("181"));
    QCOMPARE(created.value(QLatin1String("line_items")).toArray().size(), 2);

    // Its next step finds it by the same create key: Square answers with the first result.
    QVERIFY(m_bed->engine().advance(delivery.id, cook).ok); // preparing: nothing to write
    QVERIFY(m_bed->engine().advance(delivery.id, cook).ok); // ready
    QTRY_COMPARE(fulfillmentAtSquare(creates.constFirst().objectId), QStringLiteral("PREPARED"));
    QTRY_VERIFY(drained());
    QCOMPARE(m_fake->ledger().appliedWrites(SquareVendor::createKey(delivery.id)).size(), 1);
}

void TestSquareChannel::aRateLimitStormIsWaitedOutAsSquareAsks()
{
    const QString id = ringUp(QStringLiteral("Ana"));
    QVERIFY(!id.isEmpty());
    // Every call answers 429 with Retry-After: 30 s, five times over.
    m_fake->rateLimitNext(5, 30, QStringLiteral("/v2/orders"));
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    ChannelDispatcher *dispatcher = m_bed->engine().channels().dispatcher(destination);
    QTRY_VERIFY(dispatcher->health().heldUntil.has_value());
    const qint64 heldUntil = *dispatcher->health().heldUntil;
    QVERIFY(heldUntil >= m_bed->clock().nowMs() + 30'000);

    // Nothing is asked of Square before the time it named, however often dispatch is poked.
    const qsizetype askedWhileHeld = m_fake->exchanges().size();
    for (int i = 0; i < 5; ++i) {
        m_bed->clock().advanceMs(5'000);
        m_bed->engine().channels().dispatchSoon();
        QTRY_VERIFY(triedForNow());
    }
    QCOMPARE(m_fake->exchanges().size(), askedWhileHeld);

    // Each later 429 holds again; once the storm passes the step is written, once.
    for (int round = 0; round < 10 && !drained(); ++round) {
        m_bed->clock().setNowMs(std::max(m_bed->clock().nowMs(),
                                         dispatcher->health().heldUntil.value_or(0)) + 1);
        m_bed->engine().channels().dispatchSoon();
        QTRY_VERIFY(triedForNow() || drained());
    }
    QTRY_VERIFY(drained());
    QCOMPARE(fulfillmentAtSquare(id), QStringLiteral("RESERVED"));
    checkEachStepWrittenOnce(id, 1);
    QCOMPARE(dispatcher->health().deadLetters, 0);
    int rateLimited = 0;
    for (const auto &exchange : m_fake->exchanges())
        rateLimited += exchange.status == 429 ? 1 : 0;
    QCOMPARE(rateLimited, 5);
}

void TestSquareChannel::aPoisonedOrderIsDeadLetteredParkedAndRedriven()
{
    ChannelDispatcher *dispatcher = m_bed->engine().channels().dispatcher(destination);
    RetryPolicy policy = dispatcher->retryPolicy();
    policy.maxAttempts = 3;
    dispatcher->setRetryPolicy(policy);
    const QString poisoned = ringUp(QStringLiteral("Ana"));
    const QString healthy = ringUp(QStringLiteral("Ben"));
    QVERIFY(!poisoned.isEmpty() && !healthy.isEmpty());
    // Square fails every call about Ana's order; Ben's flows.
    m_fake->failNext(1000, 500, QStringLiteral("/v2/orders/") + poisoned);

    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    for (const QString &id : {poisoned, healthy})
        QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    for (int attempt = 0; attempt < 6 && dispatcher->health().deadLetters == 0; ++attempt) {
        QTRY_VERIFY(triedForNow());
        m_bed->clock().advanceMs(60'000);
        m_bed->engine().channels().dispatchSoon();
    }
    QTRY_COMPARE(dispatcher->health().deadLetters, 1);
    Outbox outbox(m_bed->store());
    const DeadLetter dead = outbox.deadLetters().constFirst();
    QCOMPARE(dead.event.orderId, poisoned);
    QCOMPARE(dead.attempts, 3);
    QVERIFY2(dead.lastError.contains(QStringLiteral("500")), qPrintable(dead.lastError));

    // The kitchen goes on: Ana's later steps park behind the dead letter, Ben's reach Square.
    for (const QString &id : {poisoned, healthy}) {
        QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing
        QVERIFY(m_bed->engine().advance(id, cook).ok); // ready
    }
    m_bed->engine().channels().dispatchSoon();
    QTRY_COMPARE(fulfillmentAtSquare(healthy), QStringLiteral("PREPARED"));
    QTRY_COMPARE(dispatcher->health().parkedOrders, 1);
    QCOMPARE(dispatcher->health().parkedEvents, 2);
    QCOMPARE(fulfillmentAtSquare(poisoned), QStringLiteral("PROPOSED"));

    // Square is mended; a manager redrives: Ana's steps go in order, each once.
    m_fake->faults().clear();
    const AppendResult redriven = m_bed->engine().channels().redrive(
            dead.id, Actor::manager(QStringLiteral("manager-1")), QStringLiteral("console-1"));
    QVERIFY2(redriven.committed(), qPrintable(redriven.error));
    QTRY_VERIFY(drained());
    QCOMPARE(fulfillmentAtSquare(poisoned), QStringLiteral("PREPARED"));
    checkEachStepWrittenOnce(poisoned, 2);
    checkEachStepWrittenOnce(healthy, 2);
    QCOMPARE(dispatcher->health().deadLetters, 0);
    QCOMPARE(dispatcher->health().parkedEvents, 0);
}

void TestSquareChannel::aRecallAfterTheHandOverStaysInTheKitchen()
{
    // Found by the lunch-rush load run: expo recalls a ticket it just handed over. Square cannot
    // take a completed fulfillment back, and the recall must not be dead-lettered for it (the
    // order's next hand-over would park behind it until a manager came).
    const QString id = ringUpAndHandOver(QStringLiteral("Ana"));
    QVERIFY(!id.isEmpty());

    QVERIFY(m_bed->engine().recall(id, cook).ok); // back to ready
    QCOMPARE(m_bed->store().order(id)->state, OrderState::Ready);
    QVERIFY(m_bed->engine().advance(id, cook).ok); // handed over again
    QTRY_VERIFY(drained());
    ChannelDispatcher *dispatcher = m_bed->engine().channels().dispatcher(destination);
    QCOMPARE(dispatcher->health().deadLetters, 0);
    QCOMPARE(dispatcher->health().parkedEvents, 0);
    QCOMPARE(fulfillmentAtSquare(id), QStringLiteral("COMPLETED"));
    checkEachStepWrittenOnce(id, 3); // accepted, ready, picked up: the recall and its redo write nothing

    // Square's own final word still stands against the kitchen: a cancel at the till is not
    // taken back by a step here.
    const QString cancelled = ringUp(QStringLiteral("Ben"));
    QVERIFY(!cancelled.isEmpty());
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(cancelled, OrderState::Accepted, cook, accept).ok);
    QTRY_VERIFY(drained());
    // The till cancels the pickup, as a cashier does on Square.
    const QJsonObject atSquare = m_fake->order(cancelled).value_or(QJsonObject());
    const QJsonObject fulfillment {
            {QStringLiteral("uid"),
             atSquare.value(QLatin1String("fulfillments")).toArray().first().toObject().value(
                     QLatin1String("uid"))},
            {QStringLiteral("state"), QStringLiteral("CANCELED")}};
    FakeClient till(m_fake->port(), QByteArray(SquareFake::defaultToken));
    const FakeAnswer cancelledAtTill = till.call(
            "PUT", QStringLiteral("/v2/orders/") + cancelled,
            {{QStringLiteral("order"),
              QJsonObject {{QStringLiteral("version"), atSquare.value(QLatin1String("version"))},
                           {QStringLiteral("fulfillments"), QJsonArray {fulfillment}}}},
             {QStringLiteral("idempotency_key"), QStringLiteral("till-cancel")}});
    QCOMPARE(cancelledAtTill.status, 200);
    QCOMPARE(fulfillmentAtSquare(cancelled), QStringLiteral("CANCELED"));
    QVERIFY(m_bed->engine().advance(cancelled, cook).ok); // preparing: nothing for Square
    QVERIFY(m_bed->engine().advance(cancelled, cook).ok); // ready
    QTRY_COMPARE(dispatcher->health().deadLetters, 1);
    QVERIFY(Outbox(m_bed->store()).deadLetters().constFirst().lastError.contains(
            QStringLiteral("CANCELED")));
}

void TestSquareChannel::aStepTheOrderWentPastIsNotWrittenBack()
{
    // Found by the lunch-rush load run: the grill's "ready" won at the platform and reached the
    // expo console, which forwards the platform's steps to Square, only after expo had handed
    // the order over. Square shows it COMPLETED, as the kitchen does; the late "ready" is behind
    // both and must not be dead-lettered.
    const QString id = ringUpAndHandOver(QStringLiteral("Ana"));
    QVERIFY(!id.isEmpty());

    const OrderEvent late = OrderEvent::transition(id, storeId, OrderState::Preparing,
                                                   OrderState::Ready,
                                                   Actor::staff(QStringLiteral("grill")),
                                                   QStringLiteral("grill"), t0);
    QSignalSpy accepted(m_channel.get(), &OrderChannel::accepted);
    QSignalSpy refused(m_channel.get(), &OrderChannel::refused);
    QVERIFY(accepted.isValid() && refused.isValid());
    const qsizetype writesBefore = m_fake->appliedWriteCount();
    QCOMPARE(m_channel->send({late}), 1);
    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(accepted.constFirst().at(0).toUuid(), late.id);
    QVERIFY(refused.isEmpty());
    QCOMPARE(m_fake->appliedWriteCount(), writesBefore);
    QCOMPARE(fulfillmentAtSquare(id), QStringLiteral("COMPLETED"));
}

QTEST_GUILESS_MAIN(TestSquareChannel)
#include "tst_squarechannel.moc"
