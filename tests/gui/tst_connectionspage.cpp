// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's Connections page over a console linked to a real hub (127.0.0.1): it names the
// platform and says, in words, whether the platform takes a manager's word from this console,
// following the hub's grant as the welcome brings it.
#include "dashboard/connectionspage.h"
#include "hub/submitter.h"
#include "synctestbed.h"

#include "sync/historybackfill.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString storeId = QStringLiteral("store-c");
const QString consoleId = QStringLiteral("office");
} // namespace

class TestConnectionsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void withoutTheRightTheCommandThatGrantsItIsNamed();
    void withTheRightTheManagersWordStands();
    void changeThePosAsks();
    void olderHistoryIsShownUntilItIsAllHere();

private:
    void linkConsole(bool managerGranted);

    SystemClock m_clock;
    std::unique_ptr<SyncTest::HubBed> m_hub;
    std::unique_ptr<SyncTest::Console> m_console;
    std::unique_ptr<ConnectionsPage> m_page;
};

void TestConnectionsPage::init()
{
    m_hub = std::make_unique<SyncTest::HubBed>(m_clock);
    QVERIFY(m_hub->start({{storeId, {consoleId}}}));
}

void TestConnectionsPage::cleanup()
{
    m_page.reset();
    m_console.reset();
    m_hub.reset();
}

void TestConnectionsPage::linkConsole(bool managerGranted)
{
    QVERIFY(m_hub->records().credentials().setRight(storeId, consoleId, Submitter::managerRight,
                                                   managerGranted));
    m_console = m_hub->console(storeId, consoleId);
    m_page = std::make_unique<ConnectionsPage>(m_console->session());
    m_page->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_console->isLive(), 10'000);
    QTRY_COMPARE(m_console->engine().channels().mayActAsManager(), managerGranted);
}

void TestConnectionsPage::withoutTheRightTheCommandThatGrantsItIsNamed()
{
    linkConsole(false);
    QVERIFY2(m_page->platformText().contains(m_hub->url().toDisplayString()),
             qPrintable(m_page->platformText()));
    QVERIFY(m_page->platformText().contains(consoleId));
    QTRY_VERIFY(m_page->managerText().contains(
            QStringLiteral("order-hub --grant-manager %1:%2").arg(storeId, consoleId)));
    QVERIFY(m_page->posText().contains(QStringLiteral("No POS")));
}

void TestConnectionsPage::withTheRightTheManagersWordStands()
{
    linkConsole(true);
    QTRY_VERIFY2(m_page->managerText().contains(QStringLiteral("stand")),
                 qPrintable(m_page->managerText()));
    QVERIFY(!m_page->managerText().contains(QStringLiteral("--grant-manager")));
}

void TestConnectionsPage::changeThePosAsks()
{
    linkConsole(false);
    QSignalSpy asked(m_page.get(), &ConnectionsPage::posSettingsRequested);
    QVERIFY(asked.isValid());
    QTest::mouseClick(m_page->changePosButton(), Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
    // The way back to the setup (pairing, store, station) is here too, behind the same PIN.
    QSignalSpy setup(m_page.get(), &ConnectionsPage::setupRequested);
    QVERIFY(setup.isValid());
    QTest::mouseClick(m_page->setupButton(), Qt::LeftButton);
    QCOMPARE(setup.count(), 1);
    QCOMPARE(asked.count(), 1);
}

// A console that started from a snapshot says how much of the older history has arrived, while
// it arrives, and then that it is all here; one that did not says nothing of it.
void TestConnectionsPage::olderHistoryIsShownUntilItIsAllHere()
{
    linkConsole(false);
    QVERIFY(m_page->historyText().isEmpty()); // the store had no history: nothing to fetch
    m_page.reset();
    m_console.reset();

    m_hub->seedHistory(storeId, 200, 2);
    SyncTest::ConsoleOptions options;
    options.historyPageEvents = 100;
    m_console = m_hub->console(storeId, consoleId, options);
    m_page = std::make_unique<ConnectionsPage>(m_console->session());
    m_page->show();
    const HistoryBackfill &history = m_console->history();
    QString whileArriving;
    QObject scope;
    connect(&history, &HistoryBackfill::progressChanged, &scope, [&] {
        if (whileArriving.isEmpty() && history.storedThrough() > 0)
            whileArriving = m_page->historyText();
    });
    QTRY_VERIFY_WITH_TIMEOUT(!history.isIncomplete() && !whileArriving.isEmpty(), 30'000);
    QVERIFY2(whileArriving.contains(QStringLiteral("still arriving")), qPrintable(whileArriving));
    const QRegularExpression somePercent(QStringLiteral("\\b([1-9]|[1-9][0-9]) %"));
    QVERIFY2(somePercent.match(whileArriving).hasMatch(), qPrintable(whileArriving));
    QTRY_VERIFY2(m_page->historyText().contains(QStringLiteral("whole order history")),
                 qPrintable(m_page->historyText()));
}

QTEST_MAIN(TestConnectionsPage)
#include "tst_connectionspage.moc"
