// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard/synchealth.h"
#include "dashboard/synchealthmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {
constexpr qint64 now = 1'800'000'000'000;
constexpr qint64 minute = 60 * 1000;
} // namespace

class TestSyncHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judge_data();
    void judge();
    void uptimeIsShownOnceThereIsSome();
    void modelShowsTheLevelInWordsAndColour();
};

void TestSyncHealth::judge_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("pending");
    QTest::addColumn<qint64>("oldestAgo"); // -1: nothing waits
    QTest::addColumn<int>("deadLetters");
    QTest::addColumn<QString>("lastError");
    QTest::addColumn<qint64>("heldFor"); // 0: not held
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("says");

    using S = OrderChannel::State;
    using L = SyncHealth::Level;
    QTest::newRow("live, all sent") << int(S::Live) << 0 << qint64(-1) << 0 << QString() << qint64(0)
                                    << int(L::Green) << QStringLiteral("everything is sent");
    QTest::newRow("live, sending") << int(S::Live) << 3 << qint64(5000) << 0 << QString() << qint64(0)
                                   << int(L::Green) << QStringLiteral("sending");
    QTest::newRow("live but slow") << int(S::Live) << 3 << 2 * minute << 0 << QString() << qint64(0)
                                   << int(L::Amber) << QStringLiteral("slow");
    QTest::newRow("live, last try failed")
            << int(S::Live) << 1 << qint64(5000) << 0 << QStringLiteral("HTTP 500") << qint64(0)
            << int(L::Amber) << QStringLiteral("HTTP 500");
    QTest::newRow("connecting") << int(S::Connecting) << 0 << qint64(-1) << 0 << QString()
                                << qint64(0) << int(L::Amber) << QStringLiteral("Connecting");
    QTest::newRow("offline briefly") << int(S::Offline) << 2 << minute << 0 << QString()
                                     << qint64(0) << int(L::Amber)
                                     << QStringLiteral("will be sent");
    QTest::newRow("offline with old changes") << int(S::Offline) << 9 << 7 * minute << 0
                                              << QString() << qint64(0) << int(L::Red)
                                              << QStringLiteral("Not connected for 7 min");
    QTest::newRow("held by the far end") << int(S::Live) << 4 << minute << 0 << QString()
                                         << 30 * 1000LL << int(L::Amber)
                                         << QStringLiteral("wait");
    QTest::newRow("dead letters") << int(S::Live) << 0 << qint64(-1) << 2 << QString() << qint64(0)
                                  << int(L::Red) << QStringLiteral("Dead letters");
}

void TestSyncHealth::judge()
{
    QFETCH(int, state);
    QFETCH(int, pending);
    QFETCH(qint64, oldestAgo);
    QFETCH(int, deadLetters);
    QFETCH(QString, lastError);
    QFETCH(qint64, heldFor);
    QFETCH(int, level);
    QFETCH(QString, says);

    ChannelHealth channel;
    channel.destination = QStringLiteral("pos:square");
    channel.state = OrderChannel::State(state);
    channel.pending = pending;
    if (oldestAgo >= 0)
        channel.oldestPendingAt = now - oldestAgo;
    channel.deadLetters = deadLetters;
    channel.lastError = lastError;
    if (heldFor > 0)
        channel.heldUntil = now + heldFor;
    LinkUptime uptime;
    uptime.state = channel.state;
    uptime.since = now - 7 * minute;
    const SyncHealth health = SyncHealth::judge(channel, uptime, now);
    QCOMPARE(int(health.level), level);
    QVERIFY2(health.reason.contains(says, Qt::CaseInsensitive), qPrintable(health.reason));
    QCOMPARE(SyncHealth::displayName(channel.destination), QStringLiteral("Square POS"));
}

void TestSyncHealth::uptimeIsShownOnceThereIsSome()
{
    ChannelHealth channel;
    channel.destination = QStringLiteral("platform");
    channel.state = OrderChannel::State::Live;
    LinkUptime uptime;
    uptime.state = OrderChannel::State::Live;
    uptime.watchedMs = 10 * minute;
    uptime.liveMs = 9 * minute;
    const SyncHealth health = SyncHealth::judge(channel, uptime, now);
    QVERIFY2(health.detail.contains(QStringLiteral("live 90 %")), qPrintable(health.detail));
    QVERIFY(!SyncHealth::judge(channel, std::nullopt, now).detail.contains(QStringLiteral("live")));
}

void TestSyncHealth::modelShowsTheLevelInWordsAndColour()
{
    SyncHealthModel model;
    QAbstractItemModelTester tester(&model);
    SyncHealth red;
    red.destination = QStringLiteral("platform");
    red.level = SyncHealth::Level::Red;
    red.reason = QStringLiteral("why");
    model.setRows({red});
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex level = model.index(0, SyncHealthModel::LevelColumn);
    QCOMPARE(level.data().toString(), QStringLiteral("Failing"));
    QVERIFY(level.data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(0, SyncHealthModel::LinkColumn).data().toString(),
             QStringLiteral("Platform"));
    red.level = SyncHealth::Level::Green;
    model.setRows({red});
    QCOMPARE(level.data().toString(), QStringLiteral("OK"));
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestSyncHealth)
#include "tst_synchealth.moc"
