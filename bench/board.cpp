// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench/board: the kitchen board under a replay burst, on the offscreen platform.
//  (a) apply_1000_events_ms_per_frame: the board's thread's time (its CPU time: it never waits on
//      the disk, the engine's writer thread does) to take 1,000 incoming events (orders placed and
//      bumped on other consoles) into the models and repaint the window, every repaint of the
//      burst included, up to the board's paint of the last of it; compared with one 60 Hz frame
//      (16.7 ms). The events go through the engine into a real SQLite store, written on the
//      engine's writer thread. Each round has a new window, so its paint caches start cold.
//  (b) apply_1000_events_wall_ms: the same burst from arrival to the board painted, wall time:
//      the durable writes (fsync'd) included. Context, no target.
//  (d) layout_2000_tickets_ms: the board's thread's time to lay out 2,000 open tickets of mixed
//      size (most of one to five items, every tenth a large order of 8 to 16) after the window is
//      resized to a new column width, so every ticket is measured anew and packed; against one
//      frame. Painting is not included: it is (a)'s, and only one screen is ever painted.
//  (c) longest_stall_ms_during_replay: the longest gap between event-loop turns while 10,000 events
//      are applied and the board repaints; also against one frame. A 0-ms timer notes each turn.
// Each is the median of several rounds, each round on a fresh store in a temporary folder.

#include "benchfigure.h"

#include "board/boardview.h"
#include "board/mainwindow.h"
#include "common/clock.h"
#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "shared/paintmemory.h"
#include "sim/ordergenerator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <memory>

using BenchRun::check;
using BenchRun::progress;

namespace {
const QString storeId = QStringLiteral("store-bench");
constexpr qint64 startMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr double frameMs = 1000.0 / 60.0;

struct Settings
{
    int rounds = 5;
    int applyEvents = 1000;
    int replayEvents = 10'000;
    int layoutTickets = 2000;
    static Settings quick() { return {1, 200, 400, 300}; }
};

/**
 * Orders placed and bumped elsewhere, in log order: placed, accepted, preparing, ready, and for
 * half of them handed over, so the board both grows and shrinks as it would in a rush.
 */
QList<IncomingEvent> makeEvents(int count)
{
    struct Timed
    {
        qint64 at;
        OrderEvent event;
    };
    QList<Timed> timed;
    OrderGenerator generator(storeId, 7);
    for (int i = 0; timed.size() < count; ++i) {
        const qint64 placedAt = startMs + i * 10'000;
        Order order = generator.next(placedAt);
        order.type = OrderType::Pickup;
        timed.append({placedAt, OrderEvent::placed(order, Actor::platform(),
                                                   QStringLiteral("hub"), placedAt)});
        OrderState state = OrderState::Placed;
        QList<OrderState> path{OrderState::Accepted, OrderState::Preparing, OrderState::Ready};
        if (i % 2 == 0)
            path.append(OrderState::PickedUp);
        int step = 0;
        for (const OrderState to : path) {
            OrderEvent bump = OrderEvent::transition(order.id, storeId, state, to,
                                                     Actor::staff(QStringLiteral("ben")),
                                                     QStringLiteral("console-2"),
                                                     placedAt + ++step * 45'000);
            if (to == OrderState::Accepted)
                bump.payload.insert(QStringLiteral("promised_at"), placedAt + 20 * 60'000);
            timed.append({bump.occurredAt, bump});
            state = to;
        }
    }
    std::stable_sort(timed.begin(), timed.end(),
                     [](const Timed &a, const Timed &b) { return a.at < b.at; });
    timed.resize(count);
    QList<IncomingEvent> events;
    for (const Timed &entry : std::as_const(timed)) {
        events.append({QStringLiteral("platform"),
                       QStringLiteral("msg-%1").arg(events.size() + 1), entry.event, std::nullopt});
    }
    return events;
}

/** count orders placed on the platform, of mixed size: every tenth a large one. */
QList<IncomingEvent> makePlacements(int count)
{
    QList<IncomingEvent> events;
    OrderGenerator generator(storeId, 11);
    for (int i = 0; i < count; ++i) {
        const qint64 placedAt = startMs + i * 1'000;
        Order order = generator.next(placedAt);
        if (i % 10 == 9) {
            const QList<OrderItem> some = order.items;
            for (int extra = 0; extra < 8 + i % 9; ++extra) {
                OrderItem item = some.at(extra % some.size());
                item.name += QStringLiteral(" %1").arg(extra);
                order.items.append(item);
            }
        }
        events.append({QStringLiteral("platform"), QStringLiteral("msg-%1").arg(i + 1),
                       OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), placedAt),
                       std::nullopt});
    }
    return events;
}

/** Ends a loop right after the widget it watches has painted. */
class PaintWatcher final : public QObject
{
public:
    explicit PaintWatcher(QEventLoop &loop) : m_loop(loop) { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) // seen before it is handled: quit on the next turn
            QTimer::singleShot(0, &m_loop, &QEventLoop::quit);
        return QObject::eventFilter(watched, event);
    }

private:
    QEventLoop &m_loop;
};

/**
 * A console with its window on screen: a fresh session (store, engine and, for the window, the
 * kitchen's services) and the main window over it, as the program builds them.
 */
class Console
{
public:
    Console(const QString &path, bool withWindow)
        : m_session(SessionConfig::forConsole(path, storeId, QStringLiteral("bench-console"),
                                              withWindow ? SessionConfig::Services::Kitchen
                                                         : SessionConfig::Services::EngineOnly),
                    m_clock)
    {
        const Result<void> opened = m_session.open();
        check(opened.ok(), QStringLiteral("store did not open: ") + opened.error());
        if (!withWindow)
            return;
        m_window = std::make_unique<MainWindow>(m_session);
        m_window->resize(1920, 1080);
        m_window->show();
        QCoreApplication::processEvents();
    }

    OrderEngine &engine() { return m_session.engine(); }

    /** Turns the event loop until the board has been laid out and painted once more. */
    void waitForBoardPaint()
    {
        QWidget *board = m_window->board()->viewport();
        QEventLoop loop; // a bench may wait; production code never does
        PaintWatcher watcher(loop);
        board->installEventFilter(&watcher);
        loop.exec();
        board->removeEventFilter(&watcher);
    }
    MainWindow &window() { return *m_window; }
    ManualClock &clock() { return m_clock; }

    /** Applies the events and turns the event loop until the engine has drained them. */
    void replay(const QList<IncomingEvent> &events)
    {
        QEventLoop loop; // a bench may wait; production code never does
        QObject::connect(&engine(), &OrderEngine::incomingDrained, &loop, &QEventLoop::quit);
        m_clock.setNowMs(events.constLast().event.occurredAt);
        engine().applyIncoming(events);
        loop.exec();
    }

private:
    ManualClock m_clock{startMs};
    ConsoleSession m_session;
    std::unique_ptr<MainWindow> m_window;
};

/** CPU time of the calling thread, in ms: what it spent working, not waiting. */
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct ApplyCost
{
    double uiThreadMs = 0; // per 1,000 events
    double wallMs = 0; // per 1,000 events
};

ApplyCost applyRound(const QString &path, const QList<IncomingEvent> &events, bool withWindow)
{
    Console console(path, withWindow);
    QElapsedTimer wall;
    wall.start();
    const double cpuAtStart = threadCpuMs();
    console.replay(events);
    if (withWindow)
        console.waitForBoardPaint(); // what the models now hold, laid out and painted
    const double perThousand = 1000.0 / double(events.size());
    const ApplyCost cost{(threadCpuMs() - cpuAtStart) * perThousand,
                         double(wall.nsecsElapsed()) / 1e6 * perThousand};
    if (withWindow) {
        const QImage board = console.window().grab().toImage(); // checked, not timed
        check(!board.isNull() && board.pixelColor(board.rect().center()).isValid(),
              QStringLiteral("the board did not paint"));
    }
    return cost;
}

double stallRound(const QString &path, const QList<IncomingEvent> &events)
{
    Console console(path, true);
    // Every turn of the loop runs this zero-interval timer once; the widest gap is the stall.
    QElapsedTimer sinceTurn;
    qint64 longestNs = 0;
    QTimer turns;
    turns.setInterval(0);
    QObject::connect(&turns, &QTimer::timeout, [&] {
        longestNs = qMax(longestNs, sinceTurn.nsecsElapsed());
        sinceTurn.restart();
    });
    // The board repaints as it would on a screen, every frame, while the burst goes in.
    QTimer frames;
    frames.setInterval(16);
    QObject::connect(&frames, &QTimer::timeout, &console.window(),
                     [&console] { console.window().repaint(); });
    sinceTurn.start();
    turns.start();
    frames.start();
    console.replay(events);
    turns.stop();
    frames.stop();
    return double(longestNs) / 1e6;
}

QList<BenchFigure> applyFigures(const QTemporaryDir &dir, const Settings &settings)
{
    const QList<IncomingEvent> events = makeEvents(settings.applyEvents);
    QList<double> uiThread;
    QList<double> wall;
    QList<double> storeOnly;
    for (int round = 0; round < settings.rounds; ++round) {
        const QString name = QStringLiteral("apply-%1-%2.sqlite").arg(round);
        const ApplyCost board =
                applyRound(dir.filePath(name.arg(QStringLiteral("board"))), events, true);
        uiThread.append(board.uiThreadMs);
        wall.append(board.wallMs);
        storeOnly.append(
                applyRound(dir.filePath(name.arg(QStringLiteral("bare"))), events, false).wallMs);
    }
    // Context, not a figure: how long the durable store takes with no window at all.
    progress() << "board: engine and store alone, no window: " << BenchStats::median(storeOnly)
               << " ms per 1,000 events (wall)" << Qt::endl;
    return {{QStringLiteral("board"), QStringLiteral("apply_1000_events_ms_per_frame"),
             BenchFigure::Kind::Cost, BenchStats::median(uiThread),
             QStringLiteral("frame_60hz_ms"), frameMs, 1.0},
            {QStringLiteral("board"), QStringLiteral("apply_1000_events_wall_ms"),
             BenchFigure::Kind::Cost, BenchStats::median(wall), QStringLiteral("frame_60hz_ms"),
             frameMs, std::nullopt}};
}

BenchFigure layoutFigure(const QTemporaryDir &dir, const Settings &settings)
{
    Console console(dir.filePath(QStringLiteral("layout.sqlite")), true);
    console.replay(makePlacements(settings.layoutTickets));
    console.waitForBoardPaint();
    BoardView &board = *console.window().board();
    check(board.model()->rowCount() == settings.layoutTickets,
          QStringLiteral("the board does not hold every ticket"));
    QList<double> rounds;
    // Widths that change the column width, so no ticket's measure can be kept.
    const QList<QSize> sizes{{1700, 1080}, {1920, 1080}, {1500, 1000}, {1920, 1080}};
    for (int round = 0; round < settings.rounds * 4; ++round) {
        const double cpuAtStart = threadCpuMs();
        console.window().resize(sizes.at(round % sizes.size()));
        QCoreApplication::sendPostedEvents(); // the window's layout gives the board its new size
        const BoardLayout &layout = board.boardLayout();
        rounds.append(threadCpuMs() - cpuAtStart);
        check(layout.rowCount() == settings.layoutTickets, QStringLiteral("not all laid out"));
        console.waitForBoardPaint(); // checked, not timed: the new layout is painted
    }
    progress() << "board: " << settings.layoutTickets << " tickets in "
               << board.boardLayout().pageCount() << " screens" << Qt::endl;
    return {QStringLiteral("board"), QStringLiteral("layout_2000_tickets_ms"),
            BenchFigure::Kind::Cost, BenchStats::median(rounds), QStringLiteral("frame_60hz_ms"),
            frameMs, 1.0};
}

BenchFigure stallFigure(const QTemporaryDir &dir, const Settings &settings)
{
    const QList<IncomingEvent> events = makeEvents(settings.replayEvents);
    QList<double> rounds;
    for (int round = 0; round < settings.rounds; ++round)
        rounds.append(stallRound(dir.filePath(QStringLiteral("replay-%1.sqlite").arg(round)), events));
    return {QStringLiteral("board"), QStringLiteral("longest_stall_ms_during_replay"),
            BenchFigure::Kind::Cost, BenchStats::median(rounds), QStringLiteral("frame_60hz_ms"),
            frameMs, std::nullopt};
}
} // namespace

int main(int argc, char *argv[])
{
    PaintMemory::keepLargeBlocksForReuse(); // as the console does at start
    // Measured without a display, like the GUI tests; a caller may still choose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("board"));
    const Settings settings =
            BenchRun::isQuickRun(QStringLiteral("Measures the kitchen board under incoming bursts "
                                                "against one 60 Hz frame; prints one JSON line "
                                                "per figure."),
                                 QStringLiteral("Small bursts, one round: a smoke run."))
            ? Settings::quick()
            : Settings();

    return BenchRun::printFigures(QStringLiteral("board"), [&settings](const QTemporaryDir &dir) {
        return applyFigures(dir, settings) << stallFigure(dir, settings)
                                           << layoutFigure(dir, settings);
    });
}
