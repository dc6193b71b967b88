// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toasttestdata.h"

#include <QTest>

using namespace ToastTest;

// Each event's calls to Toast and how each answer ends them: only creates (looked up first by
// externalId), voids and delivery states are written; the kitchen state is read only.
class TestToastWrite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPlatformOrderIsCreatedOnceByItsExternalId();
    void aLostCreateAnswerIsLookedUpBeforeTheRetry();
    void kitchenStepsWriteNothing();
    void aCancelVoidsOnlyAnOrderMadeHere();
    void aCourierStepSetsTheDeliveryStateOnce();
    void answersEndTheAttemptAsTheyShould_data();
    void answersEndTheAttemptAsTheyShould();
};

void TestToastWrite::aPlatformOrderIsCreatedOnceByItsExternalId()
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

void TestToastWrite::aLostCreateAnswerIsLookedUpBeforeTheRetry()
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

void TestToastWrite::kitchenStepsWriteNothing()
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

void TestToastWrite::aCancelVoidsOnlyAnOrderMadeHere()
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
    ToastVendor fresh(config()); // the write refers to its vendor: it must outlive it
    std::unique_ptr<PosWrite> reject =
            fresh.write(to(order, OrderState::Placed, OrderState::Rejected), order);
    (void)reject->first();
    QCOMPARE(reject->next(guids({})).kind, PosStep::Kind::Delivered);
}

void TestToastWrite::aCourierStepSetsTheDeliveryStateOnce()
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

void TestToastWrite::answersEndTheAttemptAsTheyShould_data()
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

void TestToastWrite::answersEndTheAttemptAsTheyShould()
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

QTEST_GUILESS_MAIN(TestToastWrite)
#include "tst_toastwrite.moc"
