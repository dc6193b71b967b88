// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/alldaymodel.h"
#include "board/ordermodel.h"
#include "guitestsupport.h"
#include "stationfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// All-day counts against a fixture with known totals, kept current as the kitchen works.
class TestAllDayModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void countsOpenItemsPerStation();
    void filtersToOneStation();
    void followsTheKitchen();
    void ignoresTheAgeTick();

private:
    QStringList rows() const;

    std::unique_ptr<BoardFixture> m_board;
    std::unique_ptr<OrderModel> m_orders;
    std::unique_ptr<AllDayModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    StationFixture::Placed m_ids;
};

void TestAllDayModel::init()
{
    m_board = std::make_unique<BoardFixture>();
    QVERIFY(m_board->open());
    m_ids = StationFixture(*m_board).placeAll();
    m_orders = std::make_unique<OrderModel>(m_board->engine(), m_board->clock());
    m_model =
        std::make_unique<AllDayModel>(m_orders.get(),
                                      QStringList {QStringLiteral("grill"), QStringLiteral("fry"),
                                                   QStringLiteral("cold"), QStringLiteral("bar")});
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Counted on the first turn, not in the constructor (a cold start paints the board first).
    QCOMPARE(m_model->rowCount(), 0);
    QTRY_VERIFY(m_model->rowCount() > 0);
}

void TestAllDayModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_orders.reset();
    m_board.reset();
}

// "STATION item count" per row, as shown.
QStringList TestAllDayModel::rows() const
{
    QStringList shown;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        shown.append(QStringLiteral("%1 %2 %3")
                         .arg(m_model->index(row, AllDayModel::StationColumn).data().toString(),
                              m_model->index(row, AllDayModel::ItemColumn).data().toString(),
                              m_model->index(row, AllDayModel::CountColumn).data().toString()));
    }
    return shown;
}

void TestAllDayModel::countsOpenItemsPerStation()
{
    QCOMPARE(m_model->columnCount(), 3);
    QCOMPARE(
        rows(),
        (QStringList {QStringLiteral("GRILL Cheeseburger 3"), QStringLiteral("FRY Fries 5"),
                      QStringLiteral("COLD Caesar salad 2"), QStringLiteral("BAR Lemonade 1")}));
    QCOMPARE(m_model->count(QStringLiteral("grill"), QStringLiteral("Veggie burger")), 0);
    QCOMPARE(m_model->index(1, 0).data(AllDayModel::CountRole).toInt(), 5);
    QCOMPARE(m_model->headerData(AllDayModel::CountColumn, Qt::Horizontal).toString(),
             QStringLiteral("Open"));
}

void TestAllDayModel::filtersToOneStation()
{
    m_model->setStation(QStringLiteral("fry"));
    QCOMPARE(rows(), QStringList {QStringLiteral("FRY Fries 5")});
    m_model->setStation(QString());
    QCOMPARE(m_model->rowCount(), 4);
}

void TestAllDayModel::followsTheKitchen()
{
    // Within a station, the largest count first.
    StationFixture(*m_board).place(
        QStringLiteral("205"),
        {StationFixture::item(QStringLiteral("Chicken wings"), 6, QStringLiteral("fry")),
         StationFixture::item(QStringLiteral("Cheeseburger"), 1, QStringLiteral("grill"))});
    QTRY_COMPARE(rows().mid(0, 3), // counted once per event-loop turn
             (QStringList {QStringLiteral("GRILL Cheeseburger 4"),
                           QStringLiteral("FRY Chicken wings 6"), QStringLiteral("FRY Fries 5")}));

    // The fryer finishes order 202: its 3 fries no longer count.
    m_board->bump(m_ids.b);
    QVERIFY(m_board->engine()
                .bumpStation(m_ids.b, QStringLiteral("fry"), Actor::staff(QStringLiteral("cook")))
                .ok);
    QTRY_COMPARE(m_model->count(QStringLiteral("fry"), QStringLiteral("Fries")), 2);
    QCOMPARE(m_model->count(QStringLiteral("grill"), QStringLiteral("Cheeseburger")), 4);

    // A line marked done on its own no longer counts, while its station still has work.
    const QString two = StationFixture(*m_board).place(
        QStringLiteral("206"),
        {StationFixture::item(QStringLiteral("Cheeseburger"), 2, QStringLiteral("grill")),
         StationFixture::item(QStringLiteral("Veggie burger"), 1, QStringLiteral("grill"))});
    m_board->bump(two);
    QTRY_COMPARE(m_model->count(QStringLiteral("grill"), QStringLiteral("Cheeseburger")), 6);
    QVERIFY(m_board->engine()
                .bumpItem(two, 0, QStringLiteral("Cheeseburger"),
                          Actor::staff(QStringLiteral("cook")))
                .ok);
    QTRY_COMPARE(m_model->count(QStringLiteral("grill"), QStringLiteral("Cheeseburger")), 4);
    QCOMPARE(m_model->count(QStringLiteral("grill"), QStringLiteral("Veggie burger")), 1);

    // Expo calls 203 ready: the salad is made.
    m_board->bump(m_ids.c);
    m_board->bump(m_ids.c);
    QCOMPARE(m_board->storedState(m_ids.c), OrderState::Preparing);
    m_board->bump(m_ids.c);
    QTRY_COMPARE(m_model->count(QStringLiteral("cold"), QStringLiteral("Caesar salad")), 0);
    QVERIFY(!rows().contains(QStringLiteral("COLD Caesar salad 2")));
}

void TestAllDayModel::ignoresTheAgeTick()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy ticked(m_orders.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(reset.isValid() && ticked.isValid());
    m_orders->setTickIntervalMs(5);
    m_board->clock().advanceMs(60'000);
    QTRY_VERIFY(ticked.size() >= 2);
    QCOMPARE(reset.size(), 0); // the panel does not flicker every second
}

QTEST_MAIN(TestAllDayModel)
#include "tst_alldaymodel.moc"
