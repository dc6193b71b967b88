// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/pinhash.h"

#include <QRegularExpression>
#include <QTest>

namespace {
// Few rounds keep the tests quick; the format and the checks do not depend on the count.
constexpr int rounds = PinHash::minIterations;
const QString pin = QStringLiteral("480516");

QString part(const QString &record, int index)
{
    return record.split(u'$').at(index);
}

QString withPart(const QString &record, int index, const QString &value)
{
    QStringList parts = record.split(u'$');
    parts[index] = value;
    return parts.join(u'$');
}
} // namespace

class TestPinHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordNamesSchemeRoundsSaltAndHash();
    void rightPinMatchesWrongPinsDoNot_data();
    void rightPinMatchesWrongPinsDoNot();
    void aRecordReadBackStillMatches();
    void twoHashesOfOnePinDiffer();
    void anotherRoundCountStillVerifies();
    void roundsAreKeptWithinBounds();
    void malformedRecordsAreRefused_data();
    void malformedRecordsAreRefused();
    void refusalsSayWhyInWords_data();
    void refusalsSayWhyInWords();
    void shapeIsDigitsFourToEight_data();
    void shapeIsDigitsFourToEight();
};

void TestPinHash::recordNamesSchemeRoundsSaltAndHash()
{
    const QString record = PinHash::create(pin, 2'500).record();
    static const QRegularExpression shape(
        QStringLiteral("^pbkdf2-sha256\\$2500\\$[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*$"));
    QVERIFY2(shape.match(record).hasMatch(), qPrintable(record));
    QCOMPARE(QByteArray::fromBase64(part(record, 2).toLatin1()).size(), PinHash::saltBytes);
    QCOMPARE(QByteArray::fromBase64(part(record, 3).toLatin1()).size(), PinHash::keyBytes);
    QVERIFY(!record.contains(pin));
}

void TestPinHash::rightPinMatchesWrongPinsDoNot_data()
{
    QTest::addColumn<QString>("tried");
    QTest::addColumn<bool>("matches");
    QTest::newRow("the PIN") << pin << true;
    QTest::newRow("one digit off") << QStringLiteral("480517") << false;
    QTest::newRow("a digit short") << QStringLiteral("48051") << false;
    QTest::newRow("a digit more") << QStringLiteral("4805160") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("with a space") << QStringLiteral("480516 ") << false;
    QTest::newRow("Arabic-Indic digits") << QStringLiteral("٤٨٠٥١٦") << false;
}

void TestPinHash::rightPinMatchesWrongPinsDoNot()
{
    QFETCH(QString, tried);
    QFETCH(bool, matches);
    QCOMPARE(PinHash::create(pin, rounds).matches(tried), matches);
}

void TestPinHash::aRecordReadBackStillMatches()
{
    const QString record = PinHash::create(pin, rounds).record();
    const Result<PinHash> read = PinHash::fromRecord(record);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->record(), record);
    QCOMPARE(read->iterations(), rounds);
    QVERIFY(read->matches(pin));
    QVERIFY(!read->matches(QStringLiteral("480515")));
}

void TestPinHash::twoHashesOfOnePinDiffer()
{
    const QString first = PinHash::create(pin, rounds).record();
    const QString second = PinHash::create(pin, rounds).record();
    QVERIFY(part(first, 2) != part(second, 2)); // a fresh salt each time…
    QVERIFY(part(first, 3) != part(second, 3)); // …so the same PIN hashes differently
}

void TestPinHash::anotherRoundCountStillVerifies()
{
    // A record written under another default is read with its own count, not today's.
    const QString older = PinHash::create(pin, 1'500).record();
    const Result<PinHash> read = PinHash::fromRecord(older);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->iterations(), 1'500);
    QVERIFY(read->matches(pin));

    // The count is part of what is hashed: the same salt and hash under another count fail.
    const Result<PinHash> altered = PinHash::fromRecord(withPart(older, 1, QStringLiteral("1501")));
    QVERIFY2(altered.ok(), qPrintable(altered.error()));
    QVERIFY(!altered->matches(pin));
}

void TestPinHash::roundsAreKeptWithinBounds()
{
    QCOMPARE(PinHash::create(pin, 1).iterations(), PinHash::minIterations);
    QCOMPARE(PinHash::create(pin).iterations(), PinHash::defaultIterations);
    QVERIFY(PinHash::defaultIterations >= 100'000);
}

void TestPinHash::malformedRecordsAreRefused_data()
{
    const QString good = PinHash::create(pin, rounds).record();
    const QString salt = part(good, 2);
    QTest::addColumn<QString>("record");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("480516");
    QTest::newRow("another scheme") << withPart(good, 0, QStringLiteral("pbkdf2-sha1"));
    QTest::newRow("a part missing") << good.section(u'$', 0, 2);
    QTest::newRow("a part more") << good + QStringLiteral("$x");
    QTest::newRow("rounds not a number") << withPart(good, 1, QStringLiteral("many"));
    QTest::newRow("rounds with a sign") << withPart(good, 1, QStringLiteral("+2000"));
    QTest::newRow("rounds padded") << withPart(good, 1, QStringLiteral("02000"));
    QTest::newRow("rounds too few") << withPart(good, 1, QStringLiteral("999"));
    QTest::newRow("rounds too many") << withPart(good, 1, QStringLiteral("10000001"));
    QTest::newRow("rounds overflow") << withPart(good, 1, QStringLiteral("99999999999"));
    QTest::newRow("salt not base64") << withPart(good, 2, QStringLiteral("***"));
    QTest::newRow("salt short") << withPart(good, 2, QStringLiteral("c2FsdA=="));
    QTest::newRow("salt empty") << withPart(good, 2, QString());
    QTest::newRow("salt unpadded") << withPart(good, 2, salt.left(salt.indexOf(u'=')));
    QTest::newRow("hash short") << withPart(good, 3,
                                            QString::fromLatin1(QByteArray(31, 'h').toBase64()));
    QTest::newRow("hash long") << withPart(good, 3,
                                           QString::fromLatin1(QByteArray(33, 'h').toBase64()));
    QTest::newRow("hash not base64") << withPart(good, 3, QStringLiteral("not-base64!"));
}

void TestPinHash::malformedRecordsAreRefused()
{
    QFETCH(QString, record);
    const Result<PinHash> read = PinHash::fromRecord(record);
    QVERIFY(!read.ok());
    QVERIFY(!read.error().isEmpty());
    // The reason names what is wrong, never the record's contents.
    if (!record.isEmpty())
        QVERIFY2(!read.error().contains(record), qPrintable(read.error()));
}

void TestPinHash::refusalsSayWhyInWords_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("four digits") << QStringLiteral("4805") << QString();
    QTest::newRow("eight digits") << QStringLiteral("48051697") << QString();
    QTest::newRow("zero first") << QStringLiteral("0480") << QString();
    QTest::newRow("a run broken") << QStringLiteral("1235") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("Enter a PIN of 4 to 8 digits.");
    QTest::newRow("three digits") << QStringLiteral("480")
                                  << QStringLiteral("A PIN needs at least 4 digits.");
    QTest::newRow("nine digits") << QStringLiteral("480516973")
                                 << QStringLiteral("A PIN has at most 8 digits.");
    const QString digitsOnly =
        QStringLiteral("A PIN is made of digits 0 to 9 only, without letters, spaces or signs.");
    QTest::newRow("a letter") << QStringLiteral("48a5") << digitsOnly;
    QTest::newRow("a space") << QStringLiteral("48 05") << digitsOnly;
    QTest::newRow("a sign") << QStringLiteral("-4805") << digitsOnly;
    QTest::newRow("letters only, short") << QStringLiteral("ab") << digitsOnly;
    QTest::newRow("Arabic-Indic digits") << QStringLiteral("٤٨٠٥") << digitsOnly;
    QTest::newRow("full-width digits") << QStringLiteral("４８０５") << digitsOnly;
    const QString repeated =
        QStringLiteral("A PIN of one digit repeated is among the first guesses; choose another.");
    QTest::newRow("0000") << QStringLiteral("0000") << repeated;
    QTest::newRow("77777777") << QStringLiteral("77777777") << repeated;
    const QString run =
        QStringLiteral("A PIN of digits in a row is among the first guesses; choose another.");
    QTest::newRow("1234") << QStringLiteral("1234") << run;
    QTest::newRow("0123") << QStringLiteral("0123") << run;
    QTest::newRow("98765") << QStringLiteral("98765") << run;
    QTest::newRow("12345678") << QStringLiteral("12345678") << run;
}

void TestPinHash::refusalsSayWhyInWords()
{
    QFETCH(QString, candidate);
    QFETCH(QString, refusal);
    QCOMPARE(PinHash::refusal(candidate), refusal);
}

void TestPinHash::shapeIsDigitsFourToEight_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("3 digits") << QStringLiteral("123") << false;
    QTest::newRow("4 digits") << QStringLiteral("1234") << true; // may be tried, not chosen
    QTest::newRow("8 digits") << QStringLiteral("00000000") << true;
    QTest::newRow("9 digits") << QStringLiteral("123456789") << false;
    QTest::newRow("a letter") << QStringLiteral("12a4") << false;
    QTest::newRow("a newline") << QStringLiteral("1234\n") << false;
}

void TestPinHash::shapeIsDigitsFourToEight()
{
    QFETCH(QString, candidate);
    QFETCH(bool, wellFormed);
    QCOMPARE(PinHash::isWellFormed(candidate), wellFormed);
}

QTEST_GUILESS_MAIN(TestPinHash)
#include "tst_pinhash.moc"
