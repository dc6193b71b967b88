// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "sim/ordergenerator.h"
#include "store/store.h"
#include "store/storedatabase.h"
#include "sync/platformaudit.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// PlatformAudit on a real store that took the platform's events as a console does.
class TestPlatformAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void inStepIsOk();
    void laterPlatformEventsAreNotYetProblems();
    void refusedHereButLoggedThere();
    void placeBeyondThePlatformsLog();

private:
    Protocol::SequencedEvent platformEvent(const OrderEvent &event);
    void take(const QList<Protocol::SequencedEvent> &events);
    bool hasProblem(const PlatformAuditReport &report, const QString &text) const;

    const QString m_storeId = QStringLiteral("store-a");
    ManualClock m_clock {1'772'366'400'000};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QList<Protocol::SequencedEvent> m_platformLog;
    QList<Order> m_orders;
};

void TestPlatformAudit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("console.sqlite")), &m_clock);
    QVERIFY(m_store->open());
    m_platformLog.clear();
    m_orders.clear();
    OrderGenerator generator(m_storeId, 3);
    for (int i = 0; i < 3; ++i) {
        m_orders.append(generator.next(m_clock.nowMs()));
        m_platformLog.append(platformEvent(OrderEvent::placed(
            m_orders.constLast(), Actor::platform(), QStringLiteral("hub"), m_clock.nowMs())));
    }
    take(m_platformLog);
}

void TestPlatformAudit::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

Protocol::SequencedEvent TestPlatformAudit::platformEvent(const OrderEvent &event)
{
    Protocol::SequencedEvent logged;
    logged.seq = m_platformLog.size() + 1;
    logged.event = event;
    return logged;
}

// As SyncClient applies a platform batch: each event with its seq, and the cursor with them.
void TestPlatformAudit::take(const QList<Protocol::SequencedEvent> &events)
{
    QList<IncomingEvent> batch;
    for (const Protocol::SequencedEvent &logged : events) {
        IncomingEvent incoming;
        incoming.source = QStringLiteral("platform");
        incoming.messageId = logged.event.id.toString(QUuid::WithoutBraces);
        incoming.event = logged.event;
        incoming.hubSeq = logged.seq;
        batch.append(incoming);
    }
    const QList<AppendResult> results = m_store->appendIncomingBatch(
        batch, SourceCursor {QStringLiteral("platform"), QString::number(events.constLast().seq)});
    for (const AppendResult &result : results)
        QVERIFY(result.applied());
}

bool TestPlatformAudit::hasProblem(const PlatformAuditReport &report, const QString &text) const
{
    for (const QString &problem : report.problems) {
        if (problem.contains(text))
            return true;
    }
    qWarning().noquote() << "problems:" << report.problems;
    return false;
}

void TestPlatformAudit::inStepIsOk()
{
    const PlatformAuditReport report = PlatformAudit(*m_store).compare(m_platformLog);
    QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
    QCOMPARE(report.eventsChecked, 3);
    QCOMPARE(report.ordersChecked, 3);
}

void TestPlatformAudit::laterPlatformEventsAreNotYetProblems()
{
    // The platform moved on after this console's cursor: a replay brings that, no divergence.
    m_platformLog.append(platformEvent(
        OrderEvent::transition(m_orders.constFirst().id, m_storeId, OrderState::Placed,
                               OrderState::Cancelled, Actor::platform(), QStringLiteral("hub"),
                               m_clock.nowMs(), QStringLiteral("customer cancelled"))));
    const PlatformAuditReport report = PlatformAudit(*m_store).compare(m_platformLog);
    QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
    QCOMPARE(report.eventsChecked, 3);
}

void TestPlatformAudit::refusedHereButLoggedThere()
{
    QSqlQuery query(StoreDatabase::of(*m_store));
    QVERIFY(query.prepare(QStringLiteral("UPDATE event_status SET rejected_reason = 'late' "
                                         "WHERE event_id = ?")));
    query.addBindValue(m_platformLog.at(1).event.id.toString(QUuid::WithoutBraces));
    QVERIFY(query.exec());
    const PlatformAuditReport report = PlatformAudit(*m_store).compare(m_platformLog);
    QVERIFY(hasProblem(report,
                       QStringLiteral("is refused here (late) but the platform logged "
                                      "it at 2")));
}

void TestPlatformAudit::placeBeyondThePlatformsLog()
{
    // This console took an event "from the platform" at seq 4 that the platform never logged
    // (another hub, or one that lost it): its store agrees with itself, not with the platform.
    const OrderEvent ghost =
        OrderEvent::transition(m_orders.constFirst().id, m_storeId, OrderState::Placed,
                               OrderState::Cancelled, Actor::platform(), QStringLiteral("hub"),
                               m_clock.nowMs(), QStringLiteral("customer cancelled"));
    Protocol::SequencedEvent logged;
    logged.seq = 4;
    logged.event = ghost;
    take({logged});
    const PlatformAuditReport report = PlatformAudit(*m_store).compare(m_platformLog);
    QVERIFY(hasProblem(report,
                       QStringLiteral("has read the platform's log up to 4, but the "
                                      "platform's log ends at 3")));
    QVERIFY(hasProblem(report,
                       QStringLiteral("event %1 is at 4 here, where the platform has no "
                                      "event")
                           .arg(ghost.id.toString(QUuid::WithoutBraces))));
    QVERIFY(hasProblem(report, QStringLiteral("is cancelled here but placed on the platform")));
    QCOMPARE(report.problems.size(), 3);
}

QTEST_GUILESS_MAIN(TestPlatformAudit)
#include "tst_platformaudit.moc"
