// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's store page over a real console: each action is an event in the log with the
// manager as its actor, and what the state machine refuses is said in words. The manager PIN is
// changed here over a real keyring: ctest runs it under with-keyring.sh.
#include "dashboard/managerpindialog.h"
#include "dashboard/storecontrolspage.h"
#include "engine/storepause.h"
#include "guitestsupport.h"
#include "pintestbed.h"
#include "screenshots.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {
constexpr int keyringTimeoutMs = PinTestBed::keyringTimeoutMs;
const Actor manager = Actor::manager(QStringLiteral("test-console"));
const QString reason = QStringLiteral("Customer called to cancel");
const QString thePin = QStringLiteral("480516");
const QString newPin = QStringLiteral("902713");
const QString wrongPin = QStringLiteral("5062");
} // namespace

class TestStoreControlsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pauseAndResumeAreTheManagersEvents();
    void cancelAnOpenOrderWithAReason();
    void refundAPickedUpOrder();
    void whatTheStateMachineRefusesIsSaid();
    void nothingWithoutANumberAndAReason();
    void anUnknownNumberIsSaid();
    void changeThePinBehindTheCurrentOne();
    void aWrongCurrentPinIsRefusedAndCounted();
    void cancellingLeavesThePinUnchanged();

private:
    void endOrder(const QString &number, QPushButton *button);
    ManagerPinDialog *pinDialog() const;
    ManagerPinDialog *startChange();
    void typeInto(ManagerPinDialog *dialog, const QString &digits);
    /** Whether pin opens now: unlocked(), or false for any other answer. */
    bool opens(const QString &pin);

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<PinTestBed> m_pins;
    ManagerPin *m_pin = nullptr;
    std::unique_ptr<StoreControlsPage> m_page;
};

void TestStoreControlsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(PinTestBed::hasSandboxKeyring(),
             "run through tests/support/with-keyring.sh (ctest does), which starts a keyring");
}

void TestStoreControlsPage::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    // One keyring serves every test function: each has a store of its own.
    m_pins = std::make_unique<PinTestBed>(m_fixture->clock());
    QVERIFY(m_pins->isValid());
    m_pin = &m_pins->pin();
    m_page = std::make_unique<StoreControlsPage>(m_fixture->session(), manager, *m_pin);
    m_page->show();
}

void TestStoreControlsPage::cleanup()
{
    screenshotOnFailure(m_page.get());
    m_page.reset();
    m_pin = nullptr;
    m_pins.reset();
    m_fixture.reset();
}

ManagerPinDialog *TestStoreControlsPage::pinDialog() const
{
    return m_page->findChild<ManagerPinDialog *>();
}

// The PIN set, Change PIN… pressed, and the dialog asking for the current PIN; null if not.
ManagerPinDialog *TestStoreControlsPage::startChange()
{
    QSignalSpy set(m_pin, &ManagerPin::pinSet);
    if (!set.isValid())
        return nullptr;
    m_pin->setPin(thePin);
    if (!set.wait(keyringTimeoutMs))
        return nullptr;
    QTest::mouseClick(m_page->changePinButton(), Qt::LeftButton);
    ManagerPinDialog *dialog = pinDialog();
    const bool asking = dialog && QTest::qWaitFor([dialog] {
        return dialog->mode() == ManagerPinDialog::Mode::Unlock;
    }, keyringTimeoutMs);
    return asking ? dialog : nullptr;
}

void TestStoreControlsPage::typeInto(ManagerPinDialog *dialog, const QString &digits)
{
    QTest::keyClicks(dialog, digits);
    QTest::keyClick(dialog, Qt::Key_Return);
}

bool TestStoreControlsPage::opens(const QString &pin)
{
    QSignalSpy unlocked(m_pin, &ManagerPin::unlocked);
    QSignalSpy refused(m_pin, &ManagerPin::refused);
    QSignalSpy failed(m_pin, &ManagerPin::failed);
    if (!unlocked.isValid() || !refused.isValid() || !failed.isValid())
        return false;
    m_pin->verify(pin);
    const bool answered = QTest::qWaitFor(
        [&] { return unlocked.count() + refused.count() + failed.count() > 0; }, keyringTimeoutMs);
    return answered && unlocked.count() == 1;
}

void TestStoreControlsPage::endOrder(const QString &number, QPushButton *button)
{
    QTest::keyClicks(m_page->orderField(), number);
    QTest::keyClicks(m_page->reasonField(), reason);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestStoreControlsPage::pauseAndResumeAreTheManagersEvents()
{
    QCOMPARE(m_page->pauseState(), QStringLiteral("Taking orders."));
    QVERIFY(!m_page->resumeButton()->isEnabled());
    QTest::mouseClick(m_page->pauseButton(30), Qt::LeftButton);
    QVERIFY(m_fixture->session().storePause().isPaused());
    QCOMPARE(m_fixture->session().storePause().pausedUntil(),
             m_fixture->clock().nowMs() + 30 * 60 * 1000);
    QVERIFY(m_page->pauseState().startsWith(QStringLiteral("Paused until")));
    m_page->resize(1000, 600);
    QVERIFY(!saveScreenshot(*m_page, QStringLiteral("store-controls")).isEmpty());
    std::optional<OrderEvent> last = m_fixture->store().lastStoreEvent();
    QVERIFY(last);
    QCOMPARE(last->kind, EventKind::StorePaused);
    QCOMPARE(last->actor, manager);

    QVERIFY(m_page->resumeButton()->isEnabled());
    QTest::mouseClick(m_page->resumeButton(), Qt::LeftButton);
    QVERIFY(!m_fixture->session().storePause().isPaused());
    last = m_fixture->store().lastStoreEvent();
    QCOMPARE(last->kind, EventKind::StoreResumed);
    QCOMPARE(last->actor, manager);
    QCOMPARE(m_page->pauseState(), QStringLiteral("Taking orders."));
}

void TestStoreControlsPage::cancelAnOpenOrderWithAReason()
{
    const Order order = m_fixture->place();
    endOrder(order.number, m_page->cancelButton());
    const std::optional<Order> after = m_fixture->store().order(order.id);
    QVERIFY(after);
    QCOMPARE(after->state, OrderState::Cancelled);
    const OrderEvent last = m_fixture->store().events(order.id).constLast();
    QCOMPARE(last.actor, manager);
    QCOMPARE(last.reason, reason);
    QVERIFY(m_page->message().contains(QStringLiteral("cancelled")));
    QVERIFY(m_page->orderField()->text().isEmpty());
}

void TestStoreControlsPage::refundAPickedUpOrder()
{
    const Order order = m_fixture->place(OrderType::Pickup);
    OrderEngine &engine = m_fixture->engine();
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    TransitionDetails promise;
    promise.promisedAt = m_fixture->clock().nowMs() + 15 * 60 * 1000;
    QVERIFY(engine.transition(order.id, OrderState::Accepted, cook, promise).ok);
    QVERIFY(engine.transition(order.id, OrderState::Preparing, cook).ok);
    QVERIFY(engine.transition(order.id, OrderState::Ready, cook).ok);
    QVERIFY(engine.transition(order.id, OrderState::PickedUp, cook).ok);
    endOrder(order.number, m_page->refundButton());
    QCOMPARE(m_fixture->store().order(order.id)->state, OrderState::Refunded);
    QCOMPARE(m_fixture->store().events(order.id).constLast().actor, manager);
}

void TestStoreControlsPage::whatTheStateMachineRefusesIsSaid()
{
    const Order order = m_fixture->place();
    endOrder(order.number, m_page->refundButton()); // a new order cannot be refunded
    QCOMPARE(m_fixture->store().order(order.id)->state, OrderState::Placed);
    QVERIFY(!m_page->message().isEmpty());
    QVERIFY(!m_page->message().contains(QStringLiteral("refunded:")));
}

void TestStoreControlsPage::nothingWithoutANumberAndAReason()
{
    QVERIFY(!m_page->cancelButton()->isEnabled());
    QTest::keyClicks(m_page->orderField(), QStringLiteral("12"));
    QVERIFY(!m_page->cancelButton()->isEnabled());
    QTest::keyClicks(m_page->reasonField(), QStringLiteral("   "));
    QVERIFY(!m_page->refundButton()->isEnabled());
    QTest::keyClicks(m_page->reasonField(), QStringLiteral("x"));
    QVERIFY(m_page->refundButton()->isEnabled());
}

void TestStoreControlsPage::anUnknownNumberIsSaid()
{
    endOrder(QStringLiteral("999"), m_page->cancelButton());
    QVERIFY(m_page->message().contains(QStringLiteral("No order #999")));
}

void TestStoreControlsPage::changeThePinBehindTheCurrentOne()
{
    QSignalSpy set(m_pin, &ManagerPin::pinSet);
    QVERIFY(set.isValid());
    m_pin->setPin(thePin);
    QVERIFY(set.wait(keyringTimeoutMs));

    QVERIFY(!pinDialog());
    QTest::mouseClick(m_page->changePinButton(), Qt::LeftButton);
    ManagerPinDialog *dialog = pinDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->purpose(), ManagerPinDialog::Purpose::Change);
    QTest::mouseClick(m_page->changePinButton(), Qt::LeftButton); // no second dialog
    QCOMPARE(m_page->findChildren<ManagerPinDialog *>().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->mode(), ManagerPinDialog::Mode::Unlock, keyringTimeoutMs);
    QCOMPARE(dialog->prompt(), QStringLiteral("Enter the current manager PIN."));
    typeInto(dialog, thePin);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->mode(), ManagerPinDialog::Mode::Choose, keyringTimeoutMs);
    typeInto(dialog, newPin);
    QCOMPARE(dialog->mode(), ManagerPinDialog::Mode::Confirm);
    typeInto(dialog, newPin);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->message(),
        QStringLiteral("The manager PIN is changed; it opens the dashboard from now on."),
        keyringTimeoutMs);
    QTRY_VERIFY(!pinDialog()); // accepted, and gone

    QVERIFY(!opens(thePin));
    QVERIFY(opens(newPin));
}

void TestStoreControlsPage::aWrongCurrentPinIsRefusedAndCounted()
{
    ManagerPinDialog *dialog = startChange();
    QVERIFY(dialog);
    typeInto(dialog, wrongPin);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->message(),
                              QStringLiteral("Wrong PIN. 2 tries left before a 30-second wait."),
                              keyringTimeoutMs);
    QCOMPARE(dialog->mode(), ManagerPinDialog::Mode::Unlock); // not on to a new PIN
    QCOMPARE(m_pin->wrongPinsInARow(), 1);
    QVERIFY(opens(thePin)); // unchanged
}

void TestStoreControlsPage::cancellingLeavesThePinUnchanged()
{
    ManagerPinDialog *dialog = startChange();
    QVERIFY(dialog);
    typeInto(dialog, thePin);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->mode(), ManagerPinDialog::Mode::Choose, keyringTimeoutMs);
    typeInto(dialog, newPin);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QCOMPARE(m_page->message(), QStringLiteral("The manager PIN is unchanged."));
    QTRY_VERIFY(!pinDialog());
    QVERIFY(opens(thePin));
}

QTEST_MAIN(TestStoreControlsPage)
#include "tst_storecontrolspage.moc"
