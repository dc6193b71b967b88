// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Archiving on its own thread beside a console that keeps working on the same store file: a run
// refused by another program's lock says why and changes nothing; the next one does the work.
#include "lockholder.h"
#include "storetestsupport.h"

#include "common/clock.h"
#include "session/archiveschedule.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

namespace {
constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
constexpr int answerMs = 20'000;
} // namespace

class TestArchiveSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void archivesBesideAWorkingConsole();
    void aLockedStoreIsTriedAgainNextTime();
    void readsItsDaysFromTheSettings();

private:
    QString path() const { return m_disk.path(); }
    void finishOrder(const QString &id, qint64 at);

    StoreOnDisk m_disk;
};

void TestArchiveSchedule::initTestCase()
{
    qRegisterMetaType<ArchiveReport>();
    QLoggingCategory::setFilterRules(QStringLiteral("kc.store.info=false\nkc.store.warning=false"));
}

void TestArchiveSchedule::init()
{
    const Result<void> opened = m_disk.open();
    QVERIFY2(opened, qPrintable(opened.error()));
}

void TestArchiveSchedule::cleanup()
{
    m_disk.close();
}

void TestArchiveSchedule::finishOrder(const QString &id, qint64 at)
{
    QVERIFY(m_disk.store->appendIncoming(incoming(placedEvent(sampleOrder(id, id), at))).committed());
    QVERIFY(m_disk.store->append(transitionEvent(id, OrderState::Placed, OrderState::Rejected, at + 1),
                            {})
                    .committed());
}

void TestArchiveSchedule::archivesBesideAWorkingConsole()
{
    for (int i = 0; i < 30; ++i)
        finishOrder(QStringLiteral("old-%1").arg(i), t0 + i);
    m_disk.clock->setNowMs(t0 + 40 * dayMs);
    ArchivePolicy policy;
    policy.ordersPerBatch = 7;
    ArchiveSchedule schedule(path(), *m_disk.clock, policy);
    QSignalSpy archived(&schedule, &ArchiveSchedule::archived);
    QVERIFY(archived.isValid());
    schedule.start(0);

    // The console's own connection keeps writing while the run goes on.
    int today = 0;
    while (archived.isEmpty() && today < 200) {
        finishOrder(QStringLiteral("today-%1").arg(today++), m_disk.clock->nowMs());
        QCoreApplication::processEvents();
    }
    QVERIFY(archived.wait(answerMs) || !archived.isEmpty());
    const ArchiveReport report = archived.constFirst().constFirst().value<ArchiveReport>();
    QCOMPARE(report.orders, 30);
    QCOMPARE(report.events, 60);
    QVERIFY(!schedule.isRunning());
    QCOMPARE(m_disk.store->orders(false).size(), today);
    QCOMPARE(m_disk.store->eventCount(), 2 * today);
    QVERIFY(!m_disk.store->order(QStringLiteral("old-0")));
}

void TestArchiveSchedule::aLockedStoreIsTriedAgainNextTime()
{
    finishOrder(QStringLiteral("old"), t0);
    m_disk.clock->setNowMs(t0 + 40 * dayMs);
    ArchiveSchedule schedule(path(), *m_disk.clock, {});
    QSignalSpy archived(&schedule, &ArchiveSchedule::archived);
    QSignalSpy failed(&schedule, &ArchiveSchedule::failed);
    QVERIFY(archived.isValid());
    QVERIFY(failed.isValid());
    {
        LockHolder holder(QStringLiteral(KC_LOCKHOLDER_PATH));
        QVERIFY(holder.lock(path()));
        schedule.runNow();
        QVERIFY(failed.wait(answerMs));
        QVERIFY2(failed.constFirst().constFirst().toString().contains(QLatin1String("locked")),
                 qPrintable(failed.constFirst().constFirst().toString()));
        QVERIFY(archived.isEmpty());
        QVERIFY(m_disk.store->order(QStringLiteral("old")));
    }
    schedule.runNow();
    QVERIFY(archived.wait(answerMs));
    QCOMPARE(archived.constFirst().constFirst().value<ArchiveReport>().orders, 1);
    QVERIFY(!m_disk.store->order(QStringLiteral("old")));
}

void TestArchiveSchedule::readsItsDaysFromTheSettings()
{
    QSettings settings(m_disk.dir->filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    QCOMPARE(ArchiveSchedule::policyFrom(settings).afterDays, ArchivePolicy::defaultAfterDays);
    settings.setValue(QStringLiteral("archive/after_days"), 90);
    QCOMPARE(ArchiveSchedule::policyFrom(settings).afterDays, 90);
    // Fewer days than the dashboard's longest window, or no number: the default, with a warning.
    for (const QVariant &wrong : {QVariant(7), QVariant(QStringLiteral("soon"))}) {
        settings.setValue(QStringLiteral("archive/after_days"), wrong);
        QCOMPARE(ArchiveSchedule::policyFrom(settings).afterDays, ArchivePolicy::defaultAfterDays);
    }
}

QTEST_GUILESS_MAIN(TestArchiveSchedule)
#include "tst_archiveschedule.moc"
