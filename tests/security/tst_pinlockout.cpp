// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "security/pinlockout.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr qint64 startMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
const QString group = QStringLiteral("managerPin/store-1");
const QString failuresKey = group + QStringLiteral("/failures");
const QString lockedUntilKey = group + QStringLiteral("/lockedUntilMs");
} // namespace

class TestPinLockout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void waitsGrowFromTheThirdWrongPin_data();
    void waitsGrowFromTheThirdWrongPin();
    void threeFreeTriesThenAWait();
    void theWaitEndsOnTheClock();
    void eachWrongPinAfterAWaitDoublesIt();
    void aRightPinClearsEverything();
    void theStateSurvivesARestart();
    void aFreshConsoleHasFreeTries();
    void garbledStateReadsAsLockedForTheLongestWait_data();
    void garbledStateReadsAsLockedForTheLongestWait();
    void garbledStateDoesNotGrowOnEachRestart();
    void aWaitFarAheadIsCutToTheLongest();
    void groupsAreIndependent();

private:
    std::unique_ptr<PinLockout> reopen();
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("console.ini")); }
    void writeRaw(const QString &key, const QVariant &value);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QSettings> m_settings;
};

void TestPinLockout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(startMs);
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
}

void TestPinLockout::cleanup()
{
    m_settings.reset();
    m_clock.reset();
    m_dir.reset();
}

// A new settings object on the same file, as after a restart, and a lockout reading it.
std::unique_ptr<PinLockout> TestPinLockout::reopen()
{
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    return std::make_unique<PinLockout>(*m_clock, *m_settings, group);
}

void TestPinLockout::writeRaw(const QString &key, const QVariant &value)
{
    QSettings other(settingsPath(), QSettings::IniFormat);
    if (value.isValid())
        other.setValue(key, value);
    else
        other.remove(key);
}

void TestPinLockout::waitsGrowFromTheThirdWrongPin_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("wait");
    QTest::newRow("none") << 0 << qint64(0);
    QTest::newRow("first") << 1 << qint64(0);
    QTest::newRow("second") << 2 << qint64(0);
    QTest::newRow("third") << 3 << 30 * second;
    QTest::newRow("fourth") << 4 << 1 * minute;
    QTest::newRow("fifth") << 5 << 2 * minute;
    QTest::newRow("sixth") << 6 << 4 * minute;
    QTest::newRow("seventh") << 7 << 8 * minute;
    QTest::newRow("eighth: the cap") << 8 << 15 * minute;
    QTest::newRow("ninth") << 9 << 15 * minute;
    QTest::newRow("a thousandth") << 1000 << 15 * minute;
}

void TestPinLockout::waitsGrowFromTheThirdWrongPin()
{
    QFETCH(int, failures);
    QFETCH(qint64, wait);
    QCOMPARE(PinLockout::waitAfter(failures), wait);
}

void TestPinLockout::threeFreeTriesThenAWait()
{
    PinLockout lockout(*m_clock, *m_settings, group);
    QCOMPARE(lockout.triesBeforeWait(), 3);
    QCOMPARE(lockout.recordFailure(), qint64(0));
    QCOMPARE(lockout.triesBeforeWait(), 2);
    QVERIFY(!lockout.isLockedOut());
    QCOMPARE(lockout.recordFailure(), qint64(0));
    QCOMPARE(lockout.triesBeforeWait(), 1);
    QCOMPARE(lockout.nextWaitMs(), 30 * second);
    QVERIFY(!lockout.isLockedOut());

    QCOMPARE(lockout.recordFailure(), 30 * second);
    QCOMPARE(lockout.failures(), 3);
    QCOMPARE(lockout.triesBeforeWait(), 0);
    QVERIFY(lockout.isLockedOut());
    QCOMPARE(lockout.lockedUntilMs(), startMs + 30 * second);
    QCOMPARE(lockout.remainingMs(), 30 * second);
}

void TestPinLockout::theWaitEndsOnTheClock()
{
    PinLockout lockout(*m_clock, *m_settings, group);
    for (int i = 0; i < 3; ++i)
        lockout.recordFailure();
    m_clock->advanceMs(29 * second);
    QVERIFY(lockout.isLockedOut());
    QCOMPARE(lockout.remainingMs(), 1 * second);
    m_clock->advanceMs(1 * second);
    QVERIFY(!lockout.isLockedOut());
    QCOMPARE(lockout.remainingMs(), qint64(0));
}

void TestPinLockout::eachWrongPinAfterAWaitDoublesIt()
{
    PinLockout lockout(*m_clock, *m_settings, group);
    for (int i = 0; i < 3; ++i)
        lockout.recordFailure();
    const QList<qint64> expected {1 * minute, 2 * minute,  4 * minute,
                                  8 * minute, 15 * minute, 15 * minute};
    for (qint64 wait : expected) {
        m_clock->advanceMs(lockout.remainingMs()); // wait it out, then guess wrong again
        QVERIFY(!lockout.isLockedOut());
        QCOMPARE(lockout.nextWaitMs(), wait);
        QCOMPARE(lockout.recordFailure(), wait);
        QCOMPARE(lockout.lockedUntilMs(), m_clock->nowMs() + wait);
    }
}

void TestPinLockout::aRightPinClearsEverything()
{
    PinLockout lockout(*m_clock, *m_settings, group);
    for (int i = 0; i < 4; ++i)
        lockout.recordFailure();
    m_clock->advanceMs(lockout.remainingMs());
    lockout.recordSuccess();
    QCOMPARE(lockout.failures(), 0);
    QCOMPARE(lockout.lockedUntilMs(), qint64(0));
    QCOMPARE(lockout.triesBeforeWait(), 3);
    QVERIFY(!m_settings->contains(failuresKey));
    QVERIFY(!m_settings->contains(lockedUntilKey));
    // The next wrong PIN is a first one again.
    QCOMPARE(lockout.recordFailure(), qint64(0));
}

void TestPinLockout::theStateSurvivesARestart()
{
    {
        PinLockout lockout(*m_clock, *m_settings, group);
        for (int i = 0; i < 4; ++i)
            lockout.recordFailure();
    }
    m_clock->advanceMs(20 * second);
    const std::unique_ptr<PinLockout> restarted = reopen();
    QCOMPARE(restarted->failures(), 4);
    QCOMPARE(restarted->lockedUntilMs(), startMs + 1 * minute);
    QCOMPARE(restarted->remainingMs(), 40 * second);

    m_clock->advanceMs(40 * second);
    QCOMPARE(restarted->recordFailure(), 2 * minute); // it goes on growing where it was
    QCOMPARE(reopen()->failures(), 5);
}

void TestPinLockout::aFreshConsoleHasFreeTries()
{
    const std::unique_ptr<PinLockout> lockout = reopen();
    QCOMPARE(lockout->failures(), 0);
    QVERIFY(!lockout->isLockedOut());
    QVERIFY(!m_settings->contains(failuresKey)); // reading wrote nothing
}

void TestPinLockout::garbledStateReadsAsLockedForTheLongestWait_data()
{
    QTest::addColumn<QVariant>("failures");
    QTest::addColumn<QVariant>("lockedUntil");
    const QVariant past = QString::number(startMs - minute);
    QTest::newRow("failures not a number") << QVariant(QStringLiteral("zero")) << past;
    QTest::newRow("failures negative") << QVariant(QStringLiteral("-3")) << past;
    QTest::newRow("failures huge") << QVariant(QStringLiteral("99999999999")) << past;
    QTest::newRow("failures a list")
        << QVariant(QStringList {QStringLiteral("0"), QStringLiteral("0")}) << past;
    QTest::newRow("until not a number")
        << QVariant(QStringLiteral("0")) << QVariant(QStringLiteral("soon"));
    QTest::newRow("until negative")
        << QVariant(QStringLiteral("2")) << QVariant(QStringLiteral("-1"));
    QTest::newRow("until missing") << QVariant(QStringLiteral("0")) << QVariant();
    QTest::newRow("failures missing") << QVariant() << past;
    QTest::newRow("both empty") << QVariant(QString()) << QVariant(QString());
}

void TestPinLockout::garbledStateReadsAsLockedForTheLongestWait()
{
    QFETCH(QVariant, failures);
    QFETCH(QVariant, lockedUntil);
    writeRaw(failuresKey, failures);
    writeRaw(lockedUntilKey, lockedUntil);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unreadable")));
    const std::unique_ptr<PinLockout> lockout = reopen();
    QVERIFY(lockout->isLockedOut());
    QCOMPARE(lockout->remainingMs(), PinLockout::maxWaitMs);
    QCOMPARE(lockout->triesBeforeWait(), 0);
    // A wrong PIN after the wait keeps the longest wait; it does not start over at 30 s.
    m_clock->advanceMs(lockout->remainingMs());
    QCOMPARE(lockout->nextWaitMs(), PinLockout::maxWaitMs);
}

void TestPinLockout::garbledStateDoesNotGrowOnEachRestart()
{
    writeRaw(failuresKey, QStringLiteral("garbage"));
    writeRaw(lockedUntilKey, QStringLiteral("garbage"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unreadable")));
    reopen();
    // The safe reading was written back: ten minutes on, a restart leaves five, not fifteen.
    m_clock->advanceMs(10 * minute);
    QCOMPARE(reopen()->remainingMs(), 5 * minute);
}

void TestPinLockout::aWaitFarAheadIsCutToTheLongest()
{
    writeRaw(failuresKey, QStringLiteral("4"));
    writeRaw(lockedUntilKey, QString::number(startMs + 365LL * 24 * 60 * minute));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cut to")));
    const std::unique_ptr<PinLockout> lockout = reopen();
    QVERIFY(lockout->isLockedOut()); // honoured, never dropped…
    QCOMPARE(lockout->remainingMs(), PinLockout::maxWaitMs); // …but never for good
}

void TestPinLockout::groupsAreIndependent()
{
    PinLockout one(*m_clock, *m_settings, group);
    PinLockout other(*m_clock, *m_settings, QStringLiteral("managerPin/store-2"));
    for (int i = 0; i < 3; ++i)
        one.recordFailure();
    QVERIFY(one.isLockedOut());
    QVERIFY(!other.isLockedOut());
    QCOMPARE(other.failures(), 0);
}

QTEST_GUILESS_MAIN(TestPinLockout)
#include "tst_pinlockout.moc"
