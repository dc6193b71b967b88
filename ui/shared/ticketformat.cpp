// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace {
QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

qint64 wholeMinutes(qint64 ms)
{
    return ms / 60000;
}
} // namespace

namespace TicketFormat {

QString elapsed(qint64 ms)
{
    const qint64 totalSeconds = qMax<qint64>(0, ms) / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0)
        return QString::number(hours) + QLatin1Char(':') + twoDigits(minutes) + QLatin1Char(':')
            + twoDigits(seconds);
    return twoDigits(minutes) + QLatin1Char(':') + twoDigits(seconds);
}

QString due(qint64 dueInMs)
{
    if (dueInMs >= 60000)
        return QCoreApplication::translate("TicketFormat", "due in %1 min")
            .arg(wholeMinutes(dueInMs));
    if (dueInMs > -60000)
        return QCoreApplication::translate("TicketFormat", "due now");
    return QCoreApplication::translate("TicketFormat", "late %1 min").arg(wholeMinutes(-dueInMs));
}

QString number(const Order &order)
{
    return order.number.isEmpty() ? order.id : QLatin1Char('#') + order.number;
}

QString typeBadge(const Order &order)
{
    QString type = QLocale().toUpper(OrderTypes::displayName(order.type));
    if (order.type == OrderType::DineIn && !order.table.isEmpty())
        return QCoreApplication::translate("TicketFormat", "%1 · %2")
            .arg(type, order.table); // the table as the store names it, "T4"
    return type;
}

QString stateCaption(OrderState state)
{
    return QLocale().toUpper(OrderStates::displayName(state));
}

QString itemLine(const OrderItem &item)
{
    return QCoreApplication::translate("TicketFormat", "%1× %2").arg(item.quantity).arg(item.name);
}

QString allergen(const QString &allergen)
{
    return QStringLiteral("\u26A0 ") + QLocale().toUpper(allergen);
}

QString waiting(qint64 ms)
{
    if (ms < 60000)
        return QCoreApplication::translate("TicketFormat", "just ready");
    return QCoreApplication::translate("TicketFormat", "waiting %1 min").arg(wholeMinutes(ms));
}

} // namespace TicketFormat
