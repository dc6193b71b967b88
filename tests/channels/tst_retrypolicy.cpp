// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channels/retrypolicy.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// A destination's retries from the settings file: what a store sets for its POS, and what a typo
// does (nothing: the default stays).
class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void fromSettings_data();
    void fromSettings();
};

void TestRetryPolicy::fromSettings_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<qint64>("baseMs");
    QTest::addColumn<qint64>("capMs");

    const RetryPolicy defaults;
    QTest::newRow("nothing set") << QString() << defaults.maxAttempts << defaults.baseMs
                                 << defaults.capMs;
    QTest::newRow("all set") << QStringLiteral("max_attempts=5\nretry_base_ms=500\n"
                                               "retry_cap_ms=60000\n")
                             << 5 << qint64(500) << qint64(60'000);
    QTest::newRow("attempts out of range")
            << QStringLiteral("max_attempts=0\n") << defaults.maxAttempts << defaults.baseMs
            << defaults.capMs;
    QTest::newRow("attempts not a number")
            << QStringLiteral("max_attempts=ten\n") << defaults.maxAttempts << defaults.baseMs
            << defaults.capMs;
    QTest::newRow("cap below base") << QStringLiteral("retry_base_ms=5000\nretry_cap_ms=1000\n")
                                    << defaults.maxAttempts << qint64(5000) << qint64(5000);
}

void TestRetryPolicy::fromSettings()
{
    QFETCH(QString, ini);
    QFETCH(int, maxAttempts);
    QFETCH(qint64, baseMs);
    QFETCH(qint64, capMs);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kc.ini"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArrayLiteral("[pos]\n") + ini.toUtf8());
    }
    QSettings settings(path, QSettings::IniFormat);
    const RetryPolicy policy = RetryPolicy::fromSettings(settings, QStringLiteral("pos"));
    QCOMPARE(policy.maxAttempts, maxAttempts);
    QCOMPARE(policy.baseMs, baseMs);
    QCOMPARE(policy.capMs, capMs);
    QCOMPARE(policy.seed, RetryPolicy().seed);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
