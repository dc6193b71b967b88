// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportdata.h"

#include <QByteArray>
#include <QString>

/**
 * A report as CSV for spreadsheets and scripts (what Toast keeps behind a paid plan): the figures,
 * every order's state times, and every station's and line's done times.
 *
 * The format, for whoever reads the files: RFC 4180 records ending in CRLF; a field is quoted
 * (its quotes doubled) when it holds a comma, a quote, CR or LF; UTF-8 with a byte-order mark, so
 * that Excel shows accented names right. Times are UTC, ISO 8601 with milliseconds and Z; a time
 * that never came is empty. Durations are seconds with one decimal, percentages one decimal, both
 * rounded half up. Text that came from outside (ids, numbers, names, reasons) that starts with
 * = + - @, a tab or CR gets a leading apostrophe, so a spreadsheet never runs it as a formula;
 * free text (reasons, station and item names) has card-like numbers masked first.
 */
namespace MetricsCsv {
/** One field as RFC 4180 has it: quoted, quotes doubled, when it holds , " CR or LF. */
QString field(const QString &value);
/** Text from outside, guarded against formulas: "=1+2" becomes "'=1+2". */
QString text(const QString &value);
/** Free text people or vendors wrote: card-like numbers masked, then guarded as text(). */
QString freeText(const QString &value);
/** ms as seconds with one decimal, rounded half up: 1250 → "1.3". */
QString seconds(qint64 ms);
/** part of whole in percent with one decimal, rounded half up; "0.0" when whole is 0. */
QString percent(int part, int whole);
/** UTC ms as "2026-12-01T12:00:00.000Z"; empty for 0 (it never happened). */
QString time(qint64 utcMs);

/**
 * figures.csv: `group,key,figure,value,unit`, one row per figure of every group (all; type;
 * source; station; local hour with orders). Distributions give `<name>_count` and, in seconds,
 * `_fastest`, `_median`, `_p90`, `_p99`, `_slowest` (time in a state: count, median, p90, p99);
 * their value is empty when nothing was measured. A station's rows are those its work gives:
 * orders, in_state_*, station_time_*, line_*. Percentages: alert1_pct and alert2_pct of
 * ticketable orders, late_pct of promised ones, refusal_pct of transitions.
 */
QByteArray figures(const ReportData &data);
/**
 * orders.csv: one row per order placed in the window, oldest first: ids, type, source, state now,
 * when it last entered each state, its promise, placed → ready and → handed over (as the figures
 * count them), recalls and why it was rejected or cancelled.
 */
QByteArray orders(const ReportData &data);
/**
 * items.csv: one row per station done and per line done, each order's in the order they were
 * done: fired (accepted), started (preparing) and done times, and fired → done, started → done.
 * The line is the item's index in the order (from 0), empty on a whole station's row.
 */
QByteArray items(const ReportData &data);
} // namespace MetricsCsv
