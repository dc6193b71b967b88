// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardaudit.h"

#include "metrics/reportdata.h"
#include "store/store.h"
#include "store/storedatabase.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

// The second reckoning: one plain walk per order over the platform's events, then counts and
// nearest-rank percentiles as docs/dashboard.md defines them. It shares nothing with core/metrics
// but the thresholds, so a fold that goes wrong there shows up here as a difference.

namespace {
using S = OrderState;

/** One order as its events on the platform tell it. */
struct OrderWalk
{
    qint64 placedAt = 0;
    qint64 promisedAt = 0; // the latest promise given
    QList<std::pair<OrderState, qint64>> entered; // every state it entered, in log order
    int recalls = 0;
    int stateChanges = 0;
    QString rejectReason;

    OrderState state() const { return entered.constLast().first; }
    // A refund changes none of the figures: a refunded order counts as it stood before it.
    OrderState standing() const
    {
        return state() == S::Refunded && entered.size() > 1 ? entered.at(entered.size() - 2).first
                                                            : state();
    }
    qint64 lastEntered(std::initializer_list<OrderState> states) const
    {
        qint64 at = 0;
        for (const auto &[state, when] : entered) {
            if (std::find(states.begin(), states.end(), state) != states.end())
                at = when;
        }
        return at;
    }
    std::optional<OrderState> cancelledFrom() const
    {
        for (qsizetype i = 1; i < entered.size(); ++i) {
            if (entered.at(i).first == S::Cancelled)
                return entered.at(i - 1).first;
        }
        return std::nullopt;
    }
};

bool isOneOf(OrderState state, std::initializer_list<OrderState> states)
{
    return std::find(states.begin(), states.end(), state) != states.end();
}

/** Durations of some orders, with the smallest time that at least p % of them are within. */
struct Samples
{
    QList<qint64> values;

    void add(std::optional<qint64> ms)
    {
        if (ms)
            values.append(*ms);
    }
    // Nearest rank: the first value (sorted) with at least p % of the values at or below it.
    qint64 percentile(int p) const
    {
        QList<qint64> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            if ((i + 1) * 100 >= qint64(p) * sorted.size())
                return sorted.at(i);
        }
        return 0;
    }
    qint64 fastest() const
    {
        return values.isEmpty() ? 0 : *std::min_element(values.cbegin(), values.cend());
    }
    qint64 slowest() const
    {
        return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
    }
};

/** The recomputed side of every figure, by the same names as the dashboard's. */
struct Recount
{
    QMap<QString, qint64> values;

    void count(const QString &name, bool yes = true) { values[name] += yes ? 1 : 0; }
};

// A duration between two log times, or nothing when time went backwards (left out, as the doc
// says).
std::optional<qint64> span(qint64 from, qint64 to)
{
    return from > 0 && to >= from ? std::optional<qint64>(to - from) : std::nullopt;
}

QString stateName(OrderState state)
{
    return OrderStates::toString(state);
}

QHash<QString, OrderWalk> walkOrders(const QList<Protocol::SequencedEvent> &platformLog,
                                     qint64 *eventsChecked)
{
    QHash<QString, OrderWalk> orders;
    for (const Protocol::SequencedEvent &logged : platformLog) {
        const OrderEvent &event = logged.event;
        if (event.orderId.isEmpty())
            continue;
        ++*eventsChecked;
        const qint64 promise = event.payload.value(QStringLiteral("promised_at")).toInteger();
        if (event.kind == EventKind::Placed) {
            OrderWalk &order = orders[event.orderId];
            order.placedAt = event.occurredAt;
            order.promisedAt = promise;
            order.entered = {{S::Placed, event.occurredAt}};
            continue;
        }
        const auto it = orders.find(event.orderId);
        if (it == orders.end() || it->entered.isEmpty())
            continue; // never placed: no figure counts it
        if (promise > 0)
            it->promisedAt = promise;
        if ((event.kind == EventKind::Transition || event.kind == EventKind::Recall) && event.to) {
            ++it->stateChanges;
            it->recalls += event.kind == EventKind::Recall ? 1 : 0;
            if (*event.to == S::Rejected)
                it->rejectReason = event.reason;
            it->entered.append({*event.to, event.occurredAt});
        }
    }
    return orders;
}

Recount recount(const QHash<QString, OrderWalk> &orders, const DashboardAudit::Options &options)
{
    const MetricsSettings &settings = options.settings;
    const qint64 now = options.nowMs;
    Recount r;
    Samples toReady, toHandedOver;
    QList<Samples> timeIn(OrderStates::all().size());
    for (const OrderWalk &order : orders) {
        if (!options.window.contains(order.placedAt))
            continue;
        r.count(QStringLiteral("orders"));
        r.count(QStringLiteral("now ") + stateName(order.state()));
        r.values[QStringLiteral("state changes tried")] += order.stateChanges;
        r.values[QStringLiteral("recalls")] += order.recalls;

        // Time in a state: every stay that ended, summed, once the order has left the state.
        QList<std::optional<qint64>> held(OrderStates::all().size());
        for (qsizetype i = 0; i + 1 < order.entered.size(); ++i) {
            const auto [state, from] = order.entered.at(i);
            if (order.entered.at(i + 1).first == state)
                continue;
            if (const auto stay = span(from, order.entered.at(i + 1).second))
                held[int(state)] = held.at(int(state)).value_or(0) + *stay;
        }
        for (qsizetype i = 0; i < held.size(); ++i)
            timeIn[i].add(held.at(i));

        // Ready for good: ready now, or handed over since (a recall undoes it, a cancel too).
        const OrderState standing = order.standing();
        const qint64 readyAt = order.lastEntered({S::Ready});
        std::optional<qint64> ready;
        if (isOneOf(standing, {S::Ready, S::PickedUp, S::OutForDelivery, S::Delivered}))
            ready = span(order.placedAt, readyAt);
        toReady.add(ready);
        if (isOneOf(standing, {S::PickedUp, S::OutForDelivery, S::Delivered}))
            toHandedOver.add(
                span(order.placedAt, order.lastEntered({S::PickedUp, S::OutForDelivery})));

        const bool rejected = order.state() == S::Rejected;
        const std::optional<OrderState> cancelledFrom = order.cancelledFrom();
        const bool inKitchen = isOneOf(order.state(), {S::Placed, S::Accepted, S::Preparing});
        r.count(QStringLiteral("rejected"), rejected);
        if (rejected)
            r.count(QStringLiteral("rejected for \"%1\"").arg(order.rejectReason));
        r.count(QStringLiteral("cancelled"), cancelledFrom.has_value());
        r.count(QStringLiteral("cancelled after cooking started"),
                cancelledFrom && isOneOf(*cancelledFrom, {S::Preparing, S::Ready}));

        // Amber and red: the ticket's time to ready, its age when cancelled, or its age now.
        if (!rejected) {
            r.count(QStringLiteral("meant to be made"));
            std::optional<qint64> ticket = ready;
            if (!ticket && cancelledFrom)
                ticket = span(order.placedAt, order.lastEntered({S::Cancelled}));
            else if (!ticket && inKitchen)
                ticket = now - order.placedAt;
            r.count(QStringLiteral("amber"), ticket && *ticket >= settings.warnAfterMs);
            r.count(QStringLiteral("red"), ticket && *ticket >= settings.lateAfterMs);
        }
        // Late: ready after the promise, or past it and not ready yet.
        if (order.promisedAt > 0 && !rejected && !cancelledFrom) {
            r.count(QStringLiteral("with a promise"));
            r.count(QStringLiteral("late"),
                    ready ? readyAt > order.promisedAt : inKitchen && now > order.promisedAt);
        }
        // Stuck: open, in one state for at least that state's limit.
        const qint64 limit = settings.stuckAfter(order.state());
        const bool open = isOneOf(
            order.state(), {S::Placed, S::Accepted, S::Preparing, S::Ready, S::OutForDelivery});
        r.count(QStringLiteral("stuck now"),
                open && limit > 0 && now - order.entered.constLast().second >= limit);
    }

    const auto distribution = [&r](const QString &name, const Samples &samples, bool ends) {
        r.values[name + QStringLiteral(" count")] = samples.values.size();
        r.values[name + QStringLiteral(" median ms")] = samples.percentile(50);
        r.values[name + QStringLiteral(" p90 ms")] = samples.percentile(90);
        if (ends) {
            r.values[name + QStringLiteral(" fastest ms")] = samples.fastest();
            r.values[name + QStringLiteral(" slowest ms")] = samples.slowest();
        }
    };
    distribution(QStringLiteral("placed to ready"), toReady, true);
    distribution(QStringLiteral("placed to handed over"), toHandedOver, false);
    for (OrderState state : OrderStates::all())
        distribution(QStringLiteral("time in ") + stateName(state), timeIn.at(int(state)), false);
    return r;
}

// The dashboard's side: the figures as the Overview's tiles and charts get them.
QMap<QString, qint64> dashboardFigures(const MetricsReport &report)
{
    const FigureSet &all = report.all;
    QMap<QString, qint64> f;
    f[QStringLiteral("orders")] = all.orders;
    for (OrderState state : OrderStates::all())
        f[QStringLiteral("now ") + stateName(state)] = all.inState[std::size_t(state)];
    const auto distribution = [&f](const QString &name, const Distribution &d, bool ends) {
        f[name + QStringLiteral(" count")] = d.count;
        f[name + QStringLiteral(" median ms")] = d.median;
        f[name + QStringLiteral(" p90 ms")] = d.p90;
        if (ends) {
            f[name + QStringLiteral(" fastest ms")] = d.fastest;
            f[name + QStringLiteral(" slowest ms")] = d.slowest;
        }
    };
    distribution(QStringLiteral("placed to ready"), all.toReady, true);
    distribution(QStringLiteral("placed to handed over"), all.toHandedOver, false);
    for (OrderState state : OrderStates::all())
        distribution(QStringLiteral("time in ") + stateName(state), all.timeIn[std::size_t(state)],
                     false);
    f[QStringLiteral("with a promise")] = all.promised;
    f[QStringLiteral("late")] = all.late;
    f[QStringLiteral("meant to be made")] = all.ticketable;
    f[QStringLiteral("amber")] = all.alert1;
    f[QStringLiteral("red")] = all.alert2;
    f[QStringLiteral("stuck now")] = report.stuck.size();
    f[QStringLiteral("recalls")] = all.recalls;
    f[QStringLiteral("rejected")] = all.rejected;
    for (auto it = all.rejectReasons.cbegin(); it != all.rejectReasons.cend(); ++it)
        f[QStringLiteral("rejected for \"%1\"").arg(it.key())] = it.value();
    f[QStringLiteral("cancelled")] = all.cancelled;
    f[QStringLiteral("cancelled after cooking started")] = all.cancelledMidPrep;
    f[QStringLiteral("state changes tried")] = all.transitions;
    f[QStringLiteral("refused by the platform")] = all.refusals;
    return f;
}

/** What the console's own log says the platform refused, and what it has not confirmed yet. */
struct LocalVerdicts
{
    int refusedMoves = 0; // refused transitions and recalls: tried, then undone
    int refused = 0; // refused events of any kind
    int unconfirmed = 0; // order events with neither a place in the platform's log nor a refusal
    QString error;
};

LocalVerdicts localVerdicts(const Store &store, const QSet<QString> &ordersInWindow)
{
    LocalVerdicts verdicts;
    QSqlQuery query(StoreDatabase::of(store));
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT e.order_id, e.kind, s.hub_seq, s.rejected_reason FROM events e "
                           "LEFT JOIN event_status s ON s.event_id = e.event_id "
                           "WHERE e.order_id IS NOT NULL"))) {
        verdicts.error = query.lastError().text();
        return verdicts;
    }
    while (query.next()) {
        const bool refused = !query.value(3).isNull();
        if (!refused && query.value(2).isNull())
            ++verdicts.unconfirmed;
        if (!refused || !ordersInWindow.contains(query.value(0).toString()))
            continue;
        ++verdicts.refused;
        const QString kind = query.value(1).toString();
        if (kind == EventKinds::toString(EventKind::Transition)
            || kind == EventKinds::toString(EventKind::Recall))
            ++verdicts.refusedMoves;
    }
    return verdicts;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}
} // namespace

std::optional<AuditedFigure> DashboardAuditReport::figure(const QString &name) const
{
    for (const AuditedFigure &figure : figures) {
        if (figure.name == name)
            return figure;
    }
    return std::nullopt;
}

QJsonObject DashboardAuditReport::toJson() const
{
    QJsonArray rows;
    for (const AuditedFigure &figure : figures) {
        rows.append(QJsonObject {{QStringLiteral("figure"), figure.name},
                                 {QStringLiteral("dashboard"), figure.dashboard},
                                 {QStringLiteral("recomputed"), figure.recomputed},
                                 {QStringLiteral("match"), figure.matches()}});
    }
    return {{QStringLiteral("ok"), ok()},
            {QStringLiteral("window_from"), iso(window.from)},
            {QStringLiteral("window_to"), iso(window.to)},
            {QStringLiteral("now"), iso(nowMs)},
            {QStringLiteral("events_checked"), eventsChecked},
            {QStringLiteral("figures"), rows},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

MetricsWindow DashboardAudit::windowCovering(const QList<Protocol::SequencedEvent> &platformLog)
{
    MetricsWindow window;
    window.from = std::numeric_limits<qint64>::max();
    window.to = std::numeric_limits<qint64>::min();
    for (const Protocol::SequencedEvent &logged : platformLog) {
        if (logged.event.kind != EventKind::Placed)
            continue;
        window.from = std::min(window.from, logged.event.occurredAt);
        window.to = std::max(window.to, logged.event.occurredAt + 1);
    }
    if (window.from > window.to)
        window.from = window.to = 0;
    return window;
}

DashboardAuditReport DashboardAudit::compare(const Store &store,
                                             const QList<Protocol::SequencedEvent> &platformLog,
                                             const Options &given)
{
    Options options = given;
    if (options.window.from == options.window.to)
        options.window = windowCovering(platformLog);
    DashboardAuditReport report;
    report.window = options.window;
    report.nowMs = options.nowMs;

    const Result<ReportData> read =
        ReportData::read(store, options.window, options.settings, options.nowMs);
    if (!read) {
        report.problems.append(
            QStringLiteral("the dashboard's figures could not be read: %1").arg(read.error()));
        return report;
    }
    QMap<QString, qint64> shown = dashboardFigures(read.value().report);

    const QHash<QString, OrderWalk> orders = walkOrders(platformLog, &report.eventsChecked);
    Recount again = recount(orders, options);
    QSet<QString> inWindow;
    for (auto it = orders.cbegin(); it != orders.cend(); ++it) {
        if (options.window.contains(it->placedAt))
            inWindow.insert(it.key());
    }
    // The platform logs no refused change: those come from the console's own verdicts.
    const LocalVerdicts verdicts = localVerdicts(store, inWindow);
    if (!verdicts.error.isEmpty())
        report.problems.append(
            QStringLiteral("the console's verdicts could not be read: %1").arg(verdicts.error));
    again.values[QStringLiteral("state changes tried")] += verdicts.refusedMoves;
    again.values[QStringLiteral("refused by the platform")] = verdicts.refused;
    if (verdicts.unconfirmed > 0)
        report.problems.append(QStringLiteral("%1 of the console's order events are not in the "
                                              "platform's log yet: it has not caught up")
                                   .arg(verdicts.unconfirmed));

    QStringList names = shown.keys();
    for (const QString &name : again.values.keys()) {
        if (!shown.contains(name))
            names.append(name);
    }
    for (const QString &name : std::as_const(names)) {
        const AuditedFigure figure {name, shown.value(name), again.values.value(name)};
        report.figures.append(figure);
        if (!figure.matches())
            report.problems.append(QStringLiteral("%1: the dashboard shows %2, the platform's "
                                                  "log gives %3")
                                       .arg(name)
                                       .arg(figure.dashboard)
                                       .arg(figure.recomputed));
    }
    return report;
}

DashboardAuditReport DashboardAudit::compareFile(const QString &storePath,
                                                 const QList<Protocol::SequencedEvent> &platformLog,
                                                 const Options &options)
{
    Store store(storePath);
    if (const Result<void> opened = store.open(Store::OpenMode::ReadOnly); !opened) {
        DashboardAuditReport report;
        report.nowMs = options.nowMs;
        report.problems.append(
            QStringLiteral("the store %1 cannot be opened: %2").arg(storePath, opened.error()));
        return report;
    }
    return compare(store, platformLog, options);
}
