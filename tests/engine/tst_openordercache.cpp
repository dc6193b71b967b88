// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openordercache.h"

#include <QTest>

// The open orders are read once for everyone who asks in one event-loop turn, and never kept
// past a change or the turn.
class TestOpenOrderCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneReadServesTheTurn();
    void aChangeMeansReadingAgain();
    void nothingIsKeptPastTheTurn();

private:
    QList<LazyOrder> read();

    int m_reads = 0;
};

QList<LazyOrder> TestOpenOrderCache::read()
{
    ++m_reads;
    Order order;
    order.id = QStringLiteral("o-%1").arg(m_reads);
    return {LazyOrder(order)};
}

void TestOpenOrderCache::oneReadServesTheTurn()
{
    m_reads = 0;
    OpenOrderCache cache;
    const auto reader = [this] { return read(); };
    QCOMPARE(cache.get(reader).constFirst().head().id, QStringLiteral("o-1"));
    QCOMPARE(cache.get(reader).constFirst().head().id, QStringLiteral("o-1"));
    QCOMPARE(m_reads, 1);
}

void TestOpenOrderCache::aChangeMeansReadingAgain()
{
    m_reads = 0;
    OpenOrderCache cache;
    const auto reader = [this] { return read(); };
    cache.get(reader);
    cache.invalidate();
    QCOMPARE(cache.get(reader).constFirst().head().id, QStringLiteral("o-2"));
    QCOMPARE(m_reads, 2);
}

void TestOpenOrderCache::nothingIsKeptPastTheTurn()
{
    m_reads = 0;
    OpenOrderCache cache;
    const auto reader = [this] { return read(); };
    cache.get(reader);
    // The next turn reads the store again, whatever happened meanwhile.
    QVERIFY(QTest::qWaitFor([&] {
        cache.get(reader);
        return m_reads == 2;
    }));
    QCOMPARE(cache.get(reader).constFirst().head().id, QStringLiteral("o-2"));
}

QTEST_GUILESS_MAIN(TestOpenOrderCache)
#include "tst_openordercache.moc"
