// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/clover/clovermapping.h"
#include "pos/clover/clovervendor.h"

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

// Clover's shapes and ours, both ways: sample orders read, webhooks checked, polls paged.
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
    void anOrderTheStoreCannotKeepStaysOut();
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

// What fuzz_pos_payloads found (docs/reliability.md, Fuzzing): Qt's JSON parser lets raw control
// characters through inside strings, and the adapter took them into the order id. The feed's way
// in refuses such an order; the sample as it is still gets in.
void TestCloverVendor::anOrderTheStoreCannotKeepStaysOut()
{
    QFile finding(qEnvironmentVariable("KC_TEST_DATA")
                  + QStringLiteral("/fuzz/findings/clover-order-id-over-the-limit"));
    QVERIFY(finding.open(QIODevice::ReadOnly));
    const QByteArray input = finding.readAll().mid(1); // the fuzzer's first byte picks the vendor
    const QJsonObject json = QJsonDocument::fromJson(input).object();
    QVERIFY(json.value(QLatin1String("id")).toString().contains(u'\f'));
    const CloverVendor vendor(config());
    const Result<PosOrder> refused = vendor.readKeepableOrder(json);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("a Clover order the store could not keep"))
                     && refused.error().contains(QStringLiteral("printable")),
             qPrintable(refused.error()));
    QVERIFY(vendor.readKeepableOrder(sample(QStringLiteral("counter-order.json"))));
}

QTEST_GUILESS_MAIN(TestCloverVendor)
#include "tst_clovervendor.moc"
