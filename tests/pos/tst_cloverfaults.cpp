// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Clover adapter when Clover misbehaves, end to end: a real engine on a SQLite file, its
// pos:clover destination delivered by PosChannel to the Clover fake on 127.0.0.1 (signed in with
// OAuth), the fake scripted to rate-limit or fail. Clover is written to only for platform orders
// (created there on their first step, their ending noted after), so every order here comes from
// the platform.
#include "posfaultprobe.h"

#include "pos/clover/cloveroauth.h"
#include "pos/clover/clovervendor.h"
#include "fakes/clover/cloverfake.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const Actor cook = Actor::staff(QStringLiteral("cook-1"));
const Actor manager = Actor::manager(QStringLiteral("manager-1"));
const TransitionDetails accept {{}, t0 + 30 * 60'000, 15};

TransitionDetails cancelBecause(const QString &reason)
{
    TransitionDetails details;
    details.reason = reason;
    return details;
}
} // namespace

class TestCloverFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aRateLimitStormIsWaitedOutAsCloverAsks();
    void aPoisonedOrderIsDeadLetteredParkedAndRedriven();

private:
    /** Clover's id of the one order made for ours (empty unless exactly one was made). */
    QString cloverIdOf(const QString &orderId) const;
    QString noteAtClover(const QString &orderId) const;
    /** The kinds of the writes applied to our order's Clover order, in the order applied. */
    QStringList writeKindsTo(const QString &orderId) const;
    /** Atomic creates Clover was asked for that carried our order's reference. */
    int createsAskedFor(const QString &orderId) const;

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<CloverFake> m_fake;
    std::unique_ptr<CloverVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosChannel> m_channel;
    std::unique_ptr<PosFaultProbe> m_probe;
    QString m_atomicPath;
};

void TestCloverFaults::init()
{
    EngineConfig config;
    config.storeId = StoreTest::storeId;
    config.consoleId = QStringLiteral("console-1");
    config.destinations = {QStringLiteral("platform")}; // no link: its queue only grows
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_fake = std::make_unique<CloverFake>();
    ManualClock &clock = m_bed->clock();
    m_fake->setClock([&clock] { return clock.nowMs(); });
    QVERIFY(m_fake->listen());
    m_vendor = std::make_unique<CloverVendor>(CloverVendor::Config {
            QString::fromLatin1(CloverFake::defaultMerchantId),
            QString::fromLatin1(CloverFake::defaultAppId),
            QByteArray(CloverFake::defaultWebhookAuthCode)});
    m_http = std::make_unique<PosHttp>(*m_vendor, clock);
    m_http->setBaseUrl(m_fake->baseUrl());
    const CloverTokenPair issued = m_fake->issueTokens(); // as "connect Clover" left it
    m_http->setAuth(std::make_unique<CloverOAuth>(
            QString::fromLatin1(CloverFake::defaultAppId),
            CloverOAuth::Pair {issued.accessToken.toUtf8(), issued.accessTokenExpiration * 1000,
                               issued.refreshToken.toUtf8(), issued.refreshTokenExpiration * 1000}));
    m_channel = std::make_unique<PosChannel>(*m_vendor, *m_http, m_bed->store());
    RetryPolicy policy;
    policy.baseMs = 50;
    policy.capMs = 60'000;
    policy.maxAttempts = 30;
    m_bed->engine().channels().add(*m_channel, policy);
    m_probe = std::make_unique<PosFaultProbe>(*m_bed, *m_channel, *m_fake);
    m_atomicPath = m_vendor->merchantPath(QStringLiteral("/atomic_order/orders"));
}

void TestCloverFaults::cleanup()
{
    m_probe.reset();
    m_channel.reset();
    m_http.reset();
    m_vendor.reset();
    m_fake.reset();
    m_bed.reset();
}

QString TestCloverFaults::cloverIdOf(const QString &orderId) const
{
    const QStringList made = m_fake->ordersWithReference(CloverVendor::referenceFor(orderId));
    return made.size() == 1 ? made.constFirst() : QString();
}

QString TestCloverFaults::noteAtClover(const QString &orderId) const
{
    return m_fake->order(cloverIdOf(orderId))
            .value_or(QJsonObject())
            .value(QLatin1String("note"))
            .toString();
}

QStringList TestCloverFaults::writeKindsTo(const QString &orderId) const
{
    const QString cloverId = cloverIdOf(orderId);
    QStringList kinds;
    for (const AppliedWrite &write : m_fake->ledger().writes()) {
        if (!cloverId.isEmpty() && write.objectId == cloverId)
            kinds.append(write.idempotencyKey == CloverVendor::referenceFor(orderId)
                                 ? QStringLiteral("create")
                                 : write.idempotencyKey.section(u':', 0, 0));
    }
    return kinds;
}

int TestCloverFaults::createsAskedFor(const QString &orderId) const
{
    int count = 0;
    for (const FakeExchange &exchange : m_fake->exchanges()) {
        const QJsonObject cart = QJsonDocument::fromJson(exchange.request.body).object()
                                         .value(QLatin1String("orderCart")).toObject();
        if (exchange.request.path == m_atomicPath
            && cart.value(QLatin1String("externalReferenceId")).toString()
                    == CloverVendor::referenceFor(orderId))
            ++count;
    }
    return count;
}

void TestCloverFaults::aRateLimitStormIsWaitedOutAsCloverAsks()
{
    const QString id = m_probe->placeFromPlatform(QStringLiteral("hub-301"), QStringLiteral("301"),
                                                  OrderType::Pickup);
    const QString later = m_probe->placeFromPlatform(QStringLiteral("hub-302"),
                                                     QStringLiteral("302"), OrderType::Pickup);
    QVERIFY(!id.isEmpty() && !later.isEmpty());
    // Every merchant call answers 429, with X-RateLimit-tokenLimit and Retry-After: 30 s, five
    // times over. Accepting is what brings the order to Clover: its create is what waits.
    m_fake->rateLimitNext(5, 30, m_vendor->merchantPath({}));
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    ChannelDispatcher &dispatcher = m_probe->dispatcher();
    QTRY_VERIFY(dispatcher.health().heldUntil.has_value());
    QVERIFY(*dispatcher.health().heldUntil >= m_bed->clock().nowMs() + 30'000);
    QCOMPARE(dispatcher.health().lastError,
             QStringLiteral("Clover is limiting requests; waiting as it asks."));
    QCOMPARE(m_probe->answeredWith(429), 1);

    // Nothing is asked of Clover before the time it named, however often dispatch is poked: not
    // even for another order, whose first write is due at once.
    const qsizetype askedWhileHeld = m_fake->exchanges().size();
    QVERIFY(m_bed->engine().transition(later, OrderState::Accepted, cook, accept).ok);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(m_probe->advanceAndLook(5'000));
        QCOMPARE(m_channel->inFlight(), 0);
    }
    QCOMPARE(m_fake->exchanges().size(), askedWhileHeld);
    QCOMPARE(dispatcher.health().pending, 2);
    QVERIFY(dispatcher.health().heldUntil.has_value());

    // Each later 429 holds again; once the storm passes each order is made at Clover, once.
    QVERIFY(m_probe->waitOutHolds());
    QCOMPARE(m_probe->answeredWith(429), 5);
    for (const QString &made : {id, later}) {
        QCOMPARE(m_fake->appliedWrites(CloverVendor::referenceFor(made)).size(), 1);
        QVERIFY(!cloverIdOf(made).isEmpty());
        QCOMPARE(createsAskedFor(made), 1);
    }
    QCOMPARE(m_fake->appliedWriteCount(), 2);
    QCOMPARE(dispatcher.health().deadLetters, 0);
    QVERIFY(dispatcher.health().lastError.isEmpty());
    QVERIFY(!dispatcher.health().heldUntil.has_value());
}

void TestCloverFaults::aPoisonedOrderIsDeadLetteredParkedAndRedriven()
{
    ChannelDispatcher &dispatcher = m_probe->dispatcher();
    RetryPolicy policy = dispatcher.retryPolicy();
    policy.maxAttempts = 3;
    dispatcher.setRetryPolicy(policy);
    const QString poisoned = m_probe->placeFromPlatform(
            QStringLiteral("hub-301"), QStringLiteral("301"), OrderType::Pickup);
    const QString healthy = m_probe->placeFromPlatform(
            QStringLiteral("hub-302"), QStringLiteral("302"), OrderType::Pickup);
    QVERIFY(!poisoned.isEmpty() && !healthy.isEmpty());
    QVERIFY(m_bed->engine().transition(healthy, OrderState::Accepted, cook, accept).ok);
    QTRY_VERIFY(m_probe->drained());
    QVERIFY(!cloverIdOf(healthy).isEmpty());

    // Clover fails every create from now on, until mended: the healthy order is made already,
    // so only the poisoned order's calls meet it (its look-up answers; its create fails).
    m_fake->failNext(-1, 500, m_atomicPath);
    QVERIFY(m_bed->engine().transition(poisoned, OrderState::Accepted, cook, accept).ok);
    QVERIFY(m_probe->retryUntilDeadLetters(1));
    Outbox outbox(m_bed->store());
    const DeadLetter dead = outbox.deadLetters().constFirst();
    QCOMPARE(dead.event.orderId, poisoned);
    QCOMPARE(dead.attempts, 3);
    QVERIFY2(dead.lastError.startsWith(QStringLiteral("Clover had a problem (Clover answered 500")),
             qPrintable(dead.lastError));
    QCOMPARE(m_probe->answeredWith(500), 3);
    QCOMPARE(createsAskedFor(poisoned), 3);

    // The kitchen goes on: the poisoned order's steps and its cancellation park behind its dead
    // letter, unasked, while the healthy order's cancellation is noted at Clover.
    for (const QString &id : {poisoned, healthy}) {
        QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing
        QVERIFY(m_bed->engine().advance(id, cook).ok); // ready
    }
    QVERIFY(m_bed->engine().transition(poisoned, OrderState::Cancelled, manager,
                                       cancelBecause(QStringLiteral("out of buns"))).ok);
    QVERIFY(m_bed->engine().transition(healthy, OrderState::Cancelled, manager,
                                       cancelBecause(QStringLiteral("customer left"))).ok);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY(noteAtClover(healthy).endsWith(
            QStringLiteral("Cancelled by the kitchen: customer left")));
    QTRY_COMPARE(dispatcher.health().parkedOrders, 1);
    QCOMPARE(dispatcher.health().parkedEvents, 3);
    QCOMPARE(dispatcher.health().deadLetters, 1);
    QTRY_VERIFY(m_probe->triedForNow());
    QCOMPARE(createsAskedFor(poisoned), 3);
    QVERIFY(m_fake->ordersWithReference(CloverVendor::referenceFor(poisoned)).isEmpty());

    // Clover is mended; a manager redrives: the order is made, then its ending noted, each once.
    m_fake->faults().clear();
    const AppendResult redriven = m_bed->engine().channels().redrive(
            dead.id, Actor::manager(QStringLiteral("manager-1")), QStringLiteral("console-1"));
    QVERIFY2(redriven.committed(), qPrintable(redriven.error));
    QTRY_VERIFY(m_probe->drained());
    QCOMPARE(m_fake->ordersWithReference(CloverVendor::referenceFor(poisoned)).size(), 1);
    QVERIFY(noteAtClover(poisoned).endsWith(QStringLiteral("Cancelled by the kitchen: out of buns")));
    for (const QString &id : {poisoned, healthy}) {
        QCOMPARE(m_fake->appliedWrites(CloverVendor::referenceFor(id)).size(), 1);
        QCOMPARE(writeKindsTo(id), QStringList({QStringLiteral("create"), QStringLiteral("update")}));
    }
    QCOMPARE(m_fake->appliedWriteCount(), 4);
    QCOMPARE(dispatcher.health().deadLetters, 0);
    QCOMPARE(dispatcher.health().parkedEvents, 0);
    QVERIFY(dispatcher.health().lastError.isEmpty());
}

QTEST_GUILESS_MAIN(TestCloverFaults)
#include "tst_cloverfaults.moc"
