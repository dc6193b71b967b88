// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/square/squaremapping.h"
#include "pos/square/squarevendor.h"
#include "pos/square/squarewrite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

namespace {
const QString location = QStringLiteral("LOC1");

QJsonObject sample(const QString &name)
{
    QFile file(qEnvironmentVariable("KC_POS_SAMPLES") + QStringLiteral("/square/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

PosAnswer answer(int status, const QJsonObject &body, qint64 retryAfterMs = 0)
{
    PosAnswer answer;
    answer.status = status;
    answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    answer.retryAfterMs = retryAfterMs;
    return answer;
}

QJsonObject squareOrder(const QString &id, qint64 version, const QString &fulfillmentState)
{
    QJsonObject order {{QStringLiteral("id"), id},
                       {QStringLiteral("location_id"), location},
                       {QStringLiteral("state"), QStringLiteral("OPEN")},
                       {QStringLiteral("fulfillments"),
                        QJsonArray {QJsonObject {{QStringLiteral("uid"), QStringLiteral("ful-1")},
                                                 {QStringLiteral("type"), QStringLiteral("PICKUP")},
                                                 {QStringLiteral("state"), fulfillmentState}}}}};
    if (version >= 0)
        order.insert(QStringLiteral("version"), version);
    return order;
}

PosAnswer orderAnswer(const QString &id, qint64 version, const QString &fulfillmentState)
{
    return answer(200, {{QStringLiteral("order"), squareOrder(id, version, fulfillmentState)}});
}

PosAnswer squareError(int status, const QString &code, const QString &detail = {})
{
    const QJsonObject error {{QStringLiteral("category"), QStringLiteral("INVALID_REQUEST_ERROR")},
                             {QStringLiteral("code"), code},
                             {QStringLiteral("detail"), detail}};
    return answer(status, {{QStringLiteral("errors"), QJsonArray {error}}});
}

Order platformOrder()
{
    Order order;
    order.id = QStringLiteral("hub-181");
    order.number = QStringLiteral("181");
    order.source = QStringLiteral("platform");
    order.customerName = QStringLiteral("Ana");
    order.state = OrderState::Ready;
    OrderItem burger;
    burger.name = QStringLiteral("Cheeseburger");
    burger.quantity = 2;
    burger.modifiers = {QStringLiteral("no onions")};
    burger.notes = QStringLiteral("well done");
    order.items = {burger};
    return order;
}

Order squareBorn()
{
    Order order = platformOrder();
    order.id = QStringLiteral("SQ-ORDER-1");
    order.source = QStringLiteral("pos:square");
    return order;
}

OrderEvent to(const Order &order, OrderState from, OrderState state)
{
    return OrderEvent::transition(order.id, QStringLiteral("store-1"), from, state,
                                  Actor::staff(QStringLiteral("cook")), QStringLiteral("console-1"),
                                  1'764'000'000'000);
}

QString idempotencyKey(const PosStep &step)
{
    return step.call.body->value(QLatin1String("idempotency_key")).toString();
}

/** Square's order.created webhook for order id, signed with key as Square signs it. */
PosWebhook signedWebhook(const QString &id, const QByteArray &key)
{
    const QJsonObject created {{QStringLiteral("order_id"), id},
                               {QStringLiteral("location_id"), location},
                               {QStringLiteral("version"), 1}};
    const QJsonObject body {
            {QStringLiteral("merchant_id"), QStringLiteral("MERCHANT1")},
            {QStringLiteral("type"), QStringLiteral("order.created")},
            {QStringLiteral("event_id"), QStringLiteral("evt-1")},
            {QStringLiteral("data"),
             QJsonObject {{QStringLiteral("type"), QStringLiteral("order_created")},
                          {QStringLiteral("id"), id},
                          {QStringLiteral("object"),
                           QJsonObject {{QStringLiteral("order_created"), created}}}}}};
    PosWebhook webhook;
    webhook.url = QUrl(QStringLiteral("https://kitchen.example/pos/square"));
    webhook.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    webhook.headers.insert("x-square-hmacsha256-signature",
                           QMessageAuthenticationCode::hash(webhook.url.toString().toUtf8()
                                                                    + webhook.body,
                                                            key, QCryptographicHash::Sha256)
                                   .toBase64());
    return webhook;
}

QJsonObject sentFulfillment(const PosStep &step)
{
    return step.call.body->value(QLatin1String("order"))
            .toObject()
            .value(QLatin1String("fulfillments"))
            .toArray()
            .first()
            .toObject();
}
} // namespace

// Square's shapes and ours, both ways: sample orders read, and each event's calls and how each
// answer ends them.
class TestSquareVendor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesMapBothWays();
    void aCounterOrderReadsInOurShape();
    void unknownValuesAreKeptNotFatal();
    void ordersThatAreNotTheKitchensAreRefused_data();
    void ordersThatAreNotTheKitchensAreRefused();
    void aPlatformOrderIsCreatedOnceByItsKey();
    void aStepFetchesTheVersionThenUpdates();
    void aVersionMismatchFetchesAndUpdatesAgain();
    void mismatchesInARowFailTheAttempt();
    void aFulfillmentAlreadyThereNeedsNoWrite();
    void aFinishedFulfillmentRefusesAnotherState();
    void anOrderMadeOutsideTheApiCannotBeUpdated();
    void answersEndTheAttemptAsTheyShould_data();
    void answersEndTheAttemptAsTheyShould();
    void eventsSquareKeepsNothingOfNeedNoCall();
    void webhookSignaturesAreCheckedWhole_data();
    void webhookSignaturesAreCheckedWhole();
};

void TestSquareVendor::tablesMapBothWays()
{
    using SquareMapping::fulfillmentStateFor;
    using SquareMapping::kitchenStateFor;
    QCOMPARE(fulfillmentStateFor(OrderState::Accepted), QStringLiteral("RESERVED"));
    QCOMPARE(fulfillmentStateFor(OrderState::Preparing), QStringLiteral("RESERVED"));
    QCOMPARE(fulfillmentStateFor(OrderState::Ready), QStringLiteral("PREPARED"));
    QCOMPARE(fulfillmentStateFor(OrderState::PickedUp), QStringLiteral("COMPLETED"));
    QCOMPARE(fulfillmentStateFor(OrderState::Cancelled), QStringLiteral("CANCELED"));
    QVERIFY(!fulfillmentStateFor(OrderState::Refunded));
    // What is written reads back as the same step of the kitchen.
    for (OrderState state : {OrderState::Accepted, OrderState::Ready, OrderState::PickedUp,
                             OrderState::Cancelled}) {
        QCOMPARE(kitchenStateFor(*fulfillmentStateFor(state)), state);
    }
    QVERIFY(!kitchenStateFor(QStringLiteral("SOMETHING_NEW")));
    QCOMPARE(SquareMapping::orderTypeFor(QStringLiteral("DELIVERY")), OrderType::Delivery);
    QVERIFY(!SquareMapping::orderTypeFor(QStringLiteral("DIGITAL")));
}

void TestSquareVendor::aCounterOrderReadsInOurShape()
{
    const SquareVendor vendor({location});
    const QJsonObject json = sample(QStringLiteral("counter-order.json"));
    QVERIFY(!json.isEmpty());
    const Result<PosOrder> read = vendor.readOrder(json);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    const Order &order = read->order;
    QCOMPARE(order.id, QStringLiteral("SQ-ORDER-1"));
    QCOMPARE(order.source, QStringLiteral("pos:square"));
    QCOMPARE(order.number, QStringLiteral("Table 4 / Ana"));
    QCOMPARE(order.type, OrderType::Pickup);
    QCOMPARE(order.customerName, QStringLiteral("Ana"));
    QCOMPARE(order.placedAt, 1'796'212'800'250);
    QCOMPARE(order.scheduledFor, 1'796'214'600'000);
    QCOMPARE(read->kitchenState, OrderState::Accepted);
    QCOMPARE(read->version, QStringLiteral("3"));
    QVERIFY(!read->voided);
    QVERIFY(read->unknownValues.isEmpty());
    QCOMPARE(order.items.size(), 3);
    const OrderItem &burger = order.items.at(0);
    QCOMPARE(burger.name, QStringLiteral("Cheeseburger"));
    QCOMPARE(burger.quantity, 2);
    QCOMPARE(burger.modifiers, QStringList({QStringLiteral("Double"), QStringLiteral("No onions")}));
    QCOMPARE(burger.notes, QStringLiteral("allergy: peanut"));
    QVERIFY(order.items.at(1).modifiers.isEmpty()); // "Regular" is no news to a cook
    // A part quantity is counted up and said; a card number in a note is masked.
    const OrderItem &slaw = order.items.at(2);
    QCOMPARE(slaw.quantity, 2);
    QVERIFY2(slaw.notes.contains(QStringLiteral("quantity 1.5")), qPrintable(slaw.notes));
    QVERIFY2(!slaw.notes.contains(QStringLiteral("4111 1111")), qPrintable(slaw.notes));
    QVERIFY2(slaw.notes.contains(QStringLiteral("1111")), qPrintable(slaw.notes));
}

void TestSquareVendor::unknownValuesAreKeptNotFatal()
{
    const SquareVendor vendor({location});
    const Result<PosOrder> read = vendor.readOrder(sample(QStringLiteral("unknown-values.json")));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->order.type, OrderType::Pickup);
    QVERIFY(!read->kitchenState);
    QCOMPARE(read->unknownValues,
             QStringList({QStringLiteral("order state SOMETHING_NEW"),
                          QStringLiteral("fulfillment type DIGITAL"),
                          QStringLiteral("fulfillment state AWAITING_SOMETHING")}));
    QCOMPARE(read->order.items.size(), 1);
}

void TestSquareVendor::ordersThatAreNotTheKitchensAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("why");
    QTest::newRow("no id") << QStringLiteral("id") << QJsonValue(QString()) << "without an id";
    QTest::newRow("another location") << QStringLiteral("location_id") << QJsonValue(QStringLiteral("LOC9"))
                                      << "belongs to location LOC9";
    QTest::newRow("a draft") << QStringLiteral("state") << QJsonValue(QStringLiteral("DRAFT")) << "is a draft";
    QTest::newRow("no items") << QStringLiteral("line_items") << QJsonValue(QJsonArray())
                              << "has no line items";
}

void TestSquareVendor::ordersThatAreNotTheKitchensAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, why);
    QJsonObject json = sample(QStringLiteral("counter-order.json"));
    json.insert(field, value);
    const Result<PosOrder> read = SquareVendor({location}).readOrder(json);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(why), qPrintable(read.error()));
}

void TestSquareVendor::aPlatformOrderIsCreatedOnceByItsKey()
{
    SquareVendor vendor({location});
    const Order order = platformOrder();
    const OrderEvent placed =
            OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), 1'764'000'000'000);
    std::unique_ptr<PosWrite> write = vendor.write(placed, order);
    QVERIFY(write);
    const PosStep create = write->first();
    QCOMPARE(create.kind, PosStep::Kind::Call);
    QCOMPARE(create.call.verb, QByteArray("POST"));
    QCOMPARE(create.call.path, QStringLiteral("/v2/orders"));
    QCOMPARE(idempotencyKey(create), QStringLiteral("kc-create-hub-181"));
    const QJsonObject sent = create.call.body->value(QLatin1String("order")).toObject();
    QCOMPARE(sent.value(QLatin1String("location_id")).toString(), location);
    QCOMPARE(sent.value(QLatin1String("reference_id")).toString(), QStringLiteral("181"));
    const QJsonObject line = sent.value(QLatin1String("line_items")).toArray().first().toObject();
    QCOMPARE(line.value(QLatin1String("quantity")).toString(), QStringLiteral("2"));
    QCOMPARE(line.value(QLatin1String("note")).toString(), QStringLiteral("no onions; well done"));
    QCOMPARE(line.value(QLatin1String("base_price_money")).toObject().value(QLatin1String("amount")),
             QJsonValue(0));
    QCOMPARE(sentFulfillment(create).value(QLatin1String("state")).toString(),
             QStringLiteral("PROPOSED"));
    const PosStep done = write->next(orderAnswer(QStringLiteral("SQ-NEW"), 1, QStringLiteral("PROPOSED")));
    QCOMPARE(done.kind, PosStep::Kind::Delivered);
    QCOMPARE(vendor.ref(order.id)->squareId, QStringLiteral("SQ-NEW"));
    QCOMPARE(vendor.ref(order.id)->version, 1);

    // An order from Square itself is never created again.
    const Order fromSquare = squareBorn();
    QVERIFY(!vendor.write(OrderEvent::placed(fromSquare, Actor::pos(QStringLiteral("square")),
                                             QStringLiteral("pos:square"), 1),
                          fromSquare));
}

void TestSquareVendor::aStepFetchesTheVersionThenUpdates()
{
    SquareVendor vendor({location});
    const Order order = squareBorn();
    const OrderEvent ready = to(order, OrderState::Preparing, OrderState::Ready);
    std::unique_ptr<PosWrite> write = vendor.write(ready, order);
    QVERIFY(write);
    const PosStep fetch = write->first();
    QCOMPARE(fetch.call.verb, QByteArray("GET"));
    QCOMPARE(fetch.call.path, QStringLiteral("/v2/orders/SQ-ORDER-1"));
    const PosStep update = write->next(orderAnswer(order.id, 5, QStringLiteral("RESERVED")));
    QCOMPARE(update.call.verb, QByteArray("PUT"));
    QCOMPARE(update.call.path, QStringLiteral("/v2/orders/SQ-ORDER-1"));
    const QJsonObject sent = update.call.body->value(QLatin1String("order")).toObject();
    QCOMPARE(sent.value(QLatin1String("version")).toInt(), 5);
    QCOMPARE(sent.value(QLatin1String("location_id")).toString(), location);
    QCOMPARE(sentFulfillment(update).value(QLatin1String("uid")).toString(),
             QStringLiteral("ful-1"));
    QCOMPARE(sentFulfillment(update).value(QLatin1String("state")).toString(),
             QStringLiteral("PREPARED"));
    QCOMPARE(idempotencyKey(update), ready.id.toString(QUuid::WithoutBraces) + QStringLiteral(":5"));
    QCOMPARE(write->next(orderAnswer(order.id, 6, QStringLiteral("PREPARED"))).kind,
             PosStep::Kind::Delivered);

    // The next step knows the version from that answer: one call, no fetch.
    const OrderEvent collected = to(order, OrderState::Ready, OrderState::PickedUp);
    std::unique_ptr<PosWrite> next = vendor.write(collected, order);
    const PosStep direct = next->first();
    QCOMPARE(direct.call.verb, QByteArray("PUT"));
    QCOMPARE(direct.call.body->value(QLatin1String("order")).toObject().value(QLatin1String("version")).toInt(),
             6);
}

void TestSquareVendor::aVersionMismatchFetchesAndUpdatesAgain()
{
    SquareVendor vendor({location});
    const Order order = squareBorn();
    vendor.remember(order.id, {order.id, 5, QStringLiteral("ful-1"), QStringLiteral("RESERVED")});
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Preparing, OrderState::Ready), order);
    QCOMPARE(write->first().call.verb, QByteArray("PUT"));
    const PosStep refetch = write->next(squareError(400, QStringLiteral("VERSION_MISMATCH")));
    QCOMPARE(refetch.call.verb, QByteArray("GET"));
    const PosStep again = write->next(orderAnswer(order.id, 7, QStringLiteral("RESERVED")));
    QCOMPARE(again.call.verb, QByteArray("PUT"));
    QVERIFY(idempotencyKey(again).endsWith(QStringLiteral(":7"))); // a new payload, a new key
    QCOMPARE(write->next(orderAnswer(order.id, 8, QStringLiteral("PREPARED"))).kind,
             PosStep::Kind::Delivered);
}

void TestSquareVendor::mismatchesInARowFailTheAttempt()
{
    SquareVendor vendor({location});
    const Order order = squareBorn();
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Preparing, OrderState::Ready), order);
    PosStep step = write->first();
    for (int fetch = 0; fetch < SquareWrite::maxFetches; ++fetch) {
        QCOMPARE(step.call.verb, QByteArray("GET"));
        step = write->next(orderAnswer(order.id, 10 + fetch, QStringLiteral("RESERVED")));
        QCOMPARE(step.call.verb, QByteArray("PUT"));
        step = write->next(squareError(400, QStringLiteral("VERSION_MISMATCH")));
    }
    QCOMPARE(step.kind, PosStep::Kind::Failed);
    QVERIFY2(step.reason.contains(QStringLiteral("kept changing")), qPrintable(step.reason));
}

void TestSquareVendor::aFulfillmentAlreadyThereNeedsNoWrite()
{
    SquareVendor vendor({location});
    const Order order = squareBorn();
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Preparing, OrderState::Ready), order);
    QCOMPARE(write->first().call.verb, QByteArray("GET"));
    QCOMPARE(write->next(orderAnswer(order.id, 4, QStringLiteral("PREPARED"))).kind,
             PosStep::Kind::Delivered);
}

void TestSquareVendor::aFinishedFulfillmentRefusesAnotherState()
{
    SquareVendor vendor({location});
    const Order order = squareBorn();
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Preparing, OrderState::Ready), order);
    (void)write->first();
    const PosStep step = write->next(orderAnswer(order.id, 4, QStringLiteral("CANCELED")));
    QCOMPARE(step.kind, PosStep::Kind::Refused);
    QVERIFY2(step.reason.contains(QStringLiteral("CANCELED")), qPrintable(step.reason));
}

void TestSquareVendor::anOrderMadeOutsideTheApiCannotBeUpdated()
{
    SquareVendor vendor({location});
    const Order order = squareBorn();
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Preparing, OrderState::Ready), order);
    (void)write->first();
    const PosStep step = write->next(orderAnswer(order.id, -1, QStringLiteral("RESERVED")));
    QCOMPARE(step.kind, PosStep::Kind::Refused);
    QVERIFY2(step.reason.contains(QStringLiteral("not made through")), qPrintable(step.reason));
}

void TestSquareVendor::answersEndTheAttemptAsTheyShould_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("waitMs");
    const int failed = int(PosStep::Kind::Failed);
    const int refused = int(PosStep::Kind::Refused);
    QTest::newRow("no answer") << 0 << QString() << qint64(0) << failed << qint64(0);
    QTest::newRow("429 with Retry-After")
            << 429 << QStringLiteral("RATE_LIMITED") << qint64(30'000) << failed << qint64(30'000);
    QTest::newRow("503 with Retry-After")
            << 503 << QStringLiteral("SERVICE_UNAVAILABLE") << qint64(5000) << failed
            << qint64(5000);
    QTest::newRow("500") << 500 << QStringLiteral("INTERNAL_SERVER_ERROR") << qint64(0) << failed
                         << qint64(0);
    QTest::newRow("expired token") << 401 << QStringLiteral("ACCESS_TOKEN_EXPIRED") << qint64(0)
                                   << failed << qint64(0);
    QTest::newRow("no such order") << 404 << QStringLiteral("NOT_FOUND") << qint64(0) << refused
                                   << qint64(0);
    QTest::newRow("bad request") << 400 << QStringLiteral("INVALID_VALUE") << qint64(0) << refused
                                 << qint64(0);
}

void TestSquareVendor::answersEndTheAttemptAsTheyShould()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(qint64, retryAfterMs);
    QFETCH(int, kind);
    QFETCH(qint64, waitMs);
    SquareVendor vendor({location});
    const Order order = squareBorn();
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Preparing, OrderState::Ready), order);
    (void)write->first();
    PosAnswer reply = status ? squareError(status, code, QStringLiteral("words")) : PosAnswer();
    if (!status)
        reply.networkError = QStringLiteral("Connection refused");
    reply.retryAfterMs = retryAfterMs;
    const PosStep step = write->next(reply);
    QCOMPARE(int(step.kind), kind);
    QCOMPARE(step.retryAfterMs, waitMs);
    QVERIFY(!step.reason.isEmpty());
}

void TestSquareVendor::eventsSquareKeepsNothingOfNeedNoCall()
{
    SquareVendor vendor({location});
    Order order = squareBorn();
    OrderEvent note = to(order, OrderState::Preparing, OrderState::Ready);
    note.kind = EventKind::NoteAdded;
    note.from.reset();
    note.to.reset();
    QVERIFY(!vendor.write(note, order));
    const OrderEvent station =
            OrderEvent::stationBumped(order, QStringLiteral("grill"), true,
                                      Actor::staff(QStringLiteral("cook")), QStringLiteral("c1"), 1);
    QVERIFY(!vendor.write(station, order));
}

void TestSquareVendor::webhookSignaturesAreCheckedWhole_data()
{
    QTest::addColumn<QByteArray>("key"); // what the webhook is signed with
    QTest::addColumn<QByteArray>("signature"); // instead of the one made with key; empty: that one
    QTest::addColumn<bool>("taken");
    const QByteArray key = "signature-key";
    QByteArray lastByteOff = signedWebhook(QStringLiteral("ORD1"), key)
                                     .header("x-square-hmacsha256-signature");
    lastByteOff.back() = lastByteOff.back() == 'A' ? 'B' : 'A';
    QByteArray truncated = signedWebhook(QStringLiteral("ORD1"), key)
                                   .header("x-square-hmacsha256-signature");
    truncated.chop(1);
    QTest::newRow("signed") << key << QByteArray() << true;
    QTest::newRow("another key") << QByteArray("guess") << QByteArray() << false;
    QTest::newRow("last byte differs") << key << lastByteOff << false;
    QTest::newRow("one byte short") << key << truncated << false;
    QTest::newRow("no signature") << key << QByteArray("-") << false;
}

void TestSquareVendor::webhookSignaturesAreCheckedWhole()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, signature);
    QFETCH(bool, taken);
    PosWebhook webhook = signedWebhook(QStringLiteral("ORD1"), key);
    if (signature == "-")
        webhook.headers.remove("x-square-hmacsha256-signature");
    else if (!signature.isEmpty())
        webhook.headers.insert("x-square-hmacsha256-signature", signature);
    const Result<PosChanges> read =
            SquareVendor({location, QStringLiteral("USD"), "signature-key"}).readWebhook(webhook);
    QCOMPARE(read.ok(), taken);
    if (!taken) {
        QVERIFY2(read.error().contains(QStringLiteral("signature")), qPrintable(read.error()));
        return;
    }
    QCOMPARE(read->orderIds, QStringList {QStringLiteral("ORD1")});
}

QTEST_GUILESS_MAIN(TestSquareVendor)
#include "tst_squarevendor.moc"
