// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/cardredaction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// Card-like numbers (13 to 19 digits passing Luhn) are masked wherever they are; other numbers
// (orders, phones, times) are left alone.
class TestCardRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksCardNumbers_data();
    void masksCardNumbers();
    void walksJsonAndCounts();
};

void TestCardRedaction::masksCardNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "4111111111111111" << "•••• 1111";
    QTest::newRow("spaced, in words") << "card 4111 1111 1111 1111 thanks"
                                      << "card •••• 1111 thanks";
    QTest::newRow("dashed amex") << "3782-822463-10005" << "•••• 0005";
    QTest::newRow("two of them") << "5555555555554444 and 4012888888881881"
                                 << "•••• 4444 and •••• 1881";
    QTest::newRow("fails Luhn") << "4111111111111112" << "4111111111111112";
    QTest::newRow("an order number") << "order 181, table 4" << "order 181, table 4";
    QTest::newRow("a phone") << "+1 415 555 0100" << "+1 415 555 0100";
    QTest::newRow("too long") << "41111111111111111111111" << "41111111111111111111111";
}

void TestCardRedaction::masksCardNumbers()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(CardRedaction::redact(text), expected);
    QCOMPARE(CardRedaction::containsCardNumber(text), text != expected);
}

void TestCardRedaction::walksJsonAndCounts()
{
    const QJsonObject payload {
            {QStringLiteral("note"), QStringLiteral("pan 4111111111111111")},
            {QStringLiteral("lines"),
             QJsonArray {QJsonObject {{QStringLiteral("memo"), QStringLiteral("5555555555554444")}},
                         QStringLiteral("fine")}},
            {QStringLiteral("number"), 4111111111111111.0},
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

QTEST_GUILESS_MAIN(TestCardRedaction)
#include "tst_cardredaction.moc"
