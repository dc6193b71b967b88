// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Clover's orders reaching the board: the fake's ID-only webhooks (X-Clover-Auth) POSTed to the
// console's listener on 127.0.0.1, the orders they name fetched, and the poll by modifiedTime,
// all into a real engine on a SQLite file. Clover lists no deleted orders, so a deletion whose
// webhook was lost is found by the feed's sweep of quiet open tickets.
#include "enginetestbed.h"

#include "fakes/clover/cloverfake.h"
#include "pos/clover/cloveroauth.h"
#include "pos/clover/clovervendor.h"
#include "pos/posfeed.h"
#include "pos/posorderdiff.h"
#include "pos/poshttp.h"
#include "pos/poswebhooklistener.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
constexpr qint64 sweepIntervalMs = 5 * 60'000;
const QString storeId = QStringLiteral("store-1");
const QString source = QStringLiteral("pos:clover");

QJsonObject counterOrder(const QString &title)
{
    const auto line = [](const char *name, qint64 price) {
        return QJsonObject {{QStringLiteral("name"), QString::fromLatin1(name)},
                            {QStringLiteral("price"), price}};
    };
    return {{QStringLiteral("title"), title},
            {QStringLiteral("state"), QStringLiteral("open")},
            {QStringLiteral("lineItems"),
             QJsonArray {line("Burger", 1250), line("Burger", 1250), line("Fries", 350)}}};
}
} // namespace

class TestCloverFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aWebhookBringsATillOrderToTheBoard();
    void aWrongAuthCodeIsRefused();
    void thePollBringsWhatDroppedWebhooksMissedAndNothingTwice();
    void tillChangesArriveItemByItemAndADeleteCancels();
    void anOrderThisConsoleSentToCloverIsNoNewTicket();
    void aDeleteWhoseWebhookWasLostIsFoundByTheSweep();
    void aCheckThatFailsLeavesTheTicketForTheNextRound();

private:
    /** Rings an order up without the webhook Clover sends for it. */
    QString ringUpQuietly(const QJsonObject &order);
    bool pollAndApply();
    /** Polls, and returns what the sweep round after it checked and found gone. */
    std::optional<QPair<int, int>> pollAndSweep();
    int eventCount(const QString &orderId) { return int(m_bed->store().events(orderId).size()); }

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<CloverFake> m_fake;
    std::unique_ptr<CloverVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosFeed> m_feed;
    std::unique_ptr<PosWebhookListener> m_listener;
};

void TestCloverFeed::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    ManualClock &clock = m_bed->clock();
    m_fake = std::make_unique<CloverFake>();
    m_fake->setClock([&clock] { return clock.nowMs(); });
    QVERIFY(m_fake->listen());
    m_listener = std::make_unique<PosWebhookListener>();
    QVERIFY(m_listener->listen());
    const QString webhookUrl =
            QStringLiteral("http://127.0.0.1:%1/pos/clover").arg(m_listener->port());
    m_fake->setWebhookUrl(webhookUrl);

    m_vendor = std::make_unique<CloverVendor>(CloverVendor::Config {
            QString::fromLatin1(CloverFake::defaultMerchantId),
            QString::fromLatin1(CloverFake::defaultAppId),
            m_fake->webhookAuthCode().toUtf8()});
    m_http = std::make_unique<PosHttp>(*m_vendor, clock);
    m_http->setBaseUrl(m_fake->baseUrl());
    const CloverTokenPair issued = m_fake->issueTokens();
    m_http->setAuth(std::make_unique<CloverOAuth>(
            QString::fromLatin1(CloverFake::defaultAppId),
            CloverOAuth::Pair {issued.accessToken.toUtf8(), issued.accessTokenExpiration * 1000,
                               issued.refreshToken.toUtf8(), issued.refreshTokenExpiration * 1000}));
    PosFeed::Config feed;
    feed.storeId = storeId;
    feed.sweepIntervalMs = sweepIntervalMs;
    m_feed = std::make_unique<PosFeed>(*m_vendor, *m_http, m_bed->engine(), m_bed->store(), clock,
                                       feed);
    m_listener->route(QStringLiteral("/pos/clover"), m_feed.get(), QUrl(webhookUrl));
}

void TestCloverFeed::cleanup()
{
    m_listener.reset();
    m_feed.reset();
    m_http.reset();
    m_vendor.reset();
    m_fake.reset();
    m_bed.reset();
}

QString TestCloverFeed::ringUpQuietly(const QJsonObject &order)
{
    m_fake->dropWebhooks(1);
    return m_fake->createCounterOrder(order);
}

bool TestCloverFeed::pollAndApply()
{
    QSignalSpy finished(m_feed.get(), &PosFeed::pollFinished);
    QSignalSpy flushed(m_feed.get(), &PosFeed::flushed);
    QSignalSpy drained(&m_bed->engine(), &OrderEngine::incomingDrained);
    if (!finished.isValid() || !flushed.isValid() || !drained.isValid())
        return false;
    m_feed->pollNow();
    if (!finished.wait(5000) || !finished.constFirst().constFirst().toBool())
        return false;
    if (flushed.isEmpty() && !flushed.wait(5000))
        return false;
    return flushed.constLast().constFirst().toInt() == 0 || !drained.isEmpty() || drained.wait(5000);
}

std::optional<QPair<int, int>> TestCloverFeed::pollAndSweep()
{
    QSignalSpy swept(m_feed.get(), &PosFeed::sweepFinished);
    if (!swept.isValid() || !pollAndApply() || (swept.isEmpty() && !swept.wait(5000)))
        return std::nullopt;
    return qMakePair(swept.constFirst().at(0).toInt(), swept.constFirst().at(1).toInt());
}

void TestCloverFeed::aWebhookBringsATillOrderToTheBoard()
{
    const QString id = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ana")));
    QTRY_VERIFY(m_bed->engine().order(id));
    const Order onBoard = *m_bed->engine().order(id);
    QCOMPARE(onBoard.source, source);
    QCOMPARE(onBoard.state, OrderState::Placed);
    QCOMPARE(onBoard.number, QStringLiteral("Ana"));
    QCOMPARE(onBoard.items.size(), 2);
    QCOMPARE(onBoard.items.constFirst().quantity, 2);
    QCOMPARE(m_fake->webhooks().deliveries().constLast().status, 200);
}

void TestCloverFeed::aWrongAuthCodeIsRefused()
{
    const QString id = ringUpQuietly(counterOrder(QStringLiteral("Ana")));
    QSignalSpy refused(m_feed.get(), &PosFeed::webhookRefused);
    QSignalSpy delivered(&m_fake->webhooks(), &WebhookSender::delivered);
    QVERIFY(refused.isValid());
    QVERIFY(delivered.isValid());
    QVERIFY(!m_fake->sendOrderWebhook(id, QStringLiteral("CREATE"), true).isEmpty());
    QVERIFY(delivered.wait(5000));
    QCOMPARE(delivered.constFirst().at(1).toInt(), 401);
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.constFirst().constFirst().toString().contains(QStringLiteral("X-Clover-Auth")),
             qPrintable(refused.constFirst().constFirst().toString()));
    QCOMPARE(m_fake->exchanges().size(), 0); // nothing was fetched for it
    QVERIFY(!m_bed->engine().order(id));
}

void TestCloverFeed::thePollBringsWhatDroppedWebhooksMissedAndNothingTwice()
{
    m_fake->dropWebhooks(-1); // Clover does not promise delivery: the poll is the safety net
    const QString first = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ana")));
    m_bed->clock().advanceMs(1000);
    const QString second = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ben")));
    QVERIFY(pollAndApply());
    QVERIFY(m_bed->engine().order(first));
    QVERIFY(m_bed->engine().order(second));
    const int events = eventCount(first) + eventCount(second);

    // The same views again, by poll and by a late webhook: the inbox drops them all.
    m_fake->dropWebhooks(0);
    QSignalSpy flushed(m_feed.get(), &PosFeed::flushed);
    QVERIFY(flushed.isValid());
    QVERIFY(!m_fake->sendOrderWebhook(first, QStringLiteral("UPDATE")).isEmpty());
    QVERIFY(flushed.wait(5000));
    QVERIFY(pollAndApply());
    QCOMPARE(eventCount(first) + eventCount(second), events);
    QCOMPARE(m_bed->engine().openOrders().size(), 2);
}

void TestCloverFeed::tillChangesArriveItemByItemAndADeleteCancels()
{
    const QString id = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ana")));
    QTRY_VERIFY(m_bed->engine().order(id));
    m_bed->clock().advanceMs(20'000);
    const QString burger = m_fake->order(id)->value(QLatin1String("lineItems")).toObject()
                                   .value(QLatin1String("elements")).toArray().first().toObject()
                                   .value(QLatin1String("id")).toString();
    QVERIFY(m_fake->removeLineItemAtTill(id, burger)); // a burger voided at the till
    QTRY_COMPARE(m_bed->engine().order(id)->items.constFirst().quantity, 1);
    QCOMPARE(m_bed->store().events(id).constLast().kind, EventKind::Modified);
    m_bed->clock().advanceMs(20'000);
    QVERIFY(m_fake->addLineItemAtTill(id, {{QStringLiteral("name"), QStringLiteral("Shake")},
                                           {QStringLiteral("price"), 500}})
                    .size());
    QTRY_COMPARE(m_bed->engine().order(id)->items.size(), 3);

    m_bed->clock().advanceMs(20'000);
    QVERIFY(m_fake->deleteCounterOrder(id)); // voided at the till: gone from Clover
    QTRY_COMPARE(m_bed->engine().order(id)->state, OrderState::Cancelled);
}

void TestCloverFeed::anOrderThisConsoleSentToCloverIsNoNewTicket()
{
    QJsonObject sent = counterOrder(QStringLiteral("181"));
    sent.insert(QStringLiteral("externalReferenceId"),
                CloverVendor::referenceFor(QStringLiteral("hub-181")));
    QSignalSpy flushed(m_feed.get(), &PosFeed::flushed);
    QVERIFY(flushed.isValid());
    const QString id = m_fake->createCounterOrder(sent);
    QVERIFY(flushed.wait(5000)); // fetched and read
    QCOMPARE(flushed.constFirst().constFirst().toInt(), 0);
    QVERIFY(pollAndApply());
    QVERIFY(!m_bed->engine().order(id));
    QVERIFY(m_bed->engine().openOrders().isEmpty());
}

void TestCloverFeed::aDeleteWhoseWebhookWasLostIsFoundByTheSweep()
{
    const QString id = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ana")));
    QTRY_VERIFY(m_bed->engine().order(id));
    const Order open = *m_bed->engine().order(id);
    const int placedEvents = eventCount(id);
    m_fake->dropWebhooks(1);
    QVERIFY(m_fake->deleteCounterOrder(id)); // deleted at the till; its DELETE webhook is lost
    QCOMPARE(m_fake->droppedWebhooks().size(), 1);
    QVERIFY(pollAndApply()); // Clover lists no deleted order: the poll cannot tell
    QCOMPARE(m_bed->engine().order(id)->state, OrderState::Placed);

    // Quiet for a sweep interval: the next round fetches it, and Clover answers 404.
    m_bed->clock().advanceMs(sweepIntervalMs);
    QCOMPARE(pollAndSweep(), std::optional(qMakePair(1, 1)));
    QTRY_COMPARE(m_bed->engine().order(id)->state, OrderState::Cancelled);
    QCOMPARE(eventCount(id), placedEvents + 1);
    const OrderEvent cancel = m_bed->store().events(id).constLast();
    QCOMPARE(cancel.to, OrderState::Cancelled);
    QCOMPARE(cancel.reason, QStringLiteral("Voided at the till"));

    // The lost webhook's deletion is the same event: applied against the ticket as it stood
    // open, the inbox drops it.
    const QJsonObject deletion {{QStringLiteral("objectId"), QString(QStringLiteral("O:") + id)},
                                {QStringLiteral("type"), QStringLiteral("DELETE")},
                                {QStringLiteral("ts"), t0 + 1000}};
    const QJsonObject merchants {
            {QString::fromLatin1(CloverFake::defaultMerchantId), QJsonArray {deletion}}};
    PosWebhook late;
    late.headers.insert("x-clover-auth", m_fake->webhookAuthCode().toUtf8());
    late.body = QJsonDocument(QJsonObject {
            {QStringLiteral("appId"), QString::fromLatin1(CloverFake::defaultAppId)},
            {QStringLiteral("merchants"), merchants}}).toJson();
    const Result<PosChanges> heard = m_vendor->readWebhook(late);
    QVERIFY2(heard, qPrintable(heard.error()));
    QCOMPARE(heard->orders.size(), 1);
    const Result<PosOrder> deleted = m_vendor->readOrder(heard->orders.constFirst());
    QVERIFY(deleted);
    const QList<IncomingEvent> again = PosOrderDiff::eventsFor(
            *deleted, open, {storeId, m_bed->clock().nowMs(), 15, {}});
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.constFirst().event.id, cancel.id);
    QSignalSpy drained(&m_bed->engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    m_bed->engine().applyIncoming(again, std::nullopt);
    QVERIFY(drained.wait(5000));
    QCOMPARE(eventCount(id), placedEvents + 1);

    // And the webhook itself, arriving late at the listener, changes nothing.
    QSignalSpy flushed(m_feed.get(), &PosFeed::flushed);
    QVERIFY(flushed.isValid());
    QVERIFY(!m_fake->sendOrderWebhook(id, QStringLiteral("DELETE")).isEmpty());
    QVERIFY(flushed.wait(5000));
    QCOMPARE(flushed.constLast().constFirst().toInt(), 0);
    QCOMPARE(eventCount(id), placedEvents + 1);
    QCOMPARE(m_bed->engine().order(id)->state, OrderState::Cancelled);
}

void TestCloverFeed::aCheckThatFailsLeavesTheTicketForTheNextRound()
{
    const QString kept = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ana")));
    const QString id = m_fake->createCounterOrder(counterOrder(QStringLiteral("Ben")));
    QTRY_VERIFY(m_bed->engine().order(kept) && m_bed->engine().order(id));
    const int events = eventCount(kept) + eventCount(id);
    m_fake->dropWebhooks(1);
    QVERIFY(m_fake->deleteCounterOrder(id));

    // The poll brings the order still at Clover, so only the deleted one is quiet and checked;
    // its check meets a 500: nothing changes, and nothing is read as gone.
    m_bed->clock().advanceMs(sweepIntervalMs);
    m_fake->failNext(1, 500, m_vendor->merchantPath(QStringLiteral("/orders/") + id));
    QCOMPARE(pollAndSweep(), std::optional(qMakePair(1, 0)));
    const auto failed = std::count_if(m_fake->exchanges().cbegin(), m_fake->exchanges().cend(),
                                      [](const FakeExchange &exchange) {
                                          return exchange.status == 500;
                                      });
    QCOMPARE(failed, 1);
    QCOMPARE(eventCount(kept) + eventCount(id), events);
    QCOMPARE(m_bed->engine().order(id)->state, OrderState::Placed);

    // The next round asks again and cancels it; the order still at Clover stays on the board.
    m_bed->clock().advanceMs(sweepIntervalMs);
    QCOMPARE(pollAndSweep(), std::optional(qMakePair(1, 1)));
    QTRY_COMPARE(m_bed->engine().order(id)->state, OrderState::Cancelled);
    QCOMPARE(m_bed->engine().order(kept)->state, OrderState::Placed);
    QCOMPARE(eventCount(kept) + eventCount(id), events + 1);
}

QTEST_GUILESS_MAIN(TestCloverFeed)
#include "tst_cloverfeed.moc"
