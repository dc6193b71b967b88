// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// LogFollower (with PostgresLogWatch): fan-out over a log that other processes write too. Two
// HubRecords on one PostgreSQL database stand for two order-hub processes.
#include "hubstoragebackends.h"
#include "hubtestsupport.h"

#include "hub/hub.h"
#include "hub/hublog.h"
#include "hub/logfollower.h"
#include "hub/storage/postgreslogwatch.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
const QString storeA = QStringLiteral("store-a");
const QString storeB = QStringLiteral("store-b");
constexpr int timeoutMs = 10'000;

// Every seq the spy's fannedOut signals carried for the store, in the order they came.
QList<qint64> fannedSeqs(const QSignalSpy &spy, const QString &storeId)
{
    QList<qint64> seqs;
    for (const QList<QVariant> &call : spy) {
        if (call.at(0).toString() != storeId)
            continue;
        const auto events = call.at(1).value<QList<Protocol::SequencedEvent>>();
        for (const Protocol::SequencedEvent &event : events)
            seqs.append(event.seq);
    }
    return seqs;
}

OrderEvent newOrder(const QString &storeId)
{
    return HubTest::placed(HubTest::order(storeId, QStringLiteral("1")));
}
} // namespace

class TestLogFollower : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void ownCommitsFanOutAtOnce();
    void othersCommitsFanOutWhenWoken();
    void aGapIsReadFromTheLogFirst();
    void startsAtTheHead();
    void notifyWakesTheFollower();
    void noticesMissedWhileTheServerRestartedAreCaughtUp();
    void anotherProcessesRulesRouteTheNextOrder();

private:
    HubTest::StorageBackends m_backends;
    std::unique_ptr<HubTest::StorageBackend> m_backend;
    ManualClock m_clock {HubTest::startMs()};
    std::unique_ptr<HubRecords> m_here; // this process
    std::unique_ptr<HubRecords> m_there; // another process on the same database
    std::unique_ptr<Hub> m_hub;
};

void TestLogFollower::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<QList<Protocol::SequencedEvent>>();
}

void TestLogFollower::init()
{
    QString error;
    m_backend = m_backends.make(QStringLiteral("postgres"), &error);
    QVERIFY2(m_backend, qPrintable(error));
    m_here = HubTest::openRecords(*m_backend, m_clock);
    m_there = HubTest::openRecords(*m_backend, m_clock);
    QVERIFY(m_here && m_there);
    QVERIFY(m_here->stores().add(storeA));
    QVERIFY(m_here->stores().add(storeB));
    m_hub = std::make_unique<Hub>(*m_here);
}

void TestLogFollower::cleanup()
{
    m_hub.reset();
    m_there.reset();
    m_here.reset();
    m_backend.reset();
}

void TestLogFollower::ownCommitsFanOutAtOnce()
{
    LogFollower follower(*m_hub);
    QSignalSpy fanned(&follower, &LogFollower::fannedOut);
    QVERIFY(fanned.isValid());
    QCOMPARE(m_hub->submitAll({newOrder(storeA), newOrder(storeA), newOrder(storeB)}).size(), 3);
    // Within the submit, as without a follower: no wake-up needed.
    QCOMPARE(fannedSeqs(fanned, storeA), QList<qint64>({1, 2}));
    QCOMPARE(fannedSeqs(fanned, storeB), QList<qint64>({1}));
    QCOMPARE(follower.lastFanned(storeA), 2);
    // Our own commit's notice reads nothing new.
    follower.storeWritten(storeA);
    QCOMPARE(fannedSeqs(fanned, storeA), QList<qint64>({1, 2}));
}

void TestLogFollower::othersCommitsFanOutWhenWoken()
{
    LogFollower follower(*m_hub);
    QSignalSpy fanned(&follower, &LogFollower::fannedOut);
    QVERIFY(fanned.isValid());
    QCOMPARE(m_there->log().submitAll({newOrder(storeA), newOrder(storeA)}).size(), 2);
    QCOMPARE(fanned.size(), 0); // nothing told this process yet
    follower.storeWritten(storeA);
    QCOMPARE(fannedSeqs(fanned, storeA), QList<qint64>({1, 2}));
    follower.storeWritten(storeA); // a repeated notice: nothing twice
    follower.storeWritten(storeB); // a notice with nothing new
    QCOMPARE(fannedSeqs(fanned, storeA), QList<qint64>({1, 2}));
    QCOMPARE(fannedSeqs(fanned, storeB), QList<qint64>());
}

// Another process committed seq 1, whose notice has not arrived, and this one commits seq 2:
// consoles must get 1 before 2, not 2 alone.
void TestLogFollower::aGapIsReadFromTheLogFirst()
{
    LogFollower follower(*m_hub);
    QSignalSpy fanned(&follower, &LogFollower::fannedOut);
    QVERIFY(fanned.isValid());
    QCOMPARE(m_there->log().submit(newOrder(storeA)).seq, 1);
    QCOMPARE(m_hub->submit(newOrder(storeA)).seq, 2);
    QCOMPARE(fannedSeqs(fanned, storeA), QList<qint64>({1, 2}));
    follower.storeWritten(storeA); // the late notice
    QCOMPARE(fannedSeqs(fanned, storeA), QList<qint64>({1, 2}));
}

void TestLogFollower::startsAtTheHead()
{
    QCOMPARE(m_there->log().submitAll({newOrder(storeA), newOrder(storeA)}).size(), 2);
    LogFollower follower(*m_hub);
    QSignalSpy fanned(&follower, &LogFollower::fannedOut);
    QVERIFY(fanned.isValid());
    QCOMPARE(follower.lastFanned(storeA), 2); // older events are a joining console's replay
    QCOMPARE(m_there->log().submit(newOrder(storeA)).seq, 3);
    follower.storeWritten(storeA);
    QCOMPARE(fannedSeqs(fanned, storeA), QList<qint64>({3}));
}

void TestLogFollower::notifyWakesTheFollower()
{
    auto &backend = static_cast<HubTest::PostgresBackend &>(*m_backend);
    PostgresLogWatch watch(backend.address());
    QVERIFY(watch.open());
    LogFollower follower(*m_hub);
    connect(&watch, &PostgresLogWatch::storeWritten, &follower, &LogFollower::storeWritten);
    QSignalSpy written(&watch, &PostgresLogWatch::storeWritten);
    QVERIFY(written.isValid());
    QSignalSpy fanned(&follower, &LogFollower::fannedOut);
    QVERIFY(fanned.isValid());
    QCOMPARE(m_there->log().submit(newOrder(storeB)).seq, 1);
    QTRY_COMPARE_WITH_TIMEOUT(fannedSeqs(fanned, storeB), QList<qint64>({1}), timeoutMs);
    QCOMPARE(written.constFirst().at(0).toString(), storeB);
    // Every committed write is announced, not only the first.
    QCOMPARE(m_there->log().submit(newOrder(storeB)).seq, 2);
    QTRY_COMPARE_WITH_TIMEOUT(fannedSeqs(fanned, storeB), QList<qint64>({1, 2}), timeoutMs);
}

// The listening connection dies with a server restart, and a notice sent before it listens
// again is lost: once it listens again, the follower reads every store.
void TestLogFollower::noticesMissedWhileTheServerRestartedAreCaughtUp()
{
    auto &backend = static_cast<HubTest::PostgresBackend &>(*m_backend);
    PostgresLogWatch watch(backend.address(), 200);
    QVERIFY(watch.open());
    LogFollower follower(*m_hub);
    connect(&watch, &PostgresLogWatch::storeWritten, &follower, &LogFollower::storeWritten);
    connect(&watch, &PostgresLogWatch::resumed, &follower, &LogFollower::catchUpAll);
    QSignalSpy resumed(&watch, &PostgresLogWatch::resumed);
    QVERIFY(resumed.isValid());
    QSignalSpy fanned(&follower, &LogFollower::fannedOut);
    QVERIFY(fanned.isValid());
    QString error;
    PostgresCluster *cluster = m_backends.cluster(&error);
    QVERIFY2(cluster && cluster->restart(&error), qPrintable(error));
    QCOMPARE(m_there->log().submit(newOrder(storeA)).seq, 1); // its notice finds no listener
    QVERIFY(resumed.wait(timeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(fannedSeqs(fanned, storeA), QList<qint64>({1}), timeoutMs);
    // And it listens again.
    QCOMPARE(m_there->log().submit(newOrder(storeB)).seq, 1);
    QTRY_COMPARE_WITH_TIMEOUT(fannedSeqs(fanned, storeB), QList<qint64>({1}), timeoutMs);
}


// A store's routes changed through another process apply to the platform's next order here, once
// the change is fanned out, not at this process's next restart.
void TestLogFollower::anotherProcessesRulesRouteTheNextOrder()
{
    LogFollower follower(*m_hub);
    const auto placedWithAShake = [](const QString &number) {
        Order order = HubTest::order(storeA, number);
        order.items.first().name = QStringLiteral("Chocolate shake");
        order.items.first().station = QStringLiteral("cold");
        return HubTest::placed(order);
    };
    const auto stationOf = [this](const OrderEvent &placed) {
        const std::optional<Order> logged = m_hub->log().order(storeA, placed.orderId);
        return logged ? logged->items.constFirst().station : QString();
    };
    const OrderEvent before = placedWithAShake(QStringLiteral("1"));
    QVERIFY(m_hub->submit(before).acked());
    QCOMPARE(stationOf(before), QStringLiteral("cold")); // no routes yet, as sent

    StorePolicy rules;
    rules.stations = {QStringLiteral("grill"), QStringLiteral("pass")};
    rules.routes = {{QStringLiteral("shake"), QStringLiteral("pass")}};
    QVERIFY(m_there->log().submit(HubTest::policyChange(storeA, rules)).acked());
    follower.storeWritten(storeA); // its notice

    const OrderEvent after = placedWithAShake(QStringLiteral("2"));
    QVERIFY(m_hub->submit(after).acked());
    QCOMPARE(stationOf(after), QStringLiteral("pass"));
}

QTEST_GUILESS_MAIN(TestLogFollower)
#include "tst_logfollower.moc"
