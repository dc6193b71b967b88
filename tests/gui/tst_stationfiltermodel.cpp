// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/ordermodel.h"
#include "board/stationfiltermodel.h"
#include "guitestsupport.h"
#include "stationfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// Which tickets and which items each station's screen shows, kept current as stations bump.
class TestStationFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void showsTheStationsTickets_data();
    void showsTheStationsTickets();
    void showsOnlyTheStationsItems();
    void expoShowsWholeOrdersWithTheirStations();
    void aBumpTakesTheTicketOffTheStation();
    void aLineTakenOffTheStationStaysUntilAcknowledged();
    void aNewOrderReachesTheStationWhenAccepted();
    void showingNewOrdersIsSwitchedAtOnce();

private:
    QStringList shownNumbers() const;

    std::unique_ptr<BoardFixture> m_board;
    std::unique_ptr<OrderModel> m_orders;
    std::unique_ptr<StationFilterModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    StationFixture::Placed m_ids;
};

void TestStationFilterModel::init()
{
    m_board = std::make_unique<BoardFixture>();
    QVERIFY(m_board->open());
    m_ids = StationFixture(*m_board).placeAll();
    m_orders = std::make_unique<OrderModel>(m_board->engine(), m_board->clock());
    m_model = std::make_unique<StationFilterModel>();
    m_model->setSourceModel(m_orders.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestStationFilterModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_orders.reset();
    m_board.reset();
}

QStringList TestStationFilterModel::shownNumbers() const
{
    QStringList numbers;
    for (int row = 0; row < m_model->rowCount(); ++row)
        numbers.append(m_model->index(row, 0).data(OrderModel::NumberRole).toString());
    return numbers;
}

void TestStationFilterModel::showsTheStationsTickets_data()
{
    QTest::addColumn<QString>("station");
    QTest::addColumn<bool>("showsNew");
    QTest::addColumn<QStringList>("numbers");
    const QStringList all {QStringLiteral("201"), QStringLiteral("202"), QStringLiteral("203"),
                           QStringLiteral("204")};
    QTest::newRow("expo") << QString() << false << all;
    QTest::newRow("expo sees new orders anyway") << QString() << true << all;
    QTest::newRow("grill (204's grill is done)")
        << QStringLiteral("grill") << false
        << QStringList {QStringLiteral("201"), QStringLiteral("202")};
    QTest::newRow("fry") << QStringLiteral("fry") << false
                         << QStringList {QStringLiteral("201"), QStringLiteral("202"),
                                         QStringLiteral("204")};
    // 203 is new: the cold station starts on it once expo accepts it, unless asked to show it.
    QTest::newRow("cold") << QStringLiteral("cold") << false << QStringList();
    QTest::newRow("cold, new orders shown")
        << QStringLiteral("cold") << true << QStringList {QStringLiteral("203")};
    QTest::newRow("bar") << QStringLiteral("bar") << false << QStringList {QStringLiteral("201")};
    QTest::newRow("a station with nothing") << QStringLiteral("pastry") << true << QStringList();
}

void TestStationFilterModel::showsTheStationsTickets()
{
    QFETCH(QString, station);
    QFETCH(bool, showsNew);
    QFETCH(QStringList, numbers);
    QSignalSpy changed(m_model.get(), &StationFilterModel::stationChanged);
    QVERIFY(changed.isValid());
    QVERIFY(!m_model->showsNew()); // by default a station cooks what expo accepted
    m_model->setShowsNew(showsNew);
    m_model->setStation(station);
    QCOMPARE(changed.size(), station.isEmpty() ? 0 : 1);
    QCOMPARE(m_model->isExpo(), station.isEmpty());
    QCOMPARE(shownNumbers(), numbers);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->index(row, 0).data(StationFilterModel::ViewStationRole).toString(),
                 station);
}

void TestStationFilterModel::showsOnlyTheStationsItems()
{
    m_model->setStation(QStringLiteral("fry"));
    const QModelIndex first = m_model->index(0, 0);
    QCOMPARE(first.data(OrderModel::NumberRole).toString(), QStringLiteral("201"));
    const auto items = first.data(StationFilterModel::VisibleItemsRole).value<QList<OrderItem>>();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.constFirst().name, QStringLiteral("Fries"));
    QCOMPARE(first.data(OrderModel::ItemsRole).value<QList<OrderItem>>().size(),
             3); // all still there
}

void TestStationFilterModel::expoShowsWholeOrdersWithTheirStations()
{
    const int row = m_orders->rowOf(m_ids.d);
    const QModelIndex d = m_model->mapFromSource(m_orders->index(row));
    QVERIFY(d.isValid());
    QCOMPARE(d.data(StationFilterModel::VisibleItemsRole).value<QList<OrderItem>>().size(), 2);
    QCOMPARE(d.data(StationFilterModel::StationsRole).toStringList(),
             (QStringList {QStringLiteral("grill"), QStringLiteral("fry")}));
    QCOMPARE(d.data(StationFilterModel::StationsDoneRole).toStringList(),
             QStringList {QStringLiteral("grill")});
}

void TestStationFilterModel::aBumpTakesTheTicketOffTheStation()
{
    m_model->setStation(QStringLiteral("grill"));
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(removed.isValid());
    QVERIFY(m_board->engine()
                .bumpStation(m_ids.a, QStringLiteral("grill"), Actor::staff(QStringLiteral("cook")))
                .ok);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("202")});

    // Reopened, it comes back where it was.
    QVERIFY(
        m_board->engine()
            .reopenStation(m_ids.a, QStringLiteral("grill"), Actor::staff(QStringLiteral("cook")))
            .ok);
    QCOMPARE(shownNumbers(), (QStringList {QStringLiteral("201"), QStringLiteral("202")}));
}

void TestStationFilterModel::aLineTakenOffTheStationStaysUntilAcknowledged()
{
    QVERIFY(m_board->bump(m_ids.a).ok); // 201 accepted: the bar is making its lemonade
    const Order before = *m_board->engine().order(m_ids.a);
    QList<OrderItem> items = before.items;
    items.removeLast(); // the customer drops the lemonade on the platform
    items.append(StationFixture::item(QStringLiteral("Onion rings"), 1, QStringLiteral("fry")));
    QSignalSpy drained(&m_board->engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    m_board->fromPlatform({m_board->modifiedOnPlatform(m_ids.a, items)});
    QVERIFY(drained.wait());

    // The bar has nothing left on 201, yet must see the lemonade go, struck through.
    m_model->setStation(QStringLiteral("bar"));
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("201")});
    const auto atBar = m_model->index(0, 0)
                           .data(StationFilterModel::VisibleItemChangesRole)
                           .value<QList<ItemChange>>();
    QCOMPARE(atBar.size(), 1);
    QCOMPARE(atBar.constFirst().kind, ItemChange::Kind::Removed);
    QCOMPARE(atBar.constFirst().before.name, QStringLiteral("Lemonade"));
    QVERIFY(m_model->index(0, 0)
                .data(StationFilterModel::VisibleItemsRole)
                .value<QList<OrderItem>>()
                .isEmpty());

    // The fryer sees only its own change; expo sees both.
    m_model->setStation(QStringLiteral("fry"));
    const QModelIndex atFry = m_model->index(shownNumbers().indexOf(QStringLiteral("201")), 0);
    const auto fryChanges =
        atFry.data(StationFilterModel::VisibleItemChangesRole).value<QList<ItemChange>>();
    QCOMPARE(fryChanges.size(), 1);
    QCOMPARE(fryChanges.constFirst().kind, ItemChange::Kind::Added);
    QCOMPARE(fryChanges.constFirst().after.name, QStringLiteral("Onion rings"));
    m_model->setStation(QString());
    QCOMPARE(m_model->index(0, 0)
                 .data(StationFilterModel::VisibleItemChangesRole)
                 .value<QList<ItemChange>>()
                 .size(),
             2);

    // Acknowledged: the bar's screen lets it go.
    m_model->setStation(QStringLiteral("bar"));
    QVERIFY(m_orders->acknowledge(m_ids.a));
    QVERIFY(shownNumbers().isEmpty());
}

void TestStationFilterModel::aNewOrderReachesTheStationWhenAccepted()
{
    m_model->setStation(QStringLiteral("cold"));
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(inserted.isValid());
    QVERIFY(shownNumbers().isEmpty());
    QVERIFY(m_board->bump(m_ids.c).ok); // expo accepts 203
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("203")});

    // A new order placed now waits at expo, and the station's list does not move.
    StationFixture(*m_board).place(
        QStringLiteral("205"),
        {StationFixture::item(QStringLiteral("Greek salad"), 1, QStringLiteral("cold"))});
    QCOMPARE(shownNumbers(), QStringList {QStringLiteral("203")});
    QCOMPARE(inserted.size(), 1);
}

void TestStationFilterModel::showingNewOrdersIsSwitchedAtOnce()
{
    m_model->setStation(QStringLiteral("fry"));
    StationFixture(*m_board).place(
        QStringLiteral("205"),
        {StationFixture::item(QStringLiteral("Fries"), 2, QStringLiteral("fry"))});
    const QStringList accepted {QStringLiteral("201"), QStringLiteral("202"),
                                QStringLiteral("204")};
    QCOMPARE(shownNumbers(), accepted);
    m_model->setShowsNew(true);
    QCOMPARE(shownNumbers(), accepted + QStringList {QStringLiteral("205")});
    m_model->setShowsNew(false);
    QCOMPARE(shownNumbers(), accepted);
}

QTEST_MAIN(TestStationFilterModel)
#include "tst_stationfiltermodel.moc"
