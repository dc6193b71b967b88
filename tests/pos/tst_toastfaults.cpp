// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Toast adapter when Toast misbehaves, end to end: a real engine on a SQLite file, its
// pos:toast destination delivered by PosChannel to the Toast fake on 127.0.0.1, the fake scripted
// to rate-limit or fail. Toast is written to only for platform orders (created there on their
// first step, their courier steps and voids after), so every order here comes from the platform.
#include "posfaultprobe.h"

#include "pos/toast/toastlogin.h"
#include "pos/toast/toastvendor.h"
#include "fakes/toast/toastfake.h"

#include <QJsonObject>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString ordersPath = QStringLiteral("/orders/v2/orders");
const Actor cook = Actor::staff(QStringLiteral("cook-1"));
const TransitionDetails accept {{}, t0 + 30 * 60'000, 15};
} // namespace

class TestToastFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aRateLimitStormIsWaitedOutAsToastAsks();
    void aPoisonedOrderIsDeadLetteredParkedAndRedriven();

private:
    QString deliveryStateAtToast(const QString &orderId) const;
    /** The ledger's keys of the writes applied to our order's Toast order, in the order applied. */
    QStringList writesTo(const QString &orderId) const;
    /** Toast's answers to look-ups of our order by its externalId. */
    int lookUpsOf(const QString &orderId) const;

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<ToastFake> m_fake;
    std::unique_ptr<ToastVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosChannel> m_channel;
    std::unique_ptr<PosFaultProbe> m_probe;
};

void TestToastFaults::init()
{
    EngineConfig config;
    config.storeId = StoreTest::storeId;
    config.consoleId = QStringLiteral("console-1");
    config.destinations = {QStringLiteral("platform")}; // no link: its queue only grows
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_fake = std::make_unique<ToastFake>();
    ManualClock &clock = m_bed->clock();
    m_fake->setClock([&clock] { return clock.nowMs(); });
    QVERIFY(m_fake->listen());

    ToastVendor::Config toast;
    toast.restaurantGuid = QString::fromLatin1(ToastFake::defaultRestaurantGuid);
    toast.webhookSecret = QByteArray(ToastFake::defaultWebhookSecret);
    toast.diningOptionGuid = QStringLiteral("d1a2b3c4-0000-4000-8000-0000000000a0");
    toast.menuItemGuid = QStringLiteral("1e3a0000-0000-4000-8000-000000000001");
    m_vendor = std::make_unique<ToastVendor>(toast);
    m_http = std::make_unique<PosHttp>(*m_vendor, clock);
    m_http->setBaseUrl(m_fake->baseUrl());
    m_http->setAuth(std::make_unique<ToastLogin>(QString::fromLatin1(ToastFake::defaultClientId),
                                                 QString::fromLatin1(ToastFake::defaultClientSecret)));
    m_channel = std::make_unique<PosChannel>(*m_vendor, *m_http, m_bed->store());
    RetryPolicy policy;
    policy.baseMs = 50;
    policy.capMs = 60'000;
    policy.maxAttempts = 30;
    m_bed->engine().channels().add(*m_channel, policy);
    m_probe = std::make_unique<PosFaultProbe>(*m_bed, *m_channel, *m_fake);
}

void TestToastFaults::cleanup()
{
    m_probe.reset();
    m_channel.reset();
    m_http.reset();
    m_vendor.reset();
    m_fake.reset();
    m_bed.reset();
}

QString TestToastFaults::deliveryStateAtToast(const QString &orderId) const
{
    return m_fake->order(m_vendor->toastGuid(orderId))
            .value_or(QJsonObject())
            .value(QLatin1String("deliveryInfo"))
            .toObject()
            .value(QLatin1String("deliveryState"))
            .toString();
}

QStringList TestToastFaults::writesTo(const QString &orderId) const
{
    QStringList keys;
    const QString guid = m_vendor->toastGuid(orderId);
    for (const AppliedWrite &write : m_fake->ledger().writes()) {
        if (!guid.isEmpty() && write.objectId == guid)
            keys.append(write.idempotencyKey);
    }
    return keys;
}

int TestToastFaults::lookUpsOf(const QString &orderId) const
{
    int count = 0;
    for (const FakeExchange &exchange : m_fake->exchanges()) {
        if (exchange.request.path == ordersPath
            && exchange.request.query.queryItemValue(QStringLiteral("externalId"),
                                                     QUrl::FullyDecoded)
                    == ToastVendor::externalIdFor(orderId))
            ++count;
    }
    return count;
}

void TestToastFaults::aRateLimitStormIsWaitedOutAsToastAsks()
{
    const QString id = m_probe->placeFromPlatform(QStringLiteral("hub-181"), QStringLiteral("181"),
                                                  OrderType::Delivery);
    const QString later = m_probe->placeFromPlatform(QStringLiteral("hub-182"),
                                                     QStringLiteral("182"), OrderType::Delivery);
    QVERIFY(!id.isEmpty() && !later.isEmpty());
    // Every order call answers 429 with Retry-After: 30 s, five times over (signing in is not
    // limited). Accepting is what brings the order to Toast: its create is what waits.
    m_fake->rateLimitNext(5, 30, ordersPath);
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    ChannelDispatcher &dispatcher = m_probe->dispatcher();
    QTRY_VERIFY(dispatcher.health().heldUntil.has_value());
    QVERIFY(*dispatcher.health().heldUntil >= m_bed->clock().nowMs() + 30'000);
    QCOMPARE(dispatcher.health().lastError,
             QStringLiteral("Toast is limiting requests; waiting as it asks."));
    QCOMPARE(m_probe->answeredWith(429), 1);

    // Nothing is asked of Toast before the time it named, however often dispatch is poked: not
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

    // Each later 429 holds again; once the storm passes each order is made at Toast, once.
    QVERIFY(m_probe->waitOutHolds());
    QCOMPARE(m_probe->answeredWith(429), 5);
    for (const QString &made : {id, later}) {
        QCOMPARE(m_fake->appliedWrites(ToastVendor::externalIdFor(made)).size(), 1);
        QCOMPARE(deliveryStateAtToast(made), QStringLiteral("PENDING"));
    }
    QCOMPARE(m_fake->appliedWriteCount(), 2);
    QCOMPARE(dispatcher.health().deadLetters, 0);
    QVERIFY(dispatcher.health().lastError.isEmpty());
    QVERIFY(!dispatcher.health().heldUntil.has_value());
}

void TestToastFaults::aPoisonedOrderIsDeadLetteredParkedAndRedriven()
{
    ChannelDispatcher &dispatcher = m_probe->dispatcher();
    RetryPolicy policy = dispatcher.retryPolicy();
    policy.maxAttempts = 3;
    dispatcher.setRetryPolicy(policy);
    const QString poisoned = m_probe->placeFromPlatform(
            QStringLiteral("hub-181"), QStringLiteral("181"), OrderType::Delivery);
    const QString healthy = m_probe->placeFromPlatform(
            QStringLiteral("hub-182"), QStringLiteral("182"), OrderType::Delivery);
    QVERIFY(!poisoned.isEmpty() && !healthy.isEmpty());
    QVERIFY(m_bed->engine().transition(healthy, OrderState::Accepted, cook, accept).ok);
    QTRY_VERIFY(m_probe->drained());
    QCOMPARE(m_fake->appliedWrites(ToastVendor::externalIdFor(healthy)).size(), 1);

    // Every Toast call about an order starts /orders/v2/orders, so no path prefix singles one
    // out: the next three such calls fail with 500, and only the poisoned order calls meanwhile
    // (its create's look-up, once per attempt). The script is spent as the third attempt is
    // dead-lettered: from then on Toast would take the order's later writes, so none reaching
    // it below shows they were parked, not refused.
    m_fake->failNext(3, 500, ordersPath);
    QVERIFY(m_bed->engine().transition(poisoned, OrderState::Accepted, cook, accept).ok);
    QVERIFY(m_probe->retryUntilDeadLetters(1));
    Outbox outbox(m_bed->store());
    const DeadLetter dead = outbox.deadLetters().constFirst();
    QCOMPARE(dead.event.orderId, poisoned);
    QCOMPARE(dead.attempts, 3);
    QVERIFY2(dead.lastError.startsWith(QStringLiteral("Toast had a problem (500 ")),
             qPrintable(dead.lastError));
    QCOMPARE(m_probe->answeredWith(500), 3);
    QCOMPARE(lookUpsOf(poisoned), 3);
    QVERIFY(m_fake->faults().rules().isEmpty());

    // The kitchen goes on: the poisoned order's steps park behind its dead letter, unasked,
    // while the healthy order's courier step reaches Toast.
    for (const QString &id : {poisoned, healthy}) {
        QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing
        QVERIFY(m_bed->engine().advance(id, cook).ok); // ready
        QVERIFY(m_bed->engine().advance(id, cook).ok); // out for delivery
    }
    m_bed->engine().channels().dispatchSoon();
    QTRY_COMPARE(deliveryStateAtToast(healthy), QStringLiteral("PICKED_UP"));
    QTRY_COMPARE(dispatcher.health().parkedOrders, 1);
    QCOMPARE(dispatcher.health().parkedEvents, 3);
    QCOMPARE(dispatcher.health().deadLetters, 1);
    QTRY_VERIFY(m_probe->triedForNow());
    QCOMPARE(lookUpsOf(poisoned), 3);
    QVERIFY(m_fake->appliedWrites(ToastVendor::externalIdFor(poisoned)).isEmpty());
    QVERIFY(m_vendor->toastGuid(poisoned).isEmpty());

    // Toast is mended; a manager redrives: the order is made, then its courier step, each once.
    m_fake->faults().clear();
    const AppendResult redriven = m_bed->engine().channels().redrive(
            dead.id, Actor::manager(QStringLiteral("manager-1")), QStringLiteral("console-1"));
    QVERIFY2(redriven.committed(), qPrintable(redriven.error));
    QTRY_VERIFY(m_probe->drained());
    QCOMPARE(deliveryStateAtToast(poisoned), QStringLiteral("PICKED_UP"));
    for (const QString &id : {poisoned, healthy}) {
        const QStringList written = writesTo(id);
        QCOMPARE(written,
                 QStringList({ToastVendor::externalIdFor(id),
                              QStringLiteral("deliveryInfo:%1:PICKED_UP")
                                      .arg(m_vendor->toastGuid(id))}));
    }
    QCOMPARE(m_fake->appliedWriteCount(), 4);
    QCOMPARE(dispatcher.health().deadLetters, 0);
    QCOMPARE(dispatcher.health().parkedEvents, 0);
    QVERIFY(dispatcher.health().lastError.isEmpty());
}

QTEST_GUILESS_MAIN(TestToastFaults)
#include "tst_toastfaults.moc"
