// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/clover/clovermapping.h"
#include "pos/clover/cloveroauth.h"
#include "pos/clover/clovervendor.h"
#include "pos/clover/cloverorderwrite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
const QString merchant = QStringLiteral("MID1");
const QByteArray authCode = "clover-auth-code";

CloverVendor::Config config()
{
    return {merchant, QStringLiteral("APP1"), authCode};
}

QByteArray sampleBytes(const QString &name)
{
    QFile file(qEnvironmentVariable("KC_POS_SAMPLES") + QStringLiteral("/clover/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject sample(const QString &name)
{
    return QJsonDocument::fromJson(sampleBytes(name)).object();
}

/** A test card number, from tests/data/hostile (the one place such numbers are kept). */
QString card()
{
    QFile file(qEnvironmentVariable("KC_TEST_DATA") + QStringLiteral("/hostile/card-numbers.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("visa_spaced")).toString();
}

PosAnswer answer(int status, const QJsonObject &body, qint64 retryAfterMs = 0)
{
    PosAnswer answer;
    answer.status = status;
    answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    answer.retryAfterMs = retryAfterMs;
    return answer;
}

PosAnswer listAnswer(const QJsonArray &orders)
{
    return answer(200, {{QStringLiteral("elements"), orders}});
}

Order platformOrder()
{
    Order order;
    order.id = QStringLiteral("hub-181");
    order.number = QStringLiteral("181");
    order.source = QStringLiteral("platform");
    order.customerName = QStringLiteral("Ana");
    order.state = OrderState::Placed;
    OrderItem burger;
    burger.name = QStringLiteral("Cheeseburger");
    burger.quantity = 2;
    burger.modifiers = {QStringLiteral("no onions")};
    burger.notes = QStringLiteral("well done");
    OrderItem fries;
    fries.name = QStringLiteral("Fries");
    order.items = {burger, fries};
    return order;
}

Order cloverBorn()
{
    Order order = platformOrder();
    order.id = QStringLiteral("ABC123DEF4567");
    order.source = QStringLiteral("pos:clover");
    return order;
}

OrderEvent to(const Order &order, OrderState from, OrderState state, const QString &reason = {})
{
    OrderEvent event = OrderEvent::transition(order.id, QStringLiteral("store-1"), from, state,
                                              Actor::staff(QStringLiteral("cook")),
                                              QStringLiteral("console-1"), 1'764'000'000'000);
    event.reason = reason;
    return event;
}

PosWebhook webhook(const QByteArray &body, const QByteArray &code)
{
    PosWebhook hook;
    hook.url = QUrl(QStringLiteral("https://console.example/pos/clover"));
    hook.body = body;
    if (!code.isNull())
        hook.headers.insert("x-clover-auth", code);
    return hook;
}

QJsonObject pollOrder(const QString &id, qint64 modifiedTime)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("modifiedTime"), modifiedTime},
            {QStringLiteral("lineItems"),
             QJsonObject {{QStringLiteral("elements"),
                           QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Taco")},
                                                    {QStringLiteral("price"), 300}}}}}}};
}
} // namespace

// Clover's shapes and ours, both ways: sample orders read, webhooks checked, polls paged, each
// event's calls and how each answer ends them, and the OAuth pair renewed and kept.
class TestCloverVendor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesMapBothWays();
    void aCounterOrderReadsInOurShape();
    void unknownValuesAndFieldsAreKeptNotFatal();
    void aCardNumberIsRedacted();
    void ordersThatAreNotTheKitchensAreRefused_data();
    void ordersThatAreNotTheKitchensAreRefused();
    void webhooksAreCheckedByTheAuthCode_data();
    void webhooksAreCheckedByTheAuthCode();
    void aWebhookNamesOrdersAndReadsADeleteAsAVoid();
    void aPollPagesByModifiedTime();
    void aPlatformOrderIsLookedUpThenCreatedAtomically();
    void aCreateWhoseAnswerWasLostIsFoundNotMadeAgain();
    void anEndingOfOurOrderIsWrittenAsANoteOnce();
    void kitchenStepsWriteNothing();
    void answersEndTheAttemptAsTheyShould_data();
    void answersEndTheAttemptAsTheyShould();
    void theOAuthPairRenewsBeforeItLapsesAndIsKept();
    void aRefusedRefreshReadsInWords();
};

void TestCloverVendor::tablesMapBothWays()
{
    QCOMPARE(CloverMapping::orderTypeFor(QStringLiteral("Dine In")), OrderType::DineIn);
    QCOMPARE(CloverMapping::orderTypeFor(QStringLiteral("to go")), OrderType::Pickup);
    QCOMPARE(CloverMapping::orderTypeFor(QStringLiteral(" DELIVERY ")), OrderType::Delivery);
    QVERIFY(!CloverMapping::orderTypeFor(QStringLiteral("Drive Thru")));
    QVERIFY(CloverMapping::isKnownOrderState(QStringLiteral("OPEN")));
    QVERIFY(CloverMapping::isKnownOrderState(QStringLiteral("locked")));
    QVERIFY(!CloverMapping::isKnownOrderState(QStringLiteral("parked")));
    QVERIFY(CloverMapping::isKnownPaymentState(QStringLiteral("PARTIALLY_REFUNDED")));
    QVERIFY(!CloverMapping::isKnownPaymentState(QStringLiteral("PENDING_AUTHORIZATION")));
    // Only an ending without a sale is written, and only for orders this console made there.
    for (OrderState state : {OrderState::Placed, OrderState::Accepted, OrderState::Preparing,
                             OrderState::Ready, OrderState::PickedUp, OrderState::Delivered})
        QVERIFY(!CloverMapping::writesEnding(state));
    QVERIFY(CloverMapping::writesEnding(OrderState::Rejected));
    QVERIFY(CloverMapping::writesEnding(OrderState::Cancelled));
    // Our order's reference: derived, stable, 12 characters, read back as ours (not a till order).
    const QString reference = CloverVendor::referenceFor(QStringLiteral("hub-181"));
    QCOMPARE(reference.size(), CloverVendor::referenceLength);
    QCOMPARE(reference, CloverVendor::referenceFor(QStringLiteral("hub-181")));
    QVERIFY(reference != CloverVendor::referenceFor(QStringLiteral("hub-182")));
    QJsonObject ours = sample(QStringLiteral("counter-order.json"));
    ours.insert(QStringLiteral("externalReferenceId"), reference);
    CloverVendor vendor(config());
    const Result<PosOrder> read = vendor.readOrder(ours);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->createdFor, reference);
    vendor.remember(QStringLiteral("hub-181"), read->order.id);
    QCOMPARE(vendor.readOrder(ours)->createdFor, QStringLiteral("hub-181"));
    QVERIFY(vendor.readOrder(sample(QStringLiteral("counter-order.json")))->createdFor.isEmpty());
}

void TestCloverVendor::aCounterOrderReadsInOurShape()
{
    const CloverVendor vendor(config());
    const QJsonObject json = sample(QStringLiteral("counter-order.json"));
    QVERIFY(!json.isEmpty());
    const Result<PosOrder> read = vendor.readOrder(json);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    const Order &order = read->order;
    QCOMPARE(order.id, QStringLiteral("ABC123DEF4567"));
    QCOMPARE(order.source, QStringLiteral("pos:clover"));
    QCOMPARE(order.number, QStringLiteral("Table 4 / Ana"));
    QCOMPARE(order.type, OrderType::DineIn);
    QCOMPARE(order.placedAt, 1'796'212'800'250);
    QCOMPARE(order.notes, QStringList {QStringLiteral("birthday: bring the cake last")});
    QCOMPARE(read->version, QStringLiteral("1796212805000")); // modifiedTime, epoch ms
    QVERIFY(!read->kitchenState); // Clover keeps none: ours is kept
    QVERIFY(!read->voided);
    QVERIFY2(read->unknownValues.isEmpty(), qPrintable(read->unknownValues.join(u',')));
    // Two equal line items are one item of two; a weighed one says its quantity.
    QCOMPARE(order.items.size(), 3);
    const OrderItem &burger = order.items.at(0);
    QCOMPARE(burger.name, QStringLiteral("Cheeseburger"));
    QCOMPARE(burger.quantity, 2);
    QCOMPARE(burger.modifiers, QStringList({QStringLiteral("Double"), QStringLiteral("No onions")}));
    QCOMPARE(burger.notes, QStringLiteral("allergy: peanut"));
    QCOMPARE(order.items.at(1).name, QStringLiteral("Fries"));
    QCOMPARE(order.items.at(1).quantity, 1);
    QCOMPARE(order.items.at(2).notes, QStringLiteral("quantity 1.5 lb"));
}

void TestCloverVendor::unknownValuesAndFieldsAreKeptNotFatal()
{
    const Result<PosOrder> read =
            CloverVendor(config()).readOrder(sample(QStringLiteral("unknown-values.json")));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->order.type, OrderType::Pickup);
    QCOMPARE(read->order.number, QStringLiteral("42"));
    QCOMPARE(read->order.items.size(), 1);
    QCOMPARE(read->unknownValues,
             QStringList({QStringLiteral("order state parked"),
                          QStringLiteral("payment state PENDING_AUTHORIZATION"),
                          QStringLiteral("order type Drive Thru"),
                          QStringLiteral("order field merchantRewards"),
                          QStringLiteral("line item field kitchenCourse")}));
}

void TestCloverVendor::aCardNumberIsRedacted()
{
    const QString number = card();
    QVERIFY(!number.isEmpty());
    QJsonObject json = sample(QStringLiteral("counter-order.json"));
    json.insert(QStringLiteral("note"), QString(QStringLiteral("paid with ") + number));
    QJsonObject lines = json.value(QLatin1String("lineItems")).toObject();
    QJsonArray elements = lines.value(QLatin1String("elements")).toArray();
    QJsonObject fries = elements.at(2).toObject();
    fries.insert(QStringLiteral("note"), QString(QStringLiteral("card ") + number));
    elements.replace(2, fries);
    lines.insert(QStringLiteral("elements"), elements);
    json.insert(QStringLiteral("lineItems"), lines);
    const Result<PosOrder> read = CloverVendor(config()).readOrder(json);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    const QString lastFour = number.right(4);
    const QString note = read->order.notes.join(u' ');
    QVERIFY2(!note.contains(number) && note.contains(lastFour), qPrintable(note));
    const QString itemNote = read->order.items.at(1).notes;
    QVERIFY2(!itemNote.contains(number) && itemNote.contains(lastFour), qPrintable(itemNote));
}

void TestCloverVendor::ordersThatAreNotTheKitchensAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("why");
    QTest::newRow("no id") << QStringLiteral("id") << QJsonValue(QString()) << "without an id";
    QTest::newRow("no items yet")
            << QStringLiteral("lineItems")
            << QJsonValue(QJsonObject {{QStringLiteral("elements"), QJsonArray()}})
            << "has no line items";
}

void TestCloverVendor::ordersThatAreNotTheKitchensAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, why);
    QJsonObject json = sample(QStringLiteral("counter-order.json"));
    json.insert(field, value);
    const Result<PosOrder> read = CloverVendor(config()).readOrder(json);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(why), qPrintable(read.error()));
}

void TestCloverVendor::webhooksAreCheckedByTheAuthCode_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("merchantId");
    QTest::addColumn<QString>("why"); // empty: read
    QTest::newRow("good") << authCode << merchant << QString();
    QTest::newRow("wrong code") << QByteArray("clover-auth-codf") << merchant
                                << QStringLiteral("does not match");
    QTest::newRow("longer code") << QByteArray(authCode + "x") << merchant
                                 << QStringLiteral("does not match");
    QTest::newRow("no code") << QByteArray() << merchant << QStringLiteral("does not match");
    QTest::newRow("another merchant") << authCode << QStringLiteral("MID7")
                                      << QStringLiteral("not MID7");
}

void TestCloverVendor::webhooksAreCheckedByTheAuthCode()
{
    QFETCH(QByteArray, code);
    QFETCH(QString, merchantId);
    QFETCH(QString, why);
    CloverVendor::Config settings = config();
    settings.merchantId = merchantId;
    const Result<PosChanges> read =
            CloverVendor(settings).readWebhook(webhook(sampleBytes(QStringLiteral("webhook.json")), code));
    QCOMPARE(read.ok(), why.isEmpty());
    if (!why.isEmpty())
        QVERIFY2(read.error().contains(why), qPrintable(read.error()));

    // A webhook about something else than orders is Clover's, but brings nothing.
    const Result<PosChanges> items = CloverVendor(config()).readWebhook(webhook(
            R"({"appId":"APP1","merchants":{"MID1":[{"objectId":"I:ITEM1","type":"UPDATE","ts":1}]}})",
            authCode));
    QVERIFY(items.ok());
    QVERIFY(items->orders.isEmpty() && items->orderIds.isEmpty());

    // Clover's URL check carries no code: refused, saying what to paste where.
    const Result<PosChanges> check = CloverVendor(config()).readWebhook(
            webhook(R"({"verificationCode":"abc-123"})", QByteArray()));
    QVERIFY(!check.ok());
    QVERIFY2(check.error().contains(QStringLiteral("abc-123")), qPrintable(check.error()));
}

void TestCloverVendor::aWebhookNamesOrdersAndReadsADeleteAsAVoid()
{
    const CloverVendor vendor(config());
    const Result<PosChanges> read =
            vendor.readWebhook(webhook(sampleBytes(QStringLiteral("webhook.json")), authCode));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    // Orders only, each once; another merchant's and other objects left out.
    QCOMPARE(read->orderIds, QStringList {QStringLiteral("ABC123DEF4567")});
    QCOMPARE(read->orders.size(), 1);
    const Result<PosOrder> deleted = vendor.readOrder(read->orders.constFirst());
    QVERIFY2(deleted.ok(), qPrintable(deleted.error()));
    QCOMPARE(deleted->order.id, QStringLiteral("DEL123DEF4567"));
    QVERIFY(deleted->voided);
    QCOMPARE(deleted->version, QStringLiteral("1796212806000"));

    const PosCall fetch = vendor.fetchOrder(QStringLiteral("ABC123DEF4567"));
    QCOMPARE(fetch.verb, QByteArray("GET"));
    QCOMPARE(fetch.path, QStringLiteral("/v3/merchants/MID1/orders/ABC123DEF4567"));
    QCOMPARE(fetch.query.queryItemValue(QStringLiteral("expand")),
             QStringLiteral("lineItems,lineItems.modifications"));
    const Result<PosChanges> fetched =
            vendor.readFetched(answer(200, sample(QStringLiteral("counter-order.json"))));
    QVERIFY(fetched.ok());
    QCOMPARE(fetched->orders.size(), 1);
    const Result<PosChanges> gone =
            vendor.readFetched(answer(404, {{QStringLiteral("message"), QStringLiteral("Not Found")}}));
    QVERIFY(!gone.ok());
    QVERIFY2(gone.error().contains(QStringLiteral("404")), qPrintable(gone.error()));
}

void TestCloverVendor::aPollPagesByModifiedTime()
{
    const CloverVendor vendor(config());
    const PosCall firstPoll = vendor.pollSince({}, 1'796'212'000'000);
    QCOMPARE(firstPoll.path, QStringLiteral("/v3/merchants/MID1/orders"));
    QCOMPARE(firstPoll.query.queryItemValue(QStringLiteral("filter")),
             QStringLiteral("modifiedTime>=1796212000000"));
    QCOMPARE(firstPoll.query.queryItemValue(QStringLiteral("orderBy")),
             QStringLiteral("modifiedTime ASC"));
    QCOMPARE(firstPoll.query.queryItemValue(QStringLiteral("offset")), QStringLiteral("0"));
    const QString cursor = QStringLiteral("1796212800000");
    QCOMPARE(vendor.pollSince(cursor, 0).query.queryItemValue(QStringLiteral("filter")),
             QStringLiteral("modifiedTime>=1796212800000"));

    // A full page: the next starts at its last millisecond, past the two already read there.
    QJsonArray full;
    for (int i = 0; i < CloverVendor::pollPageSize; ++i)
        full.append(pollOrder(QStringLiteral("ORDER%1").arg(i, 8, 10, QLatin1Char('0')),
                              1'796'212'800'000 + std::min(i, CloverVendor::pollPageSize - 2)));
    const Result<PosChanges> page = vendor.readPoll(listAnswer(full), cursor);
    QVERIFY2(page.ok(), qPrintable(page.error()));
    QCOMPARE(page->orders.size(), CloverVendor::pollPageSize);
    const qint64 last = 1'796'212'800'000 + CloverVendor::pollPageSize - 2;
    QCOMPARE(page->cursor, QString::number(last));
    QVERIFY(page->nextPage);
    QCOMPARE(page->nextPage->query.queryItemValue(QStringLiteral("filter")),
             QStringLiteral("modifiedTime>=%1").arg(last));
    QCOMPARE(page->nextPage->query.queryItemValue(QStringLiteral("offset")), QStringLiteral("2"));

    // The last page: no next; the cursor stays where it was when nothing newer came.
    const Result<PosChanges> end = vendor.readPoll(
            listAnswer({pollOrder(QStringLiteral("ORDER1"), 1'796'212'700'000)}), cursor);
    QVERIFY(end.ok());
    QVERIFY(!end->nextPage);
    QCOMPARE(end->cursor, cursor);
    QVERIFY(vendor.readOrder(end->orders.constFirst()).ok());
    const Result<PosChanges> refused = vendor.readPoll(answer(400, {}), cursor);
    QVERIFY(!refused.ok());
}

void TestCloverVendor::aPlatformOrderIsLookedUpThenCreatedAtomically()
{
    CloverVendor vendor(config());
    const Order order = platformOrder();
    const OrderEvent placed =
            OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), 1'764'000'000'000);
    std::unique_ptr<PosWrite> write = vendor.write(placed, order);
    QVERIFY(write);
    const QString reference = CloverVendor::referenceFor(order.id);
    const PosStep lookUp = write->first();
    QCOMPARE(lookUp.kind, PosStep::Kind::Call);
    QCOMPARE(lookUp.call.verb, QByteArray("GET"));
    QCOMPARE(lookUp.call.path, QStringLiteral("/v3/merchants/MID1/orders"));
    QCOMPARE(lookUp.call.query.queryItemValue(QStringLiteral("filter")),
             QStringLiteral("externalReferenceId=") + reference);
    const PosStep create = write->next(listAnswer({}));
    QCOMPARE(create.call.verb, QByteArray("POST"));
    QCOMPARE(create.call.path, QStringLiteral("/v3/merchants/MID1/atomic_order/orders"));
    const QJsonObject cart = create.call.body->value(QLatin1String("orderCart")).toObject();
    QCOMPARE(cart.value(QLatin1String("externalReferenceId")).toString(), reference);
    QCOMPARE(cart.value(QLatin1String("title")).toString(), QStringLiteral("181"));
    QCOMPARE(cart.value(QLatin1String("note")).toString(), QStringLiteral("Ana"));
    // Clover counts by repeating a line: two burgers are two line items, priced at the till.
    const QJsonArray lines = cart.value(QLatin1String("lineItems")).toArray();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).toObject().value(QLatin1String("note")).toString(),
             QStringLiteral("no onions; well done"));
    QCOMPARE(lines.at(0).toObject().value(QLatin1String("price")), QJsonValue(0));
    QCOMPARE(lines.at(1), lines.at(0));
    QCOMPARE(lines.at(2).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Fries"));
    const PosStep done = write->next(answer(200, {{QStringLiteral("id"), QStringLiteral("NEW0000000001")}}));
    QCOMPARE(done.kind, PosStep::Kind::Delivered);
    QCOMPARE(vendor.cloverId(order.id), QStringLiteral("NEW0000000001"));

    // An order from Clover itself is never created again.
    const Order fromClover = cloverBorn();
    QVERIFY(!vendor.write(OrderEvent::placed(fromClover, Actor::pos(QStringLiteral("clover")),
                                             QStringLiteral("pos:clover"), 1),
                          fromClover));
}

void TestCloverVendor::aCreateWhoseAnswerWasLostIsFoundNotMadeAgain()
{
    CloverVendor vendor(config());
    const Order order = platformOrder();
    const OrderEvent placed =
            OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), 1'764'000'000'000);
    std::unique_ptr<PosWrite> write = vendor.write(placed, order);
    (void)write->first();
    const QJsonObject made {{QStringLiteral("id"), QStringLiteral("MADE000000001")},
                            {QStringLiteral("externalReferenceId"),
                             CloverVendor::referenceFor(order.id)}};
    QCOMPARE(write->next(listAnswer({made})).kind, PosStep::Kind::Delivered);
    QCOMPARE(vendor.cloverId(order.id), QStringLiteral("MADE000000001"));
}

void TestCloverVendor::anEndingOfOurOrderIsWrittenAsANoteOnce()
{
    CloverVendor vendor(config());
    const Order order = platformOrder();
    vendor.remember(order.id, QStringLiteral("MADE000000001"));
    const OrderEvent cancel =
            to(order, OrderState::Accepted, OrderState::Cancelled, QStringLiteral("out of buns"));
    std::unique_ptr<PosWrite> write = vendor.write(cancel, order);
    QVERIFY(write);
    const PosStep fetch = write->first();
    QCOMPARE(fetch.call.verb, QByteArray("GET"));
    QCOMPARE(fetch.call.path, QStringLiteral("/v3/merchants/MID1/orders/MADE000000001"));
    const PosStep note = write->next(answer(200, {{QStringLiteral("id"), QStringLiteral("MADE000000001")},
                                                  {QStringLiteral("note"), QStringLiteral("Ana")}}));
    QCOMPARE(note.call.verb, QByteArray("POST"));
    QCOMPARE(note.call.path, QStringLiteral("/v3/merchants/MID1/orders/MADE000000001"));
    const QString written = note.call.body->value(QLatin1String("note")).toString();
    QCOMPARE(written, QStringLiteral("Ana\nCancelled by the kitchen: out of buns"));
    QCOMPARE(note.call.body->size(), 1); // the note only: no state, no items
    QCOMPARE(write->next(answer(200, {})).kind, PosStep::Kind::Delivered);

    // A retry finds the note already says so: nothing written again.
    std::unique_ptr<PosWrite> again = vendor.write(cancel, order);
    (void)again->first();
    QCOMPARE(again->next(answer(200, {{QStringLiteral("note"), written}})).kind,
             PosStep::Kind::Delivered);

    // Rejected before Clover had it: created first, then noted.
    CloverVendor fresh(config());
    std::unique_ptr<PosWrite> first = fresh.write(
            to(order, OrderState::Placed, OrderState::Rejected, QStringLiteral("closed")), order);
    QCOMPARE(first->first().call.verb, QByteArray("GET"));
    QCOMPARE(first->next(listAnswer({})).call.path,
             QStringLiteral("/v3/merchants/MID1/atomic_order/orders"));
    const PosStep rejected = first->next(answer(200, {{QStringLiteral("id"), QStringLiteral("NEW0000000002")},
                                                      {QStringLiteral("note"), QStringLiteral("Ana")}}));
    QCOMPARE(rejected.call.path, QStringLiteral("/v3/merchants/MID1/orders/NEW0000000002"));
    QCOMPARE(rejected.call.body->value(QLatin1String("note")).toString(),
             QStringLiteral("Ana\nRejected by the kitchen: closed"));
}

void TestCloverVendor::kitchenStepsWriteNothing()
{
    CloverVendor vendor(config());
    const Order fromClover = cloverBorn();
    QVERIFY(!vendor.write(to(fromClover, OrderState::Placed, OrderState::Accepted), fromClover));
    QVERIFY(!vendor.write(to(fromClover, OrderState::Preparing, OrderState::Ready), fromClover));
    QVERIFY(!vendor.write(to(fromClover, OrderState::Ready, OrderState::PickedUp), fromClover));
    QVERIFY(!vendor.write(OrderEvent::stationBumped(fromClover, QStringLiteral("grill"), true,
                                                    Actor::staff(QStringLiteral("cook")),
                                                    QStringLiteral("c1"), 1),
                          fromClover));
    // A Clover order's cancellation is Clover's to handle at the till: nothing written either.
    QVERIFY(!vendor.write(to(fromClover, OrderState::Accepted, OrderState::Cancelled), fromClover));

    // Our order's steps only make sure it is at Clover: once it is known there, no call at all.
    const Order ours = platformOrder();
    std::unique_ptr<PosWrite> accept = vendor.write(to(ours, OrderState::Placed, OrderState::Accepted), ours);
    QVERIFY(accept);
    QCOMPARE(accept->first().call.verb, QByteArray("GET")); // not known yet: looked up
    vendor.remember(ours.id, QStringLiteral("MADE000000001"));
    for (OrderState state : {OrderState::Preparing, OrderState::Ready, OrderState::PickedUp}) {
        std::unique_ptr<PosWrite> step = vendor.write(to(ours, OrderState::Accepted, state), ours);
        QCOMPARE(step->first().kind, PosStep::Kind::Delivered);
    }
}

void TestCloverVendor::answersEndTheAttemptAsTheyShould_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("waitMs");
    const int failed = int(PosStep::Kind::Failed);
    const int refused = int(PosStep::Kind::Refused);
    QTest::newRow("no answer") << 0 << qint64(0) << failed << qint64(0);
    QTest::newRow("429 with retry-after") << 429 << qint64(1000) << failed << qint64(1000);
    QTest::newRow("503 with retry-after") << 503 << qint64(5000) << failed << qint64(5000);
    QTest::newRow("500") << 500 << qint64(0) << failed << qint64(0);
    QTest::newRow("401") << 401 << qint64(0) << failed << qint64(0);
    QTest::newRow("404") << 404 << qint64(0) << refused << qint64(0);
    QTest::newRow("400") << 400 << qint64(0) << refused << qint64(0);
}

void TestCloverVendor::answersEndTheAttemptAsTheyShould()
{
    QFETCH(int, status);
    QFETCH(qint64, retryAfterMs);
    QFETCH(int, kind);
    QFETCH(qint64, waitMs);
    CloverVendor vendor(config());
    const Order order = platformOrder();
    std::unique_ptr<PosWrite> write = vendor.write(
            OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), 1), order);
    (void)write->first();
    PosAnswer reply = status ? answer(status, {{QStringLiteral("message"), QStringLiteral("words")}})
                             : PosAnswer();
    if (!status)
        reply.networkError = QStringLiteral("Connection refused");
    reply.retryAfterMs = retryAfterMs;
    const PosStep step = write->next(reply);
    QCOMPARE(int(step.kind), kind);
    QCOMPARE(step.retryAfterMs, waitMs);
    QVERIFY(!step.reason.isEmpty());
    if (kind == int(PosStep::Kind::Refused))
        QVERIFY2(step.reason.contains(QStringLiteral("words")), qPrintable(step.reason));
}

void TestCloverVendor::theOAuthPairRenewsBeforeItLapsesAndIsKept()
{
    const qint64 now = 1'796'212'800'000;
    CloverOAuth auth(QStringLiteral("APP1"),
                     {"access-1", now + 30 * 60'000, "refresh-1", now + 365LL * 86'400'000});
    QCOMPARE(auth.token(now), QByteArray("access-1"));
    QCOMPARE(auth.token(now + 30 * 60'000 - CloverOAuth::renewMarginMs - 1), QByteArray("access-1"));
    QVERIFY(!auth.token(now + 30 * 60'000 - CloverOAuth::renewMarginMs)); // within the margin
    const std::optional<PosCall> renewal = auth.renewal();
    QVERIFY(renewal);
    QCOMPARE(renewal->verb, QByteArray("POST"));
    QCOMPARE(renewal->path, QStringLiteral("/oauth/v2/refresh"));
    QCOMPARE(renewal->body->value(QLatin1String("client_id")).toString(), QStringLiteral("APP1"));
    QCOMPARE(renewal->body->value(QLatin1String("refresh_token")).toString(),
             QStringLiteral("refresh-1"));

    const qint64 later = now + 26 * 60'000;
    const QJsonObject pair {{QStringLiteral("access_token"), QStringLiteral("access-2")},
                            {QStringLiteral("access_token_expiration"), later / 1000 + 1800},
                            {QStringLiteral("refresh_token"), QStringLiteral("refresh-2")},
                            {QStringLiteral("refresh_token_expiration"), later / 1000 + 86'400}};
    QVERIFY(auth.renewed(answer(200, pair), later).ok());
    QCOMPARE(auth.token(later), QByteArray("access-2"));
    QCOMPARE(QJsonDocument::fromJson(auth.secretToKeep()).object(), pair);

    // What was kept starts the next run with the same pair.
    Result<std::unique_ptr<CloverOAuth>> kept =
            CloverOAuth::fromKept(auth.secretToKeep(), QStringLiteral("APP1"));
    QVERIFY2(kept.ok(), qPrintable(kept.error()));
    QCOMPARE((*kept)->token(later), QByteArray("access-2"));
    QCOMPARE((*kept)->renewal()->body->value(QLatin1String("refresh_token")).toString(),
             QStringLiteral("refresh-2"));
    QVERIFY(!CloverOAuth::fromKept("not json", QStringLiteral("APP1")).ok());
    QVERIFY(!CloverOAuth::fromKept(R"({"access_token":"a"})", QStringLiteral("APP1")).ok());

    // Clover refused the access token: renewed before the next call, however long it had left.
    auth.forget();
    QVERIFY(!auth.token(later));
}

void TestCloverVendor::aRefusedRefreshReadsInWords()
{
    const qint64 now = 1'796'212'800'000;
    CloverOAuth auth(QStringLiteral("APP1"), {"access-1", now, "refresh-1", now + 1000});
    const Result<void> refused = auth.renewed(
            answer(401, {{QStringLiteral("message"), QStringLiteral("Refresh token already used")}}),
            now);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error(), QStringLiteral("Clover refused the saved sign-in; a manager must "
                                             "connect Clover again"));
    const Result<void> later = auth.renewed(answer(503, {}), now);
    QVERIFY(!later.ok());
    QVERIFY2(later.error().contains(QStringLiteral("tried again")), qPrintable(later.error()));
    QVERIFY(!auth.token(now)); // still nothing to send
}

QTEST_GUILESS_MAIN(TestCloverVendor)
#include "tst_clovervendor.moc"
