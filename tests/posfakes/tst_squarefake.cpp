// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Square fake on a real loopback server, held to Square's published behaviour: auth and the
// Square-Version header, create, retrieve, sparse update with VERSION_MISMATCH, idempotency keys
// (a repeat applies once, another payload is refused), search with a cursor, orders rung up at
// the POS, and webhooks signed the way Square signs them.
#include "fakes/square/squarefake.h"
#include "fakeclient.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
constexpr qint64 noon = 1767268800000; // 2026-01-01T12:00:00Z
const QString orders = QStringLiteral("/v2/orders");

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject burgerOrder(const QString &fulfillmentType = s("PICKUP"))
{
    return {{s("location_id"), s("LOC1")},
            {s("reference_id"), s("kc-42")},
            {s("line_items"),
             QJsonArray {QJsonObject {{s("name"), s("Burger")},
                                      {s("quantity"), s("2")},
                                      {s("base_price_money"),
                                       QJsonObject {{s("amount"), 1250}, {s("currency"), s("USD")}}}}}},
            {s("fulfillments"),
             QJsonArray {QJsonObject {{s("type"), fulfillmentType},
                                      {s("pickup_details"),
                                       QJsonObject {{s("recipient"),
                                                     QJsonObject {{s("display_name"), s("Ann")}}}}}}}}};
}

QJsonObject createBody(const QString &key, const QJsonObject &order = burgerOrder())
{
    return {{s("idempotency_key"), key}, {s("order"), order}};
}

QJsonObject fulfillmentUpdate(qint64 version, const QString &uid, const QString &state,
                              const QString &key)
{
    return {{s("idempotency_key"), key},
            {s("order"),
             QJsonObject {{s("location_id"), s("LOC1")},
                          {s("version"), version},
                          {s("fulfillments"),
                           QJsonArray {QJsonObject {{s("uid"), uid}, {s("state"), state}}}}}}};
}

QString fulfillmentUid(const QJsonObject &order)
{
    return order.value(s("fulfillments")).toArray().at(0).toObject().value(s("uid")).toString();
}

QJsonObject searchBody(int limit, const QJsonObject &query = {})
{
    QJsonObject body {{s("location_ids"), QJsonArray {s("LOC1")}}, {s("limit"), limit}};
    if (!query.isEmpty())
        body.insert(s("query"), query);
    return body;
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
};
} // namespace

class TestSquareFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void authIsChecked_data();
    void authIsChecked();
    void squareVersionIsRecordedAndAMalformedOneRefused();
    void createRetrieveAndUpdate();
    void staleOrMissingVersionIsRefused();
    void aRepeatedKeyAppliesOnce();
    void aKeyReusedForAnotherPayloadIsRefused();
    void createIsValidated_data();
    void createIsValidated();
    void searchPagesWithACursor();
    void searchFiltersByTimeAndState();
    void counterOrdersAppearAndMayBeReadOnly();
    void aVersionBumpedBySquareMakesAWriteStale();
    void webhooksAreSignedWithTheKeyAndUrl();
    void webhooksCanBeReplayedOrBadlySigned();
    void quirksAddUnknownValuesAndCardNumbers();
    void locationsAnswer();

private:
    QJsonObject create(const QString &key, const QJsonObject &order = burgerOrder());
    QString receiverUrl() const;

    qint64 m_now = noon;
    std::unique_ptr<SquareFake> m_fake;
    std::unique_ptr<FakeClient> m_client;
    std::unique_ptr<QHttpServer> m_receiver;
    quint16 m_receiverPort = 0;
    QList<Received> m_received;
};

void TestSquareFake::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSquareFake::init()
{
    m_now = noon;
    m_received.clear();
    m_fake = std::make_unique<SquareFake>();
    m_fake->setClock([this] { return m_now; });
    m_fake->setSeed(7);
    QVERIFY(m_fake->listen(0));
    m_client = std::make_unique<FakeClient>(m_fake->port(), SquareFake::defaultToken);
    // The webhook receiver: what a console's listener would be.
    m_receiver = std::make_unique<QHttpServer>();
    m_receiver->route(s("/hooks/square"), [this](const QHttpServerRequest &request) {
        m_received.append({request.body(), request.headers()});
        return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
    });
    m_receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_receiverPort != 0);
}

void TestSquareFake::cleanup()
{
    m_client.reset();
    m_fake.reset();
    m_receiver.reset();
}

QJsonObject TestSquareFake::create(const QString &key, const QJsonObject &order)
{
    const FakeAnswer answer = m_client->call("POST", orders, createBody(key, order));
    if (answer.status != 200)
        qWarning() << "create failed:" << answer.status << answer.body;
    return answer.json.value(s("order")).toObject();
}

QString TestSquareFake::receiverUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/hooks/square").arg(m_receiverPort);
}

void TestSquareFake::authIsChecked_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("code");
    QTest::newRow("none") << QByteArray() << s("UNAUTHORIZED");
    QTest::newRow("unknown") << QByteArray("EAAAl-someone-else") << s("UNAUTHORIZED");
    QTest::newRow("expired") << QByteArray("EAAAl-old") << s("ACCESS_TOKEN_EXPIRED");
}

void TestSquareFake::authIsChecked()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, code);
    m_fake->expireAccessToken(s("EAAAl-old"));
    m_client->setToken(token);
    const FakeAnswer refused = m_client->call("GET", s("/v2/orders/anything"));
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.firstError("category"), s("AUTHENTICATION_ERROR"));
    QCOMPARE(refused.firstError("code"), code);
    QCOMPARE(m_fake->appliedWriteCount(), 0);
}

void TestSquareFake::squareVersionIsRecordedAndAMalformedOneRefused()
{
    QCOMPARE(m_client->call("GET", s("/v2/locations")).status, 200);
    m_client->version.clear();
    QCOMPARE(m_client->call("GET", s("/v2/locations")).status, 200);
    m_client->version = "2026/09/16";
    const FakeAnswer malformed = m_client->call("GET", s("/v2/locations"));
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.firstError("code"), s("INVALID_SQUARE_VERSION_FORMAT"));
    m_client->version = "2026-02-30";
    QCOMPARE(m_client->call("GET", s("/v2/locations")).status, 400);
    QCOMPARE(m_fake->squareVersionsSeen(),
             QStringList({s("2026-09-16"), QString(), s("2026/09/16"), s("2026-02-30")}));
}

void TestSquareFake::createRetrieveAndUpdate()
{
    const QJsonObject made = create(s("create-1"));
    const QString id = made.value(s("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(made.value(s("version")).toInt(), 1);
    QCOMPARE(made.value(s("state")).toString(), s("OPEN"));
    QCOMPARE(made.value(s("created_at")).toString(), s("2026-01-01T12:00:00.000Z"));
    QCOMPARE(made.value(s("updated_at")).toString(), s("2026-01-01T12:00:00.000Z"));
    const QJsonObject line = made.value(s("line_items")).toArray().at(0).toObject();
    QVERIFY(!line.value(s("uid")).toString().isEmpty());
    QCOMPARE(line.value(s("quantity")).toString(), s("2"));
    QCOMPARE(line.value(s("total_money")).toObject().value(s("amount")).toInt(), 2500);
    QCOMPARE(made.value(s("total_money")).toObject(),
             QJsonObject({{s("amount"), 2500}, {s("currency"), s("USD")}}));
    const QJsonObject fulfillment = made.value(s("fulfillments")).toArray().at(0).toObject();
    QVERIFY(!fulfillmentUid(made).isEmpty());
    QCOMPARE(fulfillment.value(s("state")).toString(), s("PROPOSED"));

    const FakeAnswer fetched = m_client->call("GET", orders + QLatin1Char('/') + id);
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json.value(s("order")).toObject(), made);

    m_now += 60000;
    const FakeAnswer updated = m_client->call(
        "PUT", orders + QLatin1Char('/') + id,
        fulfillmentUpdate(1, fulfillmentUid(made), s("PREPARED"), s("ready-1")));
    QCOMPARE(updated.status, 200);
    const QJsonObject after = updated.json.value(s("order")).toObject();
    QCOMPARE(after.value(s("version")).toInt(), 2);
    QCOMPARE(after.value(s("updated_at")).toString(), s("2026-01-01T12:01:00.000Z"));
    const QJsonObject ready = after.value(s("fulfillments")).toArray().at(0).toObject();
    QCOMPARE(ready.value(s("state")).toString(), s("PREPARED"));
    QCOMPARE(ready.value(s("pickup_details")).toObject().value(s("ready_at")).toString(),
             s("2026-01-01T12:01:00.000Z"));

    const FakeAnswer batch = m_client->call(
        "POST", s("/v2/orders/batch-retrieve"),
        {{s("order_ids"), QJsonArray {id, s("no-such-order")}}});
    QCOMPARE(batch.status, 200);
    QCOMPARE(batch.json.value(s("orders")).toArray().size(), 1);
    QCOMPARE(m_client->call("GET", s("/v2/orders/no-such-order")).firstError("code"),
             s("NOT_FOUND"));
}

void TestSquareFake::staleOrMissingVersionIsRefused()
{
    const QJsonObject made = create(s("create-1"));
    const QString path = orders + QLatin1Char('/') + made.value(s("id")).toString();
    const QString uid = fulfillmentUid(made);
    QCOMPARE(m_client->call("PUT", path, fulfillmentUpdate(1, uid, s("RESERVED"), s("u1"))).status,
             200);
    const FakeAnswer stale =
        m_client->call("PUT", path, fulfillmentUpdate(1, uid, s("PREPARED"), s("u2")));
    QCOMPARE(stale.status, 400);
    QCOMPARE(stale.firstError("code"), s("VERSION_MISMATCH"));
    QCOMPARE(stale.firstError("category"), s("INVALID_REQUEST_ERROR"));
    QCOMPARE(stale.firstError("field"), s("order.version"));

    QJsonObject unversioned = fulfillmentUpdate(2, uid, s("PREPARED"), s("u3"));
    QJsonObject sparse = unversioned.value(s("order")).toObject();
    sparse.remove(s("version"));
    unversioned.insert(s("order"), sparse);
    const FakeAnswer missing = m_client->call("PUT", path, unversioned);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.firstError("code"), s("MISSING_REQUIRED_PARAMETER"));
    QCOMPARE(m_fake->appliedWriteCount(), 2); // the create and the first update
    QCOMPARE(m_fake->order(made.value(s("id")).toString())->value(s("version")).toInt(), 2);
}

void TestSquareFake::aRepeatedKeyAppliesOnce()
{
    const QJsonObject first = create(s("create-once"));
    const QJsonObject again = create(s("create-once"));
    QCOMPARE(again, first); // the first result
    QCOMPARE(m_fake->appliedWrites(s("create-once")).size(), 1);

    const QString path = orders + QLatin1Char('/') + first.value(s("id")).toString();
    const QJsonObject bump = fulfillmentUpdate(1, fulfillmentUid(first), s("RESERVED"), s("bump-1"));
    QCOMPARE(m_client->call("PUT", path, bump).status, 200);
    m_now += 1000;
    const FakeAnswer repeated = m_client->call("PUT", path, bump);
    QCOMPARE(repeated.status, 200); // Square's silent no-op: the order as it is
    QCOMPARE(repeated.json.value(s("order")).toObject().value(s("version")).toInt(), 2);
    QCOMPARE(m_fake->appliedWrites(s("bump-1")).size(), 1);
    QCOMPARE(m_fake->appliedWrites(s("bump-1")).at(0).version, 2);
    QCOMPARE(m_fake->appliedWriteCount(), 2);
    const FakeAnswer listed = m_client->call("POST", s("/v2/orders/search"), searchBody(10));
    QCOMPARE(listed.json.value(s("orders")).toArray().size(), 1);
}

void TestSquareFake::aKeyReusedForAnotherPayloadIsRefused()
{
    const QJsonObject first = create(s("key-A"));
    QJsonObject other = burgerOrder();
    other.insert(s("reference_id"), s("kc-43"));
    const FakeAnswer reused = m_client->call("POST", orders, createBody(s("key-A"), other));
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.firstError("code"), s("IDEMPOTENCY_KEY_REUSED"));
    QCOMPARE(m_fake->appliedWriteCount(), 1);
}

void TestSquareFake::createIsValidated_data()
{
    QTest::addColumn<QJsonObject>("order");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    QJsonObject twoFulfillments = burgerOrder();
    QJsonArray fulfillments = twoFulfillments.value(s("fulfillments")).toArray();
    fulfillments.append(fulfillments.at(0));
    twoFulfillments.insert(s("fulfillments"), fulfillments);
    QTest::newRow("two fulfillments") << twoFulfillments << s("INVALID_VALUE")
                                      << s("order.fulfillments");
    QJsonObject noLocation = burgerOrder();
    noLocation.remove(s("location_id"));
    QTest::newRow("no location") << noLocation << s("MISSING_REQUIRED_PARAMETER")
                                 << s("order.location_id");
    QJsonObject badQuantity = burgerOrder();
    QJsonObject line = badQuantity.value(s("line_items")).toArray().at(0).toObject();
    line.insert(s("quantity"), 2);
    badQuantity.insert(s("line_items"), QJsonArray {line});
    QTest::newRow("quantity as a number") << badQuantity << s("INVALID_VALUE")
                                          << s("order.line_items[0].quantity");
    QTest::newRow("unknown fulfillment type") << burgerOrder(s("TELEPORT"))
                                              << s("INVALID_ENUM_VALUE")
                                              << s("order.fulfillments[0].type");
    QJsonObject longReference = burgerOrder();
    longReference.insert(s("reference_id"), QString(41, QLatin1Char('r')));
    QTest::newRow("reference over 40") << longReference << s("VALUE_TOO_LONG")
                                       << s("order.reference_id");
}

void TestSquareFake::createIsValidated()
{
    QFETCH(QJsonObject, order);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const FakeAnswer refused = m_client->call("POST", orders, createBody(s("bad"), order));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.firstError("code"), code);
    QCOMPARE(refused.firstError("field"), field);
    QCOMPARE(m_fake->appliedWriteCount(), 0);
}

void TestSquareFake::searchPagesWithACursor()
{
    QStringList made;
    for (int i = 0; i < 5; ++i) {
        made.append(create(QStringLiteral("page-%1").arg(i)).value(s("id")).toString());
        m_now += 1000;
    }
    const QJsonObject ascending {
        {s("sort"), QJsonObject {{s("sort_field"), s("CREATED_AT")}, {s("sort_order"), s("ASC")}}}};
    QStringList seen;
    QJsonObject body = searchBody(2, ascending);
    int pages = 0;
    QString lastCursor;
    for (;;) {
        const FakeAnswer page = m_client->call("POST", s("/v2/orders/search"), body);
        QCOMPARE(page.status, 200);
        ++pages;
        for (const QJsonValue &order : page.json.value(s("orders")).toArray())
            seen.append(order.toObject().value(s("id")).toString());
        if (!page.json.contains(s("cursor")))
            break;
        lastCursor = page.json.value(s("cursor")).toString();
        body.insert(s("cursor"), lastCursor);
        // An order made between pages sorts after the rest and comes on a later page.
        if (pages == 1) {
            made.append(create(s("between")).value(s("id")).toString());
            m_now += 1000;
        }
    }
    QCOMPARE(pages, 3);
    QCOMPARE(seen, made);

    // A cursor belongs to its query.
    QJsonObject otherQuery = ascending;
    otherQuery.insert(s("filter"),
                      QJsonObject {{s("state_filter"), QJsonObject {{s("states"),
                                                                     QJsonArray {s("OPEN")}}}}});
    QJsonObject wrong = searchBody(2, otherQuery);
    wrong.insert(s("cursor"), lastCursor);
    const FakeAnswer refused = m_client->call("POST", s("/v2/orders/search"), wrong);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.firstError("code"), s("INVALID_CURSOR"));
}

void TestSquareFake::searchFiltersByTimeAndState()
{
    QStringList made;
    for (int i = 0; i < 4; ++i) {
        made.append(create(QStringLiteral("t-%1").arg(i)).value(s("id")).toString());
        m_now += 60000;
    }
    const QJsonObject window {
        {s("filter"),
         QJsonObject {{s("date_time_filter"),
                       QJsonObject {{s("updated_at"),
                                     QJsonObject {{s("start_at"), s("2026-01-01T12:01:00Z")},
                                                  {s("end_at"), s("2026-01-01T12:03:00.000Z")}}}}},
                      {s("state_filter"), QJsonObject {{s("states"), QJsonArray {s("OPEN")}}}}}},
        {s("sort"), QJsonObject {{s("sort_field"), s("UPDATED_AT")}, {s("sort_order"), s("DESC")}}}};
    const FakeAnswer found = m_client->call("POST", s("/v2/orders/search"), searchBody(10, window));
    QCOMPARE(found.status, 200);
    const QJsonArray list = found.json.value(s("orders")).toArray();
    QCOMPARE(list.size(), 2); // start inclusive, end exclusive, newest first
    QCOMPARE(list.at(0).toObject().value(s("id")).toString(), made.at(2));
    QCOMPARE(list.at(1).toObject().value(s("id")).toString(), made.at(1));

    // The sort must be on the filter's field.
    QJsonObject mismatched = window;
    mismatched.remove(s("sort"));
    const FakeAnswer refused =
        m_client->call("POST", s("/v2/orders/search"), searchBody(10, mismatched));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.firstError("field"), s("query.sort.sort_field"));

    const QJsonObject completed {
        {s("filter"), QJsonObject {{s("state_filter"),
                                    QJsonObject {{s("states"), QJsonArray {s("COMPLETED")}}}}}}};
    const FakeAnswer none =
        m_client->call("POST", s("/v2/orders/search"), searchBody(10, completed));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json, QJsonObject()); // Square leaves an empty result out
    QCOMPARE(m_client->call("POST", s("/v2/orders/search"), QJsonObject {}).firstError("code"),
             s("MISSING_REQUIRED_PARAMETER"));
}

void TestSquareFake::counterOrdersAppearAndMayBeReadOnly()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QString readOnly = m_fake->createCounterOrder(burgerOrder(s("DIGITAL")), false);
    const QString updatable = m_fake->createCounterOrder(burgerOrder(), true);
    QTRY_COMPARE(m_received.size(), 2);
    QCOMPARE(m_received.at(0).json().value(s("type")).toString(), s("order.updated"));
    QCOMPARE(m_received.at(0).json().value(s("data")).toObject().value(s("id")).toString(),
             readOnly);

    const FakeAnswer fetched = m_client->call("GET", orders + QLatin1Char('/') + readOnly);
    QCOMPARE(fetched.status, 200);
    const QJsonObject order = fetched.json.value(s("order")).toObject();
    QVERIFY(!order.contains(s("version")));
    QCOMPARE(order.value(s("source")).toObject().value(s("name")).toString(),
             s("Square Point of Sale"));
    QCOMPARE(order.value(s("fulfillments")).toArray().at(0).toObject().value(s("type")).toString(),
             s("DIGITAL"));
    const FakeAnswer refused = m_client->call(
        "PUT", orders + QLatin1Char('/') + readOnly,
        fulfillmentUpdate(1, fulfillmentUid(order), s("PREPARED"), s("pos-1")));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.firstError("code"), s("BAD_REQUEST"));

    const QJsonObject other = *m_fake->order(updatable);
    QCOMPARE(other.value(s("version")).toInt(), 1);
    QCOMPARE(m_client->call("PUT", orders + QLatin1Char('/') + updatable,
                            fulfillmentUpdate(1, fulfillmentUid(other), s("RESERVED"), s("pos-2")))
                 .status,
             200);
    const FakeAnswer listed = m_client->call("POST", s("/v2/orders/search"), searchBody(10));
    QCOMPARE(listed.json.value(s("orders")).toArray().size(), 2);
}

void TestSquareFake::aVersionBumpedBySquareMakesAWriteStale()
{
    const QJsonObject made = create(s("c"));
    QVERIFY(m_fake->bumpVersion(made.value(s("id")).toString()));
    const FakeAnswer stale =
        m_client->call("PUT", orders + QLatin1Char('/') + made.value(s("id")).toString(),
                       fulfillmentUpdate(1, fulfillmentUid(made), s("RESERVED"), s("u")));
    QCOMPARE(stale.firstError("code"), s("VERSION_MISMATCH"));
    const FakeAnswer retried =
        m_client->call("PUT", orders + QLatin1Char('/') + made.value(s("id")).toString(),
                       fulfillmentUpdate(2, fulfillmentUid(made), s("RESERVED"), s("u-2")));
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.json.value(s("order")).toObject().value(s("version")).toInt(), 3);
}

void TestSquareFake::webhooksAreSignedWithTheKeyAndUrl()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QJsonObject made = create(s("hooked"));
    QTRY_COMPARE(m_received.size(), 1);
    const Received created = m_received.at(0);
    QCOMPARE(created.json().value(s("type")).toString(), s("order.created"));
    const QJsonObject summary = created.json().value(s("data")).toObject().value(s("object"))
                                    .toObject().value(s("order_created")).toObject();
    QCOMPARE(summary.value(s("order_id")).toString(), made.value(s("id")).toString());
    QCOMPARE(summary.value(s("version")).toInt(), 1);
    QCOMPARE(created.header("square-retry-number"), QByteArray("0"));
    QCOMPARE(created.header("square-initial-delivery-timestamp"),
             QByteArray("2026-01-01T12:00:00.000Z"));

    const QByteArray signature = created.header("x-square-hmacsha256-signature");
    QCOMPARE(signature,
             SquareFake::signature(s(SquareFake::defaultSignatureKey), receiverUrl(), created.body));
    QVERIFY(signature != SquareFake::signature(s("another-key"), receiverUrl(), created.body));
    QVERIFY(signature
            != SquareFake::signature(s(SquareFake::defaultSignatureKey),
                                     receiverUrl() + QLatin1Char('/'), created.body));

    m_received.clear();
    QCOMPARE(m_client->call("PUT", orders + QLatin1Char('/') + made.value(s("id")).toString(),
                            fulfillmentUpdate(1, fulfillmentUid(made), s("RESERVED"), s("r")))
                 .status,
             200);
    QTRY_COMPARE(m_received.size(), 2);
    QStringList types {m_received.at(0).json().value(s("type")).toString(),
                       m_received.at(1).json().value(s("type")).toString()};
    types.sort();
    QCOMPARE(types, QStringList({s("order.fulfillment.updated"), s("order.updated")}));
    const Received &fulfilled = m_received.at(0).json().value(s("type")).toString()
            == s("order.fulfillment.updated") ? m_received.at(0) : m_received.at(1);
    const QJsonObject change = fulfilled.json().value(s("data")).toObject().value(s("object"))
                                   .toObject().value(s("order_fulfillment_updated")).toObject()
                                   .value(s("fulfillment_update")).toArray().at(0).toObject();
    QCOMPARE(change.value(s("old_state")).toString(), s("PROPOSED"));
    QCOMPARE(change.value(s("new_state")).toString(), s("RESERVED"));
}

void TestSquareFake::webhooksCanBeReplayedOrBadlySigned()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QJsonObject made = create(s("hooked"));
    QTRY_COMPARE(m_received.size(), 1);
    const QString eventId = m_received.at(0).json().value(s("event_id")).toString();
    m_now += 30000;
    QVERIFY(m_fake->replayWebhook(eventId));
    QTRY_COMPARE(m_received.size(), 2);
    QCOMPARE(m_received.at(1).body, m_received.at(0).body);
    QCOMPARE(m_received.at(1).header("square-retry-number"), QByteArray("1"));
    QCOMPARE(m_received.at(1).header("square-initial-delivery-timestamp"),
             QByteArray("2026-01-01T12:00:00.000Z"));
    QCOMPARE(m_received.at(1).header("x-square-hmacsha256-signature"),
             m_received.at(0).header("x-square-hmacsha256-signature"));

    const QString badEvent =
        m_fake->sendOrderWebhook(made.value(s("id")).toString(), s("order.updated"), true);
    QVERIFY(!badEvent.isEmpty());
    QTRY_COMPARE(m_received.size(), 3);
    const Received bad = m_received.at(2);
    QVERIFY(bad.header("x-square-hmacsha256-signature")
            != SquareFake::signature(s(SquareFake::defaultSignatureKey), receiverUrl(), bad.body));
    QTRY_COMPARE(m_fake->webhooks().pendingCount(), 0);
    QCOMPARE(m_fake->webhooks().lastDelivery(badEvent)->status, 200);
}

void TestSquareFake::quirksAddUnknownValuesAndCardNumbers()
{
    const QJsonObject made = create(s("q"));
    m_fake->setUnknownValues(true);
    m_fake->setCardNumberInNotes(true);
    const FakeAnswer fetched =
        m_client->call("GET", orders + QLatin1Char('/') + made.value(s("id")).toString());
    const QJsonObject order = fetched.json.value(s("order")).toObject();
    QVERIFY(order.contains(s("kitchen_hints")));
    const QJsonArray fulfillments = order.value(s("fulfillments")).toArray();
    QCOMPARE(fulfillments.size(), 2);
    QCOMPARE(fulfillments.at(1).toObject().value(s("type")).toString(), s("DIGITAL"));
    QCOMPARE(fulfillments.at(1).toObject().value(s("state")).toString(), s("ON_HOLD"));
    QVERIFY(order.value(s("line_items")).toArray().at(0).toObject().value(s("note")).toString()
                .contains(s("4111 1111 1111 1111")));
    // What is stored is untouched.
    QCOMPARE(m_fake->order(made.value(s("id")).toString())->value(s("fulfillments")).toArray()
                 .size(),
             1);
}

void TestSquareFake::locationsAnswer()
{
    const FakeAnswer location = m_client->call("GET", s("/v2/locations/LOC1"));
    QCOMPARE(location.status, 200);
    QCOMPARE(location.json.value(s("location")).toObject().value(s("currency")).toString(),
             s("USD"));
    const FakeAnswer missing = m_client->call("GET", s("/v2/locations/NOPE"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.firstError("code"), s("NOT_FOUND"));
}

QTEST_GUILESS_MAIN(TestSquareFake)
#include "tst_squarefake.moc"
