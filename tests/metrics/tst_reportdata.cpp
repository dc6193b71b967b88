// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A report's data read from a real store file: the window's orders and no others, in the store's
// time zone, and a store file that is not there is never made.
#include "metrics/reportdata.h"
#include "storetestsupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

namespace {
const QDate december1(2026, 12, 1);

qint64 utc(QDate day, int hour, int min)
{
    return QDateTime(day, QTime(hour, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

MetricsSettings settingsIn(const QTimeZone &zone)
{
    MetricsSettings settings;
    settings.zone = zone;
    return settings;
}

QStringList idsOf(const ReportData &data)
{
    QStringList ids;
    for (const ReportData::PlacedOrder &order : data.orders)
        ids.append(order.id);
    return ids;
}
} // namespace

class TestReportData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsTheWindowsOrdersOnly();
    void readsAnOpenStoreOverItsConnection();
    void daysAreTheStoresLocalDays();
    void aMissingStoreIsNeverMade();
    void daysOfTheWindow();

private:
    void place(const QString &id, qint64 at, OrderType type = OrderType::Pickup);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QString m_path;
};

void TestReportData::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("store.db"));
    m_store = std::make_unique<Store>(m_path);
    QVERIFY(m_store->open());
    // Placed out of time order: the data comes back by placed time.
    place(QStringLiteral("noon"), utc(december1, 12, 0));
    place(QStringLiteral("morning"), utc(december1, 9, 30), OrderType::Delivery);
    place(QStringLiteral("before"), utc(december1.addDays(-1), 23, 59));
    place(QStringLiteral("late-night"), utc(december1.addDays(1), 3, 0)); // 22:00 in New York
    QVERIFY(m_store
                ->append(transitionEvent(QStringLiteral("noon"), OrderState::Placed,
                                         OrderState::Accepted, utc(december1, 12, 1)),
                         {QStringLiteral("platform")})
                .committed());
}

void TestReportData::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestReportData::place(const QString &id, qint64 at, OrderType type)
{
    QVERIFY(
        m_store->append(placedEvent(sampleOrder(id, id, type), at), {QStringLiteral("platform")})
            .committed());
}

void TestReportData::readsTheWindowsOrdersOnly()
{
    const MetricsSettings settings = settingsIn(QTimeZone::utc());
    const qint64 now = utc(december1, 18, 0);
    const Result<ReportData> data = ReportData::readFile(
        m_path, MetricsWindow::days(december1, december1, settings.zone), settings, now);
    QVERIFY2(data, qPrintable(data.error()));
    QCOMPARE(idsOf(*data), QStringList({QStringLiteral("morning"), QStringLiteral("noon")}));
    QCOMPARE(data->report.all.orders, 2);
    QCOMPARE(data->report.computedAt, now);
    QCOMPARE(data->orders.at(1).timeline.enteredAt(OrderState::Accepted), utc(december1, 12, 1));
    QCOMPARE(data->orders.at(0).timeline.type(), OrderType::Delivery);
}

void TestReportData::readsAnOpenStoreOverItsConnection()
{
    const MetricsSettings settings = settingsIn(QTimeZone::utc());
    const MetricsWindow window = MetricsWindow::days(december1, december1, settings.zone);
    const qint64 now = utc(december1, 18, 0);
    const Result<ReportData> direct = ReportData::read(*m_store, window, settings, now);
    const Result<ReportData> fromFile = ReportData::readFile(m_path, window, settings, now);
    QVERIFY(direct);
    QVERIFY(fromFile);
    QCOMPARE(idsOf(*direct), idsOf(*fromFile));
    QCOMPARE(direct->report.all.inState, fromFile->report.all.inState);
}

void TestReportData::daysAreTheStoresLocalDays()
{
    const QTimeZone newYork("America/New_York");
    QVERIFY(newYork.isValid());
    const MetricsSettings settings = settingsIn(newYork);
    const Result<ReportData> data =
        ReportData::readFile(m_path, MetricsWindow::days(december1, december1, newYork), settings,
                             utc(december1.addDays(2), 0, 0));
    QVERIFY2(data, qPrintable(data.error()));
    // 23:59 UTC on the 30th is 18:59 there, the day before; 03:00 UTC on the 2nd is still the 1st.
    QCOMPARE(idsOf(*data),
             QStringList({QStringLiteral("morning"), QStringLiteral("noon"),
                          QStringLiteral("late-night")}));
    QCOMPARE(data->zone, newYork);
    QCOMPARE(data->report.byHour[22].orders, 1);
}

void TestReportData::aMissingStoreIsNeverMade()
{
    const QString missing = m_dir->filePath(QStringLiteral("no-such-store.db"));
    const MetricsSettings settings = settingsIn(QTimeZone::utc());
    const Result<ReportData> data = ReportData::readFile(
        missing, MetricsWindow::days(december1, december1, settings.zone), settings, 0);
    QVERIFY(!data);
    QVERIFY2(data.error().contains(missing), qPrintable(data.error()));
    QVERIFY(!QFileInfo::exists(missing));
}

void TestReportData::daysOfTheWindow()
{
    ReportData data;
    data.report.window = MetricsWindow::days(december1, december1.addDays(6), QTimeZone::utc());
    QCOMPARE(data.firstDay(), december1);
    QCOMPARE(data.lastDay(), december1.addDays(6));
    // A window that is not whole days is named by the days of its first and last moment.
    data.report.window = MetricsWindow::lastHour(utc(december1, 0, 30));
    QCOMPARE(data.firstDay(), december1.addDays(-1));
    QCOMPARE(data.lastDay(), december1);
}

QTEST_GUILESS_MAIN(TestReportData)
#include "tst_reportdata.moc"
