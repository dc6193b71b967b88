// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs against a real Secret Service: ctest starts it under with-keyring.sh (CONVENTIONS.md).
#include "common/clock.h"
#include "security/credentialstore.h"
#include "security/managerpin.h"
#include "security/pinhash.h"
#include "security/pinlockout.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace {
constexpr int keyringTimeoutMs = 10'000;
constexpr qint64 startMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
const QString service = QStringLiteral("kitchen-console-test");
const QString thePin = QStringLiteral("73915824");
const QString wrongPin = QStringLiteral("5062");
const QString newPin = QStringLiteral("60418273");
// Enough rounds for a hash to take a noticeable time (a few hundred ms).
constexpr int slowRounds = 250'000;

// Every call is answered by exactly one of eight signals; this counts them all.
struct Answers
{
    explicit Answers(ManagerPin *pin)
        : checked(pin, &ManagerPin::checked)
        , pinSet(pin, &ManagerPin::pinSet)
        , pinChanged(pin, &ManagerPin::pinChanged)
        , pinReset(pin, &ManagerPin::pinReset)
        , unlocked(pin, &ManagerPin::unlocked)
        , refused(pin, &ManagerPin::refused)
        , lockedOut(pin, &ManagerPin::lockedOut)
        , failed(pin, &ManagerPin::failed)
    { }
    bool isValid() const
    {
        return checked.isValid() && pinSet.isValid() && pinChanged.isValid() && pinReset.isValid()
            && unlocked.isValid() && refused.isValid() && lockedOut.isValid() && failed.isValid();
    }
    qsizetype count() const
    {
        return checked.count() + pinSet.count() + pinChanged.count() + pinReset.count()
            + unlocked.count() + refused.count() + lockedOut.count() + failed.count();
    }
    QString lastRefusal() const
    {
        return refused.isEmpty() ? QString() : refused.last().at(0).toString();
    }
    QString lastFailure() const
    {
        return failed.isEmpty() ? QString() : failed.last().at(0).toString();
    }

    QSignalSpy checked;
    QSignalSpy pinSet;
    QSignalSpy pinChanged;
    QSignalSpy pinReset;
    QSignalSpy unlocked;
    QSignalSpy refused;
    QSignalSpy lockedOut;
    QSignalSpy failed;
};

QStringList *capturedLog = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog->append(message);
}
} // namespace

// Waits until the PIN has given n answers in all, whichever signals they were.
#define KC_AWAIT_ANSWERS(answers, n)                                                               \
    do {                                                                                           \
        QTRY_COMPARE_WITH_TIMEOUT((answers).count(), qsizetype(n), keyringTimeoutMs);              \
    } while (false)

class TestManagerPin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keyNamesTheStore();
    void firstUseSetsThePin();
    void aGuessableNewPinIsRefusedInWords();
    void aSecondFirstUseDoesNotOverwrite();
    void rightAndWrongPins();
    void aRightPinClearsTheCount();
    void aMalformedTryIsNotCounted();
    void threeWrongPinsStartAWait();
    void theWaitSurvivesARestart();
    void verifyWithNoPinSetSaysSo();
    void theRecordIsInTheKeyringOnly();
    void anOlderRecordIsRewrittenWithTheNewCount();
    void anUnreadableRecordFailsSafe();
    void answersComeLaterAndInOrder();
    void theGuiThreadKeepsTurningWhileHashing();
    void destroyingMidHashIsSafe();
    void theLogNeverHasThePin();
    void aChangeNeedsTheCurrentPin();
    void aWrongCurrentPinIsRefusedAndCounted();
    void wrongCurrentPinsStartAWait();
    void aChangeRefusesUnheard_data();
    void aChangeRefusesUnheard();
    void aChangeWithNoPinSetSaysSo();
    void aResetForgetsThePinAndTheWait();
    void aResetWithNoPinSetSaysSo();
    void aResetClearsAnUnreadableRecord();
    void waitsInWords_data();
    void waitsInWords();

private:
    std::unique_ptr<ManagerPin> makePin();
    void restart();
    bool setThePin();
    QByteArray keyringRecord();
    void writeKeyring(const QByteArray &record);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ManagerPin> m_pin;
    std::unique_ptr<Answers> m_answers;
    QString m_storeId;
};

void TestManagerPin::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(qEnvironmentVariableIsSet("KC_KEYRING_SANDBOX"),
             "run through tests/support/with-keyring.sh (ctest does), which starts a keyring");
}

void TestManagerPin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(startMs);
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_credentials = std::make_unique<CredentialStore>(service);
    // One keyring serves every test function: each has a store of its own.
    m_storeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_pin = makePin();
    m_answers = std::make_unique<Answers>(m_pin.get());
    QVERIFY(m_answers->isValid());
}

void TestManagerPin::cleanup()
{
    m_answers.reset();
    m_pin.reset();
    m_credentials.reset();
    m_settings.reset();
    m_clock.reset();
    m_dir.reset();
}

std::unique_ptr<ManagerPin> TestManagerPin::makePin()
{
    auto pin = std::make_unique<ManagerPin>(*m_credentials, *m_settings, m_storeId, *m_clock);
    pin->setIterations(PinHash::minIterations); // quick; the count is PinHash's to test
    return pin;
}

// A console switched off and on: new settings object on the same file, a new ManagerPin.
void TestManagerPin::restart()
{
    m_answers.reset();
    m_pin.reset();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_pin = makePin();
    m_answers = std::make_unique<Answers>(m_pin.get());
}

bool TestManagerPin::setThePin()
{
    const qsizetype before = m_answers->count();
    m_pin->setPin(thePin);
    const bool answered = QTest::qWaitFor(
        [this, before] { return m_answers->count() == before + 1; }, keyringTimeoutMs);
    return answered && m_answers->pinSet.count() == 1;
}

QByteArray TestManagerPin::keyringRecord()
{
    CredentialStore reader(service);
    QByteArray record;
    bool answered = false;
    connect(&reader, &CredentialStore::readDone, this,
            [&](const QString &, const QByteArray &secret) {
                record = secret;
                answered = true;
            });
    connect(&reader, &CredentialStore::failed, this, [&] { answered = true; });
    reader.read(ManagerPin::keychainKey(m_storeId));
    if (!QTest::qWaitFor([&] { return answered; }, keyringTimeoutMs))
        qWarning("the keyring did not answer");
    return record;
}

void TestManagerPin::writeKeyring(const QByteArray &record)
{
    CredentialStore writer(service);
    QSignalSpy written(&writer, &CredentialStore::written);
    QVERIFY(written.isValid());
    writer.write(ManagerPin::keychainKey(m_storeId), record);
    QVERIFY(written.wait(keyringTimeoutMs));
}

void TestManagerPin::keyNamesTheStore()
{
    QCOMPARE(ManagerPin::keychainKey(QStringLiteral("store-7")),
             QStringLiteral("manager-pin:store-7"));
}

void TestManagerPin::firstUseSetsThePin()
{
    QCOMPARE(m_pin->status(), ManagerPin::Status::Unknown);
    m_pin->check();
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->checked.count(), 1);
    QCOMPARE(m_answers->checked.first().at(0).toBool(), false);
    QCOMPARE(m_pin->status(), ManagerPin::Status::NotSet);

    QVERIFY2(setThePin(), qPrintable(m_answers->lastFailure()));
    QCOMPARE(m_pin->status(), ManagerPin::Status::Set);

    restart(); // a new object learns it from the keyring
    m_pin->check();
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->checked.first().at(0).toBool(), true);
    QCOMPARE(m_pin->status(), ManagerPin::Status::Set);
}

void TestManagerPin::aGuessableNewPinIsRefusedInWords()
{
    m_pin->setPin(QStringLiteral("1234"));
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(
        m_answers->lastRefusal(),
        QStringLiteral("A PIN of digits in a row is among the first guesses; choose another."));
    m_pin->setPin(QStringLiteral("12a4"));
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(
        m_answers->lastRefusal(),
        QStringLiteral("A PIN is made of digits 0 to 9 only, without letters, spaces or signs."));
    QVERIFY(keyringRecord().isEmpty()); // nothing was written
}

void TestManagerPin::aSecondFirstUseDoesNotOverwrite()
{
    QVERIFY(setThePin());
    const QByteArray record = keyringRecord();
    m_pin->setPin(newPin);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->lastFailure(),
             QStringLiteral("A manager PIN is set on this console already; enter it to go on."));
    QCOMPARE(keyringRecord(), record);
}

void TestManagerPin::rightAndWrongPins()
{
    QVERIFY(setThePin());
    m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->lastRefusal(),
             QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."));
    m_pin->verify(QStringLiteral("73915825"));
    KC_AWAIT_ANSWERS(*m_answers, 3);
    QCOMPARE(m_answers->lastRefusal(),
             QStringLiteral("Wrong PIN. 1 try left before a 30-second wait."));
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 4);
    QCOMPARE(m_answers->unlocked.count(), 1);
    QCOMPARE(m_answers->refused.count(), 2);
}

void TestManagerPin::aRightPinClearsTheCount()
{
    QVERIFY(setThePin());
    m_pin->verify(wrongPin);
    m_pin->verify(wrongPin);
    m_pin->verify(thePin);
    m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 5);
    QCOMPARE(m_answers->unlocked.count(), 1);
    // Counted from the right PIN on: a first wrong one again, not a third.
    QCOMPARE(m_answers->lastRefusal(),
             QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."));
    QCOMPARE(m_answers->lockedOut.count(), 0);
}

void TestManagerPin::aMalformedTryIsNotCounted()
{
    QVERIFY(setThePin());
    m_pin->verify(QStringLiteral("12"));
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->lastRefusal(), QStringLiteral("A PIN needs at least 4 digits."));
    m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 3);
    QCOMPARE(m_answers->lastRefusal(),
             QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."));
}

void TestManagerPin::threeWrongPinsStartAWait()
{
    QVERIFY(setThePin());
    for (int i = 0; i < 3; ++i)
        m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 4);
    QCOMPARE(m_answers->refused.count(), 2);
    QCOMPARE(m_answers->lockedOut.count(), 1);
    QCOMPARE(m_answers->lockedOut.first().at(0).toLongLong(), startMs + 30'000);
    QVERIFY(m_pin->isLockedOut());

    // While the wait runs even the right PIN is not heard.
    m_clock->advanceMs(29'000);
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 5);
    QCOMPARE(m_answers->unlocked.count(), 0);
    QCOMPARE(m_answers->lockedOut.count(), 2);
    QCOMPARE(m_answers->lockedOut.last().at(0).toLongLong(), startMs + 30'000);

    // After it, a wrong PIN doubles the wait at once; the right one after that opens.
    m_clock->advanceMs(1'000);
    m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 6);
    QCOMPARE(m_answers->lockedOut.last().at(0).toLongLong(), m_clock->nowMs() + 60'000);
    m_clock->advanceMs(60'000);
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 7);
    QCOMPARE(m_answers->unlocked.count(), 1);
    QVERIFY(!m_pin->isLockedOut());
}

void TestManagerPin::theWaitSurvivesARestart()
{
    QVERIFY(setThePin());
    for (int i = 0; i < 3; ++i)
        m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 4);

    restart();
    QVERIFY(m_pin->isLockedOut());
    QCOMPARE(m_pin->lockedUntilMs(), startMs + 30'000);
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->lockedOut.count(), 1);
}

void TestManagerPin::verifyWithNoPinSetSaysSo()
{
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->lastFailure(),
             QStringLiteral("No manager PIN is set on this console yet."));
    QCOMPARE(m_pin->status(), ManagerPin::Status::NotSet);
}

void TestManagerPin::theRecordIsInTheKeyringOnly()
{
    QVERIFY(setThePin());
    m_pin->verify(wrongPin); // so the settings file has the lockout state in it
    KC_AWAIT_ANSWERS(*m_answers, 2);

    const QString record = QString::fromUtf8(keyringRecord());
    QVERIFY2(record.startsWith(QStringLiteral("pbkdf2-sha256$1000$")), qPrintable(record));
    const Result<PinHash> stored = PinHash::fromRecord(record);
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    QVERIFY(stored->matches(thePin));

    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString kept = QString::fromUtf8(file.readAll());
    QVERIFY2(kept.contains(QStringLiteral("failures=1")), qPrintable(kept));
    QVERIFY2(!kept.contains(QStringLiteral("pbkdf2")), qPrintable(kept));
    QVERIFY2(!kept.contains(thePin), qPrintable(kept));
    for (const QString &part : record.split(u'$').mid(2))
        QVERIFY2(!kept.contains(part), qPrintable(kept));
}

void TestManagerPin::anOlderRecordIsRewrittenWithTheNewCount()
{
    writeKeyring(PinHash::create(thePin, PinHash::minIterations).record().toUtf8());
    m_pin->setIterations(2 * PinHash::minIterations);
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->unlocked.count(), 1);
    // The rewrite follows the answer; a check after it is served after it.
    m_pin->check();
    KC_AWAIT_ANSWERS(*m_answers, 2);
    const Result<PinHash> stored = PinHash::fromRecord(QString::fromUtf8(keyringRecord()));
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    QCOMPARE(stored->iterations(), 2 * PinHash::minIterations);
    QVERIFY(stored->matches(thePin));
}

void TestManagerPin::anUnreadableRecordFailsSafe()
{
    writeKeyring("garbled");
    m_pin->check();
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->checked.first().at(0).toBool(), true); // so first use cannot overwrite it
    m_pin->setPin(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->failed.count(), 1);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unreadable")));
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 3);
    QCOMPARE(m_answers->lastFailure(),
             QStringLiteral("The saved manager PIN cannot be read. Ask whoever looks after this "
                            "console to reset it."));
    QCOMPARE(m_answers->unlocked.count(), 0);
    QCOMPARE(keyringRecord(), QByteArray("garbled"));
}

void TestManagerPin::answersComeLaterAndInOrder()
{
    QStringList order;
    connect(m_pin.get(), &ManagerPin::checked, this, [&order](bool isSet) {
        order << (isSet ? QStringLiteral("set") : QStringLiteral("not set"));
    });
    connect(m_pin.get(), &ManagerPin::pinSet, this,
            [&order] { order << QStringLiteral("pin set"); });
    connect(m_pin.get(), &ManagerPin::refused, this,
            [&order] { order << QStringLiteral("refused"); });
    connect(m_pin.get(), &ManagerPin::unlocked, this,
            [&order] { order << QStringLiteral("unlocked"); });
    m_pin->check();
    m_pin->setPin(thePin);
    m_pin->verify(wrongPin);
    m_pin->verify(thePin);
    m_pin->check();
    QCOMPARE(m_answers->count(), qsizetype(0)); // none inside the calls
    KC_AWAIT_ANSWERS(*m_answers, 5);
    QCOMPARE(order,
             QStringList({QStringLiteral("not set"), QStringLiteral("pin set"),
                          QStringLiteral("refused"), QStringLiteral("unlocked"),
                          QStringLiteral("set")}));
}

void TestManagerPin::theGuiThreadKeepsTurningWhileHashing()
{
    // A hash timed here, on this machine, now.
    QElapsedTimer timer;
    timer.start();
    QVERIFY(PinHash::create(thePin, slowRounds).matches(thePin)); // two hashes
    const qint64 hashMs = timer.elapsed() / 2;

    // The longest the event loop went without turning while a new PIN was hashed and kept. (Only
    // the keyring is used on the way: a verify() also writes the lockout's settings, and a busy
    // disk could stall that for reasons of its own.)
    m_pin->setIterations(slowRounds);
    qint64 longestGapMs = 0;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this,
            [&] { longestGapMs = qMax(longestGapMs, sinceTick.restart()); });
    sinceTick.start();
    ticker.start();
    QVERIFY(setThePin());
    ticker.stop();
    // A hash on this thread would stall it for a whole hash.
    QVERIFY2(
        longestGapMs * 4 < hashMs * 3,
        qPrintable(
            QStringLiteral("stalled %1 ms; a hash takes %2 ms").arg(longestGapMs).arg(hashMs)));
}

void TestManagerPin::destroyingMidHashIsSafe()
{
    m_pin->setIterations(slowRounds); // a record slow enough to be checked still
    QVERIFY(setThePin());
    m_pin->verify(wrongPin);
    // The try is counted when its hashing starts: then destroy the PIN under it.
    QTRY_VERIFY_WITH_TIMEOUT(m_settings->contains(QStringLiteral("managerPin/") + m_storeId
                                                  + QStringLiteral("/failures")),
                             keyringTimeoutMs);
    m_answers.reset();
    m_pin.reset(); // waits for the worker; its queued answer must go nowhere
    QTest::qWait(50);
    restart();
    m_pin->verify(thePin); // the counted try stays counted, the PIN still opens
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->unlocked.count(), 1);
}

void TestManagerPin::theLogNeverHasThePin()
{
    QStringList log;
    capturedLog = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("kc.*.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    m_pin->check();
    m_pin->setPin(thePin);
    for (int i = 0; i < 3; ++i)
        m_pin->verify(wrongPin);
    m_pin->verify(thePin); // heard not: the wait runs
    const bool answered =
        QTest::qWaitFor([this] { return m_answers->count() == 6; }, keyringTimeoutMs);
    m_clock->advanceMs(PinLockout::firstWaitMs);
    m_pin->verify(thePin);
    const bool opened =
        QTest::qWaitFor([this] { return m_answers->unlocked.count() == 1; }, keyringTimeoutMs);
    const QString oldRecord = QString::fromUtf8(keyringRecord());
    m_pin->changePin(wrongPin, newPin);
    m_pin->changePin(thePin, newPin);
    const bool changed =
        QTest::qWaitFor([this] { return m_answers->pinChanged.count() == 1; }, keyringTimeoutMs);

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    capturedLog = nullptr;
    QVERIFY(answered);
    QVERIFY(opened);
    QVERIFY(changed);
    const QString record = QString::fromUtf8(keyringRecord());
    QVERIFY(record != oldRecord);
    const QString all = log.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("manager PIN accepted")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("manager PIN refused")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("manager PIN set")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("manager PIN changed")), qPrintable(all));
    for (const QString &line : std::as_const(log)) {
        QVERIFY2(!line.contains(thePin), qPrintable(line));
        QVERIFY2(!line.contains(wrongPin), qPrintable(line));
        QVERIFY2(!line.contains(newPin), qPrintable(line));
        for (const QString &kept : {oldRecord, record}) {
            for (const QString &part : kept.split(u'$').mid(2))
                QVERIFY2(!line.contains(part), qPrintable(line));
        }
    }
}

void TestManagerPin::aChangeNeedsTheCurrentPin()
{
    QVERIFY(setThePin());
    m_pin->changePin(thePin, newPin);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QVERIFY2(m_answers->pinChanged.count() == 1, qPrintable(m_answers->lastFailure()));
    QCOMPARE(m_pin->status(), ManagerPin::Status::Set);

    restart(); // what the keyring holds now, not what this object remembers
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->lastRefusal(),
             QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."));
    m_pin->verify(newPin);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->unlocked.count(), 1);
    QCOMPARE(m_pin->wrongPinsInARow(), 0);
    const Result<PinHash> stored = PinHash::fromRecord(QString::fromUtf8(keyringRecord()));
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    QVERIFY(stored->matches(newPin));
}

void TestManagerPin::aWrongCurrentPinIsRefusedAndCounted()
{
    QVERIFY(setThePin());
    const QByteArray record = keyringRecord();
    m_pin->changePin(wrongPin, newPin);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->pinChanged.count(), 0);
    QCOMPARE(m_answers->lastRefusal(),
             QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."));
    QCOMPARE(m_pin->wrongPinsInARow(), 1);
    QCOMPARE(keyringRecord(), record); // unchanged

    // Counted as a verify() counts: the two share the tries.
    m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 3);
    QCOMPARE(m_answers->lastRefusal(),
             QStringLiteral("Wrong PIN. 1 try left before a 30-second wait."));
    restart();
    QCOMPARE(m_pin->wrongPinsInARow(), 2); // kept in the settings
    m_pin->verify(thePin);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->unlocked.count(), 1);
}

void TestManagerPin::wrongCurrentPinsStartAWait()
{
    QVERIFY(setThePin());
    for (int i = 0; i < 3; ++i)
        m_pin->changePin(wrongPin, newPin);
    KC_AWAIT_ANSWERS(*m_answers, 4);
    QCOMPARE(m_answers->lockedOut.count(), 1);
    QVERIFY(m_pin->isLockedOut());
    m_pin->changePin(thePin, newPin); // the right one is not heard while the wait runs
    KC_AWAIT_ANSWERS(*m_answers, 5);
    QCOMPARE(m_answers->lockedOut.count(), 2);
    QCOMPARE(m_answers->pinChanged.count(), 0);
    m_clock->advanceMs(PinLockout::firstWaitMs);
    m_pin->changePin(thePin, newPin);
    KC_AWAIT_ANSWERS(*m_answers, 6);
    QCOMPARE(m_answers->pinChanged.count(), 1);
    QVERIFY(!m_pin->isLockedOut());
    QCOMPARE(m_pin->wrongPinsInARow(), 0);
}

void TestManagerPin::aChangeRefusesUnheard_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("a guessable new PIN")
        << thePin << QStringLiteral("1234")
        << QStringLiteral("A PIN of digits in a row is among the first guesses; choose another.");
    QTest::newRow("a new PIN with a letter")
        << thePin << QStringLiteral("12a4")
        << QStringLiteral("A PIN is made of digits 0 to 9 only, without letters, spaces or signs.");
    QTest::newRow("the same PIN again")
        << thePin << thePin
        << QStringLiteral("The new PIN is the same as the current one; choose another.");
    QTest::newRow("a current PIN too short")
        << QStringLiteral("12") << newPin << QStringLiteral("A PIN needs at least 4 digits.");
}

void TestManagerPin::aChangeRefusesUnheard()
{
    QFETCH(QString, current);
    QFETCH(QString, chosen);
    QFETCH(QString, refusal);
    QVERIFY(setThePin());
    const QByteArray record = keyringRecord();
    m_pin->changePin(current, chosen);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->lastRefusal(), refusal);
    QCOMPARE(m_pin->wrongPinsInARow(), 0); // tells a guesser nothing, so not counted
    QCOMPARE(keyringRecord(), record);
}

void TestManagerPin::aChangeWithNoPinSetSaysSo()
{
    m_pin->changePin(thePin, newPin);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->lastFailure(),
             QStringLiteral("No manager PIN is set on this console yet."));
    QVERIFY(keyringRecord().isEmpty());
}

void TestManagerPin::aResetForgetsThePinAndTheWait()
{
    QVERIFY(setThePin());
    for (int i = 0; i < 3; ++i)
        m_pin->verify(wrongPin);
    KC_AWAIT_ANSWERS(*m_answers, 4);
    QVERIFY(m_pin->isLockedOut());

    m_pin->reset(); // heard during a wait: it is the way out of one
    KC_AWAIT_ANSWERS(*m_answers, 5);
    QCOMPARE(m_answers->pinReset.count(), 1);
    QCOMPARE(m_answers->pinReset.first().at(0).toBool(), true);
    QCOMPARE(m_pin->status(), ManagerPin::Status::NotSet);
    QVERIFY(!m_pin->isLockedOut());
    QCOMPARE(m_pin->wrongPinsInARow(), 0);
    QVERIFY(keyringRecord().isEmpty());
    const QSettings onDisk(m_settings->fileName(), QSettings::IniFormat);
    const QString group = QStringLiteral("managerPin/") + m_storeId;
    QVERIFY(!onDisk.contains(group + QStringLiteral("/failures")));
    QVERIFY(!onDisk.contains(group + QStringLiteral("/lockedUntilMs")));

    restart(); // a console started after the reset: first use
    QVERIFY(!m_pin->isLockedOut());
    m_pin->check();
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->checked.first().at(0).toBool(), false);
    m_pin->setPin(newPin);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->pinSet.count(), 1);
}

void TestManagerPin::aResetWithNoPinSetSaysSo()
{
    m_pin->reset();
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->pinReset.count(), 1);
    QCOMPARE(m_answers->pinReset.first().at(0).toBool(), false);
    QCOMPARE(m_pin->status(), ManagerPin::Status::NotSet);
}

void TestManagerPin::aResetClearsAnUnreadableRecord()
{
    writeKeyring("garbled");
    m_pin->reset();
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QCOMPARE(m_answers->pinReset.count(), 1);
    QCOMPARE(m_answers->pinReset.first().at(0).toBool(), true);
    m_pin->check();
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QCOMPARE(m_answers->checked.first().at(0).toBool(), false);
}

void TestManagerPin::waitsInWords_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("words");
    QTest::newRow("a fraction") << qint64(200) << QStringLiteral("1 second");
    QTest::newRow("one second") << qint64(1'000) << QStringLiteral("1 second");
    QTest::newRow("rounded up") << qint64(24'001) << QStringLiteral("25 seconds");
    QTest::newRow("30 s") << qint64(30'000) << QStringLiteral("30 seconds");
    QTest::newRow("a minute") << qint64(60'000) << QStringLiteral("1 minute");
    QTest::newRow("a minute and a second")
        << qint64(61'000) << QStringLiteral("1 minute and 1 second");
    QTest::newRow("4:30") << qint64(270'000) << QStringLiteral("4 minutes and 30 seconds");
    QTest::newRow("15 min") << qint64(900'000) << QStringLiteral("15 minutes");
}

void TestManagerPin::waitsInWords()
{
    QFETCH(qint64, ms);
    QFETCH(QString, words);
    QCOMPARE(ManagerPin::waitInWords(ms), words);
    QCOMPARE(ManagerPin::lockedOutMessage(ms),
             QStringLiteral("Too many wrong PINs. Try again in %1.").arg(words));
}

QTEST_GUILESS_MAIN(TestManagerPin)
#include "tst_managerpin.moc"
