// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's store page over a real console: each action is an event in the log with the
// manager as its actor, and what the state machine refuses is said in words.
#include "dashboard/storecontrolspage.h"
#include "engine/storepause.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

namespace {
const Actor manager = Actor::manager(QStringLiteral("test-console"));
const QString reason = QStringLiteral("Customer called to cancel");
} // namespace

class TestStoreControlsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pauseAndResumeAreTheManagersEvents();
    void cancelAnOpenOrderWithAReason();
    void refundAPickedUpOrder();
    void whatTheStateMachineRefusesIsSaid();
    void nothingWithoutANumberAndAReason();
    void anUnknownNumberIsSaid();

private:
    void endOrder(const QString &number, QPushButton *button);

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<StoreControlsPage> m_page;
};

void TestStoreControlsPage::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_page = std::make_unique<StoreControlsPage>(m_fixture->session(), manager);
    m_page->show();
}

void TestStoreControlsPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
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

QTEST_MAIN(TestStoreControlsPage)
#include "tst_storecontrolspage.moc"
