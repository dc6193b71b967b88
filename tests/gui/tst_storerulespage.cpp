// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's store rules over a real console and its board: saving is the manager's event
// in the log, the board follows at once, what breaks a rule is said, and a change another console
// made is shown without overwriting what the manager is editing.
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/ticketdelegate.h"
#include "dashboard/namelisteditor.h"
#include "dashboard/routelisteditor.h"
#include "dashboard/storerulespage.h"
#include "engine/storepolicybook.h"
#include "guitestsupport.h"
#include "order/storepolicycodec.h"
#include "screenshots.h"
#include "settings/boardsettings.h"
#include "storetestsupport.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {
const Actor manager = Actor::manager(QStringLiteral("test-console"));
} // namespace

class TestStoreRulesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void savedRulesAreTheManagersEventAndTheBoardFollows();
    void whatBreaksARuleIsSaidAndNothingIsSaved();
    void undoPutsTheStoresRulesBack();
    void anotherConsolesChangeShowsUnlessSomethingIsBeingEdited();
    void aStationTheStoreDropsShowsExpo();
    void routesAreEditedInOrderAndSaved();
    void theSettingsFileFollowsTheStoresRules();
    void aRouteToAStationRemovedIsMarkedAndNotSaved();
    void fitsBothScreens();

private:
    QSpinBox *spin(const char *name) const
    {
        return m_page->findChild<QSpinBox *>(QLatin1String(name));
    }
    QList<OrderEvent> policyEvents() const;
    void changeAtConsole2(const StorePolicy &policy);

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<StoreRulesPage> m_page;
};

void TestStoreRulesPage::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    m_page = std::make_unique<StoreRulesPage>(m_fixture->session().storePolicy(), manager);
    m_page->resize(1024, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestStoreRulesPage::cleanup()
{
    screenshotOnFailure(m_page.get());
    m_page.reset();
    m_window.reset();
    m_fixture.reset();
}

QList<OrderEvent> TestStoreRulesPage::policyEvents() const
{
    QList<OrderEvent> events;
    for (const OrderEvent &event : m_fixture->store().allEvents()) {
        if (event.kind == EventKind::StorePolicyChanged)
            events.append(event);
    }
    return events;
}

void TestStoreRulesPage::changeAtConsole2(const StorePolicy &policy)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.storeId = QStringLiteral("store-1");
    event.kind = EventKind::StorePolicyChanged;
    event.actor = Actor::manager(QStringLiteral("console-2"));
    event.origin = QStringLiteral("console-2");
    event.occurredAt = m_fixture->clock().nowMs();
    event.payload = {{QStringLiteral("policy"), StorePolicyCodec::toJson(policy)}};
    QVERIFY(m_fixture->store().appendIncoming(StoreTest::incoming(event)).committed());
    m_fixture->session().storePolicy().restore(); // as after an incoming burst
}

void TestStoreRulesPage::savedRulesAreTheManagersEventAndTheBoardFollows()
{
    QVERIFY(!m_page->saveButton()->isEnabled()); // nothing to save yet
    spin("late_after_minutes")->setValue(4); // amber (8) follows it down, to stay below
    QCOMPARE(spin("warn_after_minutes")->value(), 3);
    NameListEditor *stations = m_page->stations();
    QTest::keyClicks(stations->entry(), QStringLiteral("wok"));
    QTest::keyClick(stations->entry(), Qt::Key_Return);
    QCOMPARE(stations->names().constLast(), QStringLiteral("wok"));
    QVERIFY(m_page->saveButton()->isEnabled());
    QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
    QVERIFY2(m_page->message().startsWith(QStringLiteral("Saved")), qPrintable(m_page->message()));
    QVERIFY(!m_page->saveButton()->isEnabled());

    const QList<OrderEvent> events = policyEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().actor, manager);
    const StorePolicy logged = *StorePolicyCodec::fromJson(
            events.constFirst().payload.value(QStringLiteral("policy")).toObject()).toOptional();
    QCOMPARE(logged.warnAfterMinutes, 3);
    QCOMPARE(logged.lateAfterMinutes, 4);
    QVERIFY(logged.stations.contains(QStringLiteral("wok")));
    QVERIFY(m_page->lastChangeText().contains(manager.toString()));

    // The board follows at once: the late colour and the stations it cycles through.
    QCOMPARE(m_window->options().policy.stations, logged.stations);
    const TicketStyle &style = m_window->board()->ticketDelegate()->ticketStyle();
    QCOMPARE(style.lateAgeMs, 4 * 60 * 1000);
}

void TestStoreRulesPage::whatBreaksARuleIsSaidAndNothingIsSaved()
{
    NameListEditor *stations = m_page->stations();
    while (!stations->names().isEmpty()) {
        stations->list()->setCurrentIndex(stations->list()->model()->index(0, 0));
        QTest::mouseClick(stations->removeButton(), Qt::LeftButton);
    }
    QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
    QVERIFY2(m_page->message().contains(QStringLiteral("Stations")), qPrintable(m_page->message()));
    QVERIFY(m_page->message().startsWith(QStringLiteral("Not saved")));
    QCOMPARE(policyEvents().size(), 0);
    QCOMPARE(m_window->options().policy.stations, StorePolicy().stations);
}

void TestStoreRulesPage::undoPutsTheStoresRulesBack()
{
    spin("default_prep_minutes")->setValue(40);
    QVERIFY(m_page->undoButton()->isEnabled());
    QTest::mouseClick(m_page->undoButton(), Qt::LeftButton);
    QCOMPARE(spin("default_prep_minutes")->value(), StorePolicy().defaultPrepMinutes);
    QVERIFY(!m_page->saveButton()->isEnabled());
    QCOMPARE(policyEvents().size(), 0);
}

void TestStoreRulesPage::anotherConsolesChangeShowsUnlessSomethingIsBeingEdited()
{
    StorePolicy fromConsole2;
    fromConsole2.warnAfterMinutes = 6;
    fromConsole2.lateAfterMinutes = 10;
    changeAtConsole2(fromConsole2);
    QCOMPARE(spin("warn_after_minutes")->value(), 6); // nothing edited: shown at once
    QVERIFY(m_page->lastChangeText().contains(QStringLiteral("console-2")));

    spin("default_prep_minutes")->setValue(25); // the manager is editing here
    fromConsole2.feedQuietMinutes = 9;
    changeAtConsole2(fromConsole2);
    QCOMPARE(spin("default_prep_minutes")->value(), 25); // the edit stays
    QCOMPARE(spin("feed_quiet_minutes")->value(), StorePolicy().feedQuietMinutes);
    QVERIFY2(m_page->message().contains(QStringLiteral("changed meanwhile")),
             qPrintable(m_page->message()));
    QCOMPARE(m_window->options().policy.feedQuietMinutes, 9); // the board follows the store
}

void TestStoreRulesPage::aStationTheStoreDropsShowsExpo()
{
    m_window->showStation(QStringLiteral("fry"));
    StorePolicy withoutFry;
    withoutFry.stations = {QStringLiteral("grill"), QStringLiteral("cold")};
    changeAtConsole2(withoutFry);
    QCOMPARE(m_window->station(), QString());
}

namespace {
void addRoute(RouteListEditor *routes, const QString &words, const QString &station)
{
    QTest::keyClicks(routes->words(), words);
    routes->stationBox()->setCurrentIndex(routes->stationBox()->findText(station));
    QTest::keyClick(routes->words(), Qt::Key_Return);
}

QString cellText(RouteListEditor *routes, int row, int column)
{
    const QAbstractItemModel *model = routes->table()->model();
    return model->data(model->index(row, column)).toString();
}
} // namespace

void TestStoreRulesPage::routesAreEditedInOrderAndSaved()
{
    RouteListEditor *routes = m_page->routes();
    QCOMPARE(routes->stationBox()->count(), StorePolicy().stations.size());
    addRoute(routes, QStringLiteral("fries"), QStringLiteral("fry"));
    addRoute(routes, QStringLiteral("sweet potato fries"), QStringLiteral("grill"));
    addRoute(routes, QStringLiteral("FRIES"), QStringLiteral("cold")); // the first would win
    QCOMPARE(routes->routes().size(), 2);
    QVERIFY(routes->words()->text() == QStringLiteral("FRIES")); // left for the cook to change

    // The longer words must come first to be of use: move them up.
    routes->table()->selectRow(1);
    QTest::mouseClick(routes->upButton(), Qt::LeftButton);
    QCOMPARE(cellText(routes, 0, 0), QStringLiteral("sweet potato fries"));
    QCOMPARE(cellText(routes, 0, 1), QStringLiteral("grill"));
    QVERIFY(m_page->saveButton()->isEnabled());
    QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
    QVERIFY2(m_page->message().startsWith(QStringLiteral("Saved")), qPrintable(m_page->message()));

    const QList<OrderEvent> events = policyEvents();
    QCOMPARE(events.size(), 1);
    const StorePolicy logged = *StorePolicyCodec::fromJson(
            events.constFirst().payload.value(QStringLiteral("policy")).toObject()).toOptional();
    const QList<StationRoute> expected {{QStringLiteral("sweet potato fries"), QStringLiteral("grill")},
                                        {QStringLiteral("fries"), QStringLiteral("fry")}};
    QCOMPARE(logged.routes, expected);
    QCOMPARE(m_page->routes()->routes(), expected); // shown back as the store holds them
}

void TestStoreRulesPage::theSettingsFileFollowsTheStoresRules()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("console.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(QStringLiteral("board/station"), QStringLiteral("wok"));
        BoardSettings::followStorePolicy(m_fixture->session().storePolicy(), settings,
                                         QStringLiteral("store-1"));
        StorePolicy fromConsole2;
        fromConsole2.stations = {QStringLiteral("grill"), QStringLiteral("wok")};
        fromConsole2.routes = {{QStringLiteral("noodle"), QStringLiteral("wok")}};
        changeAtConsole2(fromConsole2);
    }
    // At the next start, the file holds the store's rules, and the station added at another
    // console is still this screen's.
    QSettings reopened(path, QSettings::IniFormat);
    const BoardOptions next = BoardSettings::load(reopened, QStringLiteral("store-1"));
    QCOMPARE(next.policy.stations, QStringList({QStringLiteral("grill"), QStringLiteral("wok")}));
    QCOMPARE(next.policy.routes.size(), 1);
    QCOMPARE(next.station, QStringLiteral("wok"));
}

void TestStoreRulesPage::aRouteToAStationRemovedIsMarkedAndNotSaved()
{
    RouteListEditor *routes = m_page->routes();
    addRoute(routes, QStringLiteral("shake"), QStringLiteral("bar"));
    NameListEditor *stations = m_page->stations();
    stations->list()->setCurrentIndex(
            stations->list()->model()->index(int(stations->names().indexOf(QStringLiteral("bar"))), 0));
    QTest::mouseClick(stations->removeButton(), Qt::LeftButton);
    QVERIFY(!stations->names().contains(QStringLiteral("bar")));

    QVERIFY2(cellText(routes, 0, 1).contains(QStringLiteral("not a station")),
             qPrintable(cellText(routes, 0, 1)));
    QCOMPARE(routes->stationBox()->findText(QStringLiteral("bar")), -1);
    QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
    QVERIFY2(m_page->message().startsWith(QStringLiteral("Not saved"))
                     && m_page->message().contains(QStringLiteral("shake")),
             qPrintable(m_page->message()));
    QCOMPARE(policyEvents().size(), 0);

    // Removing the route lets the rules be saved.
    routes->table()->selectRow(0);
    QTest::mouseClick(routes->removeButton(), Qt::LeftButton);
    QTest::mouseClick(m_page->saveButton(), Qt::LeftButton);
    QVERIFY2(m_page->message().startsWith(QStringLiteral("Saved")), qPrintable(m_page->message()));
}

void TestStoreRulesPage::fitsBothScreens()
{
    RouteListEditor *routes = m_page->routes();
    addRoute(routes, QStringLiteral("shake"), QStringLiteral("bar"));
    addRoute(routes, QStringLiteral("salad"), QStringLiteral("cold"));
    addRoute(routes, QStringLiteral("fries"), QStringLiteral("fry"));
    for (const QSize size : {QSize(1024, 700), QSize(1920, 1000)}) {
        m_page->resize(size);
        QTest::qWait(0);
        QVERIFY2(m_page->minimumSizeHint().width() <= size.width(),
                 qPrintable(QString::number(m_page->minimumSizeHint().width())));
        QVERIFY2(m_page->minimumSizeHint().height() <= size.height(),
                 qPrintable(QString::number(m_page->minimumSizeHint().height())));
        QVERIFY(!saveScreenshot(*m_page, QStringLiteral("store-rules-%1").arg(size.width()))
                         .isEmpty());
    }
}

QTEST_MAIN(TestStoreRulesPage)
#include "tst_storerulespage.moc"
