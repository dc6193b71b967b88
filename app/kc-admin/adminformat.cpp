// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "adminformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStringList>

namespace {
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString stateName(const std::optional<OrderState> &state)
{
    return state ? OrderStates::toString(*state) : QStringLiteral("-");
}

QJsonValue stateOrNull(const std::optional<OrderState> &state)
{
    return state ? QJsonValue(OrderStates::toString(*state)) : QJsonValue(QJsonValue::Null);
}

QString quotedOrDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : QLatin1Char('"') + text + QLatin1Char('"');
}

// Columns separated by two spaces; a value wider than its column just pushes the rest right.
QString columns(const QStringList &values, const QList<int> &widths)
{
    QString line;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const bool last = i == values.size() - 1;
        line += last ? values.at(i)
                     : values.at(i).leftJustified(widths.value(i)) + QStringLiteral("  ");
    }
    return line;
}

const QList<int> orderWidths{6, 16, 8, 20, 8, 5};
const QList<int> eventWidths{20, 11, 29, 16, 14, 20};
} // namespace

QString AdminFormat::isoTime(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODate);
}

QString AdminFormat::isoTimeMs(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString AdminFormat::age(qint64 durationMs)
{
    if (durationMs < 0)
        return QStringLiteral("-"); // placed "in the future": the two clocks disagree
    const qint64 seconds = durationMs / 1000;
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const auto twoDigits = [](qint64 n) {
        return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
    };
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (minutes < 60)
        return QStringLiteral("%1m").arg(minutes);
    if (hours < 24)
        return QStringLiteral("%1h %2m").arg(hours).arg(twoDigits(minutes % 60));
    return QStringLiteral("%1d %2h").arg(hours / 24).arg(twoDigits(hours % 24));
}

int AdminFormat::itemCount(const Order &order)
{
    int count = 0;
    for (const OrderItem &item : order.items)
        count += item.quantity;
    return count;
}

QString AdminFormat::orderHeader()
{
    return columns({QStringLiteral("NUMBER"), QStringLiteral("STATE"), QStringLiteral("TYPE"),
                    QStringLiteral("PLACED"), QStringLiteral("AGE"), QStringLiteral("ITEMS"),
                    QStringLiteral("ORDER ID")},
                   orderWidths);
}

QString AdminFormat::orderLine(const Order &order, qint64 nowMs)
{
    return columns({order.number, OrderStates::toString(order.state),
                    OrderTypes::toString(order.type), isoTime(order.placedAt),
                    age(nowMs - order.placedAt), QString::number(itemCount(order)), order.id},
                   orderWidths);
}

QJsonObject AdminFormat::orderJson(const Order &order)
{
    QJsonObject json{
            {QStringLiteral("number"), order.number},
            {QStringLiteral("state"), OrderStates::toString(order.state)},
            {QStringLiteral("type"), OrderTypes::toString(order.type)},
            {QStringLiteral("placed_at"), isoTimeMs(order.placedAt)},
            {QStringLiteral("state_since"), isoTimeMs(order.stateSince)},
            {QStringLiteral("items"), itemCount(order)},
            {QStringLiteral("order_id"), order.id},
    };
    if (order.promisedAt != 0)
        json.insert(QStringLiteral("promised_at"), isoTimeMs(order.promisedAt));
    return json;
}

QString AdminFormat::eventHeader()
{
    return columns({QStringLiteral("TIME"), QStringLiteral("KIND"), QStringLiteral("CHANGE"),
                    QStringLiteral("ACTOR"), QStringLiteral("ORIGIN"), QStringLiteral("REASON"),
                    QStringLiteral("EVENT ID")},
                   eventWidths);
}

QString AdminFormat::eventLine(const OrderEvent &event)
{
    QString change = stateName(event.from) + QStringLiteral(" → ") + stateName(event.to);
    if (event.kind == EventKind::StationBumped) {
        change = event.payload.value(QStringLiteral("station")).toString()
            + (event.payload.value(QStringLiteral("done")).toBool() ? QStringLiteral(" done")
                                                                    : QStringLiteral(" reopened"));
    } else if (event.kind == EventKind::ItemDone) {
        // "#2 Fries (fry) done": the line's place on the ticket, counted from 1 as cooks count.
        const QString station = event.payload.value(QStringLiteral("station")).toString();
        change = QStringLiteral("#%1 %2")
                         .arg(event.payload.value(QStringLiteral("item")).toInt() + 1)
                         .arg(event.payload.value(QStringLiteral("name")).toString())
                + (station.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(station))
                + (event.payload.value(QStringLiteral("done")).toBool()
                           ? QStringLiteral(" done")
                           : QStringLiteral(" reopened"));
    }
    return columns({isoTime(event.occurredAt), EventKinds::toString(event.kind), change,
                    event.actor.toString(), orDash(event.origin), quotedOrDash(event.reason),
                    event.id.toString(QUuid::WithoutBraces)},
                   eventWidths);
}

QJsonObject AdminFormat::eventJson(const OrderEvent &event)
{
    return {
            {QStringLiteral("occurred_at"), isoTimeMs(event.occurredAt)},
            {QStringLiteral("kind"), EventKinds::toString(event.kind)},
            {QStringLiteral("from"), stateOrNull(event.from)},
            {QStringLiteral("to"), stateOrNull(event.to)},
            {QStringLiteral("actor"), event.actor.toString()},
            {QStringLiteral("origin"), event.origin},
            {QStringLiteral("reason"), event.reason},
            {QStringLiteral("event_id"), event.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("order_id"), event.orderId},
    };
}

QString AdminFormat::deadLetterLine(const DeadLetter &letter)
{
    const OrderEvent &event = letter.event;
    return QStringLiteral("#%1  %2  to %3  after %4 attempts  order %5  %6 %7 → %8  event %9  %10")
            .arg(QString::number(letter.id), isoTime(letter.deadAt), letter.destination,
                 QString::number(letter.attempts), orDash(event.orderId),
                 EventKinds::toString(event.kind), stateName(event.from), stateName(event.to),
                 event.id.toString(QUuid::WithoutBraces), quotedOrDash(letter.lastError))
            // The first error, where it was recorded (schema 5 on) and said something else.
            + (letter.firstErrorAt > 0 && letter.firstError != letter.lastError
                       ? QStringLiteral("  first %1").arg(quotedOrDash(letter.firstError))
                       : QString());
}

QString AdminFormat::jsonLine(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
