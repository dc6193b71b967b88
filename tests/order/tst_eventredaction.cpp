// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/eventredaction.h"

#include "ordertestsupport.h"
#include "testcards.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace OrderFixtures;

namespace {
// The test numbers by name (tests/data/hostile/card-numbers.json).
constexpr auto card = &TestCards::number;
} // namespace

// An event's free text loses its card numbers; its ids, numbers and everything else stay, and
// masking twice changes nothing (the hub masks again what a console masked).
class TestEventRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksFreeTextOnly();
    void aPlacedOrderReadsBackMasked();
};

void TestEventRedaction::masksFreeTextOnly()
{
    QVERIFY(!card("visa_19").isEmpty());
    OrderEvent event = makeEvent(EventKind::Transition);
    event.orderId = card("visa"); // an id names an order: kept, never merged with another
    event.reason = QStringLiteral("card %1, call +1 415 555 0100").arg(card("visa_spaced"));
    event.payload = {
            {QStringLiteral("promised_at"), double(t0)},
            {QStringLiteral("event_id"), card("mastercard")},
            {QStringLiteral("last_error"), QStringLiteral("HTTP 400: %1").arg(card("visa_19"))},
            {QStringLiteral("lines"),
             QJsonArray {QJsonObject {{QStringLiteral("memo"), card("amex_dashed")},
                                      {QStringLiteral("id"), card("visa_13")}}}}};

    const OrderEvent masked = EventRedaction::redacted(event);
    QCOMPARE(masked.reason, QStringLiteral("card •••• 1111, call +1 415 555 0100"));
    QCOMPARE(masked.payload.value(QLatin1String("last_error")).toString(),
             QStringLiteral("HTTP 400: •••• 0006"));
    const QJsonObject line = masked.payload.value(QLatin1String("lines")).toArray().first().toObject();
    QCOMPARE(line.value(QLatin1String("memo")).toString(), QStringLiteral("•••• 0005"));
    QCOMPARE(line.value(QLatin1String("id")).toString(), card("visa_13"));
    QCOMPARE(masked.payload.value(QLatin1String("event_id")).toString(), card("mastercard"));
    QCOMPARE(masked.payload.value(QLatin1String("promised_at")).toDouble(), double(t0));
    QCOMPARE(masked.orderId, event.orderId);
    QCOMPARE(masked.id, event.id);
    QCOMPARE(EventRedaction::redacted(masked), masked);
    const OrderEvent plain = makeEvent(EventKind::NoteAdded);
    QCOMPARE(EventRedaction::redacted(plain), plain);
}

void TestEventRedaction::aPlacedOrderReadsBackMasked()
{
    Order order = fullOrder();
    order.customerName = QStringLiteral("Ana %1").arg(card("discover"));
    order.notes = {QStringLiteral("pay with %1").arg(card("visa_dashed"))};
    order.items[0].notes = card("mastercard_other");
    order.items[0].modifiers.append(QStringLiteral("card%1x").arg(card("visa_13")));
    const OrderEvent masked = EventRedaction::redacted(
            OrderEvent::placed(order, Actor::platform(), QStringLiteral("http"), t0));

    const Result<Order> read = Order::fromJson(masked.payload);
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(read->customerName, QStringLiteral("Ana •••• 9424"));
    QCOMPARE(read->notes, QStringList {QStringLiteral("pay with •••• 1111")});
    QCOMPARE(read->items.at(0).notes, QStringLiteral("•••• 5559"));
    QCOMPARE(read->items.at(0).modifiers.constLast(), QStringLiteral("card•••• 2222x"));
    QCOMPARE(read->number, order.number);
    QCOMPARE(read->placedAt, order.placedAt);
    QCOMPARE(read->items.at(1), order.items.at(1));
    const Result<OrderEvent> sent = OrderEvent::fromJson(masked.toJson());
    QVERIFY2(sent, qPrintable(sent.error()));
    QCOMPARE(*sent, masked);
}

QTEST_GUILESS_MAIN(TestEventRedaction)
#include "tst_eventredaction.moc"
