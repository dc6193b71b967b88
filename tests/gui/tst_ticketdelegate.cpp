// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardview.h"
#include "board/ordermodel.h"
#include "board/stationfiltermodel.h"
#include "board/ticketdelegate.h"
#include "guitestsupport.h"
#include "stationfixture.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// The delegate paints a ticket's look straight onto the board the first time, keeps it the second
// time and blits it from then on, while the ticket is unchanged. Whatever changes on a ticket
// (its order, the selection, the clock, the style) must show at once: after each change the
// board's ticket differs from before and equals a ticket painted by a new delegate that has never
// seen it, by whichever way the delegate paints it.
class TestTicketDelegate : public QObject
{
    Q_OBJECT

public:
    enum class Change { State, Items, StationDone, Selection, AgeText, AgeColour, Style, CellSize };
    Q_ENUM(Change)

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void unchangedTicketRepaintsAlike();
    void changeShowsAtOnce_data();
    void changeShowsAtOnce();

private:
    void apply(Change change);
    /** Waits for the model's next tick, which refreshes every ticket's age. */
    bool tick();
    QModelIndex ticket() const { return m_view->model()->index(0, 0); }
    /** The first ticket as the board shows it. */
    QImage shown() const;
    /** The first ticket painted by a delegate that has never painted it before. */
    QImage paintedAfresh() const;
    /**
     * The first ticket painted three times by a new delegate, right after another look of it:
     * straight on (a look's first paint), into the pixmap kept (its second), blitted from that.
     */
    QList<QImage> paintedChurning() const;
    QImage paintedBy(const TicketDelegate &delegate, bool selected) const;

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<OrderModel> m_orders;
    std::unique_ptr<StationFilterModel> m_stations;
    std::unique_ptr<BoardView> m_view;
    QString m_orderId;
};

void TestTicketDelegate::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTicketDelegate::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    StationFixture stations(*m_fixture);
    m_orderId = stations.place(
        QStringLiteral("301"),
        {StationFixture::item(QStringLiteral("Cheeseburger"), 2, QStringLiteral("grill")),
         StationFixture::item(QStringLiteral("Fries"), 1, QStringLiteral("fry"))});
    m_orders = std::make_unique<OrderModel>(m_fixture->engine(), m_fixture->clock());
    m_stations = std::make_unique<StationFilterModel>();
    m_stations->setSourceModel(m_orders.get());
    m_view = std::make_unique<BoardView>();
    m_view->setModel(m_stations.get()); // the expo view: station chips on every ticket
    m_view->resize(800, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QCOMPARE(m_view->model()->rowCount(), 1);
    QVERIFY(m_fixture->bump(m_orderId).ok); // accepted: promised, and its stations can be bumped
}

void TestTicketDelegate::cleanup()
{
    m_view.reset();
    m_stations.reset();
    m_orders.reset();
    m_fixture.reset();
}

QImage TestTicketDelegate::shown() const
{
    return m_view->viewport()
        ->grab(m_view->visualRect(ticket()))
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

QImage TestTicketDelegate::paintedAfresh() const
{
    TicketDelegate fresh;
    fresh.setTicketStyle(m_view->ticketDelegate()->ticketStyle());
    return paintedBy(fresh, m_view->selectionModel()->isSelected(ticket()));
}

QList<QImage> TestTicketDelegate::paintedChurning() const
{
    TicketDelegate fresh;
    fresh.setTicketStyle(m_view->ticketDelegate()->ticketStyle());
    const bool selected = m_view->selectionModel()->isSelected(ticket());
    paintedBy(fresh, !selected); // another look, painted once
    return {paintedBy(fresh, selected), paintedBy(fresh, selected), paintedBy(fresh, selected)};
}

QImage TestTicketDelegate::paintedBy(const TicketDelegate &delegate, bool selected) const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view.get());
    option.rect = QRect(QPoint(0, 0), m_view->visualRect(ticket()).size());
    option.widget = m_view.get();
    if (selected)
        option.state |= QStyle::State_Selected;
    QImage image(option.rect.size(), QImage::Format_RGB32);
    image.fill(m_view->viewport()->palette().color(m_view->viewport()->backgroundRole()));
    QPainter painter(&image);
    const int blocks = int(delegate.shape(ticket(), option.rect.width()).blocks.size());
    delegate.paintPart(&painter, option, ticket(), TicketPart{0, blocks, 0, 1});
    return image;
}

bool TestTicketDelegate::tick()
{
    QSignalSpy changed(m_orders.get(), &QAbstractItemModel::dataChanged);
    if (!changed.isValid())
        return false;
    m_orders->setTickIntervalMs(10);
    return changed.isValid() && changed.wait();
}

void TestTicketDelegate::apply(Change change)
{
    switch (change) {
    case Change::State:
        QVERIFY(m_fixture->bump(m_orderId).ok);
        break;
    case Change::Items: {
        // The platform adds a shake: it arrives as an incoming modification.
        OrderItem shake =
            StationFixture::item(QStringLiteral("Banana shake"), 1, QStringLiteral("bar"));
        const Order before = m_orders->orderAt(0);
        m_fixture->addItemOnPlatform(before, shake);
        QTRY_COMPARE(m_orders->orderAt(0).items.size(), before.items.size() + 1);
        break;
    }
    case Change::StationDone:
        QVERIFY(m_fixture->engine()
                    .bumpStation(m_orderId, QStringLiteral("grill"),
                                 Actor::staff(QStringLiteral("cook")))
                    .ok);
        break;
    case Change::Selection:
        m_view->selectionModel()->clearSelection();
        break;
    case Change::AgeText:
        m_fixture->clock().advanceMs(1000);
        QVERIFY(tick());
        break;
    case Change::AgeColour: // past the warning age: the chip and the card's edge turn amber
        m_fixture->clock().advanceMs(m_view->ticketDelegate()->ticketStyle().warnAgeMs);
        QVERIFY(tick());
        break;
    case Change::Style: {
        TicketStyle style = m_view->ticketDelegate()->ticketStyle();
        style.applyHighContrast();
        m_view->setTicketStyle(style);
        break;
    }
    case Change::CellSize: {
        const QSize before = m_view->visualRect(ticket()).size();
        m_view->resize(m_view->size() + QSize(200, 0)); // the board stretches its columns to fit
        QTRY_VERIFY(m_view->visualRect(ticket()).size() != before);
        break;
    }
    }
}

void TestTicketDelegate::unchangedTicketRepaintsAlike()
{
    const QImage first = shown();
    QCOMPARE(shown(), first);
    QCOMPARE(shown(), paintedAfresh());
    for (const QImage &churning : paintedChurning())
        QCOMPARE(churning, first);
}

void TestTicketDelegate::changeShowsAtOnce_data()
{
    QTest::addColumn<Change>("change");
    QTest::newRow("state") << Change::State;
    QTest::newRow("items") << Change::Items;
    QTest::newRow("station done") << Change::StationDone;
    QTest::newRow("selection") << Change::Selection;
    QTest::newRow("age text") << Change::AgeText;
    QTest::newRow("age colour") << Change::AgeColour;
    QTest::newRow("style") << Change::Style;
    QTest::newRow("cell size") << Change::CellSize;
}

void TestTicketDelegate::changeShowsAtOnce()
{
    QFETCH(Change, change);
    QVERIFY(m_view->selectionModel()->isSelected(ticket())); // the board keeps one selected
    const QImage before = shown(); // painted, and so kept by the delegate
    apply(change);
    if (QTest::currentTestFailed())
        return;
    const QImage after = shown();
    QVERIFY(after != before);
    QCOMPARE(after, paintedAfresh());
    for (const QImage &churning : paintedChurning())
        QCOMPARE(churning, after);
}

QTEST_MAIN(TestTicketDelegate)
#include "tst_ticketdelegate.moc"
