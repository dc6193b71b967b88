// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/tickettimes.h"
#include "guitestsupport.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// The header's average ticket time: placed to ready, over the last hour, each ticket once.
class TestTicketTimes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_fixture.reset(); }

    void averagesTheLastHour();
    void aTicketHandedOverCountsOnce();
    void knowsWhatIsReadyAtStart();

private:
    /** Bumps an order from placed to ready, a minute per step. */
    void toReady(const QString &orderId);

    std::unique_ptr<BoardFixture> m_fixture;
};

void TestTicketTimes::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestTicketTimes::toReady(const QString &orderId)
{
    for (int step = 0; step < 3; ++step) {
        m_fixture->clock().advanceMs(60'000);
        QVERIFY(m_fixture->bump(orderId).ok);
    }
}

void TestTicketTimes::averagesTheLastHour()
{
    TicketTimes times(m_fixture->engine(), m_fixture->clock());
    QSignalSpy changed(&times, &TicketTimes::changed);
    QVERIFY(changed.isValid());
    QCOMPARE(times.averageMs(), std::nullopt);

    const Order first = m_fixture->place(OrderType::Pickup, 0);
    toReady(first.id); // 3 minutes
    QCOMPARE(changed.count(), 1);
    QCOMPARE(times.averageMs(), std::optional<qint64>(3 * 60'000));

    const Order second = m_fixture->place(OrderType::Pickup, 0);
    m_fixture->clock().advanceMs(4 * 60'000);
    toReady(second.id); // 7 minutes
    QCOMPARE(times.count(), 2);
    QCOMPARE(times.averageMs(), std::optional<qint64>(5 * 60'000));

    // An hour after the first came ready, only the second counts; later still, none.
    m_fixture->clock().advanceMs(TicketTimes::windowMs - 7 * 60'000 + 1);
    QCOMPARE(times.count(), 1);
    QCOMPARE(times.averageMs(), std::optional<qint64>(7 * 60'000));
    m_fixture->clock().advanceMs(8 * 60'000);
    QCOMPARE(times.averageMs(), std::nullopt);
}

void TestTicketTimes::aTicketHandedOverCountsOnce()
{
    TicketTimes times(m_fixture->engine(), m_fixture->clock());
    const Order order = m_fixture->place(OrderType::Pickup, 0);
    toReady(order.id);
    m_fixture->clock().advanceMs(60'000);
    QVERIFY(m_fixture->bump(order.id).ok); // handed over: the ticket ended when it came ready
    QCOMPARE(times.count(), 1);
    QCOMPARE(times.averageMs(), std::optional<qint64>(3 * 60'000));
}

void TestTicketTimes::knowsWhatIsReadyAtStart()
{
    const Order order = m_fixture->place(OrderType::Pickup, 0);
    toReady(order.id);
    TicketTimes times(m_fixture->engine(), m_fixture->clock());
    QCOMPARE(times.averageMs(), std::optional<qint64>(3 * 60'000));
}

QTEST_MAIN(TestTicketTimes)
#include "tst_tickettimes.moc"
