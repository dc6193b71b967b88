// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricscsv.h"

#include "localhours.h"

#include "orderfigures.h"
#include "common/cardredaction.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace {
const char byteOrderMark[] = "\xEF\xBB\xBF";
const QLatin1String lineEnd("\r\n");

// Records of one file: fields joined by commas, each record ended by CRLF.
class Csv
{
public:
    explicit Csv(const QStringList &header) { add(header); }
    // Each field must already be made safe (text(), freeText()) or be a number or time of ours.
    void add(const QStringList &fields)
    {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                m_text += QLatin1Char(',');
            m_text += MetricsCsv::field(fields.at(i));
        }
        m_text += lineEnd;
    }
    QByteArray bytes() const { return QByteArray(byteOrderMark) + m_text.toUtf8(); }

private:
    QString m_text;
};

// The figures of one group, row by row.
class FigureRows
{
public:
    FigureRows(Csv &csv, const QString &group, const QString &key)
        : m_csv(csv)
        , m_group(group)
        , m_key(MetricsCsv::freeText(key))
    { }

    void add(const QString &figure, const QString &value, const char *unit)
    {
        m_csv.add({m_group, m_key, figure, value, QLatin1String(unit)});
    }
    void count(const QString &figure, int value, const char *unit = "orders")
    {
        add(figure, QString::number(value), unit);
    }
    void percent(const QString &figure, int part, int whole)
    {
        add(figure, MetricsCsv::percent(part, whole), "percent");
    }
    // _count, then the times asked for; a time is empty when there was nothing to measure.
    void distribution(const QString &name, const Distribution &d, bool withExtremes)
    {
        add(name + QLatin1String("_count"), QString::number(d.count), "samples");
        const auto time = [&](const char *suffix, qint64 ms) {
            add(name + QLatin1String(suffix), d.count > 0 ? MetricsCsv::seconds(ms) : QString(),
                "seconds");
        };
        if (withExtremes)
            time("_fastest", d.fastest);
        time("_median", d.median);
        time("_p90", d.p90);
        time("_p99", d.p99);
        if (withExtremes)
            time("_slowest", d.slowest);
    }

    // Every figure of an order group; a station's group has only what its work gives.
    void set(const FigureSet &s, bool station)
    {
        count(QStringLiteral("orders"), s.orders);
        for (OrderState state : OrderStates::all())
            count(QLatin1String("in_state_") + OrderStates::toString(state),
                  s.inState[std::size_t(state)]);
        if (!station) {
            for (OrderState state : OrderStates::all())
                distribution(QLatin1String("time_in_") + OrderStates::toString(state),
                             s.timeIn[std::size_t(state)], false);
            distribution(QStringLiteral("to_ready"), s.toReady, true);
            distribution(QStringLiteral("to_handed_over"), s.toHandedOver, true);
        }
        distribution(QStringLiteral("station_time"), s.stationTime, true);
        distribution(QStringLiteral("line_fired_to_done"), s.lineFiredToDone, true);
        distribution(QStringLiteral("line_started_to_done"), s.lineStartedToDone, true);
        if (station)
            return;
        count(QStringLiteral("ticketable"), s.ticketable);
        count(QStringLiteral("alert1"), s.alert1);
        percent(QStringLiteral("alert1_pct"), s.alert1, s.ticketable);
        count(QStringLiteral("alert2"), s.alert2);
        percent(QStringLiteral("alert2_pct"), s.alert2, s.ticketable);
        count(QStringLiteral("promised"), s.promised);
        count(QStringLiteral("late"), s.late);
        percent(QStringLiteral("late_pct"), s.late, s.promised);
        count(QStringLiteral("recalls"), s.recalls, "events");
        count(QStringLiteral("rejected"), s.rejected);
        for (auto it = s.rejectReasons.cbegin(); it != s.rejectReasons.cend(); ++it)
            add(QLatin1String("reject_reason:") + CardRedaction::redact(it.key()),
                QString::number(it.value()), "orders");
        count(QStringLiteral("cancelled"), s.cancelled);
        count(QStringLiteral("cancelled_mid_prep"), s.cancelledMidPrep);
        count(QStringLiteral("transitions"), s.transitions, "events");
        count(QStringLiteral("refusals"), s.refusals, "events");
        percent(QStringLiteral("refusal_pct"), s.refusals, s.transitions);
        count(QStringLiteral("unusable"), s.unusable, "steps");
    }

private:
    Csv &m_csv;
    QString m_group;
    QString m_key;
};

QString number(const std::optional<qint64> &ms)
{
    return ms ? MetricsCsv::seconds(*ms) : QString();
}

// to − from when both happened and time did not go backwards.
std::optional<qint64> span(qint64 from, qint64 to)
{
    if (from <= 0 || to <= 0 || to < from)
        return std::nullopt;
    return to - from;
}

// One row of items.csv before it is written, so an order's rows can be put in time order.
struct ItemRow
{
    QString station;
    int line = -1; // -1: the whole station
    QString name;
    qint64 doneAt = 0;
};
} // namespace

namespace MetricsCsv {
QString field(const QString &value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!quote)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString text(const QString &value)
{
    // OWASP's list: these open a formula (or, tab and CR, a cell that starts one) in Excel,
    // LibreOffice and Sheets.
    static const QString starters = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && starters.contains(value.front()))
        return QLatin1Char('\'') + value;
    return value;
}

QString freeText(const QString &value)
{
    return text(CardRedaction::redact(value));
}

QString seconds(qint64 ms)
{
    const bool negative = ms < 0;
    const qint64 tenths = ((negative ? -ms : ms) + 50) / 100;
    return QStringLiteral("%1%2.%3")
        .arg(negative && tenths > 0 ? QStringLiteral("-") : QString())
        .arg(tenths / 10)
        .arg(tenths % 10);
}

QString percent(int part, int whole)
{
    if (whole <= 0)
        return QStringLiteral("0.0");
    // Tenths of a percent, rounded half up in whole numbers (no binary fraction to round).
    const qint64 tenths = (qint64(part) * 2000 + whole) / (qint64(whole) * 2);
    return QStringLiteral("%1.%2").arg(tenths / 10).arg(tenths % 10);
}

QString time(qint64 utcMs)
{
    if (utcMs <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray figures(const ReportData &data)
{
    const MetricsReport &report = data.report;
    Csv csv({QStringLiteral("group"), QStringLiteral("key"), QStringLiteral("figure"),
             QStringLiteral("value"), QStringLiteral("unit")});
    FigureRows(csv, QStringLiteral("all"), QStringLiteral("all")).set(report.all, false);
    for (auto it = report.byType.cbegin(); it != report.byType.cend(); ++it)
        FigureRows(csv, QStringLiteral("type"), OrderTypes::toString(it.key()))
            .set(it.value(), false);
    for (auto it = report.bySource.cbegin(); it != report.bySource.cend(); ++it)
        FigureRows(csv, QStringLiteral("source"), it.key()).set(it.value(), false);
    for (auto it = report.byStation.cbegin(); it != report.byStation.cend(); ++it)
        FigureRows(csv, QStringLiteral("station"), it.key()).set(it.value(), true);
    for (int hour = 0; hour < int(report.byHour.size()); ++hour) {
        if (report.byHour[std::size_t(hour)].orders > 0)
            FigureRows(csv, QStringLiteral("hour"), QString::number(hour))
                .set(report.byHour[std::size_t(hour)], false);
    }
    return csv.bytes();
}

QByteArray orders(const ReportData &data)
{
    Csv csv({QStringLiteral("order_id"), QStringLiteral("number"), QStringLiteral("type"),
             QStringLiteral("source"), QStringLiteral("state"), QStringLiteral("placed_at"),
             QStringLiteral("accepted_at"), QStringLiteral("preparing_at"),
             QStringLiteral("ready_at"), QStringLiteral("handed_over_at"),
             QStringLiteral("delivered_at"), QStringLiteral("cancelled_at"),
             QStringLiteral("rejected_at"), QStringLiteral("promised_at"),
             QStringLiteral("placed_to_ready_s"), QStringLiteral("placed_to_handed_over_s"),
             QStringLiteral("recalls"), QStringLiteral("end_reason")});
    LocalHours hours(data.zone);
    for (const ReportData::PlacedOrder &order : data.orders) {
        const OrderTimeline &t = order.timeline;
        // The durations as the figures count them (a refund keeps the times before it).
        const OrderFigures f = OrderFigures::of(order.id, t, hours);
        const qint64 handedOverAt =
            std::max(t.enteredAt(OrderState::PickedUp), t.enteredAt(OrderState::OutForDelivery));
        csv.add({text(order.id), text(t.number()), OrderTypes::toString(t.type()),
                 freeText(t.source()), OrderStates::toString(t.state()), time(t.placedAt()),
                 time(t.enteredAt(OrderState::Accepted)), time(t.enteredAt(OrderState::Preparing)),
                 time(t.enteredAt(OrderState::Ready)), time(handedOverAt),
                 time(t.enteredAt(OrderState::Delivered)), time(t.enteredAt(OrderState::Cancelled)),
                 time(t.enteredAt(OrderState::Rejected)), time(t.promisedAt()), number(f.toReady),
                 number(f.toHandedOver), QString::number(t.recalls()), freeText(t.endReason())});
    }
    return csv.bytes();
}

QByteArray items(const ReportData &data)
{
    Csv csv({QStringLiteral("order_id"), QStringLiteral("number"), QStringLiteral("station"),
             QStringLiteral("line"), QStringLiteral("line_name"), QStringLiteral("fired_at"),
             QStringLiteral("started_at"), QStringLiteral("done_at"),
             QStringLiteral("fired_to_done_s"), QStringLiteral("started_to_done_s")});
    for (const ReportData::PlacedOrder &order : data.orders) {
        const OrderTimeline &t = order.timeline;
        QList<ItemRow> rows;
        for (const OrderTimeline::StationDone &done : t.stationsDone())
            rows.append({done.station, -1, {}, done.doneAt});
        for (const OrderTimeline::LineDone &line : t.linesDone())
            rows.append({line.station, line.item, line.name, line.doneAt});
        std::sort(rows.begin(), rows.end(), [](const ItemRow &a, const ItemRow &b) {
            if (a.doneAt != b.doneAt)
                return a.doneAt < b.doneAt;
            if (a.line != b.line)
                return a.line < b.line; // a whole station before its lines
            return a.station < b.station;
        });
        // Fired is when the ticket reached the kitchen (accepted), started when cooking began.
        const qint64 firedAt = t.enteredAt(OrderState::Accepted);
        const qint64 startedAt = t.enteredAt(OrderState::Preparing);
        for (const ItemRow &row : std::as_const(rows)) {
            csv.add({text(order.id), text(t.number()), freeText(row.station),
                     row.line >= 0 ? QString::number(row.line) : QString(), freeText(row.name),
                     time(firedAt), time(startedAt), time(row.doneAt),
                     number(span(firedAt, row.doneAt)), number(span(startedAt, row.doneAt))});
        }
    }
    return csv.bytes();
}
} // namespace MetricsCsv
