// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/toast/toastlogin.h"
#include "pos/toast/toastmapping.h"
#include "pos/toast/toastvendor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

namespace {
const QString restaurant = QStringLiteral("6b5f1b0e-2d3c-4e8a-9f10-0000000000a1");
const QByteArray secret = "webhook-secret";
const QString toastGuid = QStringLiteral("9b9b9b9b-0000-4000-8000-00000000b9b9");

QJsonObject sample(const QString &name)
{
    QFile file(qEnvironmentVariable("KC_POS_SAMPLES") + QStringLiteral("/toast/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/** A test card number by name, from tests/data/hostile (the one place such numbers are kept). */
QString card(const char *name)
{
    QFile file(qEnvironmentVariable("KC_TEST_DATA") + QStringLiteral("/hostile/card-numbers.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String(name)).toString();
}

ToastVendor::Config config()
{
    ToastVendor::Config config;
    config.restaurantGuid = restaurant;
    config.webhookSecret = secret;
    config.diningOptionGuid = QStringLiteral("d1a2b3c4-0000-4000-8000-0000000000a0");
    config.deliveryDiningOptionGuid = QStringLiteral("d1a2b3c4-0000-4000-8000-0000000000de");
    config.menuItemGuid = QStringLiteral("1e3a0000-0000-4000-8000-000000000001");
    return config;
}

PosAnswer answer(int status, const QByteArray &body, qint64 retryAfterMs = 0)
{
    PosAnswer answer;
    answer.status = status;
    answer.body = body;
    answer.retryAfterMs = retryAfterMs;
    return answer;
}

PosAnswer json(int status, const QJsonObject &body)
{
    return answer(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

PosAnswer guids(const QStringList &list)
{
    return answer(200, QJsonDocument(QJsonArray::fromStringList(list)).toJson());
}

PosAnswer toastError(int status, const QString &messageKey, const QString &message)
{
    return json(status, {{QStringLiteral("status"), status},
                         {QStringLiteral("code"), 10000 + status},
                         {QStringLiteral("messageKey"), messageKey},
                         {QStringLiteral("message"), message}});
}

PosAnswer deliveryOrder(const QString &deliveryState)
{
    return json(200, {{QStringLiteral("guid"), toastGuid},
                      {QStringLiteral("deliveryInfo"),
                       QJsonObject {{QStringLiteral("deliveryState"), deliveryState}}}});
}

Order platformOrder()
{
    Order order;
    order.id = QStringLiteral("hub-181");
    order.number = QStringLiteral("181");
    order.source = QStringLiteral("platform");
    order.type = OrderType::Delivery;
    order.customerName = QStringLiteral("Ana");
    OrderItem burger;
    burger.name = QStringLiteral("Cheeseburger");
    burger.quantity = 2;
    burger.modifiers = {QStringLiteral("no onions")};
    burger.notes = QStringLiteral("well done");
    order.items = {burger};
    return order;
}

Order tillOrder()
{
    Order order = platformOrder();
    order.id = toastGuid;
    order.source = QStringLiteral("pos:toast");
    return order;
}

OrderEvent to(const Order &order, OrderState from, OrderState state)
{
    return OrderEvent::transition(order.id, QStringLiteral("store-1"), from, state,
                                  Actor::staff(QStringLiteral("cook")), QStringLiteral("console-1"),
                                  1'764'000'000'000);
}

OrderEvent placed(const Order &order)
{
    return OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), 1'764'000'000'000);
}

PosWebhook webhook(const QJsonObject &order, const QByteArray &key,
                   const QString &type = QStringLiteral("order_updated"))
{
    const QString timestamp = QStringLiteral("2026-12-02T12:03:10.600Z");
    const QJsonObject envelope {
            {QStringLiteral("timestamp"), timestamp},
            {QStringLiteral("eventCategory"), QStringLiteral("orders")},
            {QStringLiteral("eventType"), type},
            {QStringLiteral("guid"), QStringLiteral("evt-1")},
            {QStringLiteral("details"), QJsonObject {{QStringLiteral("restaurantGuid"), restaurant},
                                                     {QStringLiteral("order"), order}}}};
    PosWebhook hook;
    hook.body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    hook.headers.insert("toast-signature",
                        QMessageAuthenticationCode::hash(hook.body + timestamp.toUtf8(), key,
                                                         QCryptographicHash::Sha256)
                                .toBase64());
    return hook;
}
} // namespace

// Toast's shapes and ours, both ways: sample orders read, webhooks checked, polls paged, and each
// event's calls (only creates, voids and delivery states: the kitchen state is read only).
class TestToastVendor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesMapBothWays();
    void aTillOrderReadsInOurShape();
    void unknownValuesAreKeptNotFatal();
    void aCardNumberIsRedacted();
    void voidsReadAsVoided();
    void ordersThatAreNotTheKitchensAreRefused_data();
    void ordersThatAreNotTheKitchensAreRefused();
    void webhooksAreCheckedAndRead_data();
    void webhooksAreCheckedAndRead();
    void aPollPagesByModifiedTime();
    void aPlatformOrderIsCreatedOnceByItsExternalId();
    void aLostCreateAnswerIsLookedUpBeforeTheRetry();
    void kitchenStepsWriteNothing();
    void aCancelVoidsOnlyAnOrderMadeHere();
    void aCourierStepSetsTheDeliveryStateOnce();
    void answersEndTheAttemptAsTheyShould_data();
    void answersEndTheAttemptAsTheyShould();
    void theLoginGivesATokenUntilItsLastMinute();
    void aWrongSecretReadsAsWords();
};

void TestToastVendor::tablesMapBothWays()
{
    using ToastMapping::kitchenStateFor;
    QCOMPARE(kitchenStateFor(QStringLiteral("NEW")), OrderState::Placed);
    QCOMPARE(kitchenStateFor(QStringLiteral("HOLD")), OrderState::Placed);
    QCOMPARE(kitchenStateFor(QStringLiteral("SENT")), OrderState::Accepted);
    QCOMPARE(kitchenStateFor(QStringLiteral("READY")), OrderState::Ready);
    QVERIFY(!kitchenStateFor(QStringLiteral("IN_THE_OVEN")));
    // An order is as far along as its slowest line.
    QCOMPARE(ToastMapping::orderKitchenState({OrderState::Ready, OrderState::Accepted}),
             OrderState::Accepted);
    QCOMPARE(ToastMapping::orderKitchenState({OrderState::Ready}), OrderState::Ready);
    QVERIFY(!ToastMapping::orderKitchenState({}));
    // Courier steps are written as delivery states, which read back in the same order.
    QCOMPARE(ToastMapping::deliveryStateFor(OrderState::OutForDelivery), QStringLiteral("PICKED_UP"));
    QCOMPARE(ToastMapping::deliveryStateFor(OrderState::Delivered), QStringLiteral("DELIVERED"));
    QVERIFY(!ToastMapping::deliveryStateFor(OrderState::Ready));
    QVERIFY(ToastMapping::deliveryRank(*ToastMapping::deliveryStateFor(OrderState::OutForDelivery))
            < ToastMapping::deliveryRank(*ToastMapping::deliveryStateFor(OrderState::Delivered)));
    QCOMPARE(ToastMapping::deliveryRank(QStringLiteral("TELEPORTED")), -1);
}

void TestToastVendor::aTillOrderReadsInOurShape()
{
    const ToastVendor vendor(config());
    const QJsonObject json = sample(QStringLiteral("till-order.json"));
    QVERIFY(!json.isEmpty());
    const Result<PosOrder> read = vendor.readOrder(json);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    const Order &order = read->order;
    QCOMPARE(order.id, QStringLiteral("3f1c2a9e-5b7d-4c1e-8a2f-9d0e1b2c3d4e"));
    QCOMPARE(order.source, QStringLiteral("pos:toast"));
    QCOMPARE(order.number, QStringLiteral("42"));
    QCOMPARE(order.type, OrderType::Pickup);
    QCOMPARE(order.customerName, QStringLiteral("Ana Silva"));
    QCOMPARE(order.placedAt, 1'796'212'800'250);
    QCOMPARE(order.scheduledFor, 0);
    QCOMPARE(read->version, QStringLiteral("2026-12-02T12:03:10.500+0000"));
    QCOMPARE(read->kitchenState, OrderState::Accepted); // SENT, READY and SENT: the slowest
    QVERIFY(!read->voided);
    QVERIFY2(read->unknownValues.isEmpty(), qPrintable(read->unknownValues.join(u',')));
    QCOMPARE(order.items.size(), 3); // the voided cola is gone
    const OrderItem &burger = order.items.at(0);
    QCOMPARE(burger.name, QStringLiteral("Cheeseburger"));
    QCOMPARE(burger.quantity, 2);
    QCOMPARE(burger.modifiers, QStringList {QStringLiteral("Double")});
    QCOMPARE(burger.notes, QStringLiteral("allergy: peanut"));
    QCOMPARE(burger.seat, 2);
    QCOMPARE(order.items.at(1).seat, 0);
    const OrderItem &slaw = order.items.at(2);
    QCOMPARE(slaw.quantity, 2);
    QCOMPARE(slaw.notes, QStringLiteral("quantity 1.5"));

    // A dining option the store marks as dine-in reads so.
    ToastVendor::Config dineIn = config();
    dineIn.dineInDiningOptions = {QStringLiteral("d1a2b3c4-0000-4000-8000-00000000d1e1")};
    QCOMPARE(ToastVendor(dineIn).readOrder(json)->order.type, OrderType::DineIn);
}

void TestToastVendor::unknownValuesAreKeptNotFatal()
{
    const Result<PosOrder> read =
            ToastVendor(config()).readOrder(sample(QStringLiteral("unknown-values.json")));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->order.type, OrderType::Delivery);
    QVERIFY(!read->kitchenState);
    QCOMPARE(read->unknownValues,
             QStringList({QStringLiteral("approvalStatus AWAITING_SOMETHING"),
                          QStringLiteral("selectionType BUNDLE_COMPONENT"),
                          QStringLiteral("unitOfMeasure FL_OZ"),
                          QStringLiteral("fulfillmentStatus IN_THE_OVEN")}));
    QCOMPARE(read->order.items.size(), 1);
    QCOMPARE(read->order.items.first().quantity, 16);
}

void TestToastVendor::aCardNumberIsRedacted()
{
    const QString number = card("visa_spaced");
    QVERIFY(!number.isEmpty());
    QJsonObject json = sample(QStringLiteral("till-order.json"));
    QJsonArray checks = json.value(QLatin1String("checks")).toArray();
    QJsonObject check = checks.first().toObject();
    QJsonArray selections = check.value(QLatin1String("selections")).toArray();
    QJsonObject fries = selections.at(1).toObject();
    fries.insert(QStringLiteral("modifiers"),
                 QJsonArray {QJsonObject {
                         {QStringLiteral("displayName"), QString(QStringLiteral("paid with ") + number)},
                         {QStringLiteral("selectionType"), QStringLiteral("SPECIAL_REQUEST")}}});
    selections.replace(1, fries);
    check.insert(QStringLiteral("selections"), selections);
    checks.replace(0, check);
    json.insert(QStringLiteral("checks"), checks);
    const Result<PosOrder> read = ToastVendor(config()).readOrder(json);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    const QString notes = read->order.items.at(1).notes;
    QVERIFY2(!notes.contains(number), qPrintable(notes));
    QVERIFY2(notes.contains(number.right(4)), qPrintable(notes));
}

void TestToastVendor::voidsReadAsVoided()
{
    QJsonObject json = sample(QStringLiteral("till-order.json"));
    json.insert(QStringLiteral("voided"), true);
    const Result<PosOrder> voided = ToastVendor(config()).readOrder(json);
    QVERIFY(voided.ok());
    QVERIFY(voided->voided);
    QCOMPARE(voided->order.items.size(), 4); // kept for the record

    json = sample(QStringLiteral("till-order.json"));
    json.insert(QStringLiteral("approvalStatus"), QStringLiteral("NOT_APPROVED"));
    QVERIFY(ToastVendor(config()).readOrder(json)->voided);
}

void TestToastVendor::ordersThatAreNotTheKitchensAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("why");
    QTest::newRow("no guid") << QStringLiteral("guid") << QJsonValue(QString()) << "without a guid";
    QTest::newRow("no selections") << QStringLiteral("checks") << QJsonValue(QJsonArray())
                                   << "has no selections";
    QTest::newRow("made here") << QStringLiteral("externalId")
                               << QJsonValue(ToastVendor::externalIdFor(QStringLiteral("hub-9")))
                               << "made by this console for order hub-9";
}

void TestToastVendor::ordersThatAreNotTheKitchensAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, why);
    QJsonObject json = sample(QStringLiteral("till-order.json"));
    json.insert(field, value);
    const Result<PosOrder> read = ToastVendor(config()).readOrder(json);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(why), qPrintable(read.error()));
}

void TestToastVendor::webhooksAreCheckedAndRead_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("externalId");
    QTest::addColumn<bool>("tamper");
    QTest::addColumn<QString>("refusal"); // empty: read
    QTest::addColumn<int>("orders");
    QTest::newRow("signed") << secret << "order_updated" << QString() << false << QString() << 1;
    QTest::newRow("channel order") << secret << "channel_order_updated" << QString() << false
                                   << QString() << 1;
    QTest::newRow("made here") << secret << "order_updated"
                               << ToastVendor::externalIdFor(QStringLiteral("hub-1")) << false
                               << QString() << 0;
    QTest::newRow("another secret") << QByteArray("guess") << "order_updated" << QString() << false
                                    << "signature" << 0;
    QTest::newRow("body changed") << secret << "order_updated" << QString() << true << "signature"
                                  << 0;
    QTest::newRow("not orders") << secret << "menu_updated" << QString() << false
                                << "not about orders" << 0;
}

void TestToastVendor::webhooksAreCheckedAndRead()
{
    QFETCH(QByteArray, key);
    QFETCH(QString, type);
    QFETCH(QString, externalId);
    QFETCH(bool, tamper);
    QFETCH(QString, refusal);
    QFETCH(int, orders);
    QJsonObject order = sample(QStringLiteral("till-order.json"));
    if (!externalId.isEmpty())
        order.insert(QStringLiteral("externalId"), externalId);
    PosWebhook hook = webhook(order, key, type);
    if (tamper)
        hook.body.replace("Cheeseburger", "Cheeseburgex");
    const Result<PosChanges> read = ToastVendor(config()).readWebhook(hook);
    if (!refusal.isEmpty()) {
        QVERIFY(!read.ok());
        QVERIFY2(read.error().contains(refusal), qPrintable(read.error()));
        return;
    }
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->eventId, QStringLiteral("evt-1"));
    QCOMPARE(read->orders.size(), orders);
    QVERIFY(read->orderIds.isEmpty()); // the whole order came: nothing to fetch
}

void TestToastVendor::aPollPagesByModifiedTime()
{
    const ToastVendor vendor(config());
    const PosCall first = vendor.pollSince({}, 1'796'212'800'000);
    QCOMPARE(first.path, QStringLiteral("/orders/v2/ordersBulk"));
    // The offset's '+' goes encoded: Toast reads a raw one as a space.
    const QString sent = first.query.query(QUrl::FullyEncoded);
    QVERIFY2(sent.contains(QStringLiteral("startDate=2026-12-02T12%3A00%3A00.000%2B0000")),
             qPrintable(sent));
    QVERIFY2(sent.contains(QStringLiteral("endDate=")), qPrintable(sent));
    const QString cursor = QStringLiteral("2026-12-02T12:00:00.000+0000");
    QVERIFY(vendor.pollSince(cursor, 0).query.query(QUrl::FullyEncoded).contains(
            QStringLiteral("startDate=2026-12-02T12%3A00%3A00.000%2B0000")));

    QJsonObject older = sample(QStringLiteral("till-order.json"));
    QJsonObject newer = sample(QStringLiteral("unknown-values.json"));
    QJsonObject ours = older;
    ours.insert(QStringLiteral("guid"), QStringLiteral("0e0e0e0e-0000-4000-8000-000000000e0e"));
    ours.insert(QStringLiteral("externalId"), ToastVendor::externalIdFor(QStringLiteral("hub-7")));
    ours.insert(QStringLiteral("modifiedDate"), QStringLiteral("2026-12-02T12:09:00.000+0000"));
    PosAnswer page = answer(200, QJsonDocument(QJsonArray {newer, ours, older}).toJson());
    page.headers.insert(
            "link",
            "<http://127.0.0.1:1/orders/v2/ordersBulk?startDate=2026-12-02T12%3A00%3A00.000%2B0000"
            "&pageSize=100&page=1>; rel=\"first\", <http://127.0.0.1:1/orders/v2/ordersBulk?"
            "startDate=2026-12-02T12%3A00%3A00.000%2B0000&pageSize=100&page=2>; rel=\"next\"");
    const Result<PosChanges> read = vendor.readPoll(page, cursor);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->orders.size(), 2); // the one made here is left out
    QCOMPARE(read->orders.at(0).value(QLatin1String("displayNumber")).toString(),
             QStringLiteral("42")); // oldest change first
    QCOMPARE(read->cursor, QStringLiteral("2026-12-02T12:09:00.000+0000"));
    QVERIFY(read->nextPage);
    QCOMPARE(read->nextPage->path, QStringLiteral("/orders/v2/ordersBulk"));
    const QString next = read->nextPage->query.query(QUrl::FullyEncoded);
    QVERIFY2(next.contains(QStringLiteral("page=2")), qPrintable(next));
    QVERIFY2(next.contains(QStringLiteral("%2B0000")), qPrintable(next));

    // The last page has no next; nothing new keeps the cursor.
    const Result<PosChanges> last = vendor.readPoll(answer(200, "[]"), cursor);
    QVERIFY(last.ok());
    QVERIFY(!last->nextPage);
    QCOMPARE(last->cursor, cursor);
    QVERIFY(!vendor.readPoll(toastError(400, QStringLiteral("BAD_REQUEST"), {}), cursor).ok());
}

void TestToastVendor::aPlatformOrderIsCreatedOnceByItsExternalId()
{
    ToastVendor vendor(config());
    const Order order = platformOrder();
    std::unique_ptr<PosWrite> write = vendor.write(placed(order), order);
    QVERIFY(write);
    // Looked up first: it may have been made already (a lost answer, another run).
    const PosStep lookUp = write->first();
    QCOMPARE(lookUp.call.verb, QByteArray("GET"));
    QCOMPARE(lookUp.call.path, QStringLiteral("/orders/v2/orders"));
    QCOMPARE(lookUp.call.query.queryItemValue(QStringLiteral("externalId")),
             QStringLiteral("kc-hub-181"));
    const PosStep create = write->next(guids({}));
    QCOMPARE(create.kind, PosStep::Kind::Call);
    QCOMPARE(create.call.verb, QByteArray("POST"));
    QCOMPARE(create.call.path, QStringLiteral("/orders/v2/orders"));
    const QJsonObject sent = *create.call.body;
    QCOMPARE(sent.value(QLatin1String("externalId")).toString(), QStringLiteral("kc-hub-181"));
    QCOMPARE(sent.value(QLatin1String("diningOption")).toObject().value(QLatin1String("guid")),
             QJsonValue(config().deliveryDiningOptionGuid));
    QVERIFY(sent.value(QLatin1String("deliveryInfo")).isObject());
    const QJsonObject check = sent.value(QLatin1String("checks")).toArray().first().toObject();
    QCOMPARE(check.value(QLatin1String("externalId")).toString(), QStringLiteral("kc-hub-181-c1"));
    const QJsonObject line = check.value(QLatin1String("selections")).toArray().first().toObject();
    QCOMPARE(line.value(QLatin1String("externalId")).toString(), QStringLiteral("kc-hub-181-s1"));
    QCOMPARE(line.value(QLatin1String("item")).toObject().value(QLatin1String("guid")),
             QJsonValue(config().menuItemGuid));
    QCOMPARE(line.value(QLatin1String("displayName")).toString(),
             QStringLiteral("Cheeseburger (no onions; well done)"));
    QCOMPARE(line.value(QLatin1String("quantity")).toInt(), 2);
    QVERIFY(!line.contains(QLatin1String("price"))); // Toast prices it
    QCOMPARE(write->next(json(200, {{QStringLiteral("guid"), toastGuid}})).kind,
             PosStep::Kind::Delivered);
    QCOMPARE(vendor.toastGuid(order.id), toastGuid);

    // Made: a create of it again (a replay) needs no call.
    QCOMPARE(vendor.write(placed(order), order)->first().kind, PosStep::Kind::Delivered);
    // An order from Toast itself is never created again.
    const Order fromToast = tillOrder();
    QVERIFY(!vendor.write(placed(fromToast), fromToast));
}

void TestToastVendor::aLostCreateAnswerIsLookedUpBeforeTheRetry()
{
    ToastVendor vendor(config());
    const Order order = platformOrder();
    // Its first step here is what brings a platform order to Toast.
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Placed, OrderState::Accepted), order);
    QVERIFY(write);
    QCOMPARE(write->first().call.verb, QByteArray("GET"));
    QCOMPARE(write->next(guids({})).call.verb, QByteArray("POST"));
    PosAnswer lost;
    lost.networkError = QStringLiteral("Operation canceled");
    QCOMPARE(write->next(lost).kind, PosStep::Kind::Failed);

    // The retry looks first: found, so nothing is created again.
    std::unique_ptr<PosWrite> retry =
            vendor.write(to(order, OrderState::Placed, OrderState::Accepted), order);
    QCOMPARE(retry->first().call.verb, QByteArray("GET"));
    QCOMPARE(retry->next(guids({toastGuid})).kind, PosStep::Kind::Delivered);
    QCOMPARE(vendor.toastGuid(order.id), toastGuid);
    // Known now: its next kitchen step writes nothing.
    QVERIFY(!vendor.write(to(order, OrderState::Accepted, OrderState::Preparing), order));

    // Made between the look-up and the create: Toast's 409 for the externalId is looked up.
    ToastVendor other(config());
    std::unique_ptr<PosWrite> fresh = other.write(placed(order), order);
    (void)fresh->first();
    QCOMPARE(fresh->next(guids({})).call.verb, QByteArray("POST"));
    const PosStep look = fresh->next(toastError(409, QStringLiteral("DUPLICATE_EXTERNAL_ID"),
                                                QStringLiteral("already exists")));
    QCOMPARE(look.call.verb, QByteArray("GET"));
    QCOMPARE(fresh->next(guids({toastGuid})).kind, PosStep::Kind::Delivered);
}

void TestToastVendor::kitchenStepsWriteNothing()
{
    ToastVendor vendor(config());
    vendor.rememberGuid(platformOrder().id, toastGuid); // made at Toast already
    for (const Order &order : {tillOrder(), platformOrder()}) {
        QVERIFY(!vendor.write(to(order, OrderState::Placed, OrderState::Accepted), order));
        QVERIFY(!vendor.write(to(order, OrderState::Accepted, OrderState::Preparing), order));
        QVERIFY(!vendor.write(to(order, OrderState::Preparing, OrderState::Ready), order));
        QVERIFY(!vendor.write(to(order, OrderState::Ready, OrderState::PickedUp), order));
        OrderEvent note = to(order, OrderState::Ready, OrderState::PickedUp);
        note.kind = EventKind::NoteAdded;
        QVERIFY(!vendor.write(note, order));
    }
    // A courier step of an order that is not for delivery has nothing to set.
    Order pickup = platformOrder();
    pickup.type = OrderType::Pickup;
    QVERIFY(!vendor.write(to(pickup, OrderState::Ready, OrderState::OutForDelivery), pickup));
}

void TestToastVendor::aCancelVoidsOnlyAnOrderMadeHere()
{
    ToastVendor vendor(config());
    const Order till = tillOrder();
    QVERIFY(!vendor.write(to(till, OrderState::Accepted, OrderState::Cancelled), till));

    const Order order = platformOrder();
    std::unique_ptr<PosWrite> cancel =
            vendor.write(to(order, OrderState::Accepted, OrderState::Cancelled), order);
    QVERIFY(cancel);
    // This run has not learnt Toast's guid: looked up by externalId first.
    QCOMPARE(cancel->first().call.verb, QByteArray("GET"));
    const PosStep voiding = cancel->next(guids({toastGuid}));
    QCOMPARE(voiding.call.verb, QByteArray("POST"));
    QCOMPARE(voiding.call.path, QStringLiteral("/orders/v2/orders/%1/void").arg(toastGuid));
    const QJsonObject all {{QStringLiteral("voidAll"), true}};
    QCOMPARE(voiding.call.body->value(QLatin1String("selections")).toObject(), all);
    QCOMPARE(voiding.call.body->value(QLatin1String("payments")).toObject(), all);
    QCOMPARE(cancel->next(json(200, {{QStringLiteral("guid"), toastGuid}})).kind,
             PosStep::Kind::Delivered);

    // A reject of an order Toast never got: nothing to void, and it is not made there either.
    std::unique_ptr<PosWrite> reject =
            ToastVendor(config()).write(to(order, OrderState::Placed, OrderState::Rejected), order);
    (void)reject->first();
    QCOMPARE(reject->next(guids({})).kind, PosStep::Kind::Delivered);
}

void TestToastVendor::aCourierStepSetsTheDeliveryStateOnce()
{
    ToastVendor vendor(config());
    Order order = tillOrder();
    std::unique_ptr<PosWrite> out =
            vendor.write(to(order, OrderState::Ready, OrderState::OutForDelivery), order);
    const PosStep fetch = out->first();
    QCOMPARE(fetch.call.verb, QByteArray("GET"));
    QCOMPARE(fetch.call.path, QStringLiteral("/orders/v2/orders/") + toastGuid);
    const PosStep patch = out->next(deliveryOrder(QStringLiteral("PENDING")));
    QCOMPARE(patch.call.verb, QByteArray("PATCH"));
    QCOMPARE(patch.call.path, QStringLiteral("/orders/v2/orders/%1/deliveryInfo").arg(toastGuid));
    QCOMPARE(*patch.call.body,
             QJsonObject({{QStringLiteral("deliveryState"), QStringLiteral("PICKED_UP")}}));
    QCOMPARE(out->next(deliveryOrder(QStringLiteral("PICKED_UP"))).kind, PosStep::Kind::Delivered);

    // Toast already there, or further: nothing written.
    std::unique_ptr<PosWrite> again =
            vendor.write(to(order, OrderState::Ready, OrderState::OutForDelivery), order);
    (void)again->first();
    QCOMPARE(again->next(deliveryOrder(QStringLiteral("DELIVERED"))).kind,
             PosStep::Kind::Delivered);
    // Not a delivery order at Toast: nothing to set.
    std::unique_ptr<PosWrite> none =
            vendor.write(to(order, OrderState::OutForDelivery, OrderState::Delivered), order);
    (void)none->first();
    QCOMPARE(none->next(json(200, {{QStringLiteral("guid"), toastGuid}})).kind,
             PosStep::Kind::Delivered);
}

void TestToastVendor::answersEndTheAttemptAsTheyShould_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("waitMs");
    const int failed = int(PosStep::Kind::Failed);
    const int refused = int(PosStep::Kind::Refused);
    QTest::newRow("no answer") << 0 << qint64(0) << failed << qint64(0);
    QTest::newRow("429 with Retry-After") << 429 << qint64(30'000) << failed << qint64(30'000);
    QTest::newRow("503 with Retry-After") << 503 << qint64(5000) << failed << qint64(5000);
    QTest::newRow("500") << 500 << qint64(0) << failed << qint64(0);
    QTest::newRow("expired token") << 401 << qint64(0) << failed << qint64(0);
    QTest::newRow("another restaurant") << 403 << qint64(0) << failed << qint64(0);
    QTest::newRow("no such order") << 404 << qint64(0) << refused << qint64(0);
    QTest::newRow("bad request") << 400 << qint64(0) << refused << qint64(0);
}

void TestToastVendor::answersEndTheAttemptAsTheyShould()
{
    QFETCH(int, status);
    QFETCH(qint64, retryAfterMs);
    QFETCH(int, kind);
    QFETCH(qint64, waitMs);
    ToastVendor vendor(config());
    const Order order = tillOrder();
    std::unique_ptr<PosWrite> write =
            vendor.write(to(order, OrderState::Ready, OrderState::OutForDelivery), order);
    (void)write->first();
    PosAnswer reply = status ? toastError(status, QStringLiteral("KEY"), QStringLiteral("words"))
                             : PosAnswer();
    if (!status)
        reply.networkError = QStringLiteral("Connection refused");
    reply.retryAfterMs = retryAfterMs;
    const PosStep step = write->next(reply);
    QCOMPARE(int(step.kind), kind);
    QCOMPARE(step.retryAfterMs, waitMs);
    QVERIFY(!step.reason.isEmpty());
    if (status == 400)
        QVERIFY2(step.reason.contains(QStringLiteral("words")), qPrintable(step.reason));
}

void TestToastVendor::theLoginGivesATokenUntilItsLastMinute()
{
    ToastLogin login(QStringLiteral("id-1"), QStringLiteral("secret-1"));
    const qint64 now = 1'796'212'800'000;
    QVERIFY(!login.token(now));
    const std::optional<PosCall> call = login.renewal();
    QVERIFY(call);
    QCOMPARE(call->verb, QByteArray("POST"));
    QCOMPARE(call->path, QStringLiteral("/authentication/v1/authentication/login"));
    QCOMPARE(*call->body,
             QJsonObject({{QStringLiteral("clientId"), QStringLiteral("id-1")},
                          {QStringLiteral("clientSecret"), QStringLiteral("secret-1")},
                          {QStringLiteral("userAccessType"), QStringLiteral("TOAST_MACHINE_CLIENT")}}));
    const QJsonObject token {{QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                             {QStringLiteral("accessToken"), QStringLiteral("tok-1")},
                             {QStringLiteral("expiresIn"), 600}};
    QVERIFY(login.renewed(json(200, {{QStringLiteral("token"), token},
                                     {QStringLiteral("status"), QStringLiteral("SUCCESS")}}),
                          now)
                    .ok());
    QCOMPARE(login.expiresAtMs(), now + 600'000);
    QCOMPARE(login.token(now), QByteArray("tok-1"));
    QCOMPARE(login.token(now + 539'999), QByteArray("tok-1"));
    QVERIFY(!login.token(now + 540'000)); // the last minute: renew first
    login.forget(); // a 401
    QVERIFY(!login.token(now));
    QVERIFY(!ToastLogin({}, {}).renewal()); // nothing to log in with
}

void TestToastVendor::aWrongSecretReadsAsWords()
{
    ToastLogin login(QStringLiteral("id-1"), QStringLiteral("wrong"));
    const Result<void> refused =
            login.renewed(toastError(401, QStringLiteral("INVALID_CLIENT_CREDENTIALS"), {}), 1);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error(), QStringLiteral("Toast refused the client id or secret"));
    QVERIFY(!login.token(1));
    QVERIFY(!login.renewed(json(200, {}), 1).ok());
}

QTEST_GUILESS_MAIN(TestToastVendor)
#include "tst_toastvendor.moc"
