// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PIN gate over a real ManagerPin and a real keyring: ctest runs it under with-keyring.sh.
#include "common/clock.h"
#include "dashboard/managerpindialog.h"
#include "dialogs/dialogparts.h"
#include "screenshots.h"
#include "security/credentialstore.h"
#include "security/managerpin.h"
#include "security/pinhash.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest/QTest>

#include <memory>

namespace {
constexpr int keyringTimeoutMs = 10'000;
constexpr qint64 startMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
const QString thePin = QStringLiteral("480516");
const QString wrongPin = QStringLiteral("5062");
const QString newPin = QStringLiteral("902713");

bool isDigitFree(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}
} // namespace

// A manager at the gate, by touch (the keypad) and by keyboard (digits, Backspace, Enter, Esc):
// first use sets the PIN, then the PIN opens; wrong PINs make it wait, counted down in words.
class TestManagerPinDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstUseSetsThePinByTouch();
    void aConfirmationThatDiffersSaysSo();
    void aGuessablePinIsRefusedBeforeTheConfirmation();
    void thePinOpensByKeyboard();
    void dotsNeverDigits();
    void backspaceErasesAndTheKeypadStopsAtEight();
    void okWaitsForFourDigits();
    void threeWrongPinsShowTheWait();
    void openingDuringAWaitShowsIt();
    void escapeCancels();
    void theCancelButtonCancels();
    void cancelledWhileCheckingStaysCancelled();
    void keysAreTouchSized();
    void aChangeAsksForTheCurrentPinFirst();
    void aChangeToTheSamePinIsRefused();
    void aChangeWhoseEntriesDifferSaysSo();
    void wrongCurrentPinsMakeAChangeWait();
    void aChangeWithNoPinSetSetsOne();

private:
    void setPinBeforehand();
    void openDialog(ManagerPinDialog::Purpose purpose = ManagerPinDialog::Purpose::Open);
    void enter(const QString &digits);
    bool opens(const QString &pin);
    void press(const QString &digits);
    void type(const QString &digits);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ManagerPin> m_pin;
    std::unique_ptr<ManagerPinDialog> m_dialog;
};

void TestManagerPinDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(qEnvironmentVariableIsSet("KC_KEYRING_SANDBOX"),
             "run through tests/support/with-keyring.sh (ctest does), which starts a keyring");
}

void TestManagerPinDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(startMs);
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_credentials = std::make_unique<CredentialStore>(QStringLiteral("kitchen-console-test"));
    // One keyring serves every test function: each has a store of its own.
    m_pin = std::make_unique<ManagerPin>(
        *m_credentials, *m_settings, QUuid::createUuid().toString(QUuid::WithoutBraces), *m_clock);
    m_pin->setIterations(PinHash::minIterations);
}

void TestManagerPinDialog::cleanup()
{
    screenshotOnFailure(m_dialog.get());
    m_dialog.reset();
    m_pin.reset();
    m_credentials.reset();
    m_settings.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestManagerPinDialog::setPinBeforehand()
{
    QSignalSpy set(m_pin.get(), &ManagerPin::pinSet);
    QVERIFY(set.isValid());
    m_pin->setPin(thePin);
    QVERIFY(set.wait(keyringTimeoutMs));
}

void TestManagerPinDialog::openDialog(ManagerPinDialog::Purpose purpose)
{
    m_dialog = std::make_unique<ManagerPinDialog>(*m_pin, *m_clock, purpose);
    m_dialog->setTickIntervalMs(10);
    m_dialog->open();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->mode() != ManagerPinDialog::Mode::Checking,
                             keyringTimeoutMs);
}

void TestManagerPinDialog::press(const QString &digits)
{
    for (QChar digit : digits)
        QTest::mouseClick(m_dialog->digitButton(digit.digitValue()), Qt::LeftButton);
}

void TestManagerPinDialog::type(const QString &digits)
{
    QTest::keyClicks(m_dialog.get(), digits);
}

void TestManagerPinDialog::enter(const QString &digits)
{
    type(digits);
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
}

bool TestManagerPinDialog::opens(const QString &pin)
{
    QSignalSpy unlocked(m_pin.get(), &ManagerPin::unlocked);
    QSignalSpy refused(m_pin.get(), &ManagerPin::refused);
    if (!unlocked.isValid() || !refused.isValid())
        return false;
    m_pin->verify(pin);
    const bool answered = QTest::qWaitFor(
        [&] { return unlocked.count() + refused.count() > 0; }, keyringTimeoutMs);
    return answered && unlocked.count() == 1;
}

void TestManagerPinDialog::firstUseSetsThePinByTouch()
{
    openDialog();
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Choose);
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Set the manager PIN"));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());

    press(thePin);
    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Confirm);
    QCOMPARE(m_dialog->enteredDigits(), 0);
    QCOMPARE(m_dialog->prompt(), QStringLiteral("Enter the new PIN again to confirm it."));
    press(thePin);
    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    QVERIFY(m_dialog->isBusy());
    QVERIFY(!m_dialog->digitButton(1)->isEnabled()); // the keypad rests while it is saved
    QVERIFY(accepted.wait(keyringTimeoutMs));
    QCOMPARE(m_pin->status(), ManagerPin::Status::Set);

    // The PIN is kept: a second gate asks for it.
    openDialog();
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Unlock);
}

void TestManagerPinDialog::aConfirmationThatDiffersSaysSo()
{
    openDialog();
    press(thePin);
    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    press(QStringLiteral("480517"));
    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Choose);
    QCOMPARE(m_dialog->message(), QStringLiteral("The two PINs differ. Choose the new PIN again."));
    QCOMPARE(m_dialog->enteredDigits(), 0);
    QVERIFY(!m_dialog->isBusy()); // nothing was sent to be saved
    QVERIFY(m_dialog->isVisible());
}

void TestManagerPinDialog::aGuessablePinIsRefusedBeforeTheConfirmation()
{
    openDialog();
    type(QStringLiteral("1111"));
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Choose);
    QCOMPARE(m_dialog->message(),
             QStringLiteral("A PIN of one digit repeated is among the first guesses; choose "
                            "another."));
}

void TestManagerPinDialog::thePinOpensByKeyboard()
{
    setPinBeforehand();
    openDialog();
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Unlock);
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Manager PIN"));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    type(thePin);
    QCOMPARE(m_dialog->enteredDigits(), thePin.size());
    QTest::keyClick(m_dialog.get(), Qt::Key_Enter, Qt::KeypadModifier);
    QVERIFY(accepted.wait(keyringTimeoutMs));
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void TestManagerPinDialog::dotsNeverDigits()
{
    setPinBeforehand();
    openDialog();
    QCOMPARE(m_dialog->dotsText(), QStringLiteral("○ ○ ○ ○"));
    type(QStringLiteral("48"));
    QCOMPARE(m_dialog->dotsText(), QStringLiteral("● ● ○ ○"));
    type(QStringLiteral("0516"));
    QCOMPARE(m_dialog->dotsText(), QStringLiteral("● ● ● ● ● ●"));
    // Nothing on screen holds a digit of it: not a label, not the title.
    const QList<QLabel *> labels = m_dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QVERIFY2(isDigitFree(label->text()), qPrintable(label->text()));
    QVERIFY(isDigitFree(m_dialog->windowTitle()));
}

void TestManagerPinDialog::backspaceErasesAndTheKeypadStopsAtEight()
{
    setPinBeforehand();
    openDialog();
    type(QStringLiteral("123"));
    QTest::keyClick(m_dialog.get(), Qt::Key_Backspace);
    QCOMPARE(m_dialog->enteredDigits(), 2);
    QTest::mouseClick(m_dialog->eraseButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->enteredDigits(), 1);
    type(QStringLiteral("2345678901"));
    QCOMPARE(m_dialog->enteredDigits(), PinHash::maxDigits);
    QVERIFY(!m_dialog->digitButton(5)->isEnabled());
    QTest::mouseClick(m_dialog->eraseButton(), Qt::LeftButton);
    QVERIFY(m_dialog->digitButton(5)->isEnabled());
}

void TestManagerPinDialog::okWaitsForFourDigits()
{
    setPinBeforehand();
    openDialog();
    type(QStringLiteral("480"));
    QVERIFY(!m_dialog->okButton()->isEnabled());
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    QVERIFY(!m_dialog->isBusy()); // three digits are not sent
    type(QStringLiteral("5"));
    QVERIFY(m_dialog->okButton()->isEnabled());
}

void TestManagerPinDialog::threeWrongPinsShowTheWait()
{
    setPinBeforehand();
    openDialog();
    type(wrongPin);
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->message(),
                              QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."),
                              keyringTimeoutMs);
    QCOMPARE(m_dialog->enteredDigits(), 0);
    type(wrongPin);
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->message(),
                              QStringLiteral("Wrong PIN. 1 try left before a 30-second wait."),
                              keyringTimeoutMs);
    type(wrongPin);
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->mode(), ManagerPinDialog::Mode::Waiting, keyringTimeoutMs);
    QCOMPARE(m_dialog->message(), QStringLiteral("Too many wrong PINs. Try again in 30 seconds."));
    QVERIFY(!m_dialog->digitButton(4)->isEnabled());
    QVERIFY(!m_dialog->okButton()->isEnabled());
    type(thePin); // not heard while the wait runs
    QCOMPARE(m_dialog->enteredDigits(), 0);
    saveScreenshot(*m_dialog, QStringLiteral("managerpindialog-waiting"));

    m_clock->advanceMs(10'000);
    QTRY_COMPARE(m_dialog->message(),
                 QStringLiteral("Too many wrong PINs. Try again in 20 seconds."));
    m_clock->advanceMs(20'000);
    QTRY_COMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Unlock);
    QCOMPARE(m_dialog->message(), QStringLiteral("You can try again now."));
    QVERIFY(m_dialog->digitButton(4)->isEnabled());

    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    type(thePin);
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    QVERIFY(accepted.wait(keyringTimeoutMs));
}

void TestManagerPinDialog::openingDuringAWaitShowsIt()
{
    setPinBeforehand();
    QSignalSpy lockedOut(m_pin.get(), &ManagerPin::lockedOut);
    QVERIFY(lockedOut.isValid());
    for (int i = 0; i < 4; ++i)
        m_pin->verify(wrongPin); // the fourth is not heard: the third started a wait
    QTRY_COMPARE_WITH_TIMEOUT(lockedOut.count(), 2, keyringTimeoutMs);
    m_clock->advanceMs(5'000);

    openDialog();
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Waiting);
    QCOMPARE(m_dialog->message(), QStringLiteral("Too many wrong PINs. Try again in 25 seconds."));
}

void TestManagerPinDialog::escapeCancels()
{
    setPinBeforehand();
    openDialog();
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QVERIFY(rejected.isValid());
    type(QStringLiteral("48"));
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
}

void TestManagerPinDialog::theCancelButtonCancels()
{
    openDialog();
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QVERIFY(rejected.isValid());
    QTest::mouseClick(m_dialog->cancelButton(), Qt::LeftButton);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(m_pin->status(), ManagerPin::Status::NotSet); // nothing was set
}

void TestManagerPinDialog::cancelledWhileCheckingStaysCancelled()
{
    setPinBeforehand();
    openDialog();
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    QSignalSpy unlocked(m_pin.get(), &ManagerPin::unlocked);
    QVERIFY(unlocked.isValid());
    type(thePin);
    QTest::keyClick(m_dialog.get(), Qt::Key_Return);
    QVERIFY(m_dialog->isBusy());
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(unlocked.wait(keyringTimeoutMs)); // the right PIN, answered after the manager left
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
}

void TestManagerPinDialog::keysAreTouchSized()
{
    openDialog();
    QList<QPushButton *> keys {m_dialog->eraseButton(), m_dialog->okButton()};
    for (int digit = 0; digit <= 9; ++digit)
        keys.append(m_dialog->digitButton(digit));
    for (const QPushButton *key : std::as_const(keys)) {
        QVERIFY2(key->height() >= DialogParts::touchHeight, qPrintable(key->text()));
        QVERIFY2(key->width() >= DialogParts::touchHeight, qPrintable(key->text()));
        QCOMPARE(key->focusPolicy(), Qt::NoFocus); // Enter never presses a key by accident
    }
    QVERIFY(m_dialog->cancelButton()->height() >= DialogParts::touchHeight);
    // At the dialog's smallest (the offscreen screen is small), no key is squeezed over another.
    m_dialog->resize(m_dialog->minimumSize());
    QTRY_COMPARE(m_dialog->size(), m_dialog->minimumSize());
    for (const QPushButton *key : std::as_const(keys)) {
        QVERIFY2(key->height() >= key->minimumHeight(), qPrintable(key->text()));
        for (const QPushButton *other : std::as_const(keys))
            QVERIFY2(key == other || !key->geometry().intersects(other->geometry()),
                     qPrintable(key->text() + u' ' + other->text()));
    }
    saveScreenshot(*m_dialog, QStringLiteral("managerpindialog-choose"));
}

void TestManagerPinDialog::aChangeAsksForTheCurrentPinFirst()
{
    setPinBeforehand();
    openDialog(ManagerPinDialog::Purpose::Change);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Unlock);
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Change the manager PIN"));
    QCOMPARE(m_dialog->prompt(), QStringLiteral("Enter the current manager PIN."));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());

    enter(thePin);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->mode(), ManagerPinDialog::Mode::Choose, keyringTimeoutMs);
    QCOMPARE(accepted.count(), 0); // the right current PIN is only the first step
    QCOMPARE(m_dialog->prompt(), QStringLiteral("Choose the new manager PIN, of 4 to 8 digits."));
    enter(newPin);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Confirm);
    QCOMPARE(m_dialog->prompt(), QStringLiteral("Enter the new PIN again to confirm it."));
    saveScreenshot(*m_dialog, QStringLiteral("managerpindialog-change"));
    enter(newPin);
    QVERIFY(m_dialog->isBusy());
    QVERIFY(accepted.wait(keyringTimeoutMs));

    QVERIFY(!opens(thePin));
    QVERIFY(opens(newPin));
}

void TestManagerPinDialog::aChangeToTheSamePinIsRefused()
{
    setPinBeforehand();
    openDialog(ManagerPinDialog::Purpose::Change);
    enter(thePin);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->mode(), ManagerPinDialog::Mode::Choose, keyringTimeoutMs);
    enter(thePin);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Choose);
    QCOMPARE(m_dialog->message(),
             QStringLiteral("The new PIN is the same as the current one; choose another."));
}

void TestManagerPinDialog::aChangeWhoseEntriesDifferSaysSo()
{
    setPinBeforehand();
    openDialog(ManagerPinDialog::Purpose::Change);
    enter(thePin);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->mode(), ManagerPinDialog::Mode::Choose, keyringTimeoutMs);
    enter(newPin);
    enter(QStringLiteral("902714"));
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Choose);
    QCOMPARE(m_dialog->message(), QStringLiteral("The two PINs differ. Choose the new PIN again."));
    QVERIFY(!m_dialog->isBusy()); // nothing was sent to be saved
    // Still past the current PIN: the right pair now changes it.
    enter(newPin);
    enter(newPin);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    QVERIFY(accepted.wait(keyringTimeoutMs));
    QVERIFY(opens(newPin));
}

void TestManagerPinDialog::wrongCurrentPinsMakeAChangeWait()
{
    setPinBeforehand();
    openDialog(ManagerPinDialog::Purpose::Change);
    enter(wrongPin);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->message(),
                              QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."),
                              keyringTimeoutMs);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Unlock);
    enter(wrongPin);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->message(),
                              QStringLiteral("Wrong PIN. 1 try left before a 30-second wait."),
                              keyringTimeoutMs);
    enter(wrongPin);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->mode(), ManagerPinDialog::Mode::Waiting, keyringTimeoutMs);
    QCOMPARE(m_dialog->message(), QStringLiteral("Too many wrong PINs. Try again in 30 seconds."));
    QCOMPARE(m_dialog->prompt(), QStringLiteral("Enter the current manager PIN."));
    QVERIFY(m_pin->isLockedOut());
}

void TestManagerPinDialog::aChangeWithNoPinSetSetsOne()
{
    openDialog(ManagerPinDialog::Purpose::Change);
    QCOMPARE(m_dialog->mode(), ManagerPinDialog::Mode::Choose);
    QVERIFY(m_dialog->prompt().startsWith(QStringLiteral("No manager PIN is set")));
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    enter(newPin);
    enter(newPin);
    QVERIFY(accepted.wait(keyringTimeoutMs));
    QCOMPARE(m_pin->status(), ManagerPin::Status::Set);
    QVERIFY(opens(newPin));
}

QTEST_MAIN(TestManagerPinDialog)
#include "tst_managerpindialog.moc"
