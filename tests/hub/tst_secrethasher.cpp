// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub/secrethasher.h"

#include "common/randombytes.h"

#include <QTest>

namespace {

// The weakest count allowed, to keep the tests quick.
constexpr int fastIterations = SecretHasher::minIterations;

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

class TestSecretHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripThroughString();
    void defaultsAreSlowAndSalted();
    void verifyAcceptsOnlyTheSecret_data();
    void verifyAcceptsOnlyTheSecret();
    void sameSecretGetsDifferentSalts();
    void tamperedStringsAreRefused_data();
    void tamperedStringsAreRefused();
    void alteredHashParsesButNeverVerifies();
    void weakIterationsAreRefused();
    void generatedSecretsAreRandom();
};

void TestSecretHasher::roundTripThroughString()
{
    const SecretHash original = SecretHasher::hash("console-credential", fastIterations);
    const QString text = original.toString();
    QVERIFY(text.startsWith(QLatin1StringView("pbkdf2-sha256$10000$")));

    const auto parsed = SecretHash::fromString(text);
    QVERIFY(parsed);
    QCOMPARE(parsed->salt, original.salt);
    QCOMPARE(parsed->iterations, original.iterations);
    QCOMPARE(parsed->hash, original.hash);
    QCOMPARE(parsed->toString(), text);
    QVERIFY(SecretHasher::verify("console-credential", *parsed));
}

void TestSecretHasher::defaultsAreSlowAndSalted()
{
    const SecretHash stored = SecretHasher::hash("1234");
    QCOMPARE(stored.iterations, 100'000);
    QCOMPARE(stored.salt.size(), SecretHasher::saltBytes);
    QCOMPARE(stored.hash.size(), SecretHasher::hashBytes);
    QVERIFY(SecretHasher::verify("1234", stored));
}

void TestSecretHasher::verifyAcceptsOnlyTheSecret_data()
{
    QTest::addColumn<QByteArray>("candidate");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("the secret") << QByteArray("s3cret\x01\xff", 8) << true;
    QTest::newRow("another secret") << QByteArray("s3cres\x01\xff", 8) << false;
    QTest::newRow("a prefix") << QByteArray("s3cret") << false;
    QTest::newRow("longer") << QByteArray("s3cret\x01\xff!", 9) << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestSecretHasher::verifyAcceptsOnlyTheSecret()
{
    QFETCH(QByteArray, candidate);
    QFETCH(bool, accepted);
    const SecretHash stored = SecretHasher::hash(QByteArray("s3cret\x01\xff", 8), fastIterations);
    QCOMPARE(SecretHasher::verify(candidate, stored), accepted);
}

void TestSecretHasher::sameSecretGetsDifferentSalts()
{
    const SecretHash a = SecretHasher::hash("same", fastIterations);
    const SecretHash b = SecretHasher::hash("same", fastIterations);
    QVERIFY(a.salt != b.salt);
    QVERIFY(a.hash != b.hash);
    QVERIFY(SecretHasher::verify("same", a));
    QVERIFY(SecretHasher::verify("same", b));
}

void TestSecretHasher::tamperedStringsAreRefused_data()
{
    QTest::addColumn<QString>("text");
    const QString salt = b64(QByteArray(16, 's'));
    const QString hash = b64(QByteArray(32, 'h'));
    const auto make = [](QStringList parts) { return parts.join(u'$'); };
    const QString scheme = QStringLiteral("pbkdf2-sha256");
    const QString iter = QStringLiteral("10000");

    // The control row: the same construction, untampered, must parse (checked in the test).
    QTest::newRow("valid (control)") << make({scheme, iter, salt, hash});
    QTest::newRow("empty") << QString();
    QTest::newRow("other scheme") << make({QStringLiteral("pbkdf2-sha1"), iter, salt, hash});
    QTest::newRow("upper-case scheme") << make({scheme.toUpper(), iter, salt, hash});
    QTest::newRow("missing hash") << make({scheme, iter, salt});
    QTest::newRow("extra field") << make({scheme, iter, salt, hash, hash});
    QTest::newRow("iterations not a number") << make({scheme, QStringLiteral("ten"), salt, hash});
    QTest::newRow("iterations with sign") << make({scheme, QStringLiteral("+10000"), salt, hash});
    QTest::newRow("iterations with space") << make({scheme, QStringLiteral(" 10000"), salt, hash});
    QTest::newRow("iterations overflow")
        << make({scheme, QStringLiteral("99999999999999999999"), salt, hash});
    QTest::newRow("salt not base64") << make({scheme, iter, QStringLiteral("c2FsdA*="), hash});
    QTest::newRow("salt empty") << make({scheme, iter, QString(), hash});
    QTest::newRow("salt too short") << make({scheme, iter, b64("short"), hash});
    QTest::newRow("hash not base64") << make({scheme, iter, salt, hash.left(10) + u'!'});
    QTest::newRow("hash truncated") << make({scheme, iter, salt, b64(QByteArray(31, 'h'))});
    QTest::newRow("hash too long") << make({scheme, iter, salt, b64(QByteArray(33, 'h'))});
    QTest::newRow("hash without padding") << make({scheme, iter, salt, hash.chopped(1)});
}

void TestSecretHasher::tamperedStringsAreRefused()
{
    QFETCH(QString, text);
    const bool control = QByteArrayView(QTest::currentDataTag()) == "valid (control)";
    QCOMPARE(SecretHash::fromString(text).ok(), control);
}

void TestSecretHasher::alteredHashParsesButNeverVerifies()
{
    SecretHash stored = SecretHasher::hash("pin", fastIterations);
    stored.hash[0] = char(stored.hash.at(0) ^ 0x01);
    const auto parsed = SecretHash::fromString(stored.toString());
    QVERIFY(parsed); // well-formed, just wrong
    QVERIFY(!SecretHasher::verify("pin", *parsed));
}

void TestSecretHasher::weakIterationsAreRefused()
{
    SecretHash stored = SecretHasher::hash("pin", fastIterations);
    stored.iterations = SecretHasher::minIterations - 1;
    QVERIFY(!SecretHash::fromString(stored.toString()));
    QVERIFY(!SecretHasher::verify("pin", stored));

    stored.iterations = SecretHasher::maxIterations + 1; // would stall whoever checks it
    QVERIFY(!SecretHash::fromString(stored.toString()));

    // Asking for too few rounds gets the minimum, never a weak hash.
    QCOMPARE(SecretHasher::hash("pin", 1).iterations, SecretHasher::minIterations);
}

void TestSecretHasher::generatedSecretsAreRandom()
{
    const QByteArray a = RandomBytes::generate();
    const QByteArray b = RandomBytes::generate();
    QCOMPARE(a.size(), 32);
    QVERIFY(a != b);
    QCOMPARE(RandomBytes::generate(5).size(), 5);
    QCOMPARE(RandomBytes::generate(0).size(), 0);
}

QTEST_GUILESS_MAIN(TestSecretHasher)
#include "tst_secrethasher.moc"
