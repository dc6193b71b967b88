// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Toast fake on a real loopback server, held to Toast's published behaviour: the machine
// login and tokens that expire, the restaurant header, create with unique externalIds (and the
// duplicates of before 2026-02-02), ordersBulk by modified time with Link headers, void,
// delivery state, a kitchen state only Toast moves, 429 headers, and full-order webhooks signed
// over body + timestamp, retried after 5 and 10 minutes on the fake's clock, then dropped.
#include "fakes/toast/toastfake.h"

#include "fakeclient.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
constexpr qint64 noon = 1767268800000; // 2026-01-01T12:00:00Z
const QString orders = QStringLiteral("/orders/v2/orders");
const QString bulk = QStringLiteral("/orders/v2/ordersBulk");

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject burgerOrder(const QString &externalId, double price = 12.5)
{
    return {{s("externalId"), externalId},
            {s("diningOption"), QJsonObject {{s("guid"), s("dine-option-takeout")}}},
            {s("checks"),
             QJsonArray {QJsonObject {
                 {s("selections"),
                  QJsonArray {QJsonObject {{s("item"), QJsonObject {{s("guid"), s("item-burger")}}},
                                           {s("displayName"), s("Burger")},
                                           {s("quantity"), 1},
                                           {s("price"), price}}}}}}}};
}

QJsonObject deliveryOrder(const QString &externalId)
{
    QJsonObject order = burgerOrder(externalId);
    order.insert(s("deliveryInfo"),
                 QJsonObject {{s("address1"), s("1 Main St")},
                              {s("city"), s("Boston")},
                              {s("notes"), s("Ring twice")}});
    return order;
}

QJsonObject firstSelection(const QJsonObject &order)
{
    return order.value(s("checks"))
        .toArray()
        .at(0)
        .toObject()
        .value(s("selections"))
        .toArray()
        .at(0)
        .toObject();
}

QString encoded(qint64 ms)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(ToastOrderBook::toastTime(ms)));
}

QString window(qint64 startMs, qint64 endMs)
{
    return QStringLiteral("startDate=%1&endDate=%2").arg(encoded(startMs), encoded(endMs));
}

// rel → URL, from an RFC 5988 Link header.
QHash<QString, QString> links(const QByteArray &header)
{
    QHash<QString, QString> found;
    for (const QByteArray &part : header.split(',')) {
        const QByteArray trimmed = part.trimmed();
        const qsizetype close = trimmed.indexOf('>');
        const qsizetype rel = trimmed.indexOf("rel=\"");
        if (!trimmed.startsWith('<') || close < 0 || rel < 0)
            continue;
        const QByteArray name = trimmed.mid(rel + 5, trimmed.indexOf('"', rel + 5) - rel - 5);
        found.insert(QString::fromLatin1(name), QString::fromLatin1(trimmed.mid(1, close - 1)));
    }
    return found;
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

/** A client that talks as a Toast integration does: Bearer token and restaurant header. */
class ToastClient final
{
public:
    explicit ToastClient(quint16 port)
    {
        m_base.setScheme(s("http"));
        m_base.setHost(s("127.0.0.1"));
        m_base.setPort(port);
    }
    QByteArray token;
    QByteArray restaurant = ToastFake::defaultRestaurantGuid;
    QByteArray contentType = "application/json";

    FakeAnswer call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return send(method, path,
                    body.isEmpty() && method == "GET"
                        ? QByteArray()
                        : QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    FakeAnswer send(const QByteArray &method, const QString &path, const QByteArray &bytes)
    {
        QUrl url = m_base;
        const qsizetype query = path.indexOf(QLatin1Char('?'));
        url.setPath(query < 0 ? path : path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        return get(url, method, bytes);
    }
    FakeAnswer get(const QUrl &url, const QByteArray &method = "GET", const QByteArray &bytes = {})
    {
        QNetworkRequest request(url);
        if (!contentType.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!restaurant.isEmpty())
            request.setRawHeader("Toast-Restaurant-External-ID", restaurant);
        return FakeClient::finish(m_network.sendCustomRequest(request, method, bytes));
    }

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
};
} // namespace

class TestToastFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loginIssuesABearerToken();
    void tokensExpireOnTheClock();
    void restaurantHeaderIsChecked_data();
    void restaurantHeaderIsChecked();
    void createAndGet();
    void createIsValidated_data();
    void createIsValidated();
    void aSecondCreateWithTheExternalIdFails();
    void beforeFebruaryADuplicateWasCreated();
    void ordersBulkMatchesModifiedTimeAndPagesWithLinks();
    void ordersBulkWantsEncodedDatesAndAPageSizeUpTo100();
    void voidNeedsVoidAllAndAppliesOnce();
    void deliveryStateMovesUntilDelivered();
    void fulfillmentStatusIsMovedOnlyByTheKitchen();
    void tillOrdersAppearAsInStore();
    void rateLimitCarriesToastHeaders();
    void webhooksCarryTheFullOrderSignedOverBodyAndTimestamp();
    void webhooksAreRetriedAfterFiveAndTenMinutesThenDropped();
    void aRetryThatIsAnsweredEndsTheSchedule();
    void webhooksCanBeReplayedOrBadlySigned();
    void quirksAddUnknownValuesAndCardNumbers();
    void controlPathsDriveTheFake();

private:
    QJsonObject create(const QJsonObject &order);
    QString receiverUrl() const;

    qint64 m_now = noon;
    int m_receiverStatus = 200;
    std::unique_ptr<ToastFake> m_fake;
    std::unique_ptr<ToastClient> m_client;
    std::unique_ptr<FakeClient> m_control;
    std::unique_ptr<QHttpServer> m_receiver;
    quint16 m_receiverPort = 0;
    QList<Received> m_received;
};

void TestToastFake::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestToastFake::init()
{
    m_now = noon;
    m_receiverStatus = 200;
    m_received.clear();
    m_fake = std::make_unique<ToastFake>();
    m_fake->setClock([this] { return m_now; });
    m_fake->setSeed(7);
    QVERIFY(m_fake->listen(0));
    m_client = std::make_unique<ToastClient>(m_fake->port());
    m_client->token = m_fake->issueToken().toLatin1();
    m_control = std::make_unique<FakeClient>(m_fake->port());
    m_control->version.clear();
    // The webhook receiver: what a console's listener would be; it answers m_receiverStatus.
    m_receiver = std::make_unique<QHttpServer>();
    m_receiver->route(s("/hooks/toast"), [this](const QHttpServerRequest &request) {
        m_received.append({request.body(), request.headers()});
        return QHttpServerResponse(QHttpServerResponder::StatusCode(m_receiverStatus));
    });
    m_receiverPort = m_receiver->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_receiverPort != 0);
}

void TestToastFake::cleanup()
{
    m_client.reset();
    m_control.reset();
    m_fake.reset();
    m_receiver.reset();
}

QJsonObject TestToastFake::create(const QJsonObject &order)
{
    const FakeAnswer answer = m_client->call("POST", orders, order);
    if (answer.status != 200)
        qWarning() << "create failed:" << answer.status << answer.body;
    return answer.json;
}

QString TestToastFake::receiverUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/hooks/toast").arg(m_receiverPort);
}

void TestToastFake::loginIssuesABearerToken()
{
    m_client->token.clear();
    m_client->restaurant.clear();
    const QString login = s("/authentication/v1/authentication/login");
    const QJsonObject credentials {{s("clientId"), s(ToastFake::defaultClientId)},
                                   {s("clientSecret"), s(ToastFake::defaultClientSecret)},
                                   {s("userAccessType"), s("TOAST_MACHINE_CLIENT")}};
    const FakeAnswer answer = m_client->call("POST", login, credentials);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json.value(s("status")).toString(), s("SUCCESS"));
    const QJsonObject token = answer.json.value(s("token")).toObject();
    QCOMPARE(token.value(s("tokenType")).toString(), s("Bearer"));
    QCOMPARE(token.value(s("expiresIn")).toInt(), ToastFake::defaultTokenLifetimeS);
    QVERIFY(!token.value(s("accessToken")).toString().isEmpty());

    QJsonObject wrong = credentials;
    wrong.insert(s("clientSecret"), s("guess"));
    const FakeAnswer refused = m_client->call("POST", login, wrong);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.json.value(s("status")).toInt(), 401);
    QVERIFY(refused.json.value(s("code")).isDouble());
    QVERIFY(refused.json.contains(s("requestId")));
    QVERIFY(refused.json.value(s("errors")).isArray());
    QJsonObject user = credentials;
    user.insert(s("userAccessType"), s("TOAST_USER"));
    QCOMPARE(m_client->call("POST", login, user).status, 400);

    m_client->token = token.value(s("accessToken")).toString().toLatin1();
    m_client->restaurant = ToastFake::defaultRestaurantGuid;
    QCOMPARE(m_client->call("GET", orders + QStringLiteral("?externalId=none")).status, 200);
}

void TestToastFake::tokensExpireOnTheClock()
{
    m_fake->setTokenLifetime(60);
    m_client->token = m_fake->issueToken().toLatin1();
    const QString path = orders + QStringLiteral("?externalId=none");
    QCOMPARE(m_client->call("GET", path).status, 200);
    m_now += 59999;
    QCOMPARE(m_client->call("GET", path).status, 200);
    m_now += 1;
    const FakeAnswer expired = m_client->call("GET", path);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.json.value(s("code")).toInt(), ToastError::expiredTokenCode);
    QCOMPARE(expired.json.value(s("messageKey")).toString(), s("TOKEN_EXPIRED"));

    m_client->token = "toast-someone-else";
    const FakeAnswer unknown = m_client->call("GET", path);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.json.value(s("messageKey")).toString(), s("UNAUTHORIZED"));
}

void TestToastFake::restaurantHeaderIsChecked_data()
{
    QTest::addColumn<QByteArray>("restaurant");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::newRow("missing") << QByteArray() << 400 << ToastError::missingRestaurantCode;
    QTest::newRow("another") << QByteArray("0d1b7a3e-0000-4000-8000-00000000ffff") << 403
                             << ToastError::unknownRestaurantCode;
}

void TestToastFake::restaurantHeaderIsChecked()
{
    QFETCH(QByteArray, restaurant);
    QFETCH(int, status);
    QFETCH(int, code);
    m_client->restaurant = restaurant;
    const FakeAnswer refused = m_client->call("POST", orders, burgerOrder(s("kc:1")));
    QCOMPARE(refused.status, status);
    QCOMPARE(refused.json.value(s("code")).toInt(), code);
    QCOMPARE(refused.json.value(s("fieldName")).toString(), s("Toast-Restaurant-External-ID"));
    QCOMPARE(m_fake->appliedWriteCount(), 0);
}

void TestToastFake::createAndGet()
{
    const QJsonObject made = create(burgerOrder(s("kc:42")));
    const QString guid = made.value(s("guid")).toString();
    QVERIFY(!QUuid::fromString(guid).isNull());
    QCOMPARE(made.value(s("externalId")).toString(), s("kc:42"));
    QCOMPARE(made.value(s("displayNumber")).toString(), s("1"));
    QCOMPARE(made.value(s("source")).toString(), s("API"));
    QCOMPARE(made.value(s("createdDate")).toString(), s("2026-01-01T12:00:00.000+0000"));
    QCOMPARE(made.value(s("modifiedDate")).toString(), s("2026-01-01T12:00:00.000+0000"));
    QCOMPARE(made.value(s("businessDate")).toInt(), 20260101);
    const QJsonObject check = made.value(s("checks")).toArray().at(0).toObject();
    QCOMPARE(check.value(s("totalAmount")).toDouble(), 12.5); // major units, a decimal
    QCOMPARE(check.value(s("paymentStatus")).toString(), s("OPEN"));
    const QJsonObject selection = firstSelection(made);
    QCOMPARE(selection.value(s("price")).toDouble(), 12.5);
    QCOMPARE(selection.value(s("fulfillmentStatus")).toString(), s("NEW"));
    QVERIFY(!selection.value(s("guid")).toString().isEmpty());

    const FakeAnswer got = m_client->call("GET", orders + QLatin1Char('/') + guid);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json, made);
    QCOMPARE(m_client->call("GET", orders + s("/not-a-guid")).status, 400);
    QCOMPARE(m_client->call("GET", orders + s("/0d1b7a3e-0000-4000-8000-000000000000")).status,
             404);

    const QList<AppliedWrite> writes = m_fake->appliedWrites(s("kc:42"));
    QCOMPARE(writes.size(), 1);
    QCOMPARE(writes.at(0).objectId, guid);
    QCOMPARE(create(burgerOrder(s("kc:43"))).value(s("displayNumber")).toString(), s("2"));
}

void TestToastFake::createIsValidated_data()
{
    QTest::addColumn<QJsonObject>("order");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QJsonObject noDining = burgerOrder(s("a"));
    noDining.remove(s("diningOption"));
    QJsonObject noChecks = burgerOrder(s("b"));
    noChecks.insert(s("checks"), QJsonArray());
    QTest::newRow("no dining option") << noDining << QByteArray("application/json") << 400;
    QTest::newRow("no checks") << noChecks << QByteArray("application/json") << 400;
    QTest::newRow("negative price")
        << burgerOrder(s("c"), -1) << QByteArray("application/json") << 400;
    QTest::newRow("not json") << burgerOrder(s("d")) << QByteArray("text/plain") << 415;
}

void TestToastFake::createIsValidated()
{
    QFETCH(QJsonObject, order);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    m_client->contentType = contentType;
    const FakeAnswer refused = m_client->call("POST", orders, order);
    QCOMPARE(refused.status, status);
    QCOMPARE(refused.json.value(s("status")).toInt(), status);
    QCOMPARE(m_fake->appliedWriteCount(), 0);
}

void TestToastFake::aSecondCreateWithTheExternalIdFails()
{
    const QString first = create(burgerOrder(s("kc:dup"))).value(s("guid")).toString();
    const FakeAnswer again = m_client->call("POST", orders, burgerOrder(s("kc:dup")));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json.value(s("code")).toInt(), ToastError::duplicateExternalIdCode);
    QCOMPARE(again.json.value(s("messageKey")).toString(), s("DUPLICATE_EXTERNAL_ID"));
    QCOMPARE(again.json.value(s("fieldName")).toString(), s("externalId"));
    QCOMPARE(m_fake->appliedWrites(s("kc:dup")).size(), 1);
    // What an adapter does after a timeout: look the order up by its externalId.
    const FakeAnswer found = m_client->call("GET", orders + s("?externalId=kc%3Adup"));
    QCOMPARE(found.status, 200);
    QCOMPARE(QJsonDocument::fromJson(found.body).array(), QJsonArray {first});
    QCOMPARE(
        QJsonDocument::fromJson(m_client->call("GET", orders + s("?externalId=nope")).body).array(),
        QJsonArray());
}

void TestToastFake::beforeFebruaryADuplicateWasCreated()
{
    m_fake->setExternalIdUnique(false);
    const QString first = create(burgerOrder(s("kc:dup"))).value(s("guid")).toString();
    const QString second = create(burgerOrder(s("kc:dup"))).value(s("guid")).toString();
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    QCOMPARE(m_fake->appliedWrites(s("kc:dup")).size(), 2); // the double a blind retry makes
    const FakeAnswer found = m_client->call("GET", orders + s("?externalId=kc%3Adup"));
    QCOMPARE(QJsonDocument::fromJson(found.body).array(), QJsonArray({first, second}));
}

void TestToastFake::ordersBulkMatchesModifiedTimeAndPagesWithLinks()
{
    QStringList guids;
    for (int i = 0; i < 3; ++i) {
        guids.append(
            create(burgerOrder(QStringLiteral("kc:%1").arg(i))).value(s("guid")).toString());
        m_now += 1000;
    }
    // startDate inclusive, endDate exclusive.
    FakeAnswer one =
        m_client->call("GET", bulk + QLatin1Char('?') + window(noon + 1000, noon + 2000));
    QCOMPARE(one.status, 200);
    QJsonArray page = QJsonDocument::fromJson(one.body).array();
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.at(0).toObject().value(s("guid")).toString(), guids.at(1));

    // Two pages of two, followed by their Link headers.
    const FakeAnswer first = m_client->call(
        "GET", bulk + QLatin1Char('?') + window(noon, noon + 3000) + s("&pageSize=2"));
    QCOMPARE(QJsonDocument::fromJson(first.body).array().size(), 2);
    QHash<QString, QString> rels = links(first.header("Link"));
    QVERIFY(rels.contains(s("first")));
    QVERIFY(rels.contains(s("self")));
    QVERIFY(!rels.contains(s("prev")));
    QVERIFY(rels.contains(s("next")));
    const FakeAnswer second = m_client->get(QUrl(rels.value(s("next"))));
    QCOMPARE(second.status, 200);
    page = QJsonDocument::fromJson(second.body).array();
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.at(0).toObject().value(s("guid")).toString(), guids.at(2));
    rels = links(second.header("Link"));
    QVERIFY(rels.contains(s("prev")));
    QVERIFY(!rels.contains(s("next")));
    QCOMPARE(QUrlQuery(QUrl(rels.value(s("self")))).queryItemValue(s("page")), s("2"));

    // A change moves an order into a later window: modified, not created, time counts.
    m_now = noon + 60000;
    QVERIFY(m_fake->setFulfillmentStatus(guids.at(0), {}, s("SENT")));
    const FakeAnswer later =
        m_client->call("GET", bulk + QLatin1Char('?') + window(noon + 60000, noon + 61000));
    page = QJsonDocument::fromJson(later.body).array();
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.at(0).toObject().value(s("guid")).toString(), guids.at(0));
}

void TestToastFake::ordersBulkWantsEncodedDatesAndAPageSizeUpTo100()
{
    create(burgerOrder(s("kc:1")));
    const QString raw =
        bulk + s("?startDate=2026-01-01T00:00:00.000+0000&endDate=") + encoded(noon + 1000);
    QCOMPARE(m_client->call("GET", raw).status, 400); // the '+' arrives as a space
    QCOMPARE(
        m_client
            ->call("GET",
                   bulk + s("?startDate=2026-01-01T00%3A00%3A00Z&endDate=") + encoded(noon + 1000))
            .status,
        400); // no milliseconds, no offset
    QCOMPARE(
        m_client
            ->call("GET", bulk + QLatin1Char('?') + window(noon, noon + 1000) + s("&pageSize=101"))
            .status,
        400);
    QCOMPARE(m_client->call("GET", bulk + QLatin1Char('?') + window(noon + 1000, noon)).status,
             400);
    const FakeAnswer byDay = m_client->call("GET", bulk + s("?businessDate=20260101"));
    QCOMPARE(byDay.status, 200);
    QCOMPARE(QJsonDocument::fromJson(byDay.body).array().size(), 1);
    // An offset other than +0000 names the same instant.
    const FakeAnswer shifted = m_client->call(
        "GET",
        bulk + s("?startDate=2026-01-01T13%3A00%3A00.000%2B0100&endDate=") + encoded(noon + 1));
    QCOMPARE(QJsonDocument::fromJson(shifted.body).array().size(), 1);
}

void TestToastFake::voidNeedsVoidAllAndAppliesOnce()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QString guid = create(burgerOrder(s("kc:v"))).value(s("guid")).toString();
    QTRY_COMPARE(m_received.size(), 1);
    const QString path = orders + QLatin1Char('/') + guid + s("/void");
    QCOMPARE(m_client->call("POST", path, {}).status, 400);
    const QJsonObject all {{s("selections"), QJsonObject {{s("voidAll"), true}}},
                           {s("payments"), QJsonObject {{s("voidAll"), true}}}};
    m_now += 5000;
    const FakeAnswer voided = m_client->call("POST", path, all);
    QCOMPARE(voided.status, 200);
    QVERIFY(voided.json.value(s("voided")).toBool());
    QVERIFY(firstSelection(voided.json).value(s("voided")).toBool());
    QCOMPARE(voided.json.value(s("modifiedDate")).toString(), s("2026-01-01T12:00:05.000+0000"));
    QCOMPARE(voided.json.value(s("checks"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(s("totalAmount"))
                 .toDouble(),
             0.0);
    QTRY_COMPARE(m_received.size(), 2);
    QVERIFY(m_received.at(1)
                .json()
                .value(s("details"))
                .toObject()
                .value(s("order"))
                .toObject()
                .value(s("voided"))
                .toBool());
    QCOMPARE(m_client->call("POST", path, all).status, 200); // a retried void: answered, not redone
    QCOMPARE(m_fake->appliedWrites(s("void:") + guid).size(), 1);
}

void TestToastFake::deliveryStateMovesUntilDelivered()
{
    const QString guid = create(deliveryOrder(s("kc:d"))).value(s("guid")).toString();
    QCOMPARE(m_fake->order(guid)
                 ->value(s("deliveryInfo"))
                 .toObject()
                 .value(s("deliveryState"))
                 .toString(),
             s("PENDING"));
    const QString path = orders + QLatin1Char('/') + guid + s("/deliveryInfo");
    m_now += 1000;
    FakeAnswer moved = m_client->call("PATCH", path, {{s("deliveryState"), s("IN_PROGRESS")}});
    QCOMPARE(moved.status, 200);
    QJsonObject delivery = moved.json.value(s("deliveryInfo")).toObject();
    QCOMPARE(delivery.value(s("deliveryState")).toString(), s("IN_PROGRESS"));
    QCOMPARE(delivery.value(s("dispatchedDate")).toString(), s("2026-01-01T12:00:01.000+0000"));
    QCOMPARE(delivery.value(s("address1")).toString(), s("1 Main St"));
    QCOMPARE(m_client->call("PATCH", path, {{s("deliveryState"), s("LOST")}}).status, 400);
    QCOMPARE(m_client->call("PATCH", path, {{s("address1"), s("2 Elm St")}}).status, 400);
    // The same state again changes nothing and is not counted.
    QCOMPARE(m_client->call("PATCH", path, {{s("deliveryState"), s("IN_PROGRESS")}}).status, 200);
    QCOMPARE(m_fake->appliedWrites(s("deliveryInfo:") + guid + s(":IN_PROGRESS")).size(), 1);

    QCOMPARE(m_client->call("PATCH", path, {{s("deliveryState"), s("DELIVERED")}}).status, 200);
    const FakeAnswer refused =
        m_client->call("PATCH", path, {{s("deliveryState"), s("PICKED_UP")}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json.value(s("code")).toInt(), ToastError::deliveredCode);
    QCOMPARE(m_fake->order(guid)
                 ->value(s("deliveryInfo"))
                 .toObject()
                 .value(s("deliveryState"))
                 .toString(),
             s("DELIVERED"));

    const QString dineIn = create(burgerOrder(s("kc:n"))).value(s("guid")).toString();
    QCOMPARE(m_client
                 ->call("PATCH", orders + QLatin1Char('/') + dineIn + s("/deliveryInfo"),
                        {{s("deliveryState"), s("IN_PROGRESS")}})
                 .status,
             400);
}

void TestToastFake::fulfillmentStatusIsMovedOnlyByTheKitchen()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QJsonObject made = create(burgerOrder(s("kc:k")));
    const QString guid = made.value(s("guid")).toString();
    QTRY_COMPARE(m_received.size(), 1);
    // No endpoint writes it: the order itself takes no PATCH or PUT.
    QJsonObject change = made;
    change.insert(s("checks"), QJsonArray());
    QCOMPARE(m_client->call("PATCH", orders + QLatin1Char('/') + guid, change).status, 405);
    QCOMPARE(m_client->call("PUT", orders + QLatin1Char('/') + guid, change).status, 405);

    m_now += 30000;
    const QString selection = firstSelection(made).value(s("guid")).toString();
    QVERIFY(m_fake->setFulfillmentStatus(guid, selection, s("READY")));
    QVERIFY(!m_fake->setFulfillmentStatus(guid, s("no-such-selection"), s("READY")));
    const QJsonObject now = m_client->call("GET", orders + QLatin1Char('/') + guid).json;
    QCOMPARE(firstSelection(now).value(s("fulfillmentStatus")).toString(), s("READY"));
    QCOMPARE(now.value(s("modifiedDate")).toString(), s("2026-01-01T12:00:30.000+0000"));
    QTRY_COMPARE(m_received.size(), 2);
    const QJsonObject sent =
        m_received.at(1).json().value(s("details")).toObject().value(s("order")).toObject();
    QCOMPARE(firstSelection(sent).value(s("fulfillmentStatus")).toString(), s("READY"));
    QCOMPARE(m_fake->appliedWriteCount(), 1); // the kitchen is Toast, not a client's write
}

void TestToastFake::tillOrdersAppearAsInStore()
{
    m_fake->setWebhookUrl(receiverUrl());
    QJsonObject till = burgerOrder({});
    till.remove(s("externalId"));
    const QString guid = m_fake->createTillOrder(till);
    QVERIFY(!guid.isEmpty());
    QCOMPARE(m_fake->order(guid)->value(s("source")).toString(), s("In Store"));
    QTRY_COMPARE(m_received.size(), 1);
    QCOMPARE(m_received.at(0)
                 .json()
                 .value(s("details"))
                 .toObject()
                 .value(s("order"))
                 .toObject()
                 .value(s("guid"))
                 .toString(),
             guid);
    const FakeAnswer listed =
        m_client->call("GET", bulk + QLatin1Char('?') + window(noon, noon + 1));
    QCOMPARE(
        QJsonDocument::fromJson(listed.body).array().at(0).toObject().value(s("guid")).toString(),
        guid);
    QVERIFY(m_fake->createTillOrder({}).isEmpty());
    QCOMPARE(m_fake->appliedWriteCount(), 0); // rung up at the till, not written by a client
}

void TestToastFake::rateLimitCarriesToastHeaders()
{
    m_fake->rateLimitNext(1, 7, s("/orders/v2/ordersBulk"));
    const FakeAnswer limited =
        m_client->call("GET", bulk + QLatin1Char('?') + window(noon, noon + 1));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("7"));
    QCOMPARE(limited.header("X-Toast-RateLimit-By"), QByteArray("API"));
    QCOMPARE(limited.header("X-Toast-RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(limited.header("X-Toast-RateLimit-Reset"), QByteArray::number(noon / 1000 + 7));
    QCOMPARE(limited.json.value(s("status")).toInt(), 429);
    QVERIFY(limited.json.value(s("canRetry")).toBool());
    QCOMPARE(m_client->call("GET", bulk + QLatin1Char('?') + window(noon, noon + 1)).status, 200);
}

void TestToastFake::webhooksCarryTheFullOrderSignedOverBodyAndTimestamp()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QJsonObject made = create(burgerOrder(s("kc:w")));
    QTRY_COMPARE(m_received.size(), 1);
    const Received &hook = m_received.at(0);
    const QJsonObject envelope = hook.json();
    QCOMPARE(envelope.value(s("eventCategory")).toString(), s("orders"));
    QCOMPARE(envelope.value(s("eventType")).toString(), s("order_updated"));
    QCOMPARE(envelope.value(s("timestamp")).toString(), s("2026-01-01T12:00:00.000+0000"));
    QVERIFY(!envelope.value(s("guid")).toString().isEmpty());
    const QJsonObject details = envelope.value(s("details")).toObject();
    QCOMPARE(details.value(s("restaurantGuid")).toString(), s(ToastFake::defaultRestaurantGuid));
    QCOMPARE(details.value(s("order")).toObject(), made); // the full order, not a summary
    QCOMPARE(hook.header("Toast-Event-Type"), QByteArray("order_updated"));
    QCOMPARE(hook.header("Toast-Event-Category"), QByteArray("orders"));
    QCOMPARE(hook.header("Toast-Restaurant-External-ID"),
             QByteArray(ToastFake::defaultRestaurantGuid));
    QCOMPARE(hook.header("Toast-Attempt-Number"), QByteArray("1"));

    const QString timestamp = envelope.value(s("timestamp")).toString();
    const QByteArray signature = hook.header("Toast-Signature");
    QCOMPARE(signature,
             ToastFake::signature(s(ToastFake::defaultWebhookSecret), hook.body, timestamp));
    QVERIFY(signature != ToastFake::signature(s("another-secret"), hook.body, timestamp));
    QVERIFY(signature != ToastFake::signature(s(ToastFake::defaultWebhookSecret), hook.body, {}));
}

void TestToastFake::webhooksAreRetriedAfterFiveAndTenMinutesThenDropped()
{
    m_receiverStatus = 503;
    m_fake->setWebhookUrl(receiverUrl());
    QSignalSpy dropped(m_fake.get(), &FakeVendorServer::webhookDropped);
    QVERIFY(dropped.isValid());
    create(burgerOrder(s("kc:r")));
    QTRY_COMPARE(m_fake->webhooks().deliveries().last().status, 503);
    const QString eventId = m_fake->webhooks().deliveries().last().eventId;
    QCOMPARE(m_fake->pendingWebhookRetries(), 1);

    m_now += ToastFake::firstRetryDelayMs - 1;
    QCOMPARE(m_fake->tick(), 0);
    m_now += 1;
    QCOMPARE(m_fake->tick(), 1);
    QTRY_COMPARE(m_received.size(), 2);
    QCOMPARE(m_received.at(1).header("Toast-Attempt-Number"), QByteArray("2"));
    QCOMPARE(m_received.at(1).body, m_received.at(0).body);
    QCOMPARE(m_received.at(1).header("Toast-Signature"),
             m_received.at(0).header("Toast-Signature"));
    QTRY_COMPARE(m_fake->webhooks().deliveries().last().status, 503);

    m_now += ToastFake::secondRetryDelayMs - 1;
    QCOMPARE(m_fake->tick(), 0);
    m_now += 1;
    QCOMPARE(m_fake->tick(), 1);
    QTRY_COMPARE(m_received.size(), 3);
    QCOMPARE(m_received.at(2).header("Toast-Attempt-Number"), QByteArray("3"));
    QTRY_COMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toString(), eventId);
    QCOMPARE(m_fake->droppedWebhooks(), QStringList {eventId});
    QCOMPARE(m_fake->pendingWebhookRetries(), 0);

    m_now += 24 * 60 * 60 * 1000;
    QCOMPARE(m_fake->tick(), 0);
    QCOMPARE(m_received.size(), 3);
}

void TestToastFake::aRetryThatIsAnsweredEndsTheSchedule()
{
    m_receiverStatus = 500;
    m_fake->setWebhookUrl(receiverUrl());
    const QString guid = create(burgerOrder(s("kc:r2"))).value(s("guid")).toString();
    QTRY_COMPARE(m_fake->webhooks().deliveries().last().status, 500);
    m_receiverStatus = 200;
    m_now += ToastFake::firstRetryDelayMs;
    QCOMPARE(m_fake->tick(), 1);
    QTRY_COMPARE(m_fake->webhooks().deliveries().last().status, 200);
    QCOMPARE(m_fake->pendingWebhookRetries(), 0);
    m_now += ToastFake::secondRetryDelayMs;
    QCOMPARE(m_fake->tick(), 0);
    QVERIFY(m_fake->droppedWebhooks().isEmpty());

    // A receiver that is not there at all counts as failed too.
    m_fake->setWebhookUrl(s("http://127.0.0.1:1/hooks/toast"));
    QVERIFY(!m_fake->sendOrderWebhook(guid).isEmpty());
    QTRY_COMPARE(m_fake->webhooks().deliveries().last().status, 0);
    QCOMPARE(m_fake->pendingWebhookRetries(), 1);
}

void TestToastFake::webhooksCanBeReplayedOrBadlySigned()
{
    m_fake->setWebhookUrl(receiverUrl());
    const QString guid = create(burgerOrder(s("kc:p"))).value(s("guid")).toString();
    QTRY_COMPARE(m_received.size(), 1);
    const QString eventId = m_received.at(0).json().value(s("guid")).toString();
    m_now += 30000;
    QVERIFY(m_fake->replayWebhook(eventId));
    QTRY_COMPARE(m_received.size(), 2);
    QCOMPARE(m_received.at(1).body, m_received.at(0).body);
    QCOMPARE(m_received.at(1).header("Toast-Attempt-Number"), QByteArray("2"));
    QCOMPARE(m_received.at(1).header("Toast-Signature"),
             m_received.at(0).header("Toast-Signature"));

    m_receiverStatus = 401; // the console refuses a bad signature
    const QString bad = m_fake->sendOrderWebhook(guid, true);
    QVERIFY(!bad.isEmpty());
    QTRY_COMPARE(m_received.size(), 3);
    const Received &forged = m_received.at(2);
    QVERIFY(forged.header("Toast-Signature")
            != ToastFake::signature(s(ToastFake::defaultWebhookSecret), forged.body,
                                    forged.json().value(s("timestamp")).toString()));
    QTRY_COMPARE(m_fake->webhooks().deliveries().last().status, 401);
    QCOMPARE(m_fake->pendingWebhookRetries(), 0); // not Toast's own, so never retried
}

void TestToastFake::quirksAddUnknownValuesAndCardNumbers()
{
    const QString guid = create(deliveryOrder(s("kc:q"))).value(s("guid")).toString();
    const QString path = orders + QLatin1Char('/') + guid;
    m_fake->setUnknownValues(true);
    QJsonObject order = m_client->call("GET", path).json;
    QJsonObject selection = firstSelection(order);
    QVERIFY(selection.value(s("selectionType")).toString() != s("NONE"));
    QVERIFY(selection.value(s("unitOfMeasure")).toString() != s("NONE"));
    QVERIFY(order.contains(s("channelHints")));
    QCOMPARE(firstSelection(*m_fake->order(guid)).value(s("selectionType")).toString(), s("NONE"));

    m_fake->setUnknownValues(false);
    m_fake->setCardNumberInNotes(true);
    order = m_client->call("GET", path).json;
    selection = firstSelection(order);
    QVERIFY(selection.value(s("modifiers"))
                .toArray()
                .at(0)
                .toObject()
                .value(s("displayName"))
                .toString()
                .contains(s("4111 1111 1111 1111")));
    QVERIFY(order.value(s("deliveryInfo"))
                .toObject()
                .value(s("notes"))
                .toString()
                .contains(s("4111 1111 1111 1111")));
}

void TestToastFake::controlPathsDriveTheFake()
{
    QJsonObject till = burgerOrder({});
    till.remove(s("externalId"));
    const FakeAnswer rung =
        m_control->call("POST", s("/__fake/toast/till-orders"), {{s("order"), till}});
    QCOMPARE(rung.status, 200);
    const QString guid = rung.json.value(s("order")).toObject().value(s("guid")).toString();
    const FakeAnswer ready = m_control->call(
        "POST", s("/__fake/toast/orders/") + guid + s("/fulfillment"), {{s("status"), s("READY")}});
    QCOMPARE(ready.status, 200);
    QCOMPARE(firstSelection(ready.json.value(s("order")).toObject())
                 .value(s("fulfillmentStatus"))
                 .toString(),
             s("READY"));
    const FakeAnswer quirks =
        m_control->call("POST", s("/__fake/toast/quirks"), {{s("external_id_unique"), false}});
    QCOMPARE(quirks.json.value(s("external_id_unique")).toBool(), false);
    QVERIFY(!m_fake->externalIdUnique());
    const FakeAnswer token =
        m_control->call("POST", s("/__fake/toast/tokens"), {{s("lifetime_s"), 5}});
    QCOMPARE(token.json.value(s("expires_in")).toInt(), 5);
    m_client->token = token.json.value(s("access_token")).toString().toLatin1();
    QCOMPARE(m_client->call("GET", orders + QLatin1Char('/') + guid).status, 200);
    m_now += 5000;
    QCOMPARE(m_client->call("GET", orders + QLatin1Char('/') + guid).status, 401);

    m_receiverStatus = 500;
    QCOMPARE(
        m_control->call("POST", s("/__fake/toast/webhooks"), {{s("url"), receiverUrl()}}).status,
        200);
    const FakeAnswer sent =
        m_control->call("POST", s("/__fake/toast/webhooks/send"), {{s("order_guid"), guid}});
    QCOMPARE(sent.status, 200);
    QTRY_COMPARE(m_fake->pendingWebhookRetries(), 1);
    m_now += ToastFake::firstRetryDelayMs;
    const FakeAnswer ticked = m_control->call("POST", s("/__fake/webhooks/tick"), {});
    QCOMPARE(ticked.json.value(s("sent")).toInt(), 1);
    QTRY_COMPARE(m_received.size(), 2);
    const FakeAnswer state = m_control->call("GET", s("/__fake/state"));
    QCOMPARE(state.json.value(s("vendor")).toString(), s("toast"));
}

QTEST_GUILESS_MAIN(TestToastFake)
#include "tst_toastfake.moc"
