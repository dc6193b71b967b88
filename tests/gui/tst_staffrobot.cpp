// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The scripted staff of load runs, over a real hub on 127.0.0.1 and three consoles of one store
// (expo, grill, fry), each with its own store file: robots acting through the board's commands
// carry every order to its end while the platform keeps placing more, race each other as real
// screens do, and every console ends equal to the hub.
#include "board/boardactions.h"
#include "board/staffrobot.h"
#include "synctestbed.h"

#include "order/stationrules.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

using namespace SyncTest;

namespace {
const QString store = QStringLiteral("store-r");
const QStringList screens{QStringLiteral("expo"), QStringLiteral("grill"), QStringLiteral("fry")};
constexpr int orders = 40;

StaffRobot::Pace pace(quint32 seed)
{
    StaffRobot::Pace pace;
    pace.tickMs = 40;
    pace.actionsPerTick = 3;
    pace.minDwellMs = 20;
    pace.maxDwellMs = 150;
    pace.rejectPerMille = 100;
    pace.recallPerMille = 250;
    pace.seed = seed;
    return pace;
}

/** One screen: its console and the robot working it. */
struct Screen
{
    std::unique_ptr<Console> console;
    std::unique_ptr<BoardActions> actions;
    std::unique_ptr<StaffRobot> robot;
};

// Done in the kitchen: rejected, or handed to the customer or the courier (the courier, not
// the kitchen, says delivered).
bool leftTheKitchen(const Order &order)
{
    return order.state == OrderState::Rejected || order.state == OrderState::PickedUp
            || order.state == OrderState::OutForDelivery || order.state == OrderState::Delivered;
}

bool finished(HubLog &log)
{
    const QList<Order> all = log.orders(store);
    return all.size() == orders && std::all_of(all.cbegin(), all.cend(), leftTheKitchen);
}

/** What is left open on the platform, for a failure's message. */
QString stillOpen(HubLog &log)
{
    QStringList open;
    for (const Order &order : log.orders(store)) {
        if (!leftTheKitchen(order))
            open.append(QStringLiteral("%1 %2 (open at: %3)")
                                .arg(order.number, OrderStates::toString(order.state),
                                     StationRules::openStations(order).join(QLatin1Char(','))));
    }
    return open.join(QStringLiteral("; "));
}
} // namespace

class TestStaffRobot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void robotsCarryEveryOrderToItsEndAndConsolesEqualTheHub();

private:
    SystemClock m_clock;
};

void TestStaffRobot::robotsCarryEveryOrderToItsEndAndConsolesEqualTheHub()
{
    HubBed hub(m_clock);
    QVERIFY(hub.start({{store, screens}}));
    std::vector<Screen> kitchen;
    int refusals = 0;
    for (int i = 0; i < screens.size(); ++i) {
        Screen screen;
        screen.console = hub.console(store, screens.at(i));
        BoardOptions options;
        options.staffId = QStringLiteral("robot-") + screens.at(i);
        screen.actions = std::make_unique<BoardActions>(screen.console->engine(), m_clock, options);
        screen.robot = std::make_unique<StaffRobot>(screen.console->engine(), *screen.actions,
                                                    m_clock, i == 0 ? QString() : screens.at(i),
                                                    pace(quint32(7 + i)));
        connect(screen.robot.get(), &StaffRobot::refused, this, [&refusals] { ++refusals; });
        kitchen.push_back(std::move(screen));
    }
    for (const Screen &screen : kitchen)
        QTRY_VERIFY(screen.console->isLive());
    for (const Screen &screen : kitchen)
        screen.robot->start();

    // The platform places an order every 60 ms, each with grill and fry lines, some a line of
    // expo's own; the robots work while they arrive.
    OrderGenerator generator(store, 3);
    int withExpoLine = 0;
    for (int i = 0; i < orders; ++i) {
        Order order = generator.next(m_clock.nowMs());
        order.storeId = store;
        for (int line = 0; line < order.items.size(); ++line)
            order.items[line].station = line % 3 == 2 ? QString() : screens.at(1 + line % 2);
        withExpoLine += order.items.size() > 2 ? 1 : 0;
        const SubmitOutcome placed = hub.hub().submit(OrderEvent::placed(
                order, Actor::platform(), QStringLiteral("test-platform"), m_clock.nowMs()));
        QVERIFY2(placed.acked(), qPrintable(placed.reason));
        QTest::qWait(60);
    }
    QTRY_VERIFY2_WITH_TIMEOUT(finished(hub.log()), qPrintable(stillOpen(hub.log())), 30'000);
    for (const Screen &screen : kitchen)
        screen.robot->stop();

    // Every order ended as the robots took it: handed over, or rejected by expo.
    const StaffRobot::Tally &expo = kitchen.front().robot->tally();
    int rejected = 0;
    for (const Order &order : hub.log().orders(store)) {
        QVERIFY2(leftTheKitchen(order), qPrintable(order.id));
        rejected += order.state == OrderState::Rejected ? 1 : 0;
    }
    QVERIFY(rejected > 0 && rejected < orders);
    QCOMPARE(expo.rejected, rejected);
    QCOMPARE(expo.accepted, orders - rejected);
    QVERIFY(expo.recalled > 0);
    QVERIFY(expo.handedOver >= orders - rejected); // more when a recalled ticket went again
    QVERIFY(withExpoLine > 0);
    // Each station bumped its items on every order it had a part in (once at least: a bump
    // another screen's step beat is looked at again).
    for (size_t i = 1; i < kitchen.size(); ++i) {
        const QString &station = screens.at(int(i));
        int withItsLines = 0;
        for (const Order &order : hub.log().orders(store)) {
            if (order.state != OrderState::Rejected
                && StationRules::stationsOf(order).contains(station))
                ++withItsLines;
        }
        QVERIFY(withItsLines > 0);
        const int bumps = kitchen.at(i).robot->tally().stationBumps;
        QVERIFY2(bumps >= withItsLines,
                 qPrintable(QStringLiteral("%1 bumped %2 of %3").arg(station).arg(bumps).arg(withItsLines)));
    }
    // Every staff step in the platform's log was one of the robots'.
    for (const Protocol::SequencedEvent &logged :
         hub.log().eventsAfter(store, 0, int(hub.log().head(store)) + 1)) {
        if (logged.event.actor.role == ActorRole::Staff)
            QVERIFY(logged.event.actor.id.startsWith(QLatin1String("robot-")));
    }
    qInfo() << "refused commands (races between screens):" << refusals;

    for (const Screen &screen : kitchen) {
        QTRY_VERIFY_WITH_TIMEOUT(screen.console->client().cursor() == hub.log().head(store)
                                         && screen.console->client().health().pending == 0,
                                 30'000);
        checkConverged(*screen.console, hub.log(), store);
    }
}

QTEST_MAIN(TestStaffRobot)
#include "tst_staffrobot.moc"
