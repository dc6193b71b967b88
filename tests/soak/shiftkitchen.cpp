// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shiftkitchen.h"

#include "slowwork.h"

#include "board/boardview.h"
#include "metrics/metricsservice.h"
#include "order/storepolicy.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

namespace {
constexpr qint64 minute = 60'000;

SyncTest::ConsoleOptions consoleOptions()
{
    SyncTest::ConsoleOptions options;
    options.services = SessionConfig::Services::Kitchen;
    options.pingMs = 1000; // real time, as the product's: the clock's jumps do not touch it
    return options;
}

// Expo moves a ticket on within a couple of minutes (store time), now and then rejects one or
// recalls a hand-over, and calls ready what the stations left far too long.
StaffRobot::Pace expoPace(quint32 seed)
{
    StaffRobot::Pace pace;
    pace.actionsPerTick = 4;
    pace.minDwellMs = minute / 3;
    pace.maxDwellMs = 5 * minute / 2;
    pace.rejectPerMille = 20;
    pace.recallPerMille = 20;
    pace.expoTakesOverAfterMs = 25 * minute;
    pace.seed = seed;
    return pace;
}

// A station cooks its lines in four to twelve minutes.
StaffRobot::Pace stationPace(quint32 seed)
{
    StaffRobot::Pace pace;
    pace.actionsPerTick = 3;
    pace.minDwellMs = 4 * minute;
    pace.maxDwellMs = 12 * minute;
    pace.seed = seed;
    return pace;
}
} // namespace

bool runUntil(const std::function<bool()> &done, qint64 realMs)
{
    if (done())
        return true;
    QEventLoop loop;
    const QDeadlineTimer deadline(realMs);
    QTimer look;
    look.setInterval(50);
    QObject::connect(&look, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    look.start();
    loop.exec();
    return done();
}

ShiftKitchen::ShiftKitchen(const QUrl &hubUrl, const Clock &clock, quint32 seed)
    : m_clock(clock)
    , m_console(
          std::make_unique<SyncTest::Console>(storeId, consoleId, hubUrl, clock, consoleOptions()))
{
    ConsoleSession &session = m_console->session();
    MetricsService &metrics = session.metrics();
    metrics.setWindow(MetricsWindow::today(clock.nowMs(), metrics.settings().zone));
    m_window = std::make_unique<MainWindow>(session);
    m_window->setSync(&m_console->client(), &m_console->link());
    m_window->resize(1920, 1080);
    addRobot({}, expoPace(seed));
    quint32 stationSeed = seed;
    for (const QString &station : StorePolicy().stations)
        addRobot(station, stationPace(++stationSeed));
}

ShiftKitchen::~ShiftKitchen() = default;

void ShiftKitchen::addRobot(const QString &station, const StaffRobot::Pace &pace)
{
    BoardOptions options;
    options.staffId = QStringLiteral("robot-") + (station.isEmpty() ? consoleId : station);
    options.station = station;
    m_actions.push_back(std::make_unique<BoardActions>(m_console->engine(), m_clock, options));
    m_robots.push_back(std::make_unique<StaffRobot>(m_console->engine(), *m_actions.back(), m_clock,
                                                    station, pace));
}

bool ShiftKitchen::start()
{
    if (const Result<void> started = m_console->client().start(); !started) {
        qWarning("the link did not start: %s", qUtf8Printable(started.error()));
        return false;
    }
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("the board's window was not exposed");
    return runUntil([this] { return m_console->isLive(); }, 20'000);
}

void ShiftKitchen::act()
{
    for (const std::unique_ptr<StaffRobot> &robot : m_robots) {
        const SectionTimer timed(
            QStringLiteral("robot %1 looks and acts")
                .arg(robot->station().isEmpty() ? consoleId : robot->station()));
        robot->actOnce();
    }
}

void ShiftKitchen::acknowledgeAlerts()
{
    const SectionTimer timed(QStringLiteral("expo acknowledges the alerts"));
    QTest::keyClick(m_window->board(), Qt::Key_C);
}

StaffRobot::Tally ShiftKitchen::tally() const
{
    StaffRobot::Tally sum;
    for (const std::unique_ptr<StaffRobot> &robot : m_robots) {
        const StaffRobot::Tally &one = robot->tally();
        sum.accepted += one.accepted;
        sum.rejected += one.rejected;
        sum.started += one.started;
        sum.readied += one.readied;
        sum.handedOver += one.handedOver;
        sum.stationBumps += one.stationBumps;
        sum.recalled += one.recalled;
        sum.refused += one.refused;
    }
    return sum;
}
