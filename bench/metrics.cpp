// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench/metrics: what the manager's figures cost over a busy month (issue 14).
//
// A real store on disk holds 100,000 orders over 30 days (about 3,300 a day, six to seven events
// each, the platform's sequence numbers recorded), written through Store as a console would.
// cold_refresh_ms: a MetricsBook reads the whole log and builds every figure for the month, the
//   window a manager can choose at most, and makes its report.
// incremental_refresh_ms: with the dashboard open on the month, one more event is appended (not
//   timed) and the book catches up and makes its report again.
// Both against bare_sql_aggregate_ms: one GROUP BY over the same events table through QtSql (the
//   cheapest query that reads it all). Each round times both back to back; figures are medians.
// For context, the cold read is also printed against bare_read_same_columns_ms: the reader's own
//   SELECT stepped through SQLite's API, every column fetched, nothing built (what reading the
//   columns the figures need costs, which a two-column GROUP BY does not), and against
//   bare_sql_time_in_state_ms: one SQL query that computes a single family of the figures, the
//   count, median and 90th percentile of the time in each state, with window functions (what
//   computing even part of the dashboard in SQL costs).
#include "benchfigure.h"

#include "common/sqliteconnection.h"
#include "metrics/metricsbook.h"
#include "metrics/metricslogreader.h"
#include "store/storedatabase.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sqlite3.h>
#include <QSqlQuery>
#include <QTemporaryDir>

using BenchRun::check;
using BenchRun::progress;

namespace {
const QString storeId = QStringLiteral("store-bench");
constexpr qint64 minute = 60 * 1000;
constexpr qint64 day = 24 * 60 * minute;
constexpr qint64 monthStart = 1'793'491'200'000; // 2026-11-01 00:00 UTC

struct Settings
{
    int orders = 100'000;
    int days = 30;
    int coldRounds = 3;
    int incrementalRounds = 30;

    static Settings quick() { return {2'000, 2, 1, 3}; }
};

OrderEvent step(const QString &orderId, OrderState from, OrderState to, qint64 at)
{
    return OrderEvent::transition(orderId, storeId, from, to, Actor::staff(QStringLiteral("cook")),
                                  QStringLiteral("console-bench"), at);
}

// One order's life: most are picked up or delivered; some are rejected or cancelled midway.
QList<OrderEvent> lifeOf(int i, qint64 placedAt)
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(i);
    order.storeId = storeId;
    order.number = QString::number(i % 1000);
    order.type = i % 3 == 0 ? OrderType::Delivery : OrderType::Pickup;
    order.source = i % 5 == 0 ? QStringLiteral("pos:square") : QStringLiteral("platform");
    OrderItem burger;
    burger.name = QStringLiteral("Burger");
    burger.station = QStringLiteral("grill");
    OrderItem fries;
    fries.name = QStringLiteral("Fries");
    fries.station = QStringLiteral("fry");
    order.items = {burger, fries};
    QList<OrderEvent> events{OrderEvent::placed(order, Actor::platform(),
                                                QStringLiteral("hub"), placedAt)};
    const qint64 t = placedAt;
    if (i % 50 == 0) {
        events.append(step(order.id, OrderState::Placed, OrderState::Rejected, t + minute));
        events.last().reason = QStringLiteral("Too busy");
        return events;
    }
    events.append(step(order.id, OrderState::Placed, OrderState::Accepted, t + minute));
    events.last().payload.insert(QStringLiteral("promised_at"), t + 15 * minute);
    events.append(step(order.id, OrderState::Accepted, OrderState::Preparing, t + 2 * minute));
    if (i % 40 == 1) {
        events.append(step(order.id, OrderState::Preparing, OrderState::Cancelled, t + 4 * minute));
        events.last().reason = QStringLiteral("Customer cancelled");
        return events;
    }
    Order cooking = order;
    cooking.state = OrderState::Preparing;
    events.append(OrderEvent::stationBumped(cooking, QStringLiteral("grill"), true,
                                            Actor::staff(QStringLiteral("cook")),
                                            QStringLiteral("console-bench"),
                                            t + (5 + i % 7) * minute));
    const qint64 readyAt = t + (8 + i % 9) * minute;
    events.append(step(order.id, OrderState::Preparing, OrderState::Ready, readyAt));
    if (order.type == OrderType::Delivery) {
        events.append(step(order.id, OrderState::Ready, OrderState::OutForDelivery,
                           readyAt + 3 * minute));
        events.append(step(order.id, OrderState::OutForDelivery, OrderState::Delivered,
                           readyAt + 25 * minute));
    } else {
        events.append(step(order.id, OrderState::Ready, OrderState::PickedUp, readyAt + 2 * minute));
    }
    return events;
}

// The month, written through Store in platform batches (sequence numbers recorded, as a console
// catching up writes them). The last hundred orders are left open for the incremental rounds.
qint64 fillStore(Store &store, const Settings &settings)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 spacing = settings.days * day / settings.orders;
    QList<IncomingEvent> batch;
    qint64 hubSeq = 0;
    qint64 events = 0;
    for (int i = 0; i < settings.orders; ++i) {
        QList<OrderEvent> life = lifeOf(i, monthStart + i * spacing);
        if (i >= settings.orders - 100)
            life = life.mid(0, 2); // placed and accepted: still in the kitchen
        for (const OrderEvent &event : life) {
            batch.append({QStringLiteral("platform"), event.id.toString(QUuid::WithoutBraces),
                          event, ++hubSeq, {}});
        }
        if (batch.size() >= 2000 || i == settings.orders - 1) {
            for (const AppendResult &result : store.appendIncomingBatch(batch, std::nullopt))
                check(result.applied(), QStringLiteral("writing the month: ") + result.error);
            events += batch.size();
            batch.clear();
        }
        if (i % 20000 == 19999)
            progress() << "metrics: " << i + 1 << " orders written\n" << Qt::flush;
    }
    progress() << "metrics: " << settings.orders << " orders, " << events << " events in "
               << timer.elapsed() / 1000 << " s\n" << Qt::flush;
    return events;
}

double bareAggregateMs(const QSqlDatabase &db)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    check(query.exec(QStringLiteral("SELECT to_state, count(*), avg(occurred_at) FROM events "
                                    "GROUP BY to_state")),
          QStringLiteral("the bare aggregate"));
    qint64 rows = 0;
    while (query.next())
        rows += query.value(1).toLongLong();
    check(rows > 0, QStringLiteral("the bare aggregate read nothing"));
    return timer.nsecsElapsed() / 1e6;
}

double bareReadMs(const QSqlDatabase &db)
{
    sqlite3 *connection = SqliteConnection::handleOf(db);
    check(connection, QStringLiteral("no SQLite handle"));
    QElapsedTimer timer;
    timer.start();
    const QByteArray sql = MetricsLogReader::columnsSql() + " ORDER BY seq";
    sqlite3_stmt *statement = nullptr;
    check(sqlite3_prepare_v2(connection, sql.constData(), int(sql.size()), &statement, nullptr)
                  == SQLITE_OK,
          QStringLiteral("the bare read"));
    qint64 rows = 0;
    qint64 bytes = 0;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        for (int column = 0; column < sqlite3_column_count(statement); ++column) {
            sqlite3_column_text(statement, column);
            bytes += sqlite3_column_bytes(statement, column);
        }
        ++rows;
    }
    sqlite3_finalize(statement);
    check(rows > 0 && bytes > 0, QStringLiteral("the bare read read nothing"));
    return timer.nsecsElapsed() / 1e6;
}

double bareTimeInStateMs(const QSqlDatabase &db)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    check(query.exec(QStringLiteral(R"sql(
        WITH steps AS (
            SELECT to_state,
                   LEAD(occurred_at) OVER (PARTITION BY order_id ORDER BY seq) - occurred_at AS held
            FROM events WHERE kind IN ('placed', 'transition', 'recall')),
        ranked AS (
            SELECT to_state, held,
                   ROW_NUMBER() OVER (PARTITION BY to_state ORDER BY held) AS rank,
                   COUNT(*) OVER (PARTITION BY to_state) AS n
            FROM steps WHERE held IS NOT NULL)
        SELECT to_state, n, max(CASE WHEN rank <= n * 0.5 THEN held END),
               max(CASE WHEN rank <= n * 0.9 THEN held END)
        FROM ranked GROUP BY to_state)sql")),
          QStringLiteral("the bare time in state"));
    qint64 rows = 0;
    while (query.next())
        rows += query.value(1).toLongLong();
    check(rows > 0, QStringLiteral("the bare time in state read nothing"));
    return timer.nsecsElapsed() / 1e6;
}

MetricsSettings utc()
{
    MetricsSettings settings;
    settings.zone = QTimeZone::utc();
    return settings;
}

MetricsWindow month(const Settings &settings)
{
    const QDate first = QDateTime::fromMSecsSinceEpoch(monthStart, QTimeZone::utc()).date();
    return MetricsWindow::days(first, first.addDays(settings.days - 1), QTimeZone::utc());
}

QList<BenchFigure> measure(const QTemporaryDir &dir, const Settings &settings)
{
    Store store(dir.filePath(QStringLiteral("month.db")));
    check(bool(store.open()), QStringLiteral("opening the store"));
    fillStore(store, settings);
    const QSqlDatabase db = StoreDatabase::of(store);
    const qint64 now = monthStart + settings.days * day - minute;

    QList<double> cold, coldBare, coldBareRead, coldBareTimeInState;
    std::unique_ptr<MetricsBook> book;
    for (int round = 0; round < settings.coldRounds; ++round) {
        coldBare.append(bareAggregateMs(db));
        coldBareRead.append(bareReadMs(db));
        coldBareTimeInState.append(bareTimeInStateMs(db));
        book.reset(); // the last round's book goes before the clock starts
        QElapsedTimer timer;
        timer.start();
        book = std::make_unique<MetricsBook>(db, month(settings), utc());
        check(bool(book->catchUpFully()), QStringLiteral("the cold read"));
        const MetricsReport report = book->report(now);
        cold.append(timer.nsecsElapsed() / 1e6);
        check(report.all.orders == settings.orders,
              QStringLiteral("the month holds %1 orders, not %2")
                      .arg(report.all.orders).arg(settings.orders));
        progress() << "metrics: cold " << cold.last() << " ms, bare " << coldBare.last()
                   << " ms, bare read " << coldBareRead.last() << " ms, bare time in state "
                   << coldBareTimeInState.last() << " ms\n" << Qt::flush;
    }

    // The dashboard stays open: each round one open order moves on, and the book catches up.
    QList<double> incremental, incrementalBare;
    for (int round = 0; round < settings.incrementalRounds; ++round) {
        const QString orderId = QStringLiteral("order-%1").arg(settings.orders - 1 - round);
        const OrderEvent event = step(orderId, OrderState::Accepted, OrderState::Preparing,
                                      now - 30 * 1000 + round);
        check(store.append(event, {}).committed(), QStringLiteral("appending a step"));
        incrementalBare.append(bareAggregateMs(db));
        QElapsedTimer timer;
        timer.start();
        const Result<int> read = book->catchUp();
        const MetricsReport report = book->report(now);
        incremental.append(timer.nsecsElapsed() / 1e6);
        check(read && read.value() == 1, QStringLiteral("the incremental read"));
        check(report.all.inState[std::size_t(OrderState::Preparing)] == round + 1,
              QStringLiteral("the step shows in the figures"));
    }

    const auto figure = [](const QString &name, const QList<double> &value,
                           const QList<double> &bare, double target,
                           const QString &baseline = QStringLiteral("bare_sql_aggregate_ms")) {
        BenchFigure f;
        f.bench = QStringLiteral("metrics");
        f.figure = name;
        f.value = BenchStats::median(value);
        f.baseline = baseline;
        f.baselineValue = BenchStats::median(bare);
        f.target = target;
        return f;
    };
    return {figure(QStringLiteral("cold_refresh_ms"), cold, coldBare, 2.0),
            figure(QStringLiteral("incremental_refresh_ms"), incremental, incrementalBare, 1.0),
            figure(QStringLiteral("cold_refresh_ms"), cold, coldBareRead, 2.0,
                   QStringLiteral("bare_read_same_columns_ms")),
            figure(QStringLiteral("cold_refresh_ms"), cold, coldBareTimeInState, 2.0,
                   QStringLiteral("bare_sql_time_in_state_ms"))};
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Settings settings =
            BenchRun::isQuickRun(QStringLiteral("Measures the manager's figures over a busy month "
                                                "against a bare SQL aggregate; prints one JSON "
                                                "line per figure."),
                                 QStringLiteral("A small store: a smoke run for CI."))
            ? Settings::quick()
            : Settings();
    return BenchRun::printFigures(QStringLiteral("metrics"), [&settings](const QTemporaryDir &dir) {
        return measure(dir, settings);
    });
}
