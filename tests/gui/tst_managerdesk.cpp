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
#include "security/credentialstore.h"
#include "security/managerpin.h"
#include "security/pinhash.h"
#include "store/outbox.h"
#include "settings/settingsdialog.h"

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {
constexpr int keyringTimeoutMs = 15000;
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

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ManagerPin> m_pin;
    std::unique_ptr<MainWindow> m_board;
    std::unique_ptr<ManagerDesk> m_desk;
};

void TestManagerDesk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(qEnvironmentVariableIsSet("KC_KEYRING_SANDBOX"),
             "run through tests/support/with-keyring.sh (ctest does), which starts a keyring");
}

void TestManagerDesk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_credentials = std::make_unique<CredentialStore>(QStringLiteral("kitchen-console-test"));
    m_pin = std::make_unique<ManagerPin>(*m_credentials, *m_settings,
                                         QUuid::createUuid().toString(QUuid::WithoutBraces),
                                         m_fixture->clock());
    m_pin->setIterations(PinHash::minIterations);
    QSignalSpy set(m_pin.get(), &ManagerPin::pinSet);
    QVERIFY(set.isValid());
    m_pin->setPin(thePin);
    QVERIFY(set.wait(keyringTimeoutMs));
    m_board = showBoardWindow(*m_fixture, QSize(1024, 768));
    m_desk = std::make_unique<ManagerDesk>(m_fixture->session(), *m_board, *m_pin);
}

void TestManagerDesk::cleanup()
{
    m_desk.reset();
    m_board.reset();
    m_pin.reset();
    m_credentials.reset();
    m_settings.reset();
    m_fixture.reset();
    m_dir.reset();
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
    m_board->setPosSetup(*m_settings, *m_credentials);
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
