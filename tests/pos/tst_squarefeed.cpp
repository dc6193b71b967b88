// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Square's orders reaching the board: the fake's signed webhooks POSTed to the console's listener
// on 127.0.0.1, the orders they name fetched, and the poll by updated_at, all into a real engine
// on a SQLite file.
#include "enginetestbed.h"
#include "squaretill.h"

#include "../posfakes/fakeclient.h"
#include "fakes/square/squarefake.h"
#include "pos/posfeed.h"
#include "pos/poshttp.h"
#include "pos/poswebhooklistener.h"
#include "pos/square/squarevendor.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString storeId = QStringLiteral("store-1");
const QString source = QStringLiteral("pos:square");
} // namespace

class TestSquareFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aWebhookBringsATillOrderToTheBoard();
    void aReplayedWebhookAndAPollBringNothingTwice();
    void aBadSignatureIsRefusedAndLogged();
    void thePollBringsOrdersNoWebhookNamed();
    void tillChangesArriveItemByItemAndAVoidCancels();
    void anOrderThisConsoleSentToSquareIsNoNewTicket();

private:
    /** Rings an order up without the webhook Square sends for it: the test sends its own. */
    QString ringUpQuietly(const QJsonObject &order);
    /** Sends Square's webhook for orderId and waits until the listener answered it. */
    int deliverWebhook(const QString &orderId, const QString &type, bool badSignature = false);
    /** Changes an order at the till through Square's API, at its current version. */
    bool changeAtTill(const QString &orderId, QJsonObject sparse);
    /** Polls once and waits until the feed handed what it read to the engine and it is in. */
    bool pollAndApply();
    int eventCount(const QString &orderId) { return int(m_bed->store().events(orderId).size()); }

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<SquareFake> m_fake;
    std::unique_ptr<SquareVendor> m_vendor;
    std::unique_ptr<PosHttp> m_http;
    std::unique_ptr<PosFeed> m_feed;
    std::unique_ptr<PosWebhookListener> m_listener;
};

void TestSquareFeed::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    ManualClock &clock = m_bed->clock();
    m_fake = std::make_unique<SquareFake>();
    m_fake->setClock([&clock] { return clock.nowMs(); });
    QVERIFY(m_fake->listen());

    m_listener = std::make_unique<PosWebhookListener>();
    QVERIFY(m_listener->listen());
    const QString webhookUrl =
            QStringLiteral("http://127.0.0.1:%1/pos/square").arg(m_listener->port());
    m_fake->setWebhookUrl(webhookUrl);

    SquareVendor::Config vendor;
    vendor.locationId = QString::fromLatin1(SquareFake::defaultLocation);
    vendor.signatureKey = m_fake->signatureKey().toUtf8();
    m_vendor = std::make_unique<SquareVendor>(vendor);
    m_http = std::make_unique<PosHttp>(*m_vendor, clock);
    m_http->setBaseUrl(m_fake->baseUrl());
    m_http->setAccessToken(QByteArray(SquareFake::defaultToken));
    PosFeed::Config feed;
    feed.storeId = storeId;
    m_feed = std::make_unique<PosFeed>(*m_vendor, *m_http, m_bed->engine(), m_bed->store(), clock,
                                       feed);
    m_listener->route(QStringLiteral("/pos/square"), m_feed.get(), QUrl(webhookUrl));
}

void TestSquareFeed::cleanup()
{
    m_listener.reset();
    m_feed.reset();
    m_http.reset();
    m_vendor.reset();
    m_fake.reset();
    m_bed.reset();
}

QString TestSquareFeed::ringUpQuietly(const QJsonObject &order)
{
    const QString webhookUrl = m_fake->webhookUrl();
    m_fake->setWebhookUrl({});
    const QString id = m_fake->createCounterOrder(order);
    m_fake->setWebhookUrl(webhookUrl);
    return id;
}

int TestSquareFeed::deliverWebhook(const QString &orderId, const QString &type, bool badSignature)
{
    QSignalSpy delivered(&m_fake->webhooks(), &WebhookSender::delivered);
    if (!delivered.isValid())
        return -1;
    const QString eventId = m_fake->sendOrderWebhook(orderId, type, badSignature);
    if (eventId.isEmpty() || !delivered.wait(5000))
        return -1;
    return delivered.constFirst().at(1).toInt();
}

bool TestSquareFeed::changeAtTill(const QString &orderId, QJsonObject sparse)
{
    static int changes = 0;
    FakeClient till(m_fake->port(), QByteArray(SquareFake::defaultToken));
    const QJsonObject order = m_fake->order(orderId).value_or(QJsonObject());
    sparse.insert(QStringLiteral("version"), order.value(QLatin1String("version")));
    const FakeAnswer answer = till.call(
            "PUT", QStringLiteral("/v2/orders/") + orderId,
            {{QStringLiteral("order"), sparse},
             {QStringLiteral("idempotency_key"), QStringLiteral("till-%1").arg(++changes)}});
    return answer.status == 200;
}

bool TestSquareFeed::pollAndApply()
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

void TestSquareFeed::aWebhookBringsATillOrderToTheBoard()
{
    const QString id = m_fake->createCounterOrder(SquareTill::counterOrder(QStringLiteral("Ana")));
    QCOMPARE(deliverWebhook(id, QStringLiteral("order.created")), 200);
    QTRY_VERIFY(m_bed->engine().order(id));
    const Order onBoard = *m_bed->engine().order(id);
    QCOMPARE(onBoard.source, source);
    QCOMPARE(onBoard.state, OrderState::Placed);
    QCOMPARE(onBoard.customerName, QStringLiteral("Ana"));
    QCOMPARE(onBoard.items.size(), 1);
    QCOMPARE(onBoard.items.constFirst().name, QStringLiteral("Burger"));
}

void TestSquareFeed::aReplayedWebhookAndAPollBringNothingTwice()
{
    const QString id = m_fake->createCounterOrder(SquareTill::counterOrder(QStringLiteral("Ana")));
    const QString eventId = m_fake->sendOrderWebhook(id, QStringLiteral("order.created"));
    QTRY_VERIFY(m_bed->engine().order(id));
    const int events = eventCount(id);
    QCOMPARE(events, 1);

    QSignalSpy flushed(m_feed.get(), &PosFeed::flushed);
    QVERIFY(flushed.isValid());
    QVERIFY(m_fake->replayWebhook(eventId));
    QTRY_VERIFY(!flushed.isEmpty());
    QCOMPARE(flushed.constLast().constFirst().toInt(), 0);
    QVERIFY(pollAndApply());
    QCOMPARE(eventCount(id), events);
    QCOMPARE(m_bed->engine().openOrders().size(), 1);
}

void TestSquareFeed::aBadSignatureIsRefusedAndLogged()
{
    const QString id = ringUpQuietly(SquareTill::counterOrder(QStringLiteral("Ana")));
    QSignalSpy refused(m_feed.get(), &PosFeed::webhookRefused);
    QVERIFY(refused.isValid());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "pos:square refused a webhook: .*signature")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("webhook listener refused /pos/square")));
    QCOMPARE(deliverWebhook(id, QStringLiteral("order.created"), true), 401);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(m_fake->exchanges().size(), 0); // nothing was fetched for it
    QVERIFY(!m_bed->engine().order(id));
}

void TestSquareFeed::thePollBringsOrdersNoWebhookNamed()
{
    m_fake->setWebhookUrl({}); // Square drops its webhooks: the poll is the safety net
    const QString first = m_fake->createCounterOrder(SquareTill::counterOrder(QStringLiteral("Ana")));
    m_bed->clock().advanceMs(1000);
    const QString second = m_fake->createCounterOrder(SquareTill::counterOrder(QStringLiteral("Ben")));
    QVERIFY(pollAndApply());
    QVERIFY(m_bed->engine().order(first));
    QVERIFY(m_bed->engine().order(second));
    QCOMPARE(m_bed->engine().order(second)->customerName, QStringLiteral("Ben"));
    // The cursor went into the store with them: the next poll starts from the newest change.
    QCOMPARE(m_bed->store().cursor(source),
             m_fake->order(second)->value(QLatin1String("updated_at")).toString());

    QVERIFY(pollAndApply());
    QCOMPARE(eventCount(first), 1);
    QCOMPARE(eventCount(second), 1);
}

void TestSquareFeed::tillChangesArriveItemByItemAndAVoidCancels()
{
    const QString id = m_fake->createCounterOrder(SquareTill::counterOrder(QStringLiteral("Ana")));
    QCOMPARE(deliverWebhook(id, QStringLiteral("order.created")), 200);
    QTRY_VERIFY(m_bed->engine().order(id));

    QVERIFY(changeAtTill(id, {{QStringLiteral("line_items"),
                               QJsonArray {SquareTill::lineItem(QStringLiteral("Fries"), 400)}}}));
    QCOMPARE(deliverWebhook(id, QStringLiteral("order.updated")), 200);
    QTRY_COMPARE(m_bed->engine().order(id)->items.size(), 2);
    QCOMPARE(m_bed->engine().order(id)->items.at(1).name, QStringLiteral("Fries"));
    QCOMPARE(m_bed->store().events(id).constLast().kind, EventKind::Modified);

    QVERIFY(changeAtTill(id, {{QStringLiteral("state"), QStringLiteral("CANCELED")}}));
    QCOMPARE(deliverWebhook(id, QStringLiteral("order.updated")), 200);
    QTRY_COMPARE(m_bed->engine().order(id)->state, OrderState::Cancelled);
}

void TestSquareFeed::anOrderThisConsoleSentToSquareIsNoNewTicket()
{
    QJsonObject sent = SquareTill::counterOrder(QStringLiteral("Ana"));
    sent.insert(QStringLiteral("metadata"),
                QJsonObject {{QStringLiteral("kitchen_console_order_id"), QStringLiteral("hub-181")}});
    QSignalSpy flushed(m_feed.get(), &PosFeed::flushed);
    QVERIFY(flushed.isValid());
    const QString id = ringUpQuietly(sent);
    QCOMPARE(deliverWebhook(id, QStringLiteral("order.created")), 200);
    QTRY_VERIFY(!flushed.isEmpty()); // fetched and read
    QCOMPARE(flushed.constFirst().constFirst().toInt(), 0);
    QVERIFY(pollAndApply());
    QVERIFY(!m_bed->engine().order(id));
    QVERIFY(m_bed->engine().openOrders().isEmpty());
}

QTEST_GUILESS_MAIN(TestSquareFeed)
#include "tst_squarefeed.moc"
