// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "metrics/metricsservice.h"
#include "storetestsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

namespace {
constexpr qint64 minute = 60 * 1000;
const QStringList destinations{QStringLiteral("platform")};

MetricsSettings utc()
{
    MetricsSettings settings;
    settings.zone = QTimeZone::utc();
    return settings;
}
} // namespace

class TestMetricsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstReportCoversTheLog();
    void newEventsShowWithoutARefresh();
    void aBurstCostsFewerRefreshesThanEvents();
    void aRefusalTakesTheStepBack();
    void anotherWindowCoversOtherOrders();
    void agesMoveOnWithTheClock();
    void anUnreadableStoreSaysSo();
    void aRequestMadeDuringAFailureIsTriedAtOnce();

private:
    MetricsReport nextReport(MetricsService &service);
    void place(const QString &id, qint64 at);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
};

void TestMetricsService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("store.db")));
    QVERIFY(m_store->open());
    m_clock = std::make_unique<ManualClock>(t0 + 60 * minute);
}

void TestMetricsService::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

MetricsReport TestMetricsService::nextReport(MetricsService &service)
{
    QSignalSpy reported(&service, &MetricsService::reportChanged);
    if (!reported.isValid() || !reported.wait(10000))
        return {};
    return reported.takeFirst().at(0).value<MetricsReport>();
}

void TestMetricsService::place(const QString &id, qint64 at)
{
    QVERIFY(m_store->append(placedEvent(sampleOrder(id, id), at), destinations).committed());
}

void TestMetricsService::firstReportCoversTheLog()
{
    place(QStringLiteral("a"), t0);
    place(QStringLiteral("b"), t0 + minute);
    MetricsService service(m_store->path(), *m_clock, utc());
    service.setWindow(MetricsWindow::lastHour(m_clock->nowMs()));
    QVERIFY(!service.hasReport());
    service.start();
    const MetricsReport report = nextReport(service);
    QCOMPARE(report.all.orders, 2);
    QCOMPARE(report.computedAt, m_clock->nowMs());
    QVERIFY(service.hasReport());
    QCOMPARE(service.report().all.orders, 2);
}

void TestMetricsService::newEventsShowWithoutARefresh()
{
    place(QStringLiteral("a"), t0);
    MetricsService service(m_store->path(), *m_clock, utc());
    service.setWindow(MetricsWindow::lastHour(m_clock->nowMs()));
    service.start();
    QCOMPARE(nextReport(service).all.orders, 1);

    QVERIFY(m_store->append(transitionEvent(QStringLiteral("a"), OrderState::Placed,
                                            OrderState::Accepted, t0 + 2 * minute),
                            destinations).committed());
    service.logChanged();
    const MetricsReport report = nextReport(service);
    QCOMPARE(report.all.inState[std::size_t(OrderState::Accepted)], 1);
    QCOMPARE(report.all.timeIn[std::size_t(OrderState::Placed)].median, 2 * minute);
}

void TestMetricsService::aBurstCostsFewerRefreshesThanEvents()
{
    MetricsService service(m_store->path(), *m_clock, utc());
    service.setWindow(MetricsWindow::lastHour(m_clock->nowMs()));
    service.start();
    QCOMPARE(nextReport(service).all.orders, 0);

    QSignalSpy reported(&service, &MetricsService::reportChanged);
    QVERIFY(reported.isValid());
    for (int i = 0; i < 50; ++i) {
        place(QStringLiteral("burst-%1").arg(i), t0 + i * 1000);
        service.logChanged();
    }
    QTRY_COMPARE_WITH_TIMEOUT(service.report().all.orders, 50, 10000);
    QVERIFY(reported.count() < 50);
}

void TestMetricsService::aRefusalTakesTheStepBack()
{
    place(QStringLiteral("a"), t0);
    const OrderEvent accept = transitionEvent(QStringLiteral("a"), OrderState::Placed,
                                              OrderState::Accepted, t0 + minute);
    QVERIFY(m_store->append(accept, destinations).committed());
    MetricsService service(m_store->path(), *m_clock, utc());
    service.setWindow(MetricsWindow::lastHour(m_clock->nowMs()));
    service.start();
    QCOMPARE(nextReport(service).all.inState[std::size_t(OrderState::Accepted)], 1);

    QVERIFY(m_store->markRejected(accept.id, QStringLiteral("the customer cancelled")).applied());
    service.logChanged();
    const MetricsReport report = nextReport(service);
    QCOMPARE(report.all.inState[std::size_t(OrderState::Accepted)], 0);
    QCOMPARE(report.all.inState[std::size_t(OrderState::Placed)], 1);
    QCOMPARE(report.all.refusals, 1);
}

void TestMetricsService::anotherWindowCoversOtherOrders()
{
    place(QStringLiteral("old"), t0 - 3 * 60 * minute);
    place(QStringLiteral("new"), t0);
    MetricsService service(m_store->path(), *m_clock, utc());
    service.setWindow(MetricsWindow::lastHour(m_clock->nowMs()));
    service.start();
    QCOMPARE(nextReport(service).all.orders, 1);
    const QDate day = QDateTime::fromMSecsSinceEpoch(t0, QTimeZone::utc()).date();
    service.setWindow(MetricsWindow::days(day.addDays(-1), day, QTimeZone::utc()));
    QCOMPARE(nextReport(service).all.orders, 2);
}

void TestMetricsService::agesMoveOnWithTheClock()
{
    place(QStringLiteral("a"), m_clock->nowMs());
    MetricsService service(m_store->path(), *m_clock, utc());
    service.setWindow(MetricsWindow::lastHour(m_clock->nowMs()));
    service.setTickMs(10);
    service.start();
    QCOMPARE(nextReport(service).stuck.size(), 0);
    m_clock->advanceMs(6 * minute); // placed and never accepted: stuck after 5 minutes
    QTRY_COMPARE_WITH_TIMEOUT(service.report().stuck.size(), 1, 10000);
    QCOMPARE(service.report().stuck.first().orderId, QStringLiteral("a"));
}

void TestMetricsService::anUnreadableStoreSaysSo()
{
    MetricsService service(m_dir->filePath(QStringLiteral("missing/store.db")), *m_clock, utc());
    QSignalSpy failed(&service, &MetricsService::failed);
    QVERIFY(failed.isValid());
    service.start();
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("cannot read")));
    QVERIFY(!service.hasReport());
}

// A request made while a refresh fails (another period chosen) is tried at once, not at the
// next tick; and only once: a store that stays unreadable is not read in a loop.
void TestMetricsService::aRequestMadeDuringAFailureIsTriedAtOnce()
{
    MetricsService service(m_dir->filePath(QStringLiteral("missing/store.db")), *m_clock, utc());
    static_assert(MetricsService::defaultTickMs >= 10000, "the tick must not be what retries");
    QSignalSpy failed(&service, &MetricsService::failed);
    QVERIFY(failed.isValid());
    service.start();
    service.setWindow(MetricsWindow::lastHour(0)); // while the first refresh is under way
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 5000);
    QTest::qWait(200);
    QCOMPARE(failed.count(), 2);
}

QTEST_GUILESS_MAIN(TestMetricsService)
#include "tst_metricsservice.moc"
