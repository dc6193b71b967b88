// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/cardredaction.h"
#include "testcards.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
QString card(const char *name)
{
    return TestCards::number(name);
}
} // namespace

// Card-like numbers (13 to 19 digits passing Luhn) are masked wherever they are; other numbers
// (orders, phones, times) are left alone.
class TestCardRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksCardNumbers_data();
    void masksCardNumbers();
    void walksJsonAndCounts();
    void leavesTimesInJsonNumbers();
};

void TestCardRedaction::masksCardNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QVERIFY(!card("visa").isEmpty());
    QTest::newRow("plain") << card("visa") << "•••• 1111";
    QTest::newRow("spaced, in words") << QStringLiteral("card %1 thanks").arg(card("visa_spaced"))
                                      << "card •••• 1111 thanks";
    QTest::newRow("dashed amex") << card("amex_dashed") << "•••• 0005";
    QTest::newRow("two of them")
            << QStringLiteral("%1 and %2").arg(card("mastercard"), card("visa_other"))
            << "•••• 4444 and •••• 1881";
    QTest::newRow("fails Luhn") << card("fails_luhn") << card("fails_luhn");
    QTest::newRow("an order number") << "order 181, table 4" << "order 181, table 4";
    QTest::newRow("a phone") << "+1 415 555 0100" << "+1 415 555 0100";
    QTest::newRow("too long") << "41111111111111111111111" << "41111111111111111111111";
    QTest::newRow("a card and its code")
            << QStringLiteral("%1 123").arg(card("visa_spaced")) << "•••• 1111 123";
    QTest::newRow("a code, then a dashed card")
            << QStringLiteral("77-%1").arg(card("visa_dashed")) << "77-•••• 1111";
    QTest::newRow("13 digits in a word")
            << QStringLiteral("card%1x").arg(card("visa_13")) << "card•••• 2222x";
    QTest::newRow("19 digits") << card("visa_19") << "•••• 0006";
    QTest::newRow("a mask's digits and more digits")
            << QStringLiteral("%1 %2").arg(card("visa_spaced"), card("visa_spaced"))
            << "•••• 1111 •••• 1111";
}

void TestCardRedaction::masksCardNumbers()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(CardRedaction::redact(text), expected);
    QCOMPARE(CardRedaction::containsCardNumber(text), text != expected);
    // Idempotent: the hub masks again what a console masked, and both must keep the same event.
    QCOMPARE(CardRedaction::redact(expected), expected);
    QVERIFY(!CardRedaction::containsCardNumber(expected));
}

void TestCardRedaction::walksJsonAndCounts()
{
    const QJsonObject payload {
            {QStringLiteral("note"), QString(QStringLiteral("pan ") + card("visa"))},
            {QStringLiteral("lines"),
             QJsonArray {QJsonObject {{QStringLiteral("memo"), card("mastercard")}},
                         QStringLiteral("fine")}},
            {QStringLiteral("number"), card("visa").toDouble()},
            {QStringLiteral("total"), 1250}};
    int found = 0;
    const QJsonObject redacted = CardRedaction::redact(payload, &found).toObject();
    QCOMPARE(found, 3);
    QCOMPARE(redacted.value(QLatin1String("note")).toString(), QStringLiteral("pan •••• 1111"));
    QCOMPARE(redacted.value(QLatin1String("lines")).toArray().first().toObject().value(
                     QLatin1String("memo")),
             QJsonValue(QStringLiteral("•••• 4444")));
    QCOMPARE(redacted.value(QLatin1String("number")), QJsonValue(QStringLiteral("•••• 1111")));
    QCOMPARE(redacted.value(QLatin1String("total")), QJsonValue(1250));
}

// A vendor's time in milliseconds (Clover's createdTime) that passes Luhn stays a number: masked,
// it became a string and the order's time 0.
void TestCardRedaction::leavesTimesInJsonNumbers()
{
    qint64 ms = 1'796'212'800'000; // 2026-12-02T12:00Z
    while (!CardRedaction::containsCardNumber(QString::number(ms)))
        ++ms;
    const qint64 us = ms * 1000 + 1;
    const QJsonObject order {{QStringLiteral("createdTime"), double(ms)},
                             {QStringLiteral("modifiedMicros"), double(us)}};
    int found = 0;
    QCOMPARE(CardRedaction::redact(order, &found).toObject(), order);
    QCOMPARE(found, 0);
}

QTEST_GUILESS_MAIN(TestCardRedaction)
#include "tst_cardredaction.moc"
