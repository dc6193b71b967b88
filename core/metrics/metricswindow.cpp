// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricswindow.h"

#include <QDateTime>

namespace {
constexpr qint64 hourMs = 60 * 60 * 1000;

qint64 startOf(QDate date, const QTimeZone &zone)
{
    return date.startOfDay(zone).toMSecsSinceEpoch();
}
} // namespace

MetricsWindow MetricsWindow::lastHour(qint64 nowMs)
{
    MetricsWindow window;
    window.kind = Kind::LastHour;
    window.from = nowMs - hourMs;
    window.to = nowMs + 1;
    return window;
}

MetricsWindow MetricsWindow::days(QDate first, QDate last, const QTimeZone &zone)
{
    MetricsWindow window;
    window.kind = Kind::Days;
    window.first = std::min(first, last);
    window.last = std::max(first, last);
    window.from = startOf(window.first, zone);
    window.to = startOf(window.last.addDays(1), zone);
    return window;
}

MetricsWindow MetricsWindow::today(qint64 nowMs, const QTimeZone &zone)
{
    const QDate date = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    MetricsWindow window = days(date, date, zone);
    window.kind = Kind::Today;
    return window;
}

MetricsWindow MetricsWindow::at(qint64 nowMs, const QTimeZone &zone) const
{
    switch (kind) {
    case Kind::LastHour:
        return lastHour(nowMs);
    case Kind::Today:
        return today(nowMs, zone);
    case Kind::Days:
        break;
    }
    return *this;
}
