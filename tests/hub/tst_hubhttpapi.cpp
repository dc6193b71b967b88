// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubHttpApi: what customers and couriers do, over real HTTP on 127.0.0.1.
#include "hubstoragebackends.h"
#include "hubtestsupport.h"
#include "loopbackhub.h"
#include "testjson.h"

#include "common/clock.h"
#include "hub/commitscope.h"
#include "hub/hubhttpapi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSemaphore>
#include <QDateTime>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
const QString storeA = QStringLiteral("store-a");

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return TestJson::parse(body); }
};
} // namespace

class TestHubHttpApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void placeNeedsAValidKey_data();
    void placeNeedsAValidKey();
    void placeReplaysTheFirstResponse();
    void sameKeyOtherBodyIs422();
    void keysExpireAfterADay();
    void sameKeyTwiceAtOnceGivesOneOrder();
    void requestWhoseAnswerWasLostIsAnsweredAsTheFirst();
    void anAnswerThatCannotBeKeptUndoesItsOrder();
    void aClientGoneBeforeItsAnswerLeavesTheOrderPlacedOnce();
    void invalidOrderIs400();
    void placedOrderIsAnnounced();
    void platformSteps();
    void illegalStepIs409WithTheReason();
    void bodiesCannotSpeakForStaff();
    void ordersOverTheLimitsAreRefused_data();
    void ordersOverTheLimitsAreRefused();
    void stepReasonOverTheLimitIsRefused();
    void aPairingCodeIsIssuedForAConsoleOfAKnownStore();

private:
    HttpResult post(const QString &path, const QByteArray &body, const QByteArray &key = {});
    QByteArray orderBody(const QString &number, OrderType type = OrderType::Pickup) const;

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LoopbackHub> m_bed; // its log and hub; this test's server is HTTP
    std::unique_ptr<HubHttpApi> m_api;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestHubHttpApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHubHttpApi::init()
{
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_bed = std::make_unique<LoopbackHub>(*m_clock);
    QVERIFY(m_bed->open());
    QVERIFY(m_bed->records().stores().add(storeA));
    m_api = std::make_unique<HubHttpApi>(m_bed->hub(), *m_clock);
    QVERIFY(m_api->listen(0));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void TestHubHttpApi::cleanup()
{
    m_network.reset();
    m_api.reset();
    m_bed.reset();
    m_clock.reset();
}

HttpResult TestHubHttpApi::post(const QString &path, const QByteArray &body, const QByteArray &key)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_api->serverPort()).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!key.isEmpty())
        request.setRawHeader("Idempotency-Key", key);
    std::unique_ptr<QNetworkReply> reply(m_network->post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.isValid())
        return {};
    if (!reply->isFinished() && !finished.wait(5000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

QByteArray TestHubHttpApi::orderBody(const QString &number, OrderType type) const
{
    Order order = HubTest::order(storeA, number, type);
    order.id = QStringLiteral("order-") + number;
    return TestJson::compact(order.toJson());
}

void TestHubHttpApi::placeNeedsAValidKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("status");
    QTest::newRow("missing") << QByteArray() << 400;
    QTest::newRow("256 characters") << QByteArray(256, 'k') << 400;
    QTest::newRow("255 characters") << QByteArray(255, 'k') << 201;
}

void TestHubHttpApi::placeNeedsAValidKey()
{
    QFETCH(QByteArray, key);
    QFETCH(int, status);
    const HttpResult result =
        post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("11")), key);
    QCOMPARE(result.status, status);
    QCOMPARE(m_bed->log().eventCount(), status == 201 ? 1 : 0);
    if (status == 400)
        QVERIFY(!result.json().value(QStringLiteral("error")).toString().isEmpty());
}

void TestHubHttpApi::placeReplaysTheFirstResponse()
{
    const QByteArray body = orderBody(QStringLiteral("12"));
    const HttpResult first = post(QStringLiteral("/v1/stores/store-a/orders"), body, "key-12");
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json().value(QStringLiteral("seq")).toInt(), 1);
    m_clock->advanceMs(60'000);
    const HttpResult second = post(QStringLiteral("/v1/stores/store-a/orders"), body, "key-12");
    QCOMPARE(second.status, 201);
    QCOMPARE(second.body, first.body);
    // The same key as an RFC 8941 sf-string is the same key.
    const HttpResult quoted = post(QStringLiteral("/v1/stores/store-a/orders"), body, "\"key-12\"");
    QCOMPARE(quoted.status, 201);
    QCOMPARE(quoted.body, first.body);
    QCOMPARE(m_bed->log().eventCount(), 1);
    QCOMPARE(m_bed->log().orders(storeA).size(), 1);
}

void TestHubHttpApi::sameKeyOtherBodyIs422()
{
    QCOMPARE(post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("13")), "k")
                 .status,
             201);
    const HttpResult other =
        post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("14")), "k");
    QCOMPARE(other.status, 422);
    QCOMPARE(m_bed->log().eventCount(), 1);
}

void TestHubHttpApi::keysExpireAfterADay()
{
    const QString path = QStringLiteral("/v1/stores/store-a/orders");
    QCOMPARE(post(path, orderBody(QStringLiteral("15")), "daily").status, 201);
    m_clock->advanceMs(HubHttpApi::keyLifetimeMs - 1000);
    QCOMPARE(post(path, orderBody(QStringLiteral("16")), "daily").status, 422);
    // A day later the key is forgotten: reused for another order, it places that order.
    m_clock->advanceMs(2000);
    QCOMPARE(post(path, orderBody(QStringLiteral("16")), "daily").status, 201);
    QCOMPARE(m_bed->log().eventCount(), 2);
    // And a replay of that second request is recognised again.
    QCOMPARE(post(path, orderBody(QStringLiteral("16")), "daily").status, 201);
    QCOMPARE(m_bed->log().eventCount(), 2);
}

void TestHubHttpApi::sameKeyTwiceAtOnceGivesOneOrder()
{
    const QByteArray body = orderBody(QStringLiteral("19"));
    QNetworkRequest request(QUrl(
        QStringLiteral("http://127.0.0.1:%1/v1/stores/store-a/orders").arg(m_api->serverPort())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Idempotency-Key", "at-once");
    // Both requests are on the wire before either answer is read.
    std::unique_ptr<QNetworkReply> first(m_network->post(request, body));
    std::unique_ptr<QNetworkReply> second(m_network->post(request, body));
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 5000);
    const int firstStatus = first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int secondStatus = second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QCOMPARE(firstStatus, 201);
    QVERIFY2(secondStatus == 201 || secondStatus == 409, QByteArray::number(secondStatus));
    if (secondStatus == 201)
        QCOMPARE(second->readAll(), first->readAll());
    QCOMPARE(m_bed->log().eventCount(), 1);
}

// The event committed but its response was never kept (a crash in between, or another hub process
// answering the same key at the same moment): the event id, derived from the request, finds the
// event, and the answer is the first one's however much later the retry comes.
void TestHubHttpApi::requestWhoseAnswerWasLostIsAnsweredAsTheFirst()
{
    const QString path = QStringLiteral("/v1/stores/store-a/orders");
    const QByteArray body = orderBody(QStringLiteral("20"));
    const HttpResult placed = post(path, body, "lost");
    QCOMPARE(placed.status, 201);
    const QString cancel = QStringLiteral("/v1/stores/store-a/orders/order-20/cancel");
    const QByteArray reason = R"({"reason":"customer called"})";
    const HttpResult cancelled = post(cancel, reason, "lost-cancel");
    QCOMPARE(cancelled.status, 200);
    // Past the keys' lifetime the records are gone, as if they had never been saved.
    m_clock->advanceMs(HubHttpApi::keyLifetimeMs + 1000);
    const HttpResult placedAgain = post(path, body, "lost");
    QCOMPARE(placedAgain.status, 201);
    QCOMPARE(placedAgain.json().value(QStringLiteral("seq")).toInt(), 1);
    QCOMPARE(placedAgain.json().value(QStringLiteral("event_id")),
             placed.json().value(QStringLiteral("event_id")));
    const HttpResult cancelledAgain = post(cancel, reason, "lost-cancel");
    QCOMPARE(cancelledAgain.status, 200);
    QCOMPARE(cancelledAgain.json().value(QStringLiteral("seq")).toInt(), 2);
    QCOMPARE(m_bed->log().eventCount(), 2);
    // Without a key a step is a new request each time: this one is refused, as it should be.
    QCOMPARE(post(cancel, reason).status, 409);
}

// The key's record is written in the same transaction as the order's event: if it cannot be kept,
// the order is not placed either (a 500, which the client retries), and the retry places it once.
void TestHubHttpApi::anAnswerThatCannotBeKeptUndoesItsOrder()
{
    const QString path = QStringLiteral("/v1/stores/store-a/orders");
    const QByteArray body = orderBody(QStringLiteral("21"));
    {
        // From outside, as a failing disk would: the idempotency table refuses every write.
        QSqlDatabase outside = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                         QStringLiteral("outside"));
        outside.setDatabaseName(m_bed->databasePath());
        QVERIFY(outside.open());
        QSqlQuery trigger(outside);
        QVERIFY2(trigger.exec(QStringLiteral(
                         "CREATE TRIGGER refuse_keys BEFORE INSERT ON idempotency "
                         "BEGIN SELECT RAISE(ABORT, 'no room for the key'); END")),
                 qPrintable(trigger.lastError().text()));
        QSignalSpy announced(&m_bed->hub(), &Hub::accepted);
        QVERIFY(announced.isValid());
        const HttpResult refused = post(path, body, "kept-together");
        QCOMPARE(refused.status, 500);
        QCOMPARE(refused.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("internal_error"));
        QCOMPARE(m_bed->log().eventCount(), 0);
        QCOMPARE(announced.size(), 0);
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER refuse_keys")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("outside"));

    const HttpResult placed = post(path, body, "kept-together");
    QCOMPARE(placed.status, 201);
    QCOMPARE(m_bed->log().eventCount(), 1);
    QCOMPARE(post(path, body, "kept-together").body, placed.body);
    QCOMPARE(m_bed->log().eventCount(), 1);
}

// The client hangs up while its request waits on a slow commit: the order is placed (the hub
// cannot tell it was wanted no more), the answer is dropped if the hub has seen the socket go
// (the held responder checks it), and the client's retry with its key gets the first answer.
void TestHubHttpApi::aClientGoneBeforeItsAnswerLeavesTheOrderPlacedOnce()
{
    QSemaphore started;
    QSemaphore release;
    m_bed->hub().commitLater(
            {storeA},
            [&](CommitScope &) -> Result<void> {
                started.release();
                release.acquire();
                return {};
            },
            nullptr, {});
    QVERIFY(started.tryAcquire(1, 5000));
    const QByteArray body = orderBody(QStringLiteral("22"));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_api->serverPort());
    QVERIFY(client.waitForConnected(5000));
    client.write("POST /v1/stores/store-a/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/json\r\nIdempotency-Key: hung-up\r\n"
                 "Content-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(client.waitForBytesWritten(5000));
    QTRY_COMPARE(m_bed->hub().partsWaiting(), 1); // read, and queued behind the held commit
    client.abort();
    release.release();
    QTRY_COMPARE(m_bed->log().eventCount(), 1);

    const HttpResult retried = post(QStringLiteral("/v1/stores/store-a/orders"), body, "hung-up");
    QCOMPARE(retried.status, 201);
    QCOMPARE(retried.json().value(QStringLiteral("seq")).toInt(), 1);
    QCOMPARE(m_bed->log().eventCount(), 1);
}

void TestHubHttpApi::invalidOrderIs400()
{
    HttpResult result = post(QStringLiteral("/v1/stores/store-a/orders"), "{nope", "k1");
    QCOMPARE(result.status, 400);
    result = post(QStringLiteral("/v1/stores/store-a/orders"), R"({"id":"x","items":[]})", "k2");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QStringLiteral("error")).toString(), QStringLiteral("bad_order"));
    QCOMPARE(post(QStringLiteral("/v1/stores/nowhere/orders"), orderBody(QStringLiteral("1")), "k3")
                 .status,
             404);
    QCOMPARE(m_bed->log().eventCount(), 0);
    // A refused request saved nothing: the key is still free for a good body.
    QCOMPARE(
        post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("15")), "k2")
            .status,
        201);
}

void TestHubHttpApi::placedOrderIsAnnounced()
{
    QSignalSpy accepted(&m_bed->hub(), &Hub::accepted);
    QVERIFY(accepted.isValid());
    QCOMPARE(post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("16")), "k")
                 .status,
             201);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(accepted.constFirst().at(0).toString(), storeA);
    const auto event = accepted.constFirst().at(1).value<Protocol::SequencedEvent>();
    QCOMPARE(event.seq, 1);
    QCOMPARE(event.event.kind, EventKind::Placed);
    QCOMPARE(event.event.actor, Actor::platform());
}

void TestHubHttpApi::platformSteps()
{
    QCOMPARE(post(QStringLiteral("/v1/stores/store-a/orders"),
                  orderBody(QStringLiteral("17"), OrderType::Delivery), "k")
                 .status,
             201);
    const QString orderId = QStringLiteral("order-17");
    // The kitchen's part, as a console would submit it.
    Order order = *m_bed->log().order(storeA, orderId);
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    QVERIFY(m_bed->hub()
                .submit(HubTest::transition(order, OrderState::Placed, OrderState::Accepted, cook))
                .acked());
    QVERIFY(
        m_bed->hub()
            .submit(HubTest::transition(order, OrderState::Accepted, OrderState::Preparing, cook))
            .acked());
    QVERIFY(m_bed->hub()
                .submit(HubTest::transition(order, OrderState::Preparing, OrderState::Ready, cook))
                .acked());

    const QString base = QStringLiteral("/v1/stores/store-a/orders/order-17/");
    HttpResult result = post(base + QStringLiteral("courier-picked-up"), {});
    QCOMPARE(result.status, 200);
    QCOMPARE(m_bed->log().order(storeA, orderId)->state, OrderState::OutForDelivery);
    QCOMPARE(post(base + QStringLiteral("delivered"), {}).status, 200);
    QCOMPARE(m_bed->log().order(storeA, orderId)->state, OrderState::Delivered);
    result = post(base + QStringLiteral("refund"), R"({"reason":"cold fries"})");
    QCOMPARE(result.status, 200);
    QCOMPARE(m_bed->log().order(storeA, orderId)->state, OrderState::Refunded);
    QCOMPARE(result.json()
                 .value(QStringLiteral("order"))
                 .toObject()
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("refunded"));
    QCOMPARE(
        post(QStringLiteral("/v1/stores/store-a/orders/nope/cancel"), R"({"reason":"x"})").status,
        404);
}

void TestHubHttpApi::illegalStepIs409WithTheReason()
{
    QCOMPARE(post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("18")), "k")
                 .status,
             201);
    const QString base = QStringLiteral("/v1/stores/store-a/orders/order-18/");
    QCOMPARE(post(base + QStringLiteral("cancel"), R"({"reason":"changed my mind"})").status, 200);
    QCOMPARE(m_bed->log().order(storeA, QStringLiteral("order-18"))->state, OrderState::Cancelled);
    const qint64 events = m_bed->log().eventCount();
    const HttpResult again = post(base + QStringLiteral("cancel"), R"({"reason":"twice"})");
    QCOMPARE(again.status, 409);
    QVERIFY2(again.json()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("already")),
             again.body.constData());
    QCOMPARE(post(base + QStringLiteral("delivered"), {}).status, 409);
    QCOMPARE(m_bed->log().eventCount(), events);
}

// The HTTP API speaks for the platform and builds its own events: nothing in a body makes one
// of them a staff event or moves an order past what the platform itself may do.
void TestHubHttpApi::bodiesCannotSpeakForStaff()
{
    Order order = HubTest::order(storeA, QStringLiteral("19"));
    order.id = QStringLiteral("order-19");
    order.state = OrderState::Ready;
    order.stationsDone = {QStringLiteral("grill")};
    QJsonObject body = order.toJson();
    body.insert(QStringLiteral("actor"), QStringLiteral("staff:ana"));
    QCOMPARE(
        post(QStringLiteral("/v1/stores/store-a/orders"), TestJson::compact(body), "k19").status,
        201);
    QCOMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Placed);
    QVERIFY(m_bed->log().order(storeA, order.id)->stationsDone.isEmpty());
    QCOMPARE(m_bed->log().lastEventOf(storeA, order.id)->event.actor, Actor::platform());

    // A step's body may carry only its reason; an actor in it is ignored, not obeyed.
    const QString base = QStringLiteral("/v1/stores/store-a/orders/order-19/");
    QCOMPARE(post(base + QStringLiteral("cancel"),
                  R"({"reason":"out of stock","actor":"manager:boss","to":"refunded"})")
                 .status,
             200);
    const Protocol::SequencedEvent cancel = *m_bed->log().lastEventOf(storeA, order.id);
    QCOMPARE(cancel.event.actor, Actor::platform());
    QCOMPARE(cancel.event.to, std::optional<OrderState>(OrderState::Cancelled));
    QCOMPARE(m_bed->log().order(storeA, order.id)->state, OrderState::Cancelled);
}

namespace {
QByteArray orderJson(const QString &key, const QJsonValue &value)
{
    Order order = HubTest::order(storeA, QStringLiteral("77"));
    order.id = QStringLiteral("order-77");
    QJsonObject json = order.toJson();
    json.insert(key, value);
    return TestJson::compact(json);
}

QByteArray withItemField(const QString &key, const QByteArray &rawValue)
{
    Order order = HubTest::order(storeA, QStringLiteral("78"));
    order.id = QStringLiteral("order-78");
    order.items.first().seat = 4321;
    QByteArray text = TestJson::compact(order.toJson());
    return text.replace("\"seat\":4321", QByteArray("\"").append(key.toUtf8()).append("\":").append(rawValue));
}
} // namespace

void TestHubHttpApi::ordersOverTheLimitsAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QString badOrder = QStringLiteral("bad_order");
    QTest::newRow("customer name of 201")
        << orderJson(QStringLiteral("customer_name"), QString(201, QLatin1Char('c'))) << 400
        << badOrder;
    QTest::newRow("2 MiB customer name")
        << orderJson(QStringLiteral("customer_name"), QString(2 * 1024 * 1024, QLatin1Char('c')))
        << 413 << QStringLiteral("body_too_large");
    QTest::newRow("order id of 129") << orderJson(QStringLiteral("id"), QString(129, QLatin1Char('i')))
                                     << 400 << badOrder;
    QTest::newRow("order id with a newline")
        << orderJson(QStringLiteral("id"), QStringLiteral("order\n77")) << 400 << badOrder;
    QTest::newRow("order id with a bidi override")
        << orderJson(QStringLiteral("id"), QString(QChar(0x202e) + QStringLiteral("77")))
        << 400 << badOrder;
    QTest::newRow("order id empty") << orderJson(QStringLiteral("id"), QString()) << 400
                                    << badOrder;
    QTest::newRow("placed_at 2^53 + 1")
        << orderJson(QStringLiteral("placed_at"), 1234).replace("1234", "9007199254740993") << 400
        << badOrder;
    QTest::newRow("seat 2^53 + 1") << withItemField(QStringLiteral("seat"), "9007199254740993")
                                   << 400 << badOrder;
    QTest::newRow("quantity 1e300") << withItemField(QStringLiteral("quantity"), "1e300") << 400
                                    << badOrder;
    QTest::newRow("1,024 levels deep")
        << orderJson(QStringLiteral("extra"), 1234)
               .replace("1234", QByteArray(1024, '[').append(QByteArray(1024, ']')))
        << 400 << QStringLiteral("bad_json");
    // Every field within its bound, the whole over what one event may be.
    QJsonArray items;
    for (int i = 0; i < 400; ++i)
        items.append(QJsonObject {{QStringLiteral("name"), QString(190, QLatin1Char('n'))}});
    QTest::newRow("order over 64 KiB") << orderJson(QStringLiteral("items"), items) << 400
                                       << QStringLiteral("order_too_large");
}

void TestHubHttpApi::ordersOverTheLimitsAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    QSignalSpy accepted(&m_bed->hub(), &Hub::accepted);
    QVERIFY(accepted.isValid());
    const HttpResult result = post(QStringLiteral("/v1/stores/store-a/orders"), body, "limits");
    QCOMPARE(result.status, status);
    QCOMPARE(result.json().value(QStringLiteral("error")).toString(), error);
    QVERIFY(!result.json().value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(m_bed->log().eventCount(), 0);
    QCOMPARE(accepted.size(), 0);
    // Nothing was remembered under the key: a good body may use it.
    QCOMPARE(post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("79")),
                  "limits")
                 .status,
             201);
}

void TestHubHttpApi::stepReasonOverTheLimitIsRefused()
{
    QCOMPARE(post(QStringLiteral("/v1/stores/store-a/orders"), orderBody(QStringLiteral("20")), "k")
                 .status,
             201);
    const QString cancel = QStringLiteral("/v1/stores/store-a/orders/order-20/cancel");
    const QByteArray longReason = TestJson::compact(
        QJsonObject {{QStringLiteral("reason"), QString(2001, QLatin1Char('r'))}});
    const HttpResult result = post(cancel, longReason);
    QCOMPARE(result.status, 400);
    QVERIFY2(result.json()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("the limit is 2000")),
             result.body.constData());
    QCOMPARE(m_bed->log().order(storeA, QStringLiteral("order-20"))->state, OrderState::Placed);
    QCOMPARE(post(cancel, R"({"reason":"changed my mind"})").status, 200);
}

// Whoever runs the hub asks for a console's one-time code; the console then trades it once.
void TestHubHttpApi::aPairingCodeIsIssuedForAConsoleOfAKnownStore()
{
    const HttpResult issued =
            post(QStringLiteral("/v1/admin/stores/store-a/consoles/grill-1/pairing-code"), {});
    QCOMPARE(issued.status, 201);
    const QJsonObject json = issued.json();
    QCOMPARE(json.value(QStringLiteral("store_id")).toString(), storeA);
    QCOMPARE(json.value(QStringLiteral("console_id")).toString(), QStringLiteral("grill-1"));
    QCOMPARE(QDateTime::fromString(json.value(QStringLiteral("expires_at")).toString(),
                                   Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
             m_clock->nowMs() + PairingDesk::defaultLifetimeMs);
    const QString code = json.value(QStringLiteral("code")).toString();
    const auto paired = m_bed->records().pairing().redeem(code, QStringLiteral("127.0.0.1"));
    QVERIFY(std::holds_alternative<Protocol::Paired>(paired));
    QCOMPARE(std::get<Protocol::Paired>(paired).consoleId, QStringLiteral("grill-1"));

    const HttpResult unknown =
            post(QStringLiteral("/v1/admin/stores/store-x/consoles/grill-1/pairing-code"), {});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json().value(QStringLiteral("error")).toString(),
             QStringLiteral("unknown_store"));
}

QTEST_GUILESS_MAIN(TestHubHttpApi)
#include "tst_hubhttpapi.moc"
