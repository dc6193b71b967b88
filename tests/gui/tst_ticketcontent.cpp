// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/ordermodel.h"
#include "board/stationfiltermodel.h"
#include "board/ticketdelegate.h"
#include "guitestsupport.h"
#include "textrecorder.h"

#include <QDateTime>
#include <QPainter>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QtTest/QTest>

#include <memory>

namespace {
/** An order of this store, numbered number, with its id made from it. */
Order orderNumbered(const QString &number, const QList<OrderItem> &items)
{
    Order order;
    order.id = QStringLiteral("o-") + number;
    order.storeId = QStringLiteral("store-1");
    order.number = number;
    order.items = items;
    return order;
}

OrderItem item(const QString &name, const QString &station, int course, int seat)
{
    OrderItem item;
    item.name = name;
    item.station = station;
    item.course = course;
    item.seat = seat;
    return item;
}
} // namespace

// What a ticket says, part by part: number, type and table, customer, source, age, the items
// grouped under course and seat headings, quantities, modifiers, allergens and notes, and
// expo's station chips. Read from the text the delegate paints: each ticket is painted once, and
// a look's first paint goes straight to the device (it is kept as a pixmap only when repainted).
class TestTicketContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void saysEveryPartOfTheTicket();
    void groupsItemsByCourseThenSeat();
    void saysWhereTheOrderCameFrom_data();
    void saysWhereTheOrderCameFrom();
    void saysAReadyTimeMovedElsewhere();
    void ticksAnItemDoneAndNumbersItemsWhenAsked();

private:
    QString place(const Order &order);
    /** The text runs of the ticket of orderId, in the order the delegate paints them (expo). */
    QStringList paint(const QString &orderId) const;

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<OrderModel> m_orders;
    std::unique_ptr<StationFilterModel> m_stations;
    std::unique_ptr<TicketDelegate> m_delegate;
};

void TestTicketContent::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_orders = std::make_unique<OrderModel>(m_fixture->engine(), m_fixture->clock());
    m_stations = std::make_unique<StationFilterModel>();
    m_stations->setSourceModel(m_orders.get());
    m_delegate = std::make_unique<TicketDelegate>();
}

void TestTicketContent::cleanup()
{
    m_delegate.reset();
    m_stations.reset();
    m_orders.reset();
    m_fixture.reset();
}

QString TestTicketContent::place(const Order &order)
{
    const CommandResult placed = m_fixture->engine().placeOrder(order, Actor::platform());
    if (!placed.ok)
        qWarning("placing failed: %s", qUtf8Printable(placed.message));
    return order.id;
}

QStringList TestTicketContent::paint(const QString &orderId) const
{
    QModelIndex index;
    for (int row = 0; row < m_stations->rowCount(); ++row) {
        if (m_stations->index(row, 0).data(OrderModel::OrderIdRole).toString() == orderId)
            index = m_stations->index(row, 0);
    }
    if (!index.isValid()) {
        qWarning("no ticket for %s", qUtf8Printable(orderId));
        return {};
    }
    const QSize cell(420, 900); // tall enough for every line of these orders
    TextRecorder recorder(cell);
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), cell);
    QPainter painter(&recorder);
    m_delegate->paint(&painter, option, index);
    painter.end();
    return recorder.runs();
}

void TestTicketContent::saysEveryPartOfTheTicket()
{
    OrderItem burger = item(QStringLiteral("Cheeseburger"), QStringLiteral("grill"), 0, 0);
    burger.quantity = 3;
    burger.modifiers = {QStringLiteral("no onions"), QStringLiteral("extra cheese")};
    burger.allergens = {QStringLiteral("gluten"), QStringLiteral("dairy")};
    burger.notes = QStringLiteral("well done");
    Order order = orderNumbered(QStringLiteral("512"),
                                {burger, item(QStringLiteral("Fries"), QStringLiteral("fry"), 0, 0)});
    order.type = OrderType::DineIn;
    order.table = QStringLiteral("T7");
    order.customerName = QStringLiteral("Marguerite");
    order.source = QStringLiteral("platform");
    order.notes = {QStringLiteral("Birthday: candle on dessert")};
    m_fixture->clock().advanceMs(65'000);
    const QString id = place(order);
    m_fixture->clock().advanceMs(125'000); // the ticket is 2:05 old

    const QString text = paint(id).join(u'|');
    for (const QString &expected :
         {QStringLiteral("#512"), QStringLiteral("02:05"), QStringLiteral("NEW"),
          QStringLiteral("DINE-IN · T7"), QStringLiteral("Marguerite"),
          QStringLiteral("PLATFORM"), QStringLiteral("3×"), QStringLiteral("Cheeseburger"),
          QStringLiteral("✕ no onions"), QStringLiteral("+ extra cheese"),
          QStringLiteral("GLUTEN"), QStringLiteral("DAIRY"), QStringLiteral("» well done"),
          QStringLiteral("1×"), QStringLiteral("Fries"), QStringLiteral("GRILL"),
          QStringLiteral("FRY"), QStringLiteral("Birthday: candle on dessert")}) {
        QVERIFY2(text.contains(expected),
                 qPrintable(QStringLiteral("\"%1\" not painted in: %2").arg(expected, text)));
    }
}

void TestTicketContent::groupsItemsByCourseThenSeat()
{
    // Sent in the platform's order, courses and seats mixed.
    Order order = orderNumbered(QStringLiteral("600"),
                                {item(QStringLiteral("Steak"), QStringLiteral("grill"), 2, 1),
                                 item(QStringLiteral("Soup"), QStringLiteral("cold"), 1, 2),
                                 item(QStringLiteral("Salad"), QStringLiteral("cold"), 1, 1),
                                 item(QStringLiteral("Salmon"), QStringLiteral("grill"), 2, 2)});
    order.type = OrderType::DineIn;
    order.table = QStringLiteral("T2");
    const QString id = place(order);

    const QStringList runs = paint(id);
    const QStringList expectedOrder{
        QStringLiteral("COURSE 1  ·  SEAT 1"), QStringLiteral("Salad"),
        QStringLiteral("COURSE 1  ·  SEAT 2"), QStringLiteral("Soup"),
        QStringLiteral("COURSE 2  ·  SEAT 1"), QStringLiteral("Steak"),
        QStringLiteral("COURSE 2  ·  SEAT 2"), QStringLiteral("Salmon")};
    qsizetype from = 0;
    for (const QString &expected : expectedOrder) {
        const qsizetype at = runs.indexOf(expected, from);
        QVERIFY2(at >= 0, qPrintable(QStringLiteral("\"%1\" not painted after run %2 in: %3")
                                             .arg(expected)
                                             .arg(from)
                                             .arg(runs.join(u'|'))));
        from = at + 1;
    }
}

void TestTicketContent::saysWhereTheOrderCameFrom_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("label");
    QTest::newRow("platform") << QStringLiteral("platform") << QStringLiteral("PLATFORM");
    QTest::newRow("square") << QStringLiteral("pos:square") << QStringLiteral("SQUARE");
    QTest::newRow("clover") << QStringLiteral("pos:clover") << QStringLiteral("CLOVER");
    QTest::newRow("toast") << QStringLiteral("pos:toast") << QStringLiteral("TOAST");
}

void TestTicketContent::saysWhereTheOrderCameFrom()
{
    QFETCH(QString, source);
    QFETCH(QString, label);
    Order order = orderNumbered(QStringLiteral("700"),
                                {item(QStringLiteral("Fries"), QStringLiteral("fry"), 0, 0)});
    order.source = source;
    const QString id = place(order);
    const QStringList runs = paint(id);
    QVERIFY2(runs.contains(label), qPrintable(runs.join(u'|')));
}

void TestTicketContent::saysAReadyTimeMovedElsewhere()
{
    const QString id = place(orderNumbered(
        QStringLiteral("520"), {item(QStringLiteral("Fries"), QStringLiteral("fry"), 0, 0)}));
    QVERIFY(m_fixture->bump(id).ok);
    const qint64 promised = m_fixture->engine().order(id)->promisedAt;
    const auto hhmm = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm"));
    };
    const QString moved = QStringLiteral("DUE %1 · WAS %2")
                                  .arg(hhmm(promised + 20 * 60'000), hhmm(promised));
    QVERIFY(!paint(id).contains(moved));

    // The platform moves it: both times show until a cook acknowledges the change.
    m_fixture->fromPlatform({m_fixture->etaMovedOnPlatform(id, promised + 20 * 60'000)});
    QTRY_COMPARE(m_orders->attention(id), OrderAttention::Kind::Changed);
    QVERIFY2(paint(id).contains(moved), qPrintable(paint(id).join(QLatin1Char('|'))));
    m_orders->acknowledge(id);
    QVERIFY(!paint(id).contains(moved));
}

void TestTicketContent::ticksAnItemDoneAndNumbersItemsWhenAsked()
{
    const QString id = place(orderNumbered(
        QStringLiteral("521"), {item(QStringLiteral("Cheeseburger"), QStringLiteral("grill"), 0, 0),
                                item(QStringLiteral("Fries"), QStringLiteral("fry"), 0, 0)}));
    QVERIFY(m_fixture->bump(id).ok);
    const QString tick = QStringLiteral("✓");
    QCOMPARE(paint(id).count(tick), 0);
    QVERIFY(m_fixture->engine()
                    .bumpItem(id, 1, QStringLiteral("Fries"), Actor::staff(QStringLiteral("cook")))
                    .ok);
    QTRY_VERIFY(m_orders->orderAt(m_orders->rowOf(id)).isItemDone(1));
    // One tick, on the fries' line (the station chip says "✓ FRY" in a run of its own).
    const QStringList done = paint(id);
    QCOMPARE(done.count(tick), 1);
    QVERIFY(done.contains(QStringLiteral("Fries")));

    m_delegate->setNumberedOrder(id);
    const QStringList numbered = paint(id);
    QVERIFY2(numbered.contains(QStringLiteral("1")) && numbered.contains(QStringLiteral("2")),
             qPrintable(numbered.join(QLatin1Char('|'))));
    QCOMPARE(numbered.count(tick), 0); // the number takes the tick's place meanwhile
}

QTEST_MAIN(TestTicketContent)
#include "tst_ticketcontent.moc"
