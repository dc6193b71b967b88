// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toasttestdata.h"

#include "pos/toast/toastlogin.h"
#include "pos/toast/toastmapping.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace ToastTest;

namespace {
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

// Toast's shapes and ours: sample orders read (tables both ways, unknown values, card numbers),
// webhooks checked, polls paged, and the machine-client login.
class TestToastVendor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesMapBothWays();
    void aTillOrderReadsInOurShape();
    void unknownValuesAreKeptNotFatal();
    void aCardNumberIsRedacted();
    void voidsReadAsVoided();
    void anOrderMadeHereNamesOurs();
    void ordersThatAreNotTheKitchensAreRefused_data();
    void ordersThatAreNotTheKitchensAreRefused();
    void webhooksAreCheckedAndRead_data();
    void webhooksAreCheckedAndRead();
    void aPollPagesByModifiedTime();
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

void TestToastVendor::anOrderMadeHereNamesOurs()
{
    QJsonObject json = sample(QStringLiteral("till-order.json"));
    QVERIFY(ToastVendor(config()).readOrder(json)->createdFor.isEmpty());
    json.insert(QStringLiteral("externalId"), ToastVendor::externalIdFor(QStringLiteral("hub-9")));
    QCOMPARE(ToastVendor(config()).readOrder(json)->createdFor, QStringLiteral("hub-9"));
}

void TestToastVendor::ordersThatAreNotTheKitchensAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("why");
    QTest::newRow("no guid") << QStringLiteral("guid") << QJsonValue(QString()) << "without a guid";
    QTest::newRow("no selections") << QStringLiteral("checks") << QJsonValue(QJsonArray())
                                   << "has no selections";
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
    QTest::addColumn<bool>("lastByteOff"); // the signature's last character changed
    QTest::addColumn<QString>("refusal"); // empty: read
    QTest::addColumn<int>("orders");
    QTest::newRow("signed") << secret << "order_updated" << QString() << false << false
                            << QString() << 1;
    QTest::newRow("channel order") << secret << "channel_order_updated" << QString() << false
                                   << false << QString() << 1;
    QTest::newRow("made here") << secret << "order_updated"
                               << ToastVendor::externalIdFor(QStringLiteral("hub-1")) << false
                               << false << QString() << 1;
    QTest::newRow("another secret") << QByteArray("guess") << "order_updated" << QString() << false
                                    << false << "signature" << 0;
    QTest::newRow("body changed") << secret << "order_updated" << QString() << true << false
                                  << "signature" << 0;
    QTest::newRow("last byte differs") << secret << "order_updated" << QString() << false << true
                                       << "signature" << 0;
    QTest::newRow("not orders") << secret << "menu_updated" << QString() << false << false
                                << QString() << 0;
}

void TestToastVendor::webhooksAreCheckedAndRead()
{
    QFETCH(QByteArray, key);
    QFETCH(QString, type);
    QFETCH(QString, externalId);
    QFETCH(bool, tamper);
    QFETCH(bool, lastByteOff);
    QFETCH(QString, refusal);
    QFETCH(int, orders);
    QJsonObject order = sample(QStringLiteral("till-order.json"));
    if (!externalId.isEmpty())
        order.insert(QStringLiteral("externalId"), externalId);
    PosWebhook hook = webhook(order, key, type);
    if (tamper)
        hook.body.replace("Cheeseburger", "Cheeseburgex");
    if (lastByteOff) {
        QByteArray &signature = hook.headers["toast-signature"];
        signature.back() = signature.back() == 'A' ? 'B' : 'A';
    }
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
    QCOMPARE(read->orders.size(), 3); // the one made here too: its createdFor tells the feed
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
