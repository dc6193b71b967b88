// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// kc-admin pin-reset end to end: the real kc-admin over a real keyring (ctest runs it under
// tests/support/with-keyring.sh), with the PIN set and the wrong tries counted by ManagerPin as
// the console does, and checked by ManagerPin afterwards.
#include "adminrun.h"
#include "common/clock.h"
#include "security/credentialstore.h"
#include "security/managerpin.h"
#include "security/pinhash.h"

#include <QDateTime>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {
const QString adminPath = QStringLiteral(KC_ADMIN_PATH);
const QString thePin = QStringLiteral("73915824");
const QString wrongPin = QStringLiteral("5062");
constexpr int keyringTimeoutMs = 10'000;
constexpr int waitMs = 40'000;

} // namespace

class TestKcAdminPinReset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theResetForgetsThePinAndTheWait();
    void nothingSetIsSaidSo();
    void anotherStoresPinStays();
    void theConsolesUsualSettingsAreFound();
    void aKeyringAwayChangesNothing();
    void theOutputNeverHasThePin();
    void helpDocumentsIt();
    void usageErrors_data();
    void usageErrors();

private:
    std::unique_ptr<ManagerPin> makePin(const QString &storeId, QSettings &settings);
    /** Sets thePin for storeId, then counts wrongTries wrong PINs against it. */
    bool setPinWithWrongTries(const QString &storeId, QSettings &settings, int wrongTries);
    /** Whether the keyring holds a PIN for storeId, as a console's gate would learn it. */
    std::optional<bool> isSet(const QString &storeId);
    AdminRun reset(const QStringList &arguments,
                   const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    QString record(const QString &storeId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_credentials;
    // kc-admin reads the wait against its own clock, the system's: so does this one, held still.
    ManualClock m_clock {QDateTime::currentMSecsSinceEpoch()};
    QString m_storeId;
};

void TestKcAdminPinReset::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(qEnvironmentVariableIsSet("KC_KEYRING_SANDBOX"),
             "run through tests/support/with-keyring.sh (ctest does), which starts a keyring");
}

void TestKcAdminPinReset::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_settings->setValue(QStringLiteral("board/station"), QString()); // a console's file exists
    m_settings->sync();
    // The service kitchen-console keeps its PIN under, which kc-admin reads.
    m_credentials = std::make_unique<CredentialStore>(CredentialStore::consoleService());
    m_storeId = QUuid::createUuid().toString(QUuid::WithoutBraces); // one keyring for every test
}

void TestKcAdminPinReset::cleanup()
{
    m_credentials.reset();
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<ManagerPin> TestKcAdminPinReset::makePin(const QString &storeId,
                                                         QSettings &settings)
{
    auto pin = std::make_unique<ManagerPin>(*m_credentials, settings, storeId, m_clock);
    pin->setIterations(PinHash::minIterations);
    return pin;
}

bool TestKcAdminPinReset::setPinWithWrongTries(const QString &storeId, QSettings &settings,
                                               int wrongTries)
{
    const std::unique_ptr<ManagerPin> pin = makePin(storeId, settings);
    QSignalSpy set(pin.get(), &ManagerPin::pinSet);
    QSignalSpy refused(pin.get(), &ManagerPin::refused);
    QSignalSpy lockedOut(pin.get(), &ManagerPin::lockedOut);
    if (!set.isValid() || !refused.isValid() || !lockedOut.isValid())
        return false;
    pin->setPin(thePin);
    for (int i = 0; i < wrongTries; ++i)
        pin->verify(wrongPin);
    return QTest::qWaitFor(
               [&] {
                   return set.count() == 1 && refused.count() + lockedOut.count() == wrongTries;
               },
               keyringTimeoutMs)
        && pin->wrongPinsInARow() == wrongTries;
}

std::optional<bool> TestKcAdminPinReset::isSet(const QString &storeId)
{
    QSettings scratch(m_dir->filePath(QStringLiteral("scratch.ini")), QSettings::IniFormat);
    const std::unique_ptr<ManagerPin> pin = makePin(storeId, scratch);
    QSignalSpy checked(pin.get(), &ManagerPin::checked);
    if (!checked.isValid())
        return std::nullopt;
    pin->check();
    if (!checked.wait(keyringTimeoutMs))
        return std::nullopt;
    return checked.first().at(0).toBool();
}

QString TestKcAdminPinReset::record(const QString &storeId)
{
    QString kept;
    QSignalSpy read(m_credentials.get(), &CredentialStore::readDone);
    if (!read.isValid())
        return kept;
    m_credentials->read(ManagerPin::keychainKey(storeId));
    if (read.wait(keyringTimeoutMs))
        kept = QString::fromUtf8(read.first().at(1).toByteArray());
    return kept;
}

AdminRun TestKcAdminPinReset::reset(const QStringList &arguments,
                                    const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    return AdminRun::of(process, adminPath, QStringList {QStringLiteral("pin-reset")} + arguments,
                        waitMs);
}

void TestKcAdminPinReset::theResetForgetsThePinAndTheWait()
{
    QVERIFY(setPinWithWrongTries(m_storeId, *m_settings, 3));
    m_settings->sync();
    {
        const std::unique_ptr<ManagerPin> pin = makePin(m_storeId, *m_settings);
        QVERIFY(pin->isLockedOut());
    }

    const AdminRun run = reset({QStringLiteral("--store-id"), m_storeId, QStringLiteral("--settings"),
                                m_settings->fileName()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QCOMPARE(run.out,
             QStringLiteral("Removed the manager PIN of store %1 from the keyring.\n"
                            "Cleared 3 wrong PINs in a row and the wait they started (%2).\n"
                            "The dashboard asks for a new manager PIN the next time it is opened.\n")
                 .arg(m_storeId, m_settings->fileName()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));

    // As a console started now finds it: no PIN (so the gate sets one), no wrong tries, no wait.
    QCOMPARE(isSet(m_storeId), std::optional<bool>(false));
    QSettings onDisk(m_settings->fileName(), QSettings::IniFormat);
    const std::unique_ptr<ManagerPin> pin = makePin(m_storeId, onDisk);
    QVERIFY(!pin->isLockedOut());
    QCOMPARE(pin->wrongPinsInARow(), 0);
    QVERIFY(!onDisk.contains(QStringLiteral("managerPin/%1/failures").arg(m_storeId)));
}

void TestKcAdminPinReset::nothingSetIsSaidSo()
{
    const AdminRun run = reset({QStringLiteral("--store-id"), m_storeId, QStringLiteral("--settings"),
                                m_settings->fileName()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.startsWith(
                 QStringLiteral("No manager PIN of store %1 was in the keyring; nothing to remove.\n"
                                "No wrong PINs were counted")
                     .arg(m_storeId)),
             qPrintable(run.out));
}

void TestKcAdminPinReset::anotherStoresPinStays()
{
    const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(setPinWithWrongTries(m_storeId, *m_settings, 1));
    QVERIFY(setPinWithWrongTries(other, *m_settings, 2));
    m_settings->sync();
    const AdminRun run = reset({QStringLiteral("--store-id"), m_storeId, QStringLiteral("--settings"),
                                m_settings->fileName()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Cleared 1 wrong PIN (")), qPrintable(run.out));
    QCOMPARE(isSet(m_storeId), std::optional<bool>(false));
    QCOMPARE(isSet(other), std::optional<bool>(true));
    QSettings onDisk(m_settings->fileName(), QSettings::IniFormat);
    QCOMPARE(makePin(other, onDisk)->wrongPinsInARow(), 2);
}

void TestKcAdminPinReset::theConsolesUsualSettingsAreFound()
{
    // with-keyring.sh points XDG_CONFIG_HOME into its throwaway folder; kitchen-console without
    // --settings keeps its settings there, under its organisation and application names.
    const QString usual = qEnvironmentVariable("XDG_CONFIG_HOME")
        + QStringLiteral("/KitchenConsole/kitchen-console.conf");
    QSettings console(usual, QSettings::IniFormat);
    QVERIFY(setPinWithWrongTries(m_storeId, console, 2));
    console.sync();
    QVERIFY(QFile::exists(usual));

    const AdminRun run = reset({QStringLiteral("--store-id"), m_storeId});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Cleared 2 wrong PINs in a row (%1)").arg(usual)),
             qPrintable(run.out));
    QSettings onDisk(usual, QSettings::IniFormat);
    QCOMPARE(makePin(m_storeId, onDisk)->wrongPinsInARow(), 0);
}

void TestKcAdminPinReset::aKeyringAwayChangesNothing()
{
    QVERIFY(setPinWithWrongTries(m_storeId, *m_settings, 3));
    m_settings->sync();
    QProcessEnvironment noKeyring = QProcessEnvironment::systemEnvironment();
    noKeyring.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("no-bus")));

    const AdminRun run = reset({QStringLiteral("--store-id"), m_storeId, QStringLiteral("--settings"),
                                m_settings->fileName()},
                               noKeyring);
    QVERIFY2(run.exitCode == 8, qPrintable(QString::number(run.exitCode) + run.out + run.err));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    QVERIFY2(run.err.contains(QStringLiteral("kc-admin: the manager PIN of store %1 was not "
                                             "reset: The keyring could not be read.")
                                  .arg(m_storeId)),
             qPrintable(run.err));
    QCOMPARE(isSet(m_storeId), std::optional<bool>(true));
    QSettings onDisk(m_settings->fileName(), QSettings::IniFormat);
    QCOMPARE(makePin(m_storeId, onDisk)->wrongPinsInARow(), 3); // the count stays with the PIN
}

void TestKcAdminPinReset::theOutputNeverHasThePin()
{
    QVERIFY(setPinWithWrongTries(m_storeId, *m_settings, 1));
    m_settings->sync();
    const QString kept = record(m_storeId);
    QVERIFY2(kept.startsWith(QStringLiteral("pbkdf2-sha256$")), qPrintable(kept));

    const AdminRun run = reset({QStringLiteral("--store-id"), m_storeId, QStringLiteral("--settings"),
                                m_settings->fileName(), QStringLiteral("--verbose")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString all = run.out + run.err;
    // --verbose shows the steps: the log is there to be read, and holds no secret.
    QVERIFY2(all.contains(QStringLiteral("manager PIN removed from the keyring")), qPrintable(all));
    QVERIFY2(!all.contains(thePin), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("pbkdf2")), qPrintable(all));
    for (const QString &part : kept.split(u'$').mid(2))
        QVERIFY2(!all.contains(part), qPrintable(all));
}

void TestKcAdminPinReset::helpDocumentsIt()
{
    QProcess process;
    process.start(adminPath, {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(waitMs));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(help.contains(QStringLiteral("pin-reset --store-id ID [--settings FILE]")),
             qPrintable(help));
    QVERIFY2(help.contains(QStringLiteral("  8  pin-reset: the keyring could not be used")),
             qPrintable(help));
}

void TestKcAdminPinReset::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("no store id") << QStringList {QStringLiteral("pin-reset")}
                                 << QStringLiteral("pin-reset needs --store-id ID");
    QTest::newRow("an empty store id")
        << QStringList {QStringLiteral("pin-reset"), QStringLiteral("--store-id"), QString()}
        << QStringLiteral("pin-reset needs --store-id ID");
    QTest::newRow("a store file")
        << QStringList {QStringLiteral("--store"), QStringLiteral("x.sqlite"),
                        QStringLiteral("pin-reset"), QStringLiteral("--store-id"),
                        QStringLiteral("s")}
        << QStringLiteral("leave out --store");
    QTest::newRow("an argument too many")
        << QStringList {QStringLiteral("pin-reset"), QStringLiteral("1234"),
                        QStringLiteral("--store-id"), QStringLiteral("s")}
        << QStringLiteral("Too many arguments for pin-reset: 1234");
    QTest::newRow("another command's option")
        << QStringList {QStringLiteral("pin-reset"), QStringLiteral("--store-id"),
                        QStringLiteral("s"), QStringLiteral("--json")}
        << QStringLiteral("--json does not apply to pin-reset");
    QTest::newRow("a settings file that is not there")
        << QStringList {QStringLiteral("pin-reset"), QStringLiteral("--store-id"),
                        QStringLiteral("s"), QStringLiteral("--settings"),
                        QStringLiteral("/nonexistent/console.ini")}
        << QStringLiteral("No settings file at \"/nonexistent/console.ini\"");
    QTest::newRow("settings on another command")
        << QStringList {QStringLiteral("--store"), QStringLiteral("x.sqlite"),
                        QStringLiteral("list"), QStringLiteral("--settings"),
                        QStringLiteral("console.ini")}
        << QStringLiteral("--settings applies only to pin-reset");
    QTest::newRow("store id on another command")
        << QStringList {QStringLiteral("--store"), QStringLiteral("x.sqlite"),
                        QStringLiteral("list"), QStringLiteral("--store-id"), QStringLiteral("s")}
        << QStringLiteral("--store-id applies only to verify --hub and pin-reset");
}

void TestKcAdminPinReset::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    QProcess process;
    process.start(adminPath, arguments);
    QVERIFY(process.waitForFinished(waitMs));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(says), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestKcAdminPinReset)
#include "tst_kcadminpinreset.moc"
