// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Clover fake on a real loopback server, held to Clover's published behaviour: expiring OAuth
// tokens with single-use refresh tokens, filter= lists with offset paging, multi-call creates
// with no idempotency (a repeated externalReferenceId really duplicates), print events, 429s with
// Clover's X-RateLimit-* headers, and ID-only webhooks carrying a static X-Clover-Auth code that
// may be dropped, replayed or wrong. Time moves on an injected clock; nothing sleeps.
#include "fakes/clover/cloverfake.h"
#include "fakeclient.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {
constexpr qint64 noon = 1767268800000; // 2026-01-01T12:00:00Z
const QString api = QStringLiteral("/v3/merchants/FAKEMERCHANT1");

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject burger(qint64 price = 1250)
{
    return {{s("name"), s("Burger")}, {s("price"), price}, {s("note"), s("no onions")}};
}

struct Received
{
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject update() const
    {
        return json().value(s("merchants")).toObject().value(s("FAKEMERCHANT1")).toArray().at(0)
            .toObject();
    }
};

QStringList idsOf(const FakeAnswer &answer)
{
    QStringList ids;
    for (const QJsonValue &order : answer.json.value(s("elements")).toArray())
        ids.append(order.toObject().value(s("id")).toString());
    return ids;
}
} // namespace

class TestCloverFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void refusals_data();
    void refusals();
    void accessTokensExpireOnTheClock();
    void refreshTokensAreSingleUse();
    void anAuthorizationCodeIsExchangedOnce();
    void filtersAndOffsetPaging();
    void badListQueriesAreRefused_data();
    void badListQueriesAreRefused();
    void createThenLineItems();
    void atomicCreateUpdateAndDelete();
    void aRepeatedExternalReferenceIdDuplicates();
    void printEventsMarkLineItemsPrinted();
    void counterOrdersAtTheTill();
    void expandedLineItemsStopAtAHundred();
    void webhooksCarryTheAuthCode();
    void droppedWebhooksAreCaughtByPolling();
    void scriptedRateLimitHeaders();
    void enforcedRateLimits();
    void quirksAddUnknownValuesAndCardNumbers();
    void controlPathsDriveTheTill();

private:
    QString createOrder(const QJsonObject &header);
    QString receiverUrl() const;

    qint64 m_now = noon;
    std::unique_ptr<CloverFake> m_fake;
    std::unique_ptr<FakeClient> m_client;
    std::unique_ptr<QHttpServer> m_receiver;
    quint16 m_receiverPort = 0;
    QList<Received> m_received;
};

void TestCloverFake::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCloverFake::init()
{
    m_now = noon;
    m_received.clear();
    m_fake = std::make_unique<CloverFake>();
    m_fake->setClock([this] { return m_now; });
    m_fake->setSeed(7);
    QVERIFY(m_fake->listen(0));
    m_client = std::make_unique<FakeClient>(m_fake->port(), CloverFake::defaultApiToken);
    m_client->version.clear(); // Clover has no version header
    m_receiver = std::make_unique<QHttpServer>();
    m_receiver->route(s("/hooks/clover"), [this](const QHttpServerRequest &request) {
        m_received.append({request.body(), request.headers()});
        return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
    });
    m_receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_receiverPort != 0);
}

void TestCloverFake::cleanup()
{
    m_client.reset();
    m_fake.reset();
    m_receiver.reset();
}

QString TestCloverFake::createOrder(const QJsonObject &header)
{
    const FakeAnswer answer = m_client->call("POST", api + s("/orders"), header);
    if (answer.status != 200)
        qWarning() << "create failed:" << answer.status << answer.body;
    return answer.json.value(s("id")).toString();
}

QString TestCloverFake::receiverUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/hooks/clover").arg(m_receiverPort);
}

void TestCloverFake::refusals_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("no token") << QByteArray() << api + s("/orders") << 401;
    QTest::newRow("unknown token") << QByteArray("someone-else") << api + s("/orders") << 401;
    QTest::newRow("another merchant")
        << QByteArray(CloverFake::defaultApiToken) << s("/v3/merchants/OTHERMERCHANT/orders")
        << 401;
    QTest::newRow("unknown order")
        << QByteArray(CloverFake::defaultApiToken) << api + s("/orders/ABCDEFGHIJKLM") << 404;
    QTest::newRow("unknown path")
        << QByteArray(CloverFake::defaultApiToken) << api + s("/nothing-here") << 404;
}

void TestCloverFake::refusals()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, path);
    QFETCH(int, status);
    m_client->setToken(token);
    const FakeAnswer refused = m_client->call("GET", path);
    QCOMPARE(refused.status, status);
    QVERIFY(!refused.json.value(s("message")).toString().isEmpty());
}

void TestCloverFake::accessTokensExpireOnTheClock()
{
    const CloverTokenPair pair = m_fake->issueTokens();
    QCOMPARE(pair.accessTokenExpiration, noon / 1000 + 1800);
    QVERIFY(pair.refreshTokenExpiration > pair.accessTokenExpiration);
    QCOMPARE(m_fake->accessTokenExpiresAtMs(pair.accessToken), pair.accessTokenExpiration * 1000);
    QCOMPARE(m_fake->accessTokenExpiresAtMs(s(CloverFake::defaultApiToken)), std::nullopt);

    m_client->setToken(pair.accessToken.toLatin1());
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);
    m_now = pair.accessTokenExpiration * 1000 - 1;
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);
    m_now = pair.accessTokenExpiration * 1000;
    const FakeAnswer expired = m_client->call("GET", api + s("/orders"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.json.value(s("message")).toString(), s("Access token expired"));

    // A merchant's API token never expires; expireAccessToken() lapses any token now.
    m_client->setToken(CloverFake::defaultApiToken);
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);
    QVERIFY(m_fake->expireAccessToken(s(CloverFake::defaultApiToken)));
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 401);
}

void TestCloverFake::refreshTokensAreSingleUse()
{
    const CloverTokenPair first = m_fake->issueTokens();
    const QJsonObject refreshBody {{s("client_id"), s(CloverFake::defaultAppId)},
                                   {s("refresh_token"), first.refreshToken}};
    m_client->setToken({});
    QCOMPARE(m_client->call("POST", s("/oauth/v2/refresh"),
                            {{s("client_id"), s("ANOTHERAPP"), },
                             {s("refresh_token"), first.refreshToken}})
                 .status,
             401);

    m_now += 600000;
    const FakeAnswer refreshed = m_client->call("POST", s("/oauth/v2/refresh"), refreshBody);
    QCOMPARE(refreshed.status, 200);
    const QString access = refreshed.json.value(s("access_token")).toString();
    const QString refresh = refreshed.json.value(s("refresh_token")).toString();
    QVERIFY(!access.isEmpty() && access != first.accessToken);
    QVERIFY(!refresh.isEmpty() && refresh != first.refreshToken);
    QCOMPARE(refreshed.json.value(s("access_token_expiration")).toInteger(),
             m_now / 1000 + 1800);
    QVERIFY(refreshed.json.value(s("refresh_token_expiration")).toInteger() > m_now / 1000);

    // The new pair works; the old pair does not, access token included.
    m_client->setToken(access.toLatin1());
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);
    m_client->setToken(first.accessToken.toLatin1());
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 401);

    // Reusing the spent refresh token is refused and revokes the pair issued from it.
    m_client->setToken({});
    const FakeAnswer reused = m_client->call("POST", s("/oauth/v2/refresh"), refreshBody);
    QCOMPARE(reused.status, 401);
    QVERIFY(!reused.json.value(s("message")).toString().isEmpty());
    m_client->setToken(access.toLatin1());
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 401);
    m_client->setToken({});
    QCOMPARE(m_client->call("POST", s("/oauth/v2/refresh"),
                            {{s("client_id"), s(CloverFake::defaultAppId)},
                             {s("refresh_token"), refresh}})
                 .status,
             401);
}

void TestCloverFake::anAuthorizationCodeIsExchangedOnce()
{
    m_client->setToken({});
    const QJsonObject body {{s("client_id"), s(CloverFake::defaultAppId)},
                            {s("client_secret"), s("secret")},
                            {s("code"), s(CloverFake::defaultAuthorizationCode)}};
    const FakeAnswer exchanged = m_client->call("POST", s("/oauth/v2/token"), body);
    QCOMPARE(exchanged.status, 200);
    QVERIFY(!exchanged.json.value(s("access_token")).toString().isEmpty());
    QCOMPARE(exchanged.json.value(s("access_token_expiration")).toInteger(), noon / 1000 + 1800);
    QCOMPARE(m_client->call("POST", s("/oauth/v2/token"), body).status, 401);
}

void TestCloverFake::filtersAndOffsetPaging()
{
    QStringList made; // oldest first, one second apart
    for (int i = 0; i < 5; ++i) {
        made.append(createOrder({{s("state"), i == 4 ? s("locked") : s("open")},
                                 {s("externalReferenceId"), QStringLiteral("kc-%1").arg(i)}}));
        m_now += 1000;
    }
    const FakeAnswer all = m_client->call("GET", api + s("/orders"));
    QCOMPARE(all.status, 200);
    QStringList newestFirst = made;
    std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(idsOf(all), newestFirst);
    QVERIFY(all.header("X-Clover-Allowed-Filter-Fields").split(',').contains("modifiedTime"));

    QStringList paged;
    for (int offset = 0; offset < 6; offset += 2) {
        const FakeAnswer page = m_client->call(
            "GET", api + QStringLiteral("/orders?filter=modifiedTime>=%1&limit=2&offset=%2")
                             .arg(noon + 1000).arg(offset));
        QCOMPARE(page.status, 200);
        QVERIFY(idsOf(page).size() <= 2);
        paged += idsOf(page);
    }
    QCOMPARE(paged, newestFirst.mid(0, 4));

    const FakeAnswer between = m_client->call(
        "GET", api + QStringLiteral("/orders?filter=modifiedTime>=%1&filter=modifiedTime<%2"
                                    "&orderBy=modifiedTime%20ASC")
                         .arg(noon + 1000).arg(noon + 3000));
    QCOMPARE(idsOf(between), made.mid(1, 2));
    QCOMPARE(idsOf(m_client->call("GET", api + s("/orders?orderBy=createdTime+ASC"))), made);
    const FakeAnswer notOpen = m_client->call("GET", api + s("/orders?filter=state!=open"));
    QCOMPARE(idsOf(notOpen), QStringList {made.at(4)});
    const FakeAnswer byReference =
        m_client->call("GET", api + s("/orders?filter=externalReferenceId=kc-2"));
    QCOMPARE(idsOf(byReference), QStringList {made.at(2)});
    const FakeAnswer quoted = m_client->call("GET", api + s("/orders?filter=state='locked'"));
    QCOMPARE(idsOf(quoted), QStringList {made.at(4)});
    // More than 1000 is taken as 1000.
    QCOMPARE(idsOf(m_client->call("GET", api + s("/orders?limit=5000"))).size(), 5);
}

void TestCloverFake::badListQueriesAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("unknown field") << s("filter=colour=red");
    QTest::newRow("no operator") << s("filter=modifiedTime");
    QTest::newRow("zero limit") << s("limit=0");
    QTest::newRow("negative offset") << s("offset=-1");
}

void TestCloverFake::badListQueriesAreRefused()
{
    QFETCH(QString, query);
    const FakeAnswer refused = m_client->call("GET", api + s("/orders?") + query);
    QCOMPARE(refused.status, 400);
    QVERIFY(!refused.json.value(s("message")).toString().isEmpty());
}

void TestCloverFake::createThenLineItems()
{
    const FakeAnswer created = m_client->call(
        "POST", api + s("/orders"),
        {{s("state"), s("open")}, {s("title"), s("Counter 3")}, {s("externalReferenceId"), s("kc-1")},
         {s("lineItems"), QJsonArray {burger()}}});
    QCOMPARE(created.status, 200);
    const QString id = created.json.value(s("id")).toString();
    QVERIFY(QRegularExpression(s("^[A-Z0-9]{13}$")).match(id).hasMatch());
    QCOMPARE(created.json.value(s("createdTime")).toInteger(), noon);
    QCOMPARE(created.json.value(s("modifiedTime")).toInteger(), noon);
    QCOMPARE(created.json.value(s("paymentState")).toString(), s("OPEN"));
    QCOMPARE(created.json.value(s("state")).toString(), s("open"));
    QVERIFY(!created.json.contains(s("lineItems"))); // header fields only
    QVERIFY(m_fake->order(id)->value(s("lineItems")).toObject().value(s("elements")).toArray()
                .isEmpty());

    m_now += 500;
    const FakeAnswer line = m_client->call("POST", api + s("/orders/") + id + s("/line_items"),
                                           burger());
    QCOMPARE(line.status, 200);
    QCOMPARE(line.json.value(s("price")).toInteger(), 1250);
    QCOMPARE(line.json.value(s("printed")).toBool(), false);
    QCOMPARE(line.json.value(s("orderRef")).toObject().value(s("id")).toString(), id);
    const FakeAnswer noPrice = m_client->call("POST", api + s("/orders/") + id + s("/line_items"),
                                              {{s("name"), s("Air")}});
    QCOMPARE(noPrice.status, 400);
    m_fake->addInventoryItem(s("ITEMFRIES0001"), s("Fries"), 400);
    QCOMPARE(m_client->call("POST", api + s("/orders/") + id + s("/line_items"),
                            {{s("item"), QJsonObject {{s("id"), s("ITEMFRIES0001")}}}})
                 .json.value(s("price")).toInteger(),
             400);
    const FakeAnswer bulk = m_client->call(
        "POST", api + s("/orders/") + id + s("/bulk_line_items"),
        {{s("items"), QJsonArray {burger(900), QJsonObject {{s("name"), s("Soda")},
                                                            {s("price"), 250},
                                                            {s("modifications"),
                                                             QJsonArray {QJsonObject {
                                                                 {s("name"), s("Large")},
                                                                 {s("amount"), 50}}}}}}}});
    QCOMPARE(bulk.status, 200);
    QCOMPARE(QJsonDocument::fromJson(bulk.body).array().size(), 2);

    const FakeAnswer plain = m_client->call("GET", api + s("/orders/") + id);
    QVERIFY(!plain.json.contains(s("lineItems")));
    QCOMPARE(plain.json.value(s("modifiedTime")).toInteger(), noon + 500);
    const FakeAnswer expanded = m_client->call(
        "GET", api + s("/orders/") + id + s("?expand=lineItems,lineItems.modifications"));
    const QJsonArray items = expanded.json.value(s("lineItems")).toObject().value(s("elements"))
                                 .toArray();
    QCOMPARE(items.size(), 4);
    QCOMPARE(items.at(3).toObject().value(s("modifications")).toObject().value(s("elements"))
                 .toArray().at(0).toObject().value(s("amount")).toInteger(),
             50);
    const FakeAnswer noMods = m_client->call("GET", api + s("/orders/") + id + s("?expand=lineItems"));
    QVERIFY(!noMods.json.value(s("lineItems")).toObject().value(s("elements")).toArray().at(3)
                 .toObject().contains(s("modifications")));

    // The ledger: the create under its externalReferenceId, the rest under synthetic keys.
    QCOMPARE(m_fake->appliedWrites(s("kc-1")).size(), 1);
    QCOMPARE(m_fake->appliedWrites(CloverFake::writeKey(s("line_item"), id, burger())).size(), 1);
    QCOMPARE(m_fake->appliedWriteCount(), 4);
}

void TestCloverFake::atomicCreateUpdateAndDelete()
{
    const FakeAnswer atomic = m_client->call(
        "POST", api + s("/atomic_order/orders"),
        {{s("orderCart"), QJsonObject {{s("title"), s("Pickup")},
                                       {s("lineItems"), QJsonArray {burger(), burger(750)}}}}});
    QCOMPARE(atomic.status, 200);
    const QString id = atomic.json.value(s("id")).toString();
    QCOMPARE(atomic.json.value(s("total")).toInteger(), 2000);
    QCOMPARE(atomic.json.value(s("lineItems")).toObject().value(s("elements")).toArray().size(), 2);
    QCOMPARE(m_client->call("POST", api + s("/atomic_order/orders"), {}).status, 400);

    // No versions: the last writer wins.
    m_now += 10;
    QCOMPARE(m_client->call("POST", api + s("/orders/") + id, {{s("note"), s("first")}}).status, 200);
    const FakeAnswer second = m_client->call("POST", api + s("/orders/") + id,
                                             {{s("note"), s("second")}});
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json.value(s("note")).toString(), s("second"));
    QCOMPARE(second.json.value(s("title")).toString(), s("Pickup"));
    QCOMPARE(second.json.value(s("modifiedTime")).toInteger(), noon + 10);

    QCOMPARE(m_client->call("DELETE", api + s("/orders/") + id).status, 200);
    QCOMPARE(m_client->call("GET", api + s("/orders/") + id).status, 404);
    QCOMPARE(m_client->call("DELETE", api + s("/orders/") + id).status, 404);
    QCOMPARE(m_fake->appliedWrites(CloverFake::writeKey(s("delete"), id, {})).size(), 1);
}

void TestCloverFake::aRepeatedExternalReferenceIdDuplicates()
{
    const QJsonObject header {{s("state"), s("open")}, {s("externalReferenceId"), s("kc-7")}};
    const QString first = createOrder(header);
    const QString second = createOrder(header); // a blind retry
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(first != second);
    QCOMPARE(m_fake->appliedWrites(s("kc-7")).size(), 2);
    QCOMPARE(m_fake->ordersWithReference(s("kc-7")).size(), 2);
    const FakeAnswer found =
        m_client->call("GET", api + s("/orders?filter=externalReferenceId=kc-7"));
    QCOMPARE(idsOf(found).size(), 2);
}

void TestCloverFake::printEventsMarkLineItemsPrinted()
{
    const QString id = createOrder({{s("state"), s("open")}});
    QCOMPARE(m_client->call("POST", api + s("/orders/") + id + s("/line_items"), burger()).status,
             200);
    m_fake->setPrintDurationMs(3000);
    const FakeAnswer event = m_client->call("POST", api + s("/print_event"),
                                            {{s("orderRef"), QJsonObject {{s("id"), id}}}});
    QCOMPARE(event.status, 200);
    QCOMPARE(event.json.value(s("state")).toString(), s("CREATED"));
    const QString eventPath = api + s("/print_event/") + event.json.value(s("id")).toString();
    QCOMPARE(m_client->call("GET", eventPath).json.value(s("state")).toString(), s("CREATED"));

    m_now += 3000;
    QCOMPARE(m_client->call("GET", eventPath).json.value(s("state")).toString(), s("DONE"));
    const FakeAnswer order = m_client->call("GET", api + s("/orders/") + id + s("?expand=lineItems"));
    QCOMPARE(order.json.value(s("lineItems")).toObject().value(s("elements")).toArray().at(0)
                 .toObject().value(s("printed")).toBool(),
             true);
    QCOMPARE(order.json.value(s("modifiedTime")).toInteger(), noon + 3000);

    QCOMPARE(m_client->call("POST", api + s("/print_event"), {}).status, 400);
    QCOMPARE(m_client->call("POST", api + s("/print_event"),
                            {{s("orderRef"), QJsonObject {{s("id"), s("NOSUCHORDER00")}}}})
                 .status,
             404);
    m_fake->setPrinterFails(true);
    const FakeAnswer failing = m_client->call("POST", api + s("/print_event"),
                                              {{s("orderRef"), QJsonObject {{s("id"), id}}}});
    m_now += 3000;
    m_fake->settlePrinting();
    QCOMPARE(m_client->call("GET", api + s("/print_event/") + failing.json.value(s("id")).toString())
                 .json.value(s("state")).toString(),
             s("FAILED"));
}

void TestCloverFake::counterOrdersAtTheTill()
{
    const QString id = m_fake->createCounterOrder(
        {{s("state"), QJsonValue::Null}, {s("lineItems"), QJsonArray {burger(), burger(500)}}});
    QVERIFY(!id.isEmpty());
    const FakeAnswer hidden = m_client->call("GET", api + s("/orders/") + id + s("?expand=lineItems"));
    QCOMPARE(hidden.status, 200);
    QVERIFY(!hidden.json.contains(s("state"))); // null: hidden
    QCOMPARE(hidden.json.value(s("total")).toInteger(), 1750);
    const QJsonArray items = hidden.json.value(s("lineItems")).toObject().value(s("elements"))
                                 .toArray();
    QCOMPARE(items.size(), 2);

    m_now += 100;
    const QString added = m_fake->addLineItemAtTill(id, burger(300));
    QVERIFY(!added.isEmpty());
    QVERIFY(m_fake->removeLineItemAtTill(id, items.at(0).toObject().value(s("id")).toString()));
    QVERIFY(m_fake->updateCounterOrder(id, {{s("state"), s("locked")},
                                            {s("paymentState"), s("PAID")}}));
    const QJsonObject stored = *m_fake->order(id);
    QCOMPARE(stored.value(s("lineItems")).toObject().value(s("elements")).toArray().size(), 2);
    QCOMPARE(stored.value(s("paymentState")).toString(), s("PAID"));
    QCOMPARE(stored.value(s("modifiedTime")).toInteger(), noon + 100);
    QCOMPARE(m_fake->appliedWriteCount(), 0); // the till is not an API client

    QVERIFY(m_fake->deleteCounterOrder(id));
    QCOMPARE(m_client->call("GET", api + s("/orders/") + id).status, 404);
    QVERIFY(!m_fake->deleteCounterOrder(id));
}

void TestCloverFake::expandedLineItemsStopAtAHundred()
{
    QJsonArray many;
    for (int i = 0; i < 120; ++i)
        many.append(burger(100 + i));
    const QString id = m_fake->createCounterOrder({{s("state"), s("open")}, {s("lineItems"), many}});
    const FakeAnswer order = m_client->call("GET", api + s("/orders/") + id + s("?expand=lineItems"));
    QCOMPARE(order.json.value(s("lineItems")).toObject().value(s("elements")).toArray().size(), 100);
    const FakeAnswer listed = m_client->call("GET", api + s("/orders?expand=lineItems"));
    QCOMPARE(listed.json.value(s("elements")).toArray().at(0).toObject().value(s("lineItems"))
                 .toObject().value(s("elements")).toArray().size(),
             100);
    // The line items' own collection pages past them.
    const FakeAnswer rest =
        m_client->call("GET", api + s("/orders/") + id + s("/line_items?limit=100&offset=100"));
    const QJsonArray tail = rest.json.value(s("elements")).toArray();
    QCOMPARE(tail.size(), 20);
    QCOMPARE(tail.at(19).toObject().value(s("price")).toInteger(), 219);
}

void TestCloverFake::webhooksCarryTheAuthCode()
{
    m_fake->setWebhookUrl(receiverUrl());
    QVERIFY(m_fake->sendVerificationCode(s("a1b2c3")));
    QTRY_COMPARE(m_received.size(), 1);
    QCOMPARE(m_received.at(0).json().value(s("verificationCode")).toString(), s("a1b2c3"));
    QVERIFY(m_received.at(0).header("X-Clover-Auth").isEmpty());

    const QString id = createOrder({{s("state"), s("open")}});
    QTRY_COMPARE(m_received.size(), 2);
    const Received created = m_received.at(1);
    QCOMPARE(created.header("X-Clover-Auth"), QByteArray(CloverFake::defaultWebhookAuthCode));
    QCOMPARE(created.json().value(s("appId")).toString(), s(CloverFake::defaultAppId));
    QCOMPARE(created.update().value(s("objectId")).toString(), s("O:") + id);
    QCOMPARE(created.update().value(s("type")).toString(), s("CREATE"));
    QCOMPARE(created.update().value(s("ts")).toInteger(), noon);

    const QString wrong = m_fake->sendOrderWebhook(id, s("UPDATE"), true);
    QTRY_COMPARE(m_received.size(), 3);
    QVERIFY(m_received.at(2).header("X-Clover-Auth") != CloverFake::defaultWebhookAuthCode);
    QVERIFY(!m_received.at(2).header("X-Clover-Auth").isEmpty());

    // A replay is the same body with the right code.
    QVERIFY(m_fake->replayWebhook(wrong));
    QTRY_COMPARE(m_received.size(), 4);
    QCOMPARE(m_received.at(3).body, m_received.at(2).body);
    QCOMPARE(m_received.at(3).header("X-Clover-Auth"), QByteArray(CloverFake::defaultWebhookAuthCode));

    QCOMPARE(m_client->call("DELETE", api + s("/orders/") + id).status, 200);
    QTRY_COMPARE(m_received.size(), 5);
    QCOMPARE(m_received.at(4).update().value(s("type")).toString(), s("DELETE"));
    QTRY_COMPARE(m_fake->webhooks().pendingCount(), 0);
}

void TestCloverFake::droppedWebhooksAreCaughtByPolling()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QString seen = m_fake->createCounterOrder({{s("state"), s("open")},
                                                     {s("lineItems"), QJsonArray {burger()}}});
    QTRY_COMPARE(m_received.size(), 1);
    const qint64 lastPoll = m_now;
    m_fake->dropWebhooks(2);
    m_now += 1000;
    const QString lost = m_fake->createCounterOrder({{s("state"), s("open")},
                                                     {s("lineItems"), QJsonArray {burger()}}});
    QVERIFY(!m_fake->addLineItemAtTill(seen, burger(200)).isEmpty());
    QCOMPARE(m_fake->droppedWebhooks().size(), 2);
    QVERIFY(!m_fake->replayWebhook(m_fake->droppedWebhooks().at(0))); // never sent
    m_now += 1000;
    const QString after = m_fake->createCounterOrder({{s("state"), s("open")}});
    QTRY_COMPARE(m_received.size(), 2);
    QCOMPARE(m_received.at(1).update().value(s("objectId")).toString(), s("O:") + after);

    // Polling by modifiedTime brings what the webhooks did not.
    const FakeAnswer polled = m_client->call(
        "GET", api + QStringLiteral("/orders?filter=modifiedTime>%1&expand=lineItems").arg(lastPoll));
    QStringList ids = idsOf(polled);
    ids.sort();
    QStringList expected {seen, lost, after};
    expected.sort();
    QCOMPARE(ids, expected);
}

void TestCloverFake::scriptedRateLimitHeaders()
{
    m_fake->rateLimitNext(1, 3, api);
    const FakeAnswer limited = m_client->call("GET", api + s("/orders"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("retry-after"), QByteArray("3"));
    QCOMPARE(limited.header("X-RateLimit-tokenLimit"), QByteArray("16"));
    QVERIFY(!limited.json.value(s("message")).toString().isEmpty());
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);

    QVERIFY(m_fake->setScriptedRateLimit(s("tokenConcurrentLimit")));
    QVERIFY(!m_fake->setScriptedRateLimit(s("perMinute")));
    m_fake->rateLimitNext(1, 1);
    const FakeAnswer concurrent = m_client->call("GET", api + s("/orders"));
    QCOMPARE(concurrent.header("X-RateLimit-tokenConcurrentLimit"), QByteArray("5"));
    QVERIFY(concurrent.header("X-RateLimit-tokenLimit").isEmpty());
}

void TestCloverFake::enforcedRateLimits()
{
    // Off by default: twenty in one millisecond pass.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);
    m_now += 1000;
    m_fake->setRateLimitsEnforced(true);
    for (int i = 0; i < 16; ++i)
        QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);
    const FakeAnswer seventeenth = m_client->call("GET", api + s("/orders"));
    QCOMPARE(seventeenth.status, 429);
    QCOMPARE(seventeenth.header("X-RateLimit-tokenLimit"), QByteArray("16"));
    QCOMPARE(seventeenth.header("retry-after"), QByteArray("1"));
    m_now += 1000;
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 200);

    // Five in flight (held by a scripted latency); the sixth is refused at once.
    m_now += 1000;
    const QByteArray token = CloverFake::defaultApiToken;
    m_fake->delayNext(5, 1500, api);
    QList<QNetworkReply *> held;
    for (int i = 0; i < 5; ++i)
        held.append(m_client->start("GET", api + s("/orders")));
    QTRY_COMPARE(m_fake->inFlight(QString::fromLatin1(token)), 5);
    const FakeAnswer sixth = m_client->call("GET", api + s("/orders"));
    QCOMPARE(sixth.status, 429);
    QCOMPARE(sixth.header("X-RateLimit-tokenConcurrentLimit"), QByteArray("5"));
    for (QNetworkReply *reply : held)
        QCOMPARE(FakeClient::finish(reply).status, 200);
    QCOMPARE(m_fake->inFlight(QString::fromLatin1(token)), 0);
}

void TestCloverFake::quirksAddUnknownValuesAndCardNumbers()
{
    const QString id = m_fake->createCounterOrder(
        {{s("state"), s("open")}, {s("note"), s("table 4")}, {s("lineItems"), QJsonArray {burger()}}});
    m_fake->setUnknownValues(true);
    m_fake->setCardNumberInNotes(true);
    const FakeAnswer fetched = m_client->call("GET", api + s("/orders/") + id + s("?expand=lineItems"));
    QCOMPARE(fetched.json.value(s("paymentState")).toString(), s("PENDING_AUTHORIZATION"));
    QVERIFY(fetched.json.contains(s("merchantRewards")));
    QVERIFY(fetched.json.value(s("note")).toString().contains(s("4111 1111 1111 1111")));
    QVERIFY(fetched.json.value(s("lineItems")).toObject().value(s("elements")).toArray().at(0)
                .toObject().value(s("note")).toString().contains(s("4111 1111 1111 1111")));
    QCOMPARE(m_fake->order(id)->value(s("note")).toString(), s("table 4")); // stored untouched
}

void TestCloverFake::controlPathsDriveTheTill()
{
    FakeClient control(m_fake->port());
    control.version.clear();
    const FakeAnswer made = control.call(
        "POST", s("/__fake/clover/counter-orders"),
        {{s("order"), QJsonObject {{s("state"), s("open")}, {s("externalReferenceId"), s("till-1")},
                                   {s("lineItems"), QJsonArray {burger()}}}}});
    QCOMPARE(made.status, 200);
    const QString id = made.json.value(s("order")).toObject().value(s("id")).toString();
    QCOMPARE(control.call("GET", s("/__fake/clover/orders?external_reference_id=till-1"))
                 .json.value(s("count")).toInt(),
             1);
    QCOMPARE(control.call("POST", s("/__fake/clover/orders/") + id + s("/line-items"), burger())
                 .status,
             200);
    const FakeAnswer tokens = control.call("POST", s("/__fake/clover/tokens"), {});
    const QString access = tokens.json.value(s("access_token")).toString();
    QVERIFY(!access.isEmpty());
    QCOMPARE(control.call("POST", s("/__fake/clover/tokens/expire"), {{s("access_token"), access}})
                 .status,
             200);
    m_client->setToken(access.toLatin1());
    QCOMPARE(m_client->call("GET", api + s("/orders")).status, 401);
    QCOMPARE(control.call("POST", s("/__fake/clover/quirks"), {{s("scripted_rate_limit"), s("x")}})
                 .status,
             400);
    QCOMPARE(control.call("DELETE", s("/__fake/clover/orders/") + id).status, 200);
    QCOMPARE(control.call("GET", s("/__fake/clover/orders/") + id).status, 404);
    QCOMPARE(control.call("GET", s("/__fake/state")).json.value(s("vendor")).toString(), s("clover"));
}

QTEST_GUILESS_MAIN(TestCloverFake)
#include "tst_cloverfake.moc"
