// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// shiftsoak: a shift-long soak of one kitchen console (issue 17). A real hub in this process on
// 127.0.0.1 (on a thread of its own) places a shift of orders at a lunch-and-dinner profile (its
// simulator: cancels, couriers, scheduled orders too); one console as the kitchen runs it
// (ConsoleSession with the kitchen's services on a store file on disk, the board's MainWindow
// offscreen, the manager's figures) is worked by scripted staff through the board's commands. Time
// is compressed through one ManualClock that the hub, the session, the robots and the board all
// read: each real tick moves it on by speed times the tick, so an eight-hour shift runs in about
// four minutes. By default the kitchen works two such days: each closes with the board empty,
// the night passes quickly, and what the process holds at each close is compared, so that a
// console which keeps anything per order beyond its stated bounds shows it.
//
// Measured every simulated quarter hour: the resident set, the store file and its WAL, the events
// in the log and the tickets on the board; throughout, the gaps between runs of a 5 ms timer on
// the GUI thread, and what held the loop when one was long; beside it on the same thread, a fixed
// piece of arithmetic whose CPU time shows what the machine adds. After the shift the staff
// finish every order and the console must equal the hub's log.
//
// stdout: one JSON line per figure (CONVENTIONS.md, "Benchmark output"), then a summary line.
// stderr: progress. Exit code 0 when the run held, 1 when a check failed, 2 when it could not
// be set up.
#include "fixedworkprobe.h"
#include "loopprobe.h"
#include "platformthread.h"
#include "shiftkitchen.h"
#include "shiftsamples.h"
#include "slowwork.h"
#include "soakaudit.h"
#include "soakfigures.h"

#include "benchfigure.h"

#include "board/ordermodel.h"
#include "shared/paintmemory.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace {
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 shiftStartMs = 1'772'449'200'000; // 2026-03-02T11:00:00Z, a Monday's lunch
constexpr int driveMs = 20; // real time between two moves of the clock
constexpr int lookMs = 100; // real time between two looks of the staff at the board
constexpr qint64 sampleEveryMs = 15 * minute;
constexpr qint64 acknowledgeEveryMs = 5 * minute;
constexpr qint64 closingLimitMs = 3 * hour; // store time for the staff to finish after the shift
constexpr qint64 nightStepMs = 5 * minute; // store time per move of the clock while closed
// Orders an hour from 11:00: a lunch peak, a quiet afternoon, the start of dinner. A longer run
// goes round again.
constexpr std::array<int, 8> ordersPerHour {24, 48, 40, 16, 10, 14, 36, 48};

struct SoakOptions
{
    double hours = 8; // of each day's shift
    int days = 2;
    double speed = 120; // store seconds per real second
    double scale = 1; // times the profile's orders
    double baselineSeconds = 5;
    int fixedWorkEveryMs = 20; // real time between two pieces of the fixed-work probe; 0: none
    quint32 seed = 1;
    bool exitAtClose = false;
};

void progress(const QString &line)
{
    std::fprintf(stderr, "shiftsoak: %s\n", qUtf8Printable(line));
}

// Offscreen, every window's size hint says it cannot be propagated; nothing else is dropped.
QtMessageHandler g_qtHandler = nullptr;
void quietOffscreenHints(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!message.contains(QLatin1String("propagateSizeHints")) && g_qtHandler)
        g_qtHandler(type, context, message);
}

SoakOptions parse(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A shift-long soak of one kitchen console."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("A smoke run: two simulated hours, fast."));
    parser.addOption(quick);
    const QCommandLineOption exitAtClose(
        QStringLiteral("exit-at-close"),
        QStringLiteral("End the process at once after closing, before any check or teardown: "
                       "under heaptrack, its leaks are then what the console holds after "
                       "the shift."));
    parser.addOption(exitAtClose);
    const auto option = [&parser](const char *name, const char *help) {
        parser.addOption(
            QCommandLineOption(QLatin1String(name), QLatin1String(help), QStringLiteral("value")));
    };
    option("hours", "Simulated hours of each day's shift (default 8; 1 with --quick).");
    option("days", "Days the kitchen works, each closed before the next (default 2).");
    option("speed", "Store seconds per real second (default 120; 180 with --quick).");
    option("scale", "Times the profile's orders an hour (default 1).");
    option("seed", "The seed of the orders and the staff (default 1).");
    option("fixed-work-every",
           "Real ms between two pieces of fixed work on the GUI thread, whose CPU time shows "
           "what the machine adds to it (default 20; 0 for none).");
    parser.process(app);
    SoakOptions options;
    if (parser.isSet(quick)) {
        options.hours = 1;
        options.speed = 180;
        options.baselineSeconds = 2;
    }
    const auto number = [&parser](const char *name, double fallback) {
        const QString value = parser.value(QLatin1String(name));
        return value.isEmpty() ? fallback : value.toDouble();
    };
    options.hours = std::clamp(number("hours", options.hours), 1.0, 16.0);
    options.days = std::clamp(int(number("days", options.days)), 1, 14);
    options.speed = std::clamp(number("speed", options.speed), 1.0, 2000.0);
    options.scale = std::clamp(number("scale", options.scale), 0.1, 50.0);
    options.seed = quint32(number("seed", options.seed));
    options.fixedWorkEveryMs =
        std::clamp(int(number("fixed-work-every", options.fixedWorkEveryMs)), 0, 10'000);
    options.exitAtClose = parser.isSet(exitAtClose);
    return options;
}

/**
 * The shift: moves the clock on every real tick, has the platform place the orders that fall due,
 * lets the staff look at the board, acknowledges alerts and takes the samples. After a day's
 * close, closeForTheNight() runs the clock on quickly to the next day's opening.
 */
class Shift final : public QObject
{
public:
    Shift(ManualClock &clock, PlatformThread &platform, ShiftKitchen &kitchen,
          const SoakOptions &options)
        : m_clock(clock)
        , m_platform(platform)
        , m_kitchen(kitchen)
        , m_options(options)
        , m_random(options.seed)
        , m_shiftMs(qint64(options.hours * hour))
    {
        m_drive.setObjectName(QStringLiteral("soak clock"));
        m_drive.setInterval(driveMs);
        connect(&m_drive, &QTimer::timeout, this, &Shift::drive);
        m_look.setObjectName(QStringLiteral("soak staff"));
        m_look.setInterval(lookMs);
        connect(&m_look, &QTimer::timeout, this, [this] { m_kitchen.act(); });
        m_nextOrderAt = m_openedAtMs + arrivalGap(m_openedAtMs);
    }

    void start()
    {
        sample();
        m_drive.start();
        m_look.start();
    }
    void stop()
    {
        m_drive.stop();
        m_look.stop();
    }
    /** Store time since today's opening; negative while closed for the night. */
    qint64 elapsedMs() const { return m_clock.nowMs() - m_openedAtMs; }
    bool shiftOver() const { return elapsedMs() >= m_shiftMs; }
    /** The next day's shift begins when the clock reaches its opening: isOpen(). */
    void closeForTheNight()
    {
        ++m_day;
        m_openedAtMs = shiftStartMs + m_day * day;
        m_nextOrderAt = m_openedAtMs + arrivalGap(m_openedAtMs);
        m_nextSampleMs = sampleEveryMs; // its opening is the last day's final sample
    }
    bool isOpen() const { return elapsedMs() >= 0; }
    /** Hours of shift worked so far, over all days. */
    double shiftHours() const
    {
        return double(m_day * m_shiftMs + std::clamp(elapsedMs(), qint64(0), m_shiftMs)) / hour;
    }
    int placed() const { return m_placed; }
    const ShiftSamples &samples() const { return m_samples; }

private:
    void drive()
    {
        if (!isOpen()) {
            m_clock.advanceMs(std::min(nightStepMs, -elapsedMs()));
            return;
        }
        m_clock.advanceMs(qint64(m_options.speed * driveMs));
        const qint64 now = m_clock.nowMs();
        if (!shiftOver()) {
            while (now >= m_nextOrderAt) {
                m_platform.placeOrder();
                ++m_placed;
                m_nextOrderAt += arrivalGap(m_nextOrderAt);
            }
        }
        if (now >= m_nextAcknowledgeAt) {
            m_kitchen.acknowledgeAlerts();
            m_nextAcknowledgeAt = now + acknowledgeEveryMs;
        }
        if (elapsedMs() >= m_nextSampleMs && m_nextSampleMs <= m_shiftMs)
            sample();
    }

    void sample()
    {
        const SectionTimer timed(QStringLiteral("the soak takes a sample"));
        const double hours = double(m_day * m_shiftMs + m_nextSampleMs) / hour;
        m_samples.take(hours, m_kitchen.console().store(), *m_kitchen.window().orderModel());
        m_nextSampleMs += sampleEveryMs;
        const ShiftSample &taken = m_samples.last();
        if (std::fmod(hours, 1.0) < 1e-9)
            progress(QStringLiteral("hour %1: %2 orders placed, %3 events, %4 on the board, "
                                    "RSS %5 KiB (heap %6 KiB), store %7 KiB")
                         .arg(hours)
                         .arg(m_placed)
                         .arg(taken.events)
                         .arg(taken.openOrders)
                         .arg(taken.rssKib)
                         .arg(taken.heapKib)
                         .arg(taken.storeBytes() / 1024));
    }

    // Poisson arrivals at the profile's rate for the hour at `at`.
    qint64 arrivalGap(qint64 at)
    {
        const qint64 hourOfShift = (at - m_openedAtMs) / hour;
        const double perHour =
            ordersPerHour.at(size_t(hourOfShift) % ordersPerHour.size()) * m_options.scale;
        const double u = std::max(1e-9, m_random.generateDouble());
        return std::max<qint64>(1000, qint64(-std::log(u) * hour / perHour));
    }

    ManualClock &m_clock;
    PlatformThread &m_platform;
    ShiftKitchen &m_kitchen;
    const SoakOptions m_options;
    QRandomGenerator m_random;
    const qint64 m_shiftMs;
    int m_day = 0;
    qint64 m_openedAtMs = shiftStartMs; // today's
    QTimer m_drive;
    QTimer m_look;
    qint64 m_nextOrderAt = 0;
    qint64 m_nextAcknowledgeAt = shiftStartMs + acknowledgeEveryMs;
    qint64 m_nextSampleMs = 0;
    int m_placed = 0;
    ShiftSamples m_samples;
};

LoopProbe::Summary bareLoop(double seconds)
{
    LoopProbe probe;
    probe.start();
    runUntil([] { return false; }, qint64(seconds * 1000));
    probe.stop();
    return probe.summary();
}
} // namespace

int main(int argc, char *argv[])
{
    PaintMemory::keepLargeBlocksForReuse(); // as the console's own main() does
    SlowWorkApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("kc.*.debug=false\nkc.*.info=false"));
    g_qtHandler = qInstallMessageHandler(quietOffscreenHints);
    const SoakOptions options = parse(app);

    // The baseline: the same probe in a loop with nothing else to do, on this machine, now.
    const LoopProbe::Summary bare = bareLoop(options.baselineSeconds);
    progress(QStringLiteral("bare loop: max gap %1 ms, p99 %2 ms")
                 .arg(bare.maxMs, 0, 'f', 2)
                 .arg(bare.p99Ms, 0, 'f', 2));

    ManualClock clock(shiftStartMs);
    PlatformThread platform(clock);
    if (!platform.start(ShiftKitchen::storeId, ShiftKitchen::consoleId, options.seed)) {
        progress(QStringLiteral("the hub did not start"));
        return 2;
    }
    ShiftKitchen kitchen(platform.url(), clock, options.seed);
    if (!kitchen.start()) {
        progress(QStringLiteral("the console's link did not come up"));
        return 2;
    }

    // When the loop's own work took a frame: the figure keeps only the longest, this says when.
    app.reportCpuOver(qint64(LoopProbe::frameMs * 1e6),
                      [&clock](const QString &what, qint64 ns, qint64 cpuNs) {
                          progress(QStringLiteral("%1 store time: %2 used %3 ms of CPU (%4 ms)")
                                       .arg(QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)
                                                .toString(Qt::ISODate),
                                            what)
                                       .arg(cpuNs / 1e6, 0, 'f', 1)
                                       .arg(ns / 1e6, 0, 'f', 1));
                      });
    Shift shift(clock, platform, kitchen, options);
    SyncTest::Console &console = kitchen.console();
    LoopProbe probe;
    QElapsedTimer real;
    real.start();
    const qint64 shiftRealMs = qint64(options.hours * hour / options.speed);
    probe.reserve(2 * options.days * shiftRealMs / probe.intervalMs()); // twice: a slow machine
    FixedWorkProbe fixedWork(options.fixedWorkEveryMs);
    app.leaveOut(fixedWork.timer());
    if (options.fixedWorkEveryMs > 0)
        fixedWork.reserve(2 * options.days * shiftRealMs / options.fixedWorkEveryMs);

    bool ran = true;
    bool finished = true;
    QList<ShiftSample> closes; // the board empty after each day
    QList<int> placedByClose;
    for (int today = 0; today < options.days; ++today) {
        if (today == 0) {
            shift.start();
            probe.start();
            fixedWork.start();
        } else {
            shift.closeForTheNight();
            runUntil([&shift] { return shift.isOpen(); }, 60'000);
            progress(QStringLiteral("day %1 opens").arg(today + 1));
            probe.resume();
            fixedWork.start();
        }
        app.setTallying(true);
        ran = runUntil([&shift] { return shift.shiftOver(); }, 4 * shiftRealMs + 60'000) && ran;
        probe.stop();
        fixedWork.stop();
        app.setTallying(false);
        const LoopProbe::Summary loop = probe.summary();
        progress(QStringLiteral("shift over after %1 s real: max gap %2 ms, p99 %3 ms, "
                                "%4 over a frame")
                     .arg(real.elapsed() / 1000.0, 0, 'f', 1)
                     .arg(loop.maxMs, 0, 'f', 2)
                     .arg(loop.p99Ms, 0, 'f', 2)
                     .arg(loop.overFrame));

        // Closing: no new orders; the staff finish what is in the kitchen, the link settles.
        const qint64 closesBy = clock.nowMs() + closingLimitMs;
        finished = runUntil(
                       [&] {
                           return clock.nowMs() >= closesBy
                               || platform.stillInKitchen().isEmpty();
                       },
                       qint64(closingLimitMs / options.speed) + 60'000)
            && platform.stillInKitchen().isEmpty() && finished;
        runUntil(
            [&] {
                return console.client().cursor() == platform.head()
                    && console.client().health().pending == 0;
            },
            60'000);
        // The board empty again: what the process keeps after a day, before the allocator
        // hands its free memory back (PaintMemory keeps up to 128 MiB of it for reuse).
        closes.append(ShiftSamples::now(shift.shiftHours(), console.store(),
                                        *kitchen.window().orderModel()));
        placedByClose.append(shift.placed());
        progress(QStringLiteral("day %1 closed: heap %2 KiB, SQLite %3 KiB, %4 on the board")
                     .arg(today + 1)
                     .arg(closes.constLast().heapKib)
                     .arg(closes.constLast().sqliteKib)
                     .arg(closes.constLast().openOrders));
    }
    shift.stop();
    const LoopProbe::Summary loop = probe.summary();
    const qint64 shiftTookMs = real.elapsed();
    if (options.exitAtClose) {
        progress(QStringLiteral("exiting at the close as asked"));
        std::fflush(stderr);
        std::_Exit(0);
    }
    PaintMemory::releaseFreeMemory();
    const qint64 trimmedKib = BenchRun::residentKib();

    QStringList problems;
    if (!ran)
        problems.append(QStringLiteral("the shift did not run to its end in time"));
    if (!finished)
        problems.append(QStringLiteral("orders still in the kitchen: ")
                        + platform.stillInKitchen().join(QStringLiteral("; ")));
    const PlatformView logged = platform.view();
    problems += ConvergenceAudit::problems(console.store(), console.client().cursor(), logged);
    if (shift.samples().isEmpty())
        problems.append(QStringLiteral("no samples were taken"));
    for (const QString &problem : std::as_const(problems))
        progress(QStringLiteral("FAILED: ") + problem);

    if (!shift.samples().isEmpty()) {
        SoakFigures::print(shift.samples(), closes,
                           {loop, bare, app.longestDeliveryCpuMs(), app.totals(),
                            fixedWork.summary()});
        QJsonArray closesJson;
        for (qsizetype i = 0; i < closes.size(); ++i) {
            const ShiftSample &close = closes.at(i);
            closesJson.append(QJsonObject {{QStringLiteral("hours"), close.hours},
                                           {QStringLiteral("orders"), placedByClose.at(i)},
                                           {QStringLiteral("open_orders"), close.openOrders},
                                           {QStringLiteral("rss_kib"), close.rssKib},
                                           {QStringLiteral("heap_kib"), close.heapKib},
                                           {QStringLiteral("sqlite_kib"), close.sqliteKib}});
        }

        const StaffRobot::Tally staff = kitchen.tally();
        const QJsonObject summary {
            {QStringLiteral("bench"), QStringLiteral("shiftsoak")},
            {QStringLiteral("summary"),
             QJsonObject {
                 {QStringLiteral("hours"), options.hours},
                 {QStringLiteral("days"), options.days},
                 {QStringLiteral("speed"), options.speed},
                 {QStringLiteral("real_seconds"), qRound(shiftTookMs / 100.0) / 10.0},
                 {QStringLiteral("orders"), shift.placed()},
                 {QStringLiteral("hub_events"), logged.eventCount},
                 {QStringLiteral("staff_commands"), staff.commands()},
                 {QStringLiteral("staff_refused"), staff.refused},
                 {QStringLiteral("converged"), problems.isEmpty()},
                 {QStringLiteral("series"), shift.samples().series()},
                 {QStringLiteral("closes"), closesJson},
                 {QStringLiteral("rss_trimmed_kib"), trimmedKib},
                 {QStringLiteral("slow_work"), app.tallies(12)},
             }},
        };
        SoakFigures::printLine(
            QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    }
    return problems.isEmpty() ? 0 : 1;
}
