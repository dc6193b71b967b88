// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Toast adapter end to end: a real engine on a SQLite file, its pos:toast destination
// delivered by PosChannel to the Toast fake on 127.0.0.1; Toast's webhooks come in through the
// console's PosWebhookListener and PosFeed, which also polls.
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "pos/poschannel.h"
#include "pos/posfeed.h"
#include "pos/poswebhooklistener.h"
#include "pos/toast/toastlogin.h"
#include "pos/toast/toastvendor.h"
#include "fakes/toast/toastfake.h"
#include "store/outbox.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString storeId = QStringLiteral("store-1");
const QString destination = QStringLiteral("pos:toast");
const QString loginPath = QStringLiteral("/authentication/v1/authentication/login");
const Actor cook = Actor::staff(QStringLiteral("cook-1"));
const Actor manager = Actor::manager(QStringLiteral("manager-1"));

QJsonObject tillOrder(const QString &name)
{
    const QJsonObject selection {
            {QStringLiteral("item"),
             QJsonObject {{QStringLiteral("guid"), QStringLiteral("1e3a0000-0000-4000-8000-0000000b0e60")}}},
            {QStringLiteral("displayName"), QStringLiteral("Burger")},
            {QStringLiteral("quantity"), 1},
            {QStringLiteral("price"), 12.5}};
    const QJsonObject check {{QStringLiteral("tabName"), name},
                             {QStringLiteral("selections"), QJsonArray {selection}}};
    return {{QStringLiteral("diningOption"),
             QJsonObject {{QStringLiteral("guid"), QStringLiteral("d1a2b3c4-0000-4000-8000-00000000d1e1")}}},
            {QStringLiteral("checks"), QJsonArray {check}}};
}
} // namespace

class TestToastChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aTillOrderReachesTheBoardAndTheKitchenWritesNothingBack();
    void anOutageOutlivesTheTokenThenDrainsInOrderWithNoDoubles();
    void aPlatformOrderIsCreatedOnceWhenTheCreateIsRetried();
    void aDroppedWebhooksOrderReachesTheBoardByThePoll();

private:
    /** One poll by the feed, every page; true once it read them all. */
    bool pollOnce();
    /** Places an order from the platform on the board. */
    QString placeFromPlatform(const QString &id, const QString &number, OrderType type);
    QJsonObject atToast(const QString &orderId) const;
    int exchangesTo(const QString &path, const QByteArray &method = {}) const;
    bool drained();
    bool triedForNow();

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<ToastFake> m_fake;
    std::unique_ptr<ToastVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosChannel> m_channel;
    std::unique_ptr<PosFeed> m_feed;
    std::unique_ptr<PosWebhookListener> m_listener;
    QString m_webhookUrl;
};

void TestToastChannel::init()
{
    EngineConfig config;
    config.storeId = storeId;
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
    policy.maxAttempts = 30; // a ten-minute outage is waited out, not dead-lettered
    m_bed->engine().channels().add(*m_channel, policy);

    PosFeed::Config feed;
    feed.storeId = storeId;
    feed.firstPollLookbackMs = 60'000;
    m_feed = std::make_unique<PosFeed>(*m_vendor, *m_http, m_bed->engine(), m_bed->store(), clock,
                                       feed);
    m_listener = std::make_unique<PosWebhookListener>();
    QVERIFY(m_listener->listen());
    m_listener->route(QStringLiteral("/toast"), m_feed.get());
    m_webhookUrl = QStringLiteral("http://127.0.0.1:%1/toast").arg(m_listener->port());
    m_fake->setWebhookUrl(m_webhookUrl);
}

void TestToastChannel::cleanup()
{
    m_listener.reset();
    m_feed.reset();
    m_channel.reset();
    m_http.reset();
    m_vendor.reset();
    m_fake.reset();
    m_bed.reset();
}

bool TestToastChannel::pollOnce()
{
    QSignalSpy finished(m_feed.get(), &PosFeed::pollFinished);
    if (!finished.isValid())
        return false;
    m_feed->pollNow();
    return finished.wait(5000) && finished.constFirst().constFirst().toBool();
}

QString TestToastChannel::placeFromPlatform(const QString &id, const QString &number,
                                            OrderType type)
{
    QSignalSpy drainedIn(&m_bed->engine(), &OrderEngine::incomingDrained);
    if (!drainedIn.isValid())
        return {};
    Order order = StoreTest::sampleOrder(id, number, type);
    order.source = QStringLiteral("platform");
    m_bed->engine().applyIncoming(
            {StoreTest::incoming(StoreTest::placedEvent(order, m_bed->clock().nowMs()))});
    return drainedIn.wait(5000) && m_bed->store().order(id) ? id : QString();
}

QJsonObject TestToastChannel::atToast(const QString &orderId) const
{
    const QString guid = m_vendor->toastGuid(orderId).isEmpty() ? orderId
                                                                : m_vendor->toastGuid(orderId);
    return m_fake->order(guid).value_or(QJsonObject());
}

int TestToastChannel::exchangesTo(const QString &path, const QByteArray &method) const
{
    int count = 0;
    for (const FakeExchange &exchange : m_fake->exchanges()) {
        if (exchange.request.path.startsWith(path)
            && (method.isEmpty() || exchange.request.method == method))
            ++count;
    }
    return count;
}

bool TestToastChannel::drained()
{
    return Outbox(m_bed->store()).pendingCount(destination) == 0 && m_channel->inFlight() == 0;
}

bool TestToastChannel::triedForNow()
{
    return Outbox(m_bed->store()).due(destination, m_bed->clock().nowMs(), 100).isEmpty()
            && m_channel->inFlight() == 0;
}

void TestToastChannel::aTillOrderReachesTheBoardAndTheKitchenWritesNothingBack()
{
    const QString guid = m_fake->createTillOrder(tillOrder(QStringLiteral("Ana")));
    QVERIFY(!guid.isEmpty());
    QTRY_VERIFY(m_bed->store().order(guid));
    std::optional<Order> onBoard = m_bed->store().order(guid);
    QCOMPARE(onBoard->source, destination);
    QCOMPARE(onBoard->state, OrderState::Placed);
    QCOMPARE(onBoard->customerName, QStringLiteral("Ana"));
    QCOMPARE(onBoard->items.size(), 1);

    // Toast's kitchen fires it: mirrored on the board.
    QVERIFY(m_fake->setFulfillmentStatus(guid, {}, QStringLiteral("SENT")));
    QTRY_COMPARE(m_bed->store().order(guid)->state, OrderState::Accepted);

    // A badly signed webhook is refused and changes nothing.
    QSignalSpy refused(m_feed.get(), &PosFeed::webhookRefused);
    QVERIFY(refused.isValid());
    const int events = int(m_bed->store().events(guid).size());
    QVERIFY(!m_fake->sendOrderWebhook(guid, true).isEmpty());
    QTRY_COMPARE(refused.count(), 1);
    QCOMPARE(m_bed->store().events(guid).size(), events);

    // Our kitchen's steps are delivered at once and nothing is written: Toast's is read only.
    QVERIFY(m_bed->engine().advance(guid, cook).ok); // preparing
    QVERIFY(m_bed->engine().advance(guid, cook).ok); // ready
    QVERIFY(m_bed->engine().advance(guid, cook).ok); // picked up
    QTRY_VERIFY(drained());
    QCOMPARE(m_bed->engine().channels().dispatcher(destination)->health().deadLetters, 0);
    QCOMPARE(m_fake->appliedWriteCount(), 0);
    for (const FakeExchange &exchange : m_fake->exchanges())
        QVERIFY2(exchange.request.method == "GET" || exchange.request.path == loginPath,
                 qPrintable(QString::fromLatin1(exchange.request.method) + u' '
                            + exchange.request.path));
    const QJsonObject selection = atToast(guid).value(QLatin1String("checks")).toArray().first()
                                          .toObject().value(QLatin1String("selections")).toArray()
                                          .first().toObject();
    QCOMPARE(selection.value(QLatin1String("fulfillmentStatus")).toString(), QStringLiteral("SENT"));
}

void TestToastChannel::anOutageOutlivesTheTokenThenDrainsInOrderWithNoDoubles()
{
    m_fake->setTokenLifetime(5 * 60); // lapses halfway through the outage, on the fake's clock
    QStringList ids;
    TransitionDetails accept;
    accept.promisedAt = t0 + 30 * 60'000;
    for (int i = 1; i <= 3; ++i)
        ids.append(placeFromPlatform(QStringLiteral("hub-%1").arg(i), QString::number(180 + i),
                                     OrderType::Delivery));
    QVERIFY(!ids.contains(QString()));
    // Accepting is what brings a platform order to Toast: made there, its state not written.
    for (const QString &id : ids)
        QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    QTRY_VERIFY(drained());
    QCOMPARE(m_fake->appliedWriteCount(), 3); // each created at Toast once
    QCOMPARE(exchangesTo(loginPath), 1);

    // Toast goes away; the kitchen keeps working through ten minutes of it.
    m_fake->goAway();
    QString late;
    for (int minute = 0; minute < 10; ++minute) {
        if (minute == 2) {
            for (const QString &id : ids) {
                QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing
                QVERIFY(m_bed->engine().advance(id, cook).ok); // ready
            }
        }
        if (minute == 4) {
            QVERIFY(m_bed->engine().advance(ids.at(0), cook).ok); // out for delivery
            QVERIFY(m_bed->engine().advance(ids.at(1), cook).ok);
            late = placeFromPlatform(QStringLiteral("hub-4"), QStringLiteral("184"),
                                     OrderType::Pickup);
            QVERIFY(m_bed->engine().transition(late, OrderState::Accepted, cook, accept).ok);
        }
        if (minute == 6) {
            TransitionDetails cancel;
            cancel.reason = QStringLiteral("Customer called");
            QVERIFY(m_bed->engine().transition(ids.at(2), OrderState::Cancelled, manager, cancel).ok);
            QVERIFY(m_bed->engine().transition(late, OrderState::Cancelled, manager, cancel).ok);
        }
        QTRY_VERIFY(triedForNow());
        m_bed->clock().advanceMs(60'000);
        m_bed->engine().channels().dispatchSoon();
    }
    QTRY_VERIFY(triedForNow());
    const ChannelHealth away = m_bed->engine().channels().dispatcher(destination)->health();
    QVERIFY2(!away.lastError.isEmpty(), "the outage was not noticed");
    QCOMPARE(away.deadLetters, 0);
    QVERIFY(away.pending > 0);
    QCOMPARE(m_fake->appliedWriteCount(), 3);

    // Toast comes back: the lapsed token is renewed before any call, then everything queued goes,
    // in order per order, each write once.
    QVERIFY(m_fake->comeBack());
    m_bed->clock().advanceMs(120'000);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY_WITH_TIMEOUT(drained(), 15'000);
    QCOMPARE(exchangesTo(loginPath), 2);
    for (const FakeExchange &exchange : m_fake->exchanges())
        QVERIFY2(exchange.status != 401, qPrintable(exchange.request.path));
    QCOMPARE(m_bed->engine().channels().dispatcher(destination)->health().deadLetters, 0);

    const QString picked = QStringLiteral("PICKED_UP");
    for (const QString &id : {ids.at(0), ids.at(1)}) {
        const QString guid = m_vendor->toastGuid(id);
        QCOMPARE(atToast(id).value(QLatin1String("deliveryInfo")).toObject()
                         .value(QLatin1String("deliveryState")).toString(), picked);
        QCOMPARE(m_fake->appliedWrites(QStringLiteral("deliveryInfo:%1:%2").arg(guid, picked)).size(),
                 1);
    }
    for (const QString &id : {ids.at(2), late}) {
        QVERIFY(atToast(id).value(QLatin1String("voided")).toBool());
        QCOMPARE(m_fake->appliedWrites(QStringLiteral("void:") + m_vendor->toastGuid(id)).size(), 1);
    }
    const QStringList all = QStringList(ids) << late;
    for (const QString &id : all)
        QCOMPARE(m_fake->appliedWrites(ToastVendor::externalIdFor(id)).size(), 1);
    QCOMPARE(m_fake->appliedWriteCount(), 8); // 4 creates, 2 delivery states, 2 voids
    // Per order, the create went before what followed it.
    for (const QString &id : all) {
        QStringList keys;
        for (const AppliedWrite &write : m_fake->ledger().writes()) {
            if (write.objectId == m_vendor->toastGuid(id))
                keys.append(write.idempotencyKey);
        }
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys.first(), ToastVendor::externalIdFor(id));
    }
    QVERIFY(m_bed->engine().channels().dispatcher(destination)->health().lastError.isEmpty());
}

void TestToastChannel::aPlatformOrderIsCreatedOnceWhenTheCreateIsRetried()
{
    // Duplicates allowed, as before 2026-02-02: only the look-up keeps the create single.
    m_fake->setExternalIdUnique(false);
    const QString ordersPath = QStringLiteral("/orders/v2/orders");

    const TransitionDetails accept {{}, t0 + 15 * 60'000, 15};
    // Faults for the create only: set once its look-up has been answered, and only for a POST,
    // since the poll's ordersBulk and a webhook's fetch by GUID share the path's prefix.
    const auto faultTheCreate = [this, ordersPath](FaultRule::Kind kind, int count, int delayMs) {
        FaultRule rule;
        rule.kind = kind;
        rule.remaining = count;
        rule.pathPrefix = ordersPath;
        rule.method = QStringLiteral("POST");
        rule.delayMs = delayMs;
        m_fake->faults().add(rule);
    };
    std::function<void()> afterLookUp;
    connect(m_fake.get(), &FakeVendorServer::answered, this,
            [&](const QString &method, const QString &path, int status) {
                if (method == QLatin1String("GET") && path == ordersPath && status == 200
                    && afterLookUp)
                    std::exchange(afterLookUp, nullptr)();
            });

    // The connection drops: nothing is made; the retry looks again, then creates.
    afterLookUp = [&] { faultTheCreate(FaultRule::Kind::Disconnect, 2, 0); };
    const QString dropped = placeFromPlatform(QStringLiteral("hub-181"), QStringLiteral("181"),
                                              OrderType::Pickup);
    QVERIFY(!dropped.isEmpty());
    QVERIFY(m_bed->engine().transition(dropped, OrderState::Accepted, cook, accept).ok);
    for (int round = 0; round < 5 && !drained(); ++round) {
        QTRY_VERIFY(triedForNow() || drained());
        m_bed->clock().advanceMs(60'000);
        m_bed->engine().channels().dispatchSoon();
    }
    QTRY_VERIFY(drained());
    QVERIFY(!afterLookUp);
    QCOMPARE(m_fake->appliedWrites(ToastVendor::externalIdFor(dropped)).size(), 1);

    // The answer is lost after Toast made the order: the retry finds it by its externalId.
    m_http->setCallTimeoutMs(1000);
    afterLookUp = [&] { faultTheCreate(FaultRule::Kind::Latency, 1, 4000); };
    const QString lost = placeFromPlatform(QStringLiteral("hub-182"), QStringLiteral("182"),
                                           OrderType::Pickup);
    QVERIFY(!lost.isEmpty());
    QVERIFY(m_bed->engine().transition(lost, OrderState::Accepted, cook, accept).ok);
    QTRY_VERIFY_WITH_TIMEOUT(!afterLookUp && triedForNow(), 10'000);
    QCOMPARE(m_fake->appliedWrites(ToastVendor::externalIdFor(lost)).size(), 1); // made, unheard
    QVERIFY(m_vendor->toastGuid(lost).isEmpty());
    m_bed->clock().advanceMs(60'000);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY(drained());
    QCOMPARE(m_fake->appliedWrites(ToastVendor::externalIdFor(lost)).size(), 1);
    QVERIFY(!m_vendor->toastGuid(lost).isEmpty());
    QCOMPARE(atToast(lost).value(QLatin1String("externalId")).toString(),
             ToastVendor::externalIdFor(lost));
    QCOMPARE(m_bed->engine().channels().dispatcher(destination)->health().deadLetters, 0);

    // The board has it once: Toast's webhooks of orders made here make no till ticket.
    QVERIFY(!m_bed->store().order(m_vendor->toastGuid(lost)));
    QVERIFY(pollOnce());
    QVERIFY(!m_bed->store().order(m_vendor->toastGuid(lost)));
}

void TestToastChannel::aDroppedWebhooksOrderReachesTheBoardByThePoll()
{
    QSignalSpy droppedSpy(m_fake.get(), &FakeVendorServer::webhookDropped);
    QVERIFY(droppedSpy.isValid());
    m_fake->setWebhookUrl(m_webhookUrl + QStringLiteral("-gone")); // the listener answers 404
    const QString guid = m_fake->createTillOrder(tillOrder(QStringLiteral("Ben")));
    QVERIFY(!guid.isEmpty());
    QTRY_COMPARE(m_fake->pendingWebhookRetries(), 1);
    m_bed->clock().advanceMs(ToastFake::firstRetryDelayMs);
    QCOMPARE(m_fake->tick(), 1);
    QTRY_COMPARE(m_fake->pendingWebhookRetries(), 1);
    m_bed->clock().advanceMs(ToastFake::secondRetryDelayMs);
    QCOMPARE(m_fake->tick(), 1);
    QTRY_COMPARE(droppedSpy.count(), 1);
    QCOMPARE(m_fake->pendingWebhookRetries(), 0);
    QVERIFY(!m_bed->store().order(guid));

    // The poll by modified time brings it all the same, with Toast's kitchen state.
    QVERIFY(m_fake->setFulfillmentStatus(guid, {}, QStringLiteral("SENT")));
    QVERIFY(pollOnce());
    QTRY_VERIFY(m_bed->store().order(guid));
    QTRY_COMPARE(m_bed->store().order(guid)->state, OrderState::Accepted);
    QCOMPARE(m_bed->store().order(guid)->source, destination);

    // Polling again brings the same view: nothing new on the board.
    const qsizetype events = m_bed->store().events(guid).size();
    QVERIFY(pollOnce());
    QVERIFY(pollOnce());
    QCOMPARE(m_bed->store().events(guid).size(), events);
    // The start date went encoded: Toast never answered a poll with 400.
    QVERIFY(exchangesTo(QStringLiteral("/orders/v2/ordersBulk")) >= 3);
    for (const FakeExchange &exchange : m_fake->exchanges())
        QCOMPARE(exchange.status, 200);
}

QTEST_GUILESS_MAIN(TestToastChannel)
#include "tst_toastchannel.moc"
