// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Poison towards the platform, end to end: a real hub on 127.0.0.1 whose database cannot take one
// order's events (a trigger, as a platform-side constraint would), and a console whose kitchen
// keeps working. The order's first failing event reaches the dead letters after K attempts, its
// later event parks behind it (not refused for want of it), the other orders go through without
// waiting, and once the platform is mended a manager's redrive converges everything.
#include "synctestbed.h"

#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "store/outbox.h"
#include "store/storedatabase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace SyncTest;

namespace {
const QString store = QStringLiteral("store-p");
const QString trigger = QStringLiteral("refuse_poisoned_order");

TransitionDetails promise(const Clock &clock)
{
    TransitionDetails details;
    details.promisedAt = clock.nowMs() + 15 * 60 * 1000;
    return details;
}

RetryPolicy fastRetries()
{
    RetryPolicy policy;
    policy.baseMs = 20;
    policy.capMs = 100;
    policy.maxAttempts = 3;
    policy.seed = 5;
    return policy;
}

/** Runs sql on the hub's database from a connection of its own, as a DBA would. */
bool execOnHub(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("dba"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        ok = db.open() && QSqlQuery(db).exec(sql);
        if (!ok)
            qWarning() << "hub database:" << db.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dba"));
    return ok;
}

int refusalsIn(Store &console)
{
    QSqlQuery query(StoreDatabase::of(console));
    if (!query.exec(QStringLiteral(
                "SELECT count(*) FROM event_status WHERE rejected_reason IS NOT NULL"))
        || !query.next())
        return -1;
    return query.value(0).toInt();
}
} // namespace

class TestPlatformPoison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void anEventThePlatformCannotStoreHoldsOnlyItsOrder();

private:
    SystemClock m_clock;
};

void TestPlatformPoison::anEventThePlatformCannotStoreHoldsOnlyItsOrder()
{
    HubBed hub(m_clock);
    QVERIFY(hub.start({{store, {QStringLiteral("c1")}}}));
    ConsoleOptions options;
    options.ackTimeoutMs = 1500; // the starts go well before the accepts' answer is late
    options.platformRetry = fastRetries();
    auto console = hub.console(store, QStringLiteral("c1"), options);
    QTRY_VERIFY(console->isLive());
    OrderGenerator generator(store, 11);
    QStringList orders;
    for (int i = 0; i < 3; ++i)
        orders.append(hub.place(generator, store));
    QVERIFY(!orders.contains(QString()));
    QTRY_VERIFY(console->stateOf(orders.constLast()).has_value());
    const QString poisoned = orders.constFirst();
    QVERIFY(execOnHub(hub.databasePath(),
                      QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON events "
                                     "WHEN NEW.order_id = '%2' BEGIN SELECT RAISE(ABORT, "
                                     "'the platform cannot keep this order'); END")
                              .arg(trigger, poisoned)));

    // The kitchen accepts all three, then starts them while the accepts are still unanswered:
    // the hub has failed the accepts' frame, and the starts come in a frame of their own.
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    QSignalSpy hubErrors(&console->link(), &PlatformLink::problem);
    QVERIFY(hubErrors.isValid());
    for (const QString &id : std::as_const(orders))
        QVERIFY(console->engine().transition(id, OrderState::Accepted, cook, promise(m_clock)).ok);
    QTRY_COMPARE(hubErrors.count(), 1);
    for (const QString &id : std::as_const(orders))
        QVERIFY(console->engine().advance(id, cook).ok);
    ChannelDispatcher *platform = console->engine().channels().dispatcher(PlatformChannel::name);
    QVERIFY(platform);
    // The others were not held behind it: both reach preparing on the platform.
    for (const QString &id : orders.mid(1)) {
        QTRY_VERIFY_WITH_TIMEOUT(hub.log().order(store, id)
                                         && hub.log().order(store, id)->state
                                                 == OrderState::Preparing,
                                 30'000);
    }
    // The kitchen goes on with new orders while the poisoned one keeps failing: the platform
    // answering them is what shows the fault is that event's, not the platform's.
    for (int round = 0; round < 200 && platform->health().deadLetters == 0; ++round) {
        const QString next = hub.place(generator, store);
        QTRY_VERIFY(console->stateOf(next).has_value());
        QVERIFY(console->engine().transition(next, OrderState::Accepted, cook, promise(m_clock)).ok);
        QTest::qWait(options.ackTimeoutMs / 4);
    }
    const ChannelHealth health = platform->health();
    QCOMPARE(health.deadLetters, 1);
    const DeadLetter dead = Outbox(console->store()).deadLetters().constFirst();
    QCOMPARE(dead.event.orderId, poisoned);
    QCOMPARE(dead.event.kind, EventKind::Transition);
    QCOMPARE(dead.event.to, OrderState::Accepted);
    QCOMPARE(dead.attempts, fastRetries().maxAttempts);
    QCOMPARE(health.parkedOrders, 1);
    QCOMPARE(health.parkedEvents, 1); // its start, never judged
    QCOMPARE(refusalsIn(console->store()), 0);
    QCOMPARE(hub.log().order(store, poisoned)->state, OrderState::Placed);

    // Mended on the platform's side; a manager sends it again: the order catches up, in order.
    QVERIFY(execOnHub(hub.databasePath(), QStringLiteral("DROP TRIGGER %1").arg(trigger)));
    const AppendResult redriven = console->engine().channels().redrive(
            dead.id, Actor::manager(QStringLiteral("maria")), QStringLiteral("c1"));
    QVERIFY2(redriven.committed(), qPrintable(redriven.error));
    QTRY_VERIFY_WITH_TIMEOUT(hub.log().order(store, poisoned)->state == OrderState::Preparing,
                             30'000);
    QTRY_VERIFY_WITH_TIMEOUT(console->client().cursor() == hub.log().head(store)
                                     && platform->health().pending == 0,
                             30'000);
    checkConverged(*console, hub.log(), store);
    QCOMPARE(refusalsIn(console->store()), 0);
}

QTEST_GUILESS_MAIN(TestPlatformPoison)
#include "tst_platformpoison.moc"
