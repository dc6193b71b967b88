// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Clover adapter end to end: a real engine on a SQLite file, its pos:clover destination
// delivered by PosChannel to the Clover fake on 127.0.0.1, signed in with expiring OAuth tokens.
#include "cloversignin.h"
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "pos/clover/cloveroauth.h"
#include "pos/clover/clovervendor.h"
#include "pos/poschannel.h"
#include "pos/posorderdiff.h"
#include "fakes/clover/cloverfake.h"
#include "store/outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString storeId = QStringLiteral("store-1");
const QString destination = QStringLiteral("pos:clover");
const Actor cook = Actor::staff(QStringLiteral("cook-1"));
const Actor manager = Actor::manager(QStringLiteral("manager-1"));

QJsonObject line(const QString &name, qint64 price)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("price"), price}};
}

QJsonObject counterOrder(const QString &title)
{
    return {{QStringLiteral("title"), title},
            {QStringLiteral("state"), QStringLiteral("open")},
            {QStringLiteral("lineItems"),
             QJsonArray {line(QStringLiteral("Burger"), 1250), line(QStringLiteral("Burger"), 1250),
                         line(QStringLiteral("Fries"), 350)}}};
}
} // namespace

class TestCloverChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aCounterOrderReachesTheBoardAndItsStepsWriteNothing();
    void aVoidedLineItemIsAModificationAndADeletedOrderCancels();
    void anOutageQueuesTheKitchenThenDrainsInOrderWithNoDoubles();
    void aPlatformOrderIsCreatedOnceWhenItsAnswerIsLost();
    void anExpiredCloverTokenRefreshed();

private:
    /** The fake's latest webhook delivery, as the console's listener would hand it on. */
    PosWebhook lastWebhook() const;
    /** Reads a webhook through the vendor, fetches what it names, and applies what it means. */
    bool receive(const PosWebhook &webhook);
    bool apply(const QJsonObject &cloverOrder);
    /** Sends call over the POS's PosHttp and waits for its answer. */
    PosAnswer call(PosHttp &http, const PosCall &call);
    /** A platform order placed on the board (it goes to Clover as a create). */
    QString placePlatformOrder(const QString &number);
    bool drained();
    bool triedForNow();
    /** Moves the clock on a minute at a time, letting every due write be tried. */
    void waitMinutes(int minutes);
    /** Writes Clover applied other than creates: "update:<cloverId>:…" and the like. */
    int writesNotCreates() const;

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<CloverFake> m_fake;
    std::unique_ptr<CloverVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosChannel> m_channel;
    CloverTokenPair m_issued;
};

void TestCloverChannel::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    config.destinations = {QStringLiteral("platform")}; // no link: its queue only grows
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_fake = std::make_unique<CloverFake>();
    ManualClock &clock = m_bed->clock();
    m_fake->setClock([&clock] { return clock.nowMs(); });
    QVERIFY(m_fake->listen());
    // Nobody listens there: the deliveries are kept and read from the fake, as a listener would.
    m_fake->setWebhookUrl(QStringLiteral("http://127.0.0.1:9/pos/clover"));
    m_vendor = std::make_unique<CloverVendor>(CloverVendor::Config {
            QString::fromLatin1(CloverFake::defaultMerchantId),
            QString::fromLatin1(CloverFake::defaultAppId),
            QByteArray(CloverFake::defaultWebhookAuthCode)});
    m_http = std::make_unique<PosHttp>(*m_vendor, clock);
    m_http->setBaseUrl(m_fake->baseUrl());
    m_issued = m_fake->issueTokens(); // as the manager's "connect Clover" left it
    m_http->setAuth(std::make_unique<CloverOAuth>(QString::fromLatin1(CloverFake::defaultAppId),
                                                  CloverSignIn::pairOf(m_issued)));
    m_channel = std::make_unique<PosChannel>(*m_vendor, *m_http, m_bed->store());
    RetryPolicy policy;
    policy.baseMs = 50;
    policy.capMs = 60'000;
    policy.maxAttempts = 40; // an outage is waited out, not dead-lettered
    m_bed->engine().channels().add(*m_channel, policy);
}

void TestCloverChannel::cleanup()
{
    m_channel.reset();
    m_http.reset();
    m_vendor.reset();
    m_fake.reset();
    m_bed.reset();
}

PosWebhook TestCloverChannel::lastWebhook() const
{
    PosWebhook webhook;
    if (m_fake->webhooks().deliveries().isEmpty())
        return webhook;
    const WebhookDelivery &delivery = m_fake->webhooks().deliveries().constLast();
    webhook.url = delivery.url;
    webhook.body = delivery.body;
    for (const auto &[name, value] : delivery.headers)
        webhook.headers.insert(name.toLower(), value);
    return webhook;
}

PosAnswer TestCloverChannel::call(PosHttp &http, const PosCall &call)
{
    std::optional<PosAnswer> answered;
    http.send(call, [&answered](const PosAnswer &answer) { answered = answer; });
    if (!QTest::qWaitFor([&answered] { return answered.has_value(); }, 5000))
        return {};
    return *answered;
}

bool TestCloverChannel::apply(const QJsonObject &cloverOrder)
{
    const Result<PosOrder> seen = m_vendor->readOrder(cloverOrder);
    if (!seen)
        return false;
    const QList<IncomingEvent> events = PosOrderDiff::eventsFor(
            *seen, m_bed->store().order(seen->order.id), {storeId, m_bed->clock().nowMs(), 15, {}});
    if (events.isEmpty())
        return true;
    QSignalSpy drainedIn(&m_bed->engine(), &OrderEngine::incomingDrained);
    if (!drainedIn.isValid())
        return false;
    m_bed->engine().applyIncoming(events);
    return drainedIn.wait(5000);
}

bool TestCloverChannel::receive(const PosWebhook &webhook)
{
    const Result<PosChanges> changes = m_vendor->readWebhook(webhook);
    if (!changes)
        return false;
    for (const QJsonObject &order : changes->orders) {
        if (!apply(order))
            return false;
    }
    for (const QString &id : changes->orderIds) {
        const Result<PosChanges> fetched =
                m_vendor->readFetched(call(*m_http, m_vendor->fetchOrder(id)));
        if (!fetched || !apply(fetched->orders.constFirst()))
            return false;
    }
    return true;
}

QString TestCloverChannel::placePlatformOrder(const QString &number)
{
    QSignalSpy drainedIn(&m_bed->engine(), &OrderEngine::incomingDrained);
    if (!drainedIn.isValid())
        return {};
    Order delivery = StoreTest::sampleOrder(QStringLiteral("hub-") + number, number);
    delivery.storeId = storeId;
    delivery.source = QStringLiteral("platform");
    m_bed->engine().applyIncoming(
            {StoreTest::incoming(StoreTest::placedEvent(delivery, m_bed->clock().nowMs()))});
    return drainedIn.wait(5000) && m_bed->store().order(delivery.id) ? delivery.id : QString();
}

bool TestCloverChannel::drained()
{
    return Outbox(m_bed->store()).pendingCount(destination) == 0 && m_channel->inFlight() == 0;
}

bool TestCloverChannel::triedForNow()
{
    return Outbox(m_bed->store()).due(destination, m_bed->clock().nowMs(), 100).isEmpty()
            && m_channel->inFlight() == 0;
}

void TestCloverChannel::waitMinutes(int minutes)
{
    for (int minute = 0; minute < minutes; ++minute) {
        QTRY_VERIFY(triedForNow());
        m_bed->clock().advanceMs(60'000);
        m_bed->engine().channels().dispatchSoon();
    }
    QTRY_VERIFY(triedForNow());
}

int TestCloverChannel::writesNotCreates() const
{
    int writes = 0;
    for (const AppliedWrite &write : m_fake->ledger().writes()) {
        if (write.idempotencyKey.contains(u':'))
            ++writes;
    }
    return writes;
}

void TestCloverChannel::aCounterOrderReachesTheBoardAndItsStepsWriteNothing()
{
    const QString id = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ana")));
    QVERIFY(receive(lastWebhook()));
    const std::optional<Order> onBoard = m_bed->store().order(id);
    QVERIFY(onBoard);
    QCOMPARE(onBoard->source, destination);
    QCOMPARE(onBoard->number, QStringLiteral("Ana"));
    QCOMPARE(onBoard->state, OrderState::Placed);
    QCOMPARE(onBoard->items.size(), 2);
    QCOMPARE(onBoard->items.at(0).name, QStringLiteral("Burger"));
    QCOMPARE(onBoard->items.at(0).quantity, 2);

    // Clover keeps no kitchen state: every step is ours, delivered at once, nothing written.
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing
    QVERIFY(m_bed->engine().advance(id, cook).ok); // ready
    QVERIFY(m_bed->engine().advance(id, cook).ok); // picked up
    QTRY_VERIFY(drained());
    QCOMPARE(m_bed->store().order(id)->state, OrderState::PickedUp);
    QCOMPARE(m_fake->appliedWriteCount(), 0);
    for (const FakeExchange &exchange : m_fake->exchanges())
        QCOMPARE(exchange.request.method, QByteArray("GET"));
    QCOMPARE(m_bed->engine().channels().dispatcher(destination)->health().deadLetters, 0);
}

void TestCloverChannel::aVoidedLineItemIsAModificationAndADeletedOrderCancels()
{
    const QString id = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ben")));
    QVERIFY(receive(lastWebhook()));
    const PosWebhook created = lastWebhook();
    const int eventsBefore = m_bed->store().order(id)->eventCount;
    QVERIFY(receive(created)); // a replay: the same view, the same event ids, dropped
    QCOMPARE(m_bed->store().order(id)->eventCount, eventsBefore);

    // One burger voided at the till: the ticket shows it, item by item.
    m_bed->clock().advanceMs(30'000);
    const QString burger = m_fake->order(id)->value(QLatin1String("lineItems")).toObject()
                                   .value(QLatin1String("elements")).toArray().first().toObject()
                                   .value(QLatin1String("id")).toString();
    QVERIFY(m_fake->removeLineItemAtTill(id, burger));
    QVERIFY(receive(lastWebhook()));
    const Order modified = *m_bed->store().order(id);
    QCOMPARE(modified.items.size(), 2);
    QCOMPARE(modified.items.at(0).quantity, 1);
    QCOMPARE(modified.items.at(1).name, QStringLiteral("Fries"));
    QCOMPARE(m_bed->store().events(id).constLast().kind, EventKind::Modified);

    // The order deleted at the till: the ticket is cancelled.
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    m_bed->clock().advanceMs(30'000);
    QVERIFY(m_fake->deleteCounterOrder(id));
    QVERIFY(receive(lastWebhook()));
    QCOMPARE(m_bed->store().order(id)->state, OrderState::Cancelled);
    QTRY_VERIFY(drained());
    QCOMPARE(m_fake->appliedWriteCount(), 0); // Clover's own order: its cancel is not written back
}

void TestCloverChannel::anOutageQueuesTheKitchenThenDrainsInOrderWithNoDoubles()
{
    // Clover goes away; platform orders keep coming and the kitchen keeps working.
    m_fake->goAway();
    QStringList ids;
    for (const char *number : {"301", "302", "303"})
        ids.append(placePlatformOrder(QString::fromLatin1(number)));
    QVERIFY(!ids.contains(QString()));
    TransitionDetails accept;
    accept.promisedAt = t0 + 30 * 60'000;
    QVERIFY(m_bed->engine().transition(ids.at(0), OrderState::Accepted, cook, accept).ok);
    QVERIFY(m_bed->engine().transition(ids.at(1), OrderState::Accepted, cook, accept).ok);
    waitMinutes(3);
    QVERIFY(m_bed->engine().advance(ids.at(0), cook).ok); // preparing
    QVERIFY(m_bed->engine().advance(ids.at(0), cook).ok); // ready
    TransitionDetails cancel;
    cancel.reason = QStringLiteral("out of buns");
    QVERIFY(m_bed->engine().transition(ids.at(1), OrderState::Cancelled, manager, cancel).ok);
    QVERIFY(m_bed->engine().reject(ids.at(2), cook, QStringLiteral("closing early")).ok);
    waitMinutes(7);
    const ChannelHealth away = m_bed->engine().channels().dispatcher(destination)->health();
    QVERIFY2(!away.lastError.isEmpty(), "the outage was not noticed");
    QCOMPARE(away.deadLetters, 0);
    QVERIFY(away.pending > 0);
    QCOMPARE(m_fake->appliedWriteCount(), 0);

    // Clover comes back: each create once, then each ending noted once, in order per order.
    QVERIFY(m_fake->comeBack());
    m_bed->clock().advanceMs(120'000);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY_WITH_TIMEOUT(drained(), 15'000);
    for (const QString &id : ids) {
        const QString reference = CloverVendor::referenceFor(id);
        QCOMPARE(m_fake->appliedWrites(reference).size(), 1);
        QCOMPARE(m_fake->ordersWithReference(reference).size(), 1);
    }
    QCOMPARE(writesNotCreates(), 2);
    const QString cancelled = m_fake->ordersWithReference(CloverVendor::referenceFor(ids.at(1))).first();
    const QString rejected = m_fake->ordersWithReference(CloverVendor::referenceFor(ids.at(2))).first();
    QVERIFY(m_fake->order(cancelled)->value(QLatin1String("note")).toString().endsWith(
            QStringLiteral("\nCancelled by the kitchen: out of buns")));
    QVERIFY(m_fake->order(rejected)->value(QLatin1String("note")).toString().endsWith(
            QStringLiteral("Rejected by the kitchen: closing early")));
    const QString served = m_fake->ordersWithReference(CloverVendor::referenceFor(ids.at(0))).first();
    QVERIFY(!m_fake->order(served)->value(QLatin1String("note")).toString().contains(
            QStringLiteral("kitchen")));
    // Per order, the create came before its note.
    const QList<AppliedWrite> writes = m_fake->ledger().writes();
    for (const QString &cloverId : {cancelled, rejected}) {
        QList<QString> kinds;
        for (const AppliedWrite &write : writes) {
            if (write.objectId == cloverId)
                kinds.append(write.idempotencyKey.section(u':', 0, 0));
        }
        QCOMPARE(kinds.size(), 2);
        QVERIFY(kinds.at(0).startsWith(QLatin1String("KC")));
        QCOMPARE(kinds.at(1), QStringLiteral("update"));
    }
    QVERIFY(m_bed->engine().channels().dispatcher(destination)->health().lastError.isEmpty());
}

void TestCloverChannel::aPlatformOrderIsCreatedOnceWhenItsAnswerIsLost()
{
    const QString atomic = m_vendor->merchantPath(QStringLiteral("/atomic_order/orders"));
    // Clover makes the order but its answer never arrives in time: the call times out.
    m_http->setCallTimeoutMs(300);
    m_fake->delayNext(1, 1500, atomic);
    const QString first = placePlatformOrder(QStringLiteral("401"));
    QVERIFY(!first.isEmpty());
    TransitionDetails accept;
    accept.promisedAt = t0 + 30 * 60'000;
    QVERIFY(m_bed->engine().transition(first, OrderState::Accepted, cook, accept).ok);
    const QString reference = CloverVendor::referenceFor(first);
    QTRY_COMPARE(m_fake->ordersWithReference(reference).size(), 1);
    QTRY_VERIFY(triedForNow());
    QVERIFY(!drained()); // failed: to be tried again
    m_bed->clock().advanceMs(60'000);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY_WITH_TIMEOUT(drained(), 10'000);
    // The retry looked it up first and found it: one order, one create.
    QCOMPARE(m_fake->ordersWithReference(reference).size(), 1);
    QCOMPARE(m_fake->appliedWrites(reference).size(), 1);
    int lookUps = 0;
    for (const FakeExchange &exchange : m_fake->exchanges()) {
        if (exchange.request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded)
            == QStringLiteral("externalReferenceId=") + reference)
            ++lookUps;
    }
    QCOMPARE(lookUps, 2);

    // The connection dropped before Clover made it (twice: Qt resends once by itself).
    m_http->setCallTimeoutMs(PosHttp::defaultCallTimeoutMs);
    m_fake->disconnectNext(2, atomic);
    const QString second = placePlatformOrder(QStringLiteral("402"));
    QVERIFY(m_bed->engine().transition(second, OrderState::Accepted, cook, accept).ok);
    QTRY_VERIFY(triedForNow());
    m_bed->clock().advanceMs(60'000);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY_WITH_TIMEOUT(drained(), 10'000);
    QCOMPARE(m_fake->ordersWithReference(CloverVendor::referenceFor(second)).size(), 1);
    QCOMPARE(m_fake->appliedWrites(CloverVendor::referenceFor(second)).size(), 1);
    const QJsonObject made =
            *m_fake->order(m_fake->ordersWithReference(CloverVendor::referenceFor(second)).first());
    QCOMPARE(made.value(QLatin1String("title")).toString(), QStringLiteral("402"));
    QVERIFY(!made.value(QLatin1String("lineItems")).toObject()
                     .value(QLatin1String("elements")).toArray().isEmpty());
}

void TestCloverChannel::anExpiredCloverTokenRefreshed()
{
    QSignalSpy renewed(m_http.get(), &PosHttp::credentialsRenewed);
    QVERIFY(renewed.isValid());
    const QByteArray before = m_http->auth()->secretToKeep();

    // Events queue while Clover is away, and the access token lapses on Clover's clock meanwhile.
    m_fake->goAway();
    QStringList ids;
    for (const char *number : {"501", "502", "503"})
        ids.append(placePlatformOrder(QString::fromLatin1(number)));
    QVERIFY(!ids.contains(QString()));
    TransitionDetails accept;
    accept.promisedAt = t0 + 45 * 60'000;
    QVERIFY(m_bed->engine().transition(ids.at(0), OrderState::Accepted, cook, accept).ok);
    QVERIFY(m_bed->engine().transition(ids.at(1), OrderState::Accepted, cook, accept).ok);
    QVERIFY(m_bed->engine().reject(ids.at(2), cook, QStringLiteral("no driver")).ok);
    waitMinutes(31);
    QVERIFY(*m_fake->accessTokenExpiresAtMs(m_issued.accessToken) <= m_bed->clock().nowMs());
    QCOMPARE(renewed.count(), 0);
    QCOMPARE(m_fake->appliedWriteCount(), 0);

    // Clover comes back: the next write renews the pair once, and every queued write goes once.
    QVERIFY(m_fake->comeBack());
    m_bed->clock().advanceMs(60'000);
    m_bed->engine().channels().dispatchSoon();
    QTRY_VERIFY_WITH_TIMEOUT(drained(), 15'000);
    QCOMPARE(renewed.count(), 1);
    int refreshes = 0;
    for (const FakeExchange &exchange : m_fake->exchanges()) {
        if (exchange.request.path == QLatin1String(CloverOAuth::refreshPath))
            ++refreshes;
    }
    QCOMPARE(refreshes, 1);
    for (const QString &id : ids)
        QCOMPARE(m_fake->appliedWrites(CloverVendor::referenceFor(id)).size(), 1);
    QCOMPARE(writesNotCreates(), 1); // the rejection's note

    // What goes to the keychain is the new pair, and it works; a restart resumes with it.
    const QByteArray kept = m_http->auth()->secretToKeep();
    QVERIFY(kept != before);
    const QJsonObject pair = QJsonDocument::fromJson(kept).object();
    const QString access = pair.value(QLatin1String("access_token")).toString();
    QVERIFY(access != m_issued.accessToken);
    QVERIFY(pair.value(QLatin1String("refresh_token")).toString() != m_issued.refreshToken);
    QVERIFY(*m_fake->accessTokenExpiresAtMs(access) > m_bed->clock().nowMs());
    Result<std::unique_ptr<CloverOAuth>> resumed =
            CloverOAuth::fromKept(kept, QString::fromLatin1(CloverFake::defaultAppId));
    QVERIFY2(resumed.ok(), qPrintable(resumed.error()));
    PosHttp restarted(*m_vendor, m_bed->clock());
    restarted.setBaseUrl(m_fake->baseUrl());
    restarted.setAuth(std::move(*resumed));
    QCOMPARE(call(restarted, PosCall::get(m_vendor->merchantPath({}))).status, 200);

    // The old refresh token was single-use: Clover refuses it, and the refusal reads in words.
    PosHttp stale(*m_vendor, m_bed->clock());
    stale.setBaseUrl(m_fake->baseUrl());
    stale.setAuth(std::make_unique<CloverOAuth>(QString::fromLatin1(CloverFake::defaultAppId),
                                                CloverSignIn::pairOf(m_issued)));
    const PosAnswer refused = call(stale, PosCall::get(m_vendor->merchantPath({})));
    QVERIFY(!refused.answered());
    QVERIFY2(refused.networkError.contains(
                     QStringLiteral("Clover refused the saved sign-in; a manager must connect "
                                    "Clover again")),
             qPrintable(refused.networkError));
}

QTEST_GUILESS_MAIN(TestCloverChannel)
#include "tst_cloverchannel.moc"
