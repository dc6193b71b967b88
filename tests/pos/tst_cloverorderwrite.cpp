// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
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
} // namespace

// Each event's calls to Clover and how each answer ends them.
class TestCloverOrderWrite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPlatformOrderIsLookedUpThenCreatedAtomically();
    void aCreateWhoseAnswerWasLostIsFoundNotMadeAgain();
    void anEndingOfOurOrderIsWrittenAsANoteOnce();
    void kitchenStepsWriteNothing();
    void answersEndTheAttemptAsTheyShould_data();
    void answersEndTheAttemptAsTheyShould();
};

void TestCloverOrderWrite::aPlatformOrderIsLookedUpThenCreatedAtomically()
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


void TestCloverOrderWrite::aCreateWhoseAnswerWasLostIsFoundNotMadeAgain()
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


void TestCloverOrderWrite::anEndingOfOurOrderIsWrittenAsANoteOnce()
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


void TestCloverOrderWrite::kitchenStepsWriteNothing()
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


void TestCloverOrderWrite::answersEndTheAttemptAsTheyShould_data()
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


void TestCloverOrderWrite::answersEndTheAttemptAsTheyShould()
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

QTEST_GUILESS_MAIN(TestCloverOrderWrite)
#include "tst_cloverorderwrite.moc"
