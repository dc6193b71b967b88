// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/alldaymodel.h"
#include "board/alldaypanel.h"
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/ordermodel.h"
#include "board/stationfiltermodel.h"
#include "guitestsupport.h"
#include "screenshots.h"
#include "stationfixture.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest/QTest>

#include <memory>

// Station and expo screens end to end: S cycles the views, Enter bumps a station or the whole
// order depending on the view, A shows the all-day counts; screenshots of each for review.
class TestStations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void nextStationCyclesTheViews();
    void startsInTheConfiguredStation();
    void newOrdersShowAtAStationOnlyWhenAsked();
    void enterAtAStationBumpsOnlyThatStation();
    void secondTapAtAStationBumpsTheStation();
    void lastStationMakesTheOrderReady();
    void expoBumpMovesTheWholeOrder();
    void refusedStationBumpShowsWhy();
    void recallAtAStationReopensItsLastBump();
    void allDayPanelTogglesAndCounts();
    void screenshots_data();
    void screenshots();

private:
    MainWindow &showWindow(const QString &station = {});
    void press(Qt::Key key)
    {
        m_fixture->keyPace();
        QTest::keyClick(m_window->board(), key);
    }
    QStringList shownNumbers() const;
    QString selectedId() const { return m_window->board()->selectedOrderId(); }
    bool selectNumber(const QString &number);
    QString bannerText() const;

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    StationFixture::Placed m_ids;
};

void TestStations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStations::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_ids = StationFixture(*m_fixture).placeAll();
}

void TestStations::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
}

MainWindow &TestStations::showWindow(const QString &station)
{
    BoardOptions options;
    options.staffId = QStringLiteral("cook");
    options.station = station;
    m_window = std::make_unique<MainWindow>(m_fixture->session(), options);
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return *m_window;
}

QStringList TestStations::shownNumbers() const
{
    const QAbstractItemModel *model = m_window->board()->model();
    QStringList numbers;
    for (int row = 0; row < model->rowCount(); ++row)
        numbers.append(model->index(row, 0).data(OrderModel::NumberRole).toString());
    return numbers;
}

bool TestStations::selectNumber(const QString &number)
{
    const qsizetype row = shownNumbers().indexOf(number);
    return row >= 0 && m_window->board()->selectRow(int(row));
}

QString TestStations::bannerText() const
{
    const NoticeBanner *notice = m_window->notice();
    return notice->isVisible() && notice->hasNotice() ? notice->text() : QString();
}

void TestStations::nextStationCyclesTheViews()
{
    MainWindow &window = showWindow();
    QSignalSpy changed(&window, &MainWindow::stationChanged);
    QVERIFY(changed.isValid());
    QCOMPARE(window.header()->viewName(), QStringLiteral("EXPO"));
    QCOMPARE(shownNumbers().size(), 4);

    const QList<std::pair<QString, QStringList>> cycle {
        {QStringLiteral("GRILL"), {QStringLiteral("201"), QStringLiteral("202")}},
        {QStringLiteral("FRY"),
         {QStringLiteral("201"), QStringLiteral("202"), QStringLiteral("204")}},
        {QStringLiteral("COLD"), {}}, // 203 is new: not the cold station's until accepted
        {QStringLiteral("BAR"), {QStringLiteral("201")}},
        {QStringLiteral("EXPO"),
         {QStringLiteral("201"), QStringLiteral("202"), QStringLiteral("203"),
          QStringLiteral("204")}},
    };
    for (const auto &[name, numbers] : cycle) {
        press(Qt::Key_S);
        QCOMPARE(window.header()->viewName(), name);
        QCOMPARE(shownNumbers(), numbers);
        QTRY_COMPARE(window.header()->openCountText(), // what this screen has to do
                     QStringLiteral("%1 open").arg(numbers.size()));
        QCOMPARE(selectedId().isEmpty(), numbers.isEmpty()); // the keyboard has a ticket if any
    }
    QCOMPARE(changed.size(), cycle.size());
    QCOMPARE(changed.constFirst().constFirst().toString(), QStringLiteral("grill"));
    QCOMPARE(changed.constLast().constFirst().toString(), QString());

    // A station view shows only its items on each ticket.
    press(Qt::Key_S);
    press(Qt::Key_S); // fry
    const QModelIndex first = window.board()->model()->index(0, 0);
    const auto items = first.data(StationFilterModel::VisibleItemsRole).value<QList<OrderItem>>();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.constFirst().station, QStringLiteral("fry"));
}

void TestStations::startsInTheConfiguredStation()
{
    MainWindow &window = showWindow(QStringLiteral("bar"));
    QCOMPARE(window.station(), QStringLiteral("bar"));
    QCOMPARE(window.header()->viewName(), QStringLiteral("BAR"));
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("201")});
}

void TestStations::newOrdersShowAtAStationOnlyWhenAsked()
{
    MainWindow &window = showWindow(QStringLiteral("cold"));
    QVERIFY(shownNumbers().isEmpty()); // 203 is new: expo has not accepted it
    QTRY_COMPARE(window.header()->openCountText(), QStringLiteral("0 open"));

    BoardOptions options = window.options();
    options.stationShowsNew = true; // as saved in the settings dialog
    window.applyOptions(options);
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("203")});
    QTRY_COMPARE(window.header()->openCountText(), QStringLiteral("1 open"));
    QCOMPARE(selectedId(), m_ids.c);
    press(Qt::Key_Return); // shown, but a station cannot start an order nobody accepted
    QVERIFY2(bannerText().contains(QLatin1String("203")), qPrintable(bannerText()));
    QCOMPARE(m_fixture->storedState(m_ids.c), OrderState::Placed);

    options.stationShowsNew = false;
    window.applyOptions(options);
    QVERIFY(shownNumbers().isEmpty());
    m_fixture->bump(m_ids.c); // expo accepts: now it is the cold station's to make
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("203")});
    QVERIFY(selectNumber(QStringLiteral("203")));
    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(m_ids.c), OrderState::Ready); // its only station
}

void TestStations::enterAtAStationBumpsOnlyThatStation()
{
    showWindow(QStringLiteral("grill"));
    QCOMPARE(selectedId(), m_ids.a); // accepted by expo
    const int eventsBefore = m_fixture->storedEventCount(m_ids.a);
    press(Qt::Key_Return);
    const Order a = *m_fixture->store().order(m_ids.a);
    QCOMPARE(a.state, OrderState::Preparing); // the grill started it
    QCOMPARE(a.stationsDone, QStringList {QStringLiteral("grill")});
    QCOMPARE(m_fixture->storedEventCount(m_ids.a), eventsBefore + 2);
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("202")}); // done here: off this screen
    QCOMPARE(m_window->notice()->kind(), NoticeBanner::Kind::Info);
    QCOMPARE(m_fixture->store().order(m_ids.b)->stationsDone, QStringList()); // others untouched

    // Expo still sees 201, with the grill ticked and the rest open.
    m_window->showStation(QString());
    QCOMPARE(shownNumbers().size(), 4);
}

void TestStations::secondTapAtAStationBumpsTheStation()
{
    MainWindow &window = showWindow(QStringLiteral("fry"));
    const int row = int(shownNumbers().indexOf(QStringLiteral("202")));
    QVERIFY(row >= 0);
    QWidget *viewport = window.board()->viewport();
    const QPoint centre =
        window.board()->visualRect(window.board()->model()->index(row, 0)).center();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, centre); // selects
    QCOMPARE(selectedId(), m_ids.b);
    QVERIFY(m_fixture->store().order(m_ids.b)->stationsDone.isEmpty());
    QTest::mouseClick(viewport, Qt::LeftButton, {}, centre); // bumps the fryer's part
    const Order b = *m_fixture->store().order(m_ids.b);
    QCOMPARE(b.stationsDone, QStringList {QStringLiteral("fry")});
    QCOMPARE(b.state, OrderState::Preparing); // the grill still has its burger
    QVERIFY(!shownNumbers().contains(QStringLiteral("202")));
}

void TestStations::lastStationMakesTheOrderReady()
{
    MainWindow &window = showWindow(QStringLiteral("fry"));
    QVERIFY(selectNumber(QStringLiteral("204"))); // its grill is already done
    press(Qt::Key_Space);
    QCOMPARE(m_fixture->storedState(m_ids.d), OrderState::Ready);
    QVERIFY(bannerText().contains(QLatin1String("ready")));
    QVERIFY(!shownNumbers().contains(QStringLiteral("204")));
    window.showStation(QString());
    const int row = int(shownNumbers().indexOf(QStringLiteral("204")));
    QVERIFY(row >= 0);
    QCOMPARE(window.board()->model()->index(row, 0).data(OrderModel::StateRole).value<OrderState>(),
             OrderState::Ready);
}

void TestStations::expoBumpMovesTheWholeOrder()
{
    showWindow();
    QVERIFY(selectNumber(QStringLiteral("204"))); // preparing, fry still open
    press(Qt::Key_Return);
    const Order d = *m_fixture->store().order(m_ids.d);
    QCOMPARE(d.state, OrderState::Ready);
    QCOMPARE(d.stationsDone, QStringList {QStringLiteral("grill")}); // expo decided, not the fryer
}

void TestStations::refusedStationBumpShowsWhy()
{
    MainWindow &window = showWindow(QStringLiteral("bar"));
    m_fixture->bump(m_ids.a);
    m_fixture->bump(m_ids.a); // expo called it ready before the bar bumped
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("201")}); // the bar's item is still open
    QVERIFY(selectNumber(QStringLiteral("201")));
    const int eventsBefore = m_fixture->storedEventCount(m_ids.a);
    press(Qt::Key_Return);
    QCOMPARE(window.notice()->kind(), NoticeBanner::Kind::Warning);
    QVERIFY2(bannerText().contains(QLatin1String("ready"), Qt::CaseInsensitive),
             qPrintable(bannerText()));
    QCOMPARE(m_fixture->storedEventCount(m_ids.a), eventsBefore);
}

void TestStations::recallAtAStationReopensItsLastBump()
{
    showWindow(QStringLiteral("fry"));
    press(Qt::Key_R); // nothing bumped here yet
    QVERIFY(bannerText().contains(QLatin1String("FRY")));

    QVERIFY(selectNumber(QStringLiteral("204")));
    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(m_ids.d), OrderState::Ready);
    press(Qt::Key_R); // the fryer dropped the fries: back to work, and not ready any more
    const Order d = *m_fixture->store().order(m_ids.d);
    QCOMPARE(d.state, OrderState::Preparing);
    QCOMPARE(d.stationsDone, QStringList {QStringLiteral("grill")});
    QVERIFY(shownNumbers().contains(QStringLiteral("204")));
    QCOMPARE(selectedId(), m_ids.d);
}

void TestStations::allDayPanelTogglesAndCounts()
{
    MainWindow &window = showWindow();
    QVERIFY(window.allDayPanel()->isHidden());
    press(Qt::Key_A);
    QTRY_VERIFY(window.allDayPanel()->isVisible());
    const AllDayModel *counts = window.allDayModel();
    QCOMPARE(counts->rowCount(), 4);
    QCOMPARE(counts->count(QStringLiteral("grill"), QStringLiteral("Cheeseburger")), 3);
    QCOMPARE(counts->count(QStringLiteral("fry"), QStringLiteral("Fries")), 5);
    QCOMPARE(counts->count(QStringLiteral("cold"), QStringLiteral("Caesar salad")), 2);
    QCOMPARE(counts->count(QStringLiteral("bar"), QStringLiteral("Lemonade")), 1);
    QVERIFY(window.board()->hasFocus()); // the keys stay with the board

    press(Qt::Key_S);
    press(Qt::Key_S); // fry: the panel follows the view
    QCOMPARE(counts->rowCount(), 1);
    QCOMPARE(
        window.allDayPanel()->table()->model()->index(0, AllDayModel::CountColumn).data().toInt(),
        5);
    QVERIFY(selectNumber(QStringLiteral("202")));
    press(Qt::Key_Return);
    // Counted once per event-loop turn, so after the turn that bumped it.
    QTRY_COMPARE(counts->count(QStringLiteral("fry"), QStringLiteral("Fries")), 2);

    press(Qt::Key_A);
    QVERIFY(window.allDayPanel()->isHidden());
}

void TestStations::screenshots_data()
{
    QTest::addColumn<QString>("station");
    QTest::addColumn<bool>("allDay");
    QTest::newRow("expo") << QString() << false;
    QTest::newRow("grill") << QStringLiteral("grill") << false;
    QTest::newRow("allday") << QString() << true;
}

void TestStations::screenshots()
{
    QFETCH(QString, station);
    QFETCH(bool, allDay);
    for (int i = 0; i < 4; ++i)
        m_fixture->place(); // generated orders beside the fixture's, for a realistic board
    MainWindow &window = showWindow(station);
    if (allDay)
        press(Qt::Key_A);
    QCOMPARE(window.allDayPanel()->isVisible(), allDay);
    const QString path = saveScreenshot(
            window, QStringLiteral("stations-%1").arg(QLatin1String(QTest::currentDataTag())));
    QVERIFY(!path.isEmpty());
    QCOMPARE(QImage(path).size(), QSize(1280, 800));
    QVERIFY(QFileInfo(path).size() > 10'000); // a real board, not an empty frame
    qInfo("screenshot: %s", qUtf8Printable(path));
}

QTEST_MAIN(TestStations)
#include "tst_stations.moc"
