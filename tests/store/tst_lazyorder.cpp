// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/lazyorder.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace StoreTest;

// Open orders read from the store carry their columns at once and decode their body when first
// asked: a cold start with thousands of tickets decodes those it shows.
class TestLazyOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsCarryColumnsAndDecodeWhenAsked();
    void copiesShareOneDecode();
    void aScheduledOrderIsDecodedAtOnce();
    void aDamagedBodyKeepsItsColumns();

private:
    void place(const Order &order);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
};

void TestLazyOrder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(t0);
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("store.db")), m_clock.get());
    const Result<void> opened = m_store->open();
    QVERIFY2(opened, qPrintable(opened.error()));
}

void TestLazyOrder::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestLazyOrder::place(const Order &order)
{
    QVERIFY(m_store->append(placedEvent(order, order.placedAt), {}).committed());
}

void TestLazyOrder::rowsCarryColumnsAndDecodeWhenAsked()
{
    Order first = sampleOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    first.placedAt = t0;
    Order second = sampleOrder(QStringLiteral("o-2"), QStringLiteral("102"), OrderType::Delivery);
    second.placedAt = t0 + 5000;
    place(second);
    place(first);

    const QList<LazyOrder> rows = m_store->openOrderRows();
    QCOMPARE(rows.size(), 2);
    const LazyOrder &row = rows.constFirst();
    QVERIFY(!row.isDecoded());
    QCOMPARE(row.head().id, QStringLiteral("o-1")); // oldest placed first
    QCOMPARE(row.head().number, QStringLiteral("101"));
    QCOMPARE(row.head().state, OrderState::Placed);
    QCOMPARE(row.head().placedAt, t0);
    QVERIFY(row.head().items.isEmpty()); // the body is not read yet
    QCOMPARE(rows.constLast().head().type, OrderType::Delivery);

    QCOMPARE(row.order(), *m_store->order(QStringLiteral("o-1")));
    QVERIFY(row.isDecoded());
    QCOMPARE(row.head().items.size(), 2);
    QVERIFY(!rows.constLast().isDecoded()); // only the one asked for
    QCOMPARE(rows.constLast().order(), *m_store->order(QStringLiteral("o-2")));
}

void TestLazyOrder::copiesShareOneDecode()
{
    place(sampleOrder(QStringLiteral("o-1"), QStringLiteral("101")));
    const QList<LazyOrder> rows = m_store->openOrderRows();
    const LazyOrder copy = rows.constFirst();
    QVERIFY(!copy.isDecoded());
    QCOMPARE(rows.constFirst().order().customerName, QStringLiteral("Ana"));
    QVERIFY(copy.isDecoded());
    QCOMPARE(&copy.order(), &rows.constFirst().order());
}

void TestLazyOrder::aScheduledOrderIsDecodedAtOnce()
{
    Order later = sampleOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    later.scheduledFor = t0 + 3'600'000;
    place(later);
    place(sampleOrder(QStringLiteral("o-2"), QStringLiteral("102")));
    const QList<LazyOrder> rows = m_store->openOrderRows();
    QCOMPARE(rows.size(), 2);
    const auto scheduled = std::find_if(rows.cbegin(), rows.cend(), [](const LazyOrder &row) {
        return row.head().id == QStringLiteral("o-1");
    });
    QVERIFY(scheduled != rows.cend());
    // The board sorts the held orders out by their schedule before it shows anything.
    QVERIFY(scheduled->isDecoded());
    QCOMPARE(scheduled->head().scheduledFor, later.scheduledFor);
}

void TestLazyOrder::aDamagedBodyKeepsItsColumns()
{
    place(sampleOrder(QStringLiteral("o-1"), QStringLiteral("101")));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("damage"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("store.db")));
        QVERIFY(db.open());
        QSqlQuery damage(db);
        QVERIFY2(damage.exec(QStringLiteral("UPDATE orders SET body = '{\"id\": ' "
                                            "WHERE order_id = 'o-1'")),
                 qPrintable(damage.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));

    const QList<LazyOrder> rows = m_store->openOrderRows();
    QCOMPARE(rows.size(), 1);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("o-1 shows its columns")));
    const Order &order = rows.constFirst().order();
    QCOMPARE(order.number, QStringLiteral("101"));
    QCOMPARE(order.state, OrderState::Placed);
    QVERIFY(order.items.isEmpty());
}

QTEST_GUILESS_MAIN(TestLazyOrder)
#include "tst_lazyorder.moc"
