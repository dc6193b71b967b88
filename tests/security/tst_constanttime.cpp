// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/constanttime.h"

#include <QTest>

// The comparison every webhook signature and auth code goes through: equal only when whole.
class TestConstantTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretsAreEqualOnlyWhole_data();
    void secretsAreEqualOnlyWhole();
};

void TestConstantTime::secretsAreEqualOnlyWhole_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    const QByteArray signature = "n1zJ3hZ6tLQkE0pBvRcXf9YwUoA8sDgHmIq2rTe5Kx0=";
    QByteArray lastOff = signature;
    lastOff.back() = 'A';
    QByteArray firstOff = signature;
    firstOff.front() = 'm';
    QTest::newRow("same") << signature << QByteArray(signature.constData()) << true;
    QTest::newRow("last byte differs") << signature << lastOff << false;
    QTest::newRow("first byte differs") << signature << firstOff << false;
    QTest::newRow("a prefix") << signature << signature.chopped(1) << false;
    QTest::newRow("longer") << signature << signature + 'x' << false;
    QTest::newRow("one bit") << QByteArray("\x01", 1) << QByteArray("\x03", 1) << false;
    QTest::newRow("a zero byte") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << false; // no secret matches none
    QTest::newRow("none given") << QByteArray() << signature << false;
}

void TestConstantTime::secretsAreEqualOnlyWhole()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(ConstantTime::equal(a, b), equal);
    QCOMPARE(ConstantTime::equal(b, a), equal);
}

QTEST_GUILESS_MAIN(TestConstantTime)
#include "tst_constanttime.moc"
