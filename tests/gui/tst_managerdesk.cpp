// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The way a manager comes in from the board: F9 (or the header's button) raises the PIN gate,
// and only the right PIN opens the dashboard. A real keyring: ctest runs it under with-keyring.sh.
#include "board/boardview.h"
#include "boardwindow.h"
#include "dashboard/connectionspage.h"
#include "dashboard/dashboardwindow.h"
#include "dashboard/managerdesk.h"
#include "dashboard/managerpindialog.h"
#include "dashboard/storecontrolspage.h"
#include "pintestbed.h"
#include "settings/settingsdialog.h"
#include "store/outbox.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

namespace {
constexpr int keyringTimeoutMs = PinTestBed::keyringTimeoutMs;
const QString thePin = QStringLiteral("2580");
const QString newPin = QStringLiteral("6049");
} // namespace

class TestManagerDesk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theRightPinOpensTheDashboard();
    void aWrongPinKeepsItShut();
    void theHeadersButtonAsksToo();
    void anOpenDashboardComesForwardWithoutThePin();
    void theStorePageChangesThePinForTheNextOpening();
    void thePosSettingsAreBehindThePin();
    void aPosChangeIsTheManagersRecord();

private:
    ManagerPinDialog *gate() const;
    DashboardWindow *dashboard() const;
    void enterPin(const QString &digits);

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<PinTestBed> m_pins;
    ManagerPin *m_pin = nullptr;
    std::unique_ptr<MainWindow> m_board;
    std::unique_ptr<ManagerDesk> m_desk;
};

void TestManagerDesk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(PinTestBed::hasSandboxKeyring(),
             "run through tests/support/with-keyring.sh (ctest does), which starts a keyring");
}

void TestManagerDesk::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_pins = std::make_unique<PinTestBed>(m_fixture->clock());
    QVERIFY(m_pins->isValid());
    m_pin = &m_pins->pin();
    QVERIFY(m_pins->setPin(thePin));
    m_board = showBoardWindow(*m_fixture, QSize(1024, 768));
    m_desk = std::make_unique<ManagerDesk>(m_fixture->session(), *m_board, *m_pin);
}

void TestManagerDesk::cleanup()
{
    m_desk.reset();
    m_board.reset();
    m_pin = nullptr;
    m_pins.reset();
    m_fixture.reset();
}

ManagerPinDialog *TestManagerDesk::gate() const
{
    return m_board->findChild<ManagerPinDialog *>();
}

DashboardWindow *TestManagerDesk::dashboard() const
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<DashboardWindow *>(widget); window && window->isVisible())
            return window;
    }
    return nullptr;
}

void TestManagerDesk::enterPin(const QString &digits)
{
    ManagerPinDialog *dialog = gate();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->mode(), ManagerPinDialog::Mode::Unlock, keyringTimeoutMs);
    m_fixture->keyPace(); // the board's filter takes a second Enter at once as a bounce
    QTest::keyClicks(dialog, digits);
    QTest::keyClick(dialog, Qt::Key_Return);
}

void TestManagerDesk::theRightPinOpensTheDashboard()
{
    QTest::keyClick(m_board->board(), Qt::Key_F9);
    QVERIFY(gate());
    QVERIFY(!dashboard());
    enterPin(thePin);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard(), keyringTimeoutMs);
    QTRY_VERIFY(!gate());
    auto *tabs = dashboard()->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QStringList pages;
    for (int i = 0; i < tabs->count(); ++i)
        pages << tabs->tabText(i);
    QCOMPARE(pages, (QStringList{QStringLiteral("Overview"), QStringLiteral("Late and stuck"),
                                 QStringLiteral("Sync health"), QStringLiteral("Dead letters"),
                                 QStringLiteral("Store"), QStringLiteral("Store rules"),
                                 QStringLiteral("Connections")}));
}

// The POS connection is a manager's: the board's settings key leaves it out, and the dashboard's
// Connections page opens it over the board.
void TestManagerDesk::thePosSettingsAreBehindThePin()
{
    m_board->setPosSetup(m_pins->settings(), m_pins->credentials());
    QTest::keyClick(m_board->board(), Qt::Key_F10);
    SettingsDialog *settings = nullptr;
    QTRY_VERIFY((settings = m_board->findChild<SettingsDialog *>()));
    QVERIFY(!settings->posPage());
    settings->reject();
    QTRY_VERIFY(!m_board->findChild<SettingsDialog *>());

    QTest::keyClick(m_board->board(), Qt::Key_F9);
    enterPin(thePin);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard(), keyringTimeoutMs);
    auto *connections = dashboard()->findChild<ConnectionsPage *>();
    QVERIFY(connections);
    QVERIFY2(connections->posText().contains(QStringLiteral("No POS")),
             qPrintable(connections->posText()));
    QVERIFY(connections->platformText().contains(QStringLiteral("No platform")));
    QTest::mouseClick(connections->changePosButton(), Qt::LeftButton);
    QTRY_VERIFY((settings = m_board->findChild<SettingsDialog *>()));
    QVERIFY(settings->posPage());
    QVERIFY(settings->posPage()->isVisible()); // opened on the POS page
    settings->reject();
}

void TestManagerDesk::aWrongPinKeepsItShut()
{
    QTest::keyClick(m_board->board(), Qt::Key_F9);
    enterPin(QStringLiteral("1397"));
    QTRY_VERIFY_WITH_TIMEOUT(gate()->message().contains(QStringLiteral("Wrong PIN")),
                             keyringTimeoutMs);
    QVERIFY(!dashboard());
    QTest::keyClick(gate(), Qt::Key_Escape);
    QTRY_VERIFY(!gate());
    QVERIFY(!dashboard());
}

void TestManagerDesk::theHeadersButtonAsksToo()
{
    auto *button = m_board->findChild<QToolButton *>(QStringLiteral("managerButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(gate());
    QTest::mouseClick(button, Qt::LeftButton); // a second press raises no second gate
    QCOMPARE(m_board->findChildren<ManagerPinDialog *>().size(), 1);
}

void TestManagerDesk::anOpenDashboardComesForwardWithoutThePin()
{
    QTest::keyClick(m_board->board(), Qt::Key_F9);
    enterPin(thePin);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard(), keyringTimeoutMs);
    QTRY_VERIFY(!gate());
    m_desk->open();
    QVERIFY(!gate());
    dashboard()->close();
    QVERIFY(!dashboard());
    m_desk->open(); // closed: the PIN again
    QVERIFY(gate());
}

void TestManagerDesk::theStorePageChangesThePinForTheNextOpening()
{
    QTest::keyClick(m_board->board(), Qt::Key_F9);
    enterPin(thePin);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard(), keyringTimeoutMs);
    QTRY_VERIFY(!gate());
    auto *page = dashboard()->findChild<StoreControlsPage *>();
    QVERIFY(page);
    QTest::mouseClick(page->changePinButton(), Qt::LeftButton);
    auto *change = page->findChild<ManagerPinDialog *>();
    QVERIFY(change);
    // An open dashboard is not enough: the current PIN first.
    QTRY_COMPARE_WITH_TIMEOUT(change->mode(), ManagerPinDialog::Mode::Unlock, keyringTimeoutMs);
    QTest::keyClicks(change, thePin);
    QTest::keyClick(change, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(change->mode(), ManagerPinDialog::Mode::Choose, keyringTimeoutMs);
    for (int i = 0; i < 2; ++i) {
        QTest::keyClicks(change, newPin);
        QTest::keyClick(change, Qt::Key_Return);
    }
    QTRY_VERIFY_WITH_TIMEOUT(page->message().startsWith(QStringLiteral("The manager PIN is "
                                                                       "changed")),
                             keyringTimeoutMs);
    dashboard()->close();

    m_desk->open();
    enterPin(thePin); // the old one no longer opens
    QTRY_VERIFY2_WITH_TIMEOUT(gate()->message().contains(QStringLiteral("Wrong PIN")),
                              qPrintable(gate()->message()), keyringTimeoutMs);
    QVERIFY(!dashboard());
    enterPin(newPin);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard(), keyringTimeoutMs);
}

// A saved POS change (only the dashboard opens that page) is in the audit trail as the
// manager's: vendor and location, never a secret, and never sent on to the platform.
void TestManagerDesk::aPosChangeIsTheManagersRecord()
{
    PosSettings square;
    square.vendor = QStringLiteral("square");
    square.locationId = QStringLiteral("LOC-7");
    Q_EMIT m_board->posSettingsChanged(square);
    const std::optional<OrderEvent> recorded =
            m_fixture->store().lastStoreEvent({EventKind::PosConnectionChanged});
    QVERIFY(recorded);
    QCOMPARE(recorded->actor.role, ActorRole::Manager);
    QCOMPARE(recorded->payload.value(QStringLiteral("vendor")).toString(), square.vendor);
    QCOMPARE(recorded->payload.value(QStringLiteral("location")).toString(), square.locationId);
    QCOMPARE(Outbox(m_fixture->store()).pendingCount(QStringLiteral("platform")), 0);
}

QTEST_MAIN(TestManagerDesk)
#include "tst_managerdesk.moc"
