// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/metricssettings.h"
#include "metrics/metricswindow.h"
#include "protocol/protocol.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class Store;

/** One figure of the dashboard beside the same figure worked out again from the platform's log. */
struct AuditedFigure
{
    QString name; // e.g. "placed to ready p90 ms"
    qint64 dashboard = 0;
    qint64 recomputed = 0;

    bool matches() const { return dashboard == recomputed; }
};

/** What DashboardAudit found: every figure compared, and what differs in words. */
struct DashboardAuditReport
{
    MetricsWindow window;
    qint64 nowMs = 0;
    qint64 eventsChecked = 0; // the platform's order events folded by the second reckoning
    QList<AuditedFigure> figures;
    QStringList problems; // one line each, for people: every figure that differs, or why none

    bool ok() const { return problems.isEmpty(); }
    /** The figure called name, or nothing. */
    std::optional<AuditedFigure> figure(const QString &name) const;
    /** Everything above, for a load run's JSON output (times as ISO 8601 UTC). */
    QJsonObject toJson() const;
};

/**
 * Checks the manager's dashboard against the platform: reads one window's figures the way the
 * dashboard does (core/metrics over the console's log, ReportData::read) and works the same
 * figures out again from the hub's log of the store, plainly and on its own (no core/metrics
 * code), straight from docs/dashboard.md "How each figure is computed".
 *
 * Compared, for the orders placed in the window (the Overview's tiles and the time-in-state chart):
 * orders, and orders now in each state ("open now"); placed to ready (count, fastest, median,
 * p90, slowest) and placed to handed over (count, median, p90); time in each state (count,
 * median, p90); late and orders with a promise; amber, red and the orders the kitchen was meant
 * to make; stuck now; recalls; rejected, and rejected for each reason; cancelled, and cancelled
 * after cooking started; state changes tried and refused by the platform.
 *
 * Durations are compared to the millisecond: the log keeps milliseconds and neither side rounds
 * (the tiles round only when they show them, TicketFormat::elapsed).
 *
 * Not compared: sync health and dead letters (the links' state, not the log); the flow and
 * speed-by-hour charts and the by-type, by-source and by-hour groups (the same orders split by
 * local hour, the same code path as the totals); stations and lines (the load run bumps whole
 * orders); steps whose time went backwards (the count is the fold's bookkeeping; the platform's
 * clock only moves forward in a load run).
 *
 * The hub never logs what it refused, so those figures count the console's own refusals, read
 * from its store (event_status) rather than from the platform. Audit a console that has caught
 * up and has nothing left to send: an event not yet on the platform is named as a problem.
 */
class DashboardAudit final
{
public:
    /** How the audit reads: as of nowMs, over window, with the dashboard's thresholds. */
    struct Options
    {
        qint64 nowMs = 0; // "now" for ages, stuck and late orders: the same on both sides
        MetricsWindow window; // from == to: windowCovering(platformLog)
        MetricsSettings settings; // the console's: ConsoleSession::metrics().settings()
    };

    /** store's dashboard against platformLog (HubLog::eventsAfter(store, 0, head + 1)). */
    static DashboardAuditReport compare(const Store &store,
                                        const QList<Protocol::SequencedEvent> &platformLog,
                                        const Options &options);
    /** The same for the store file at storePath, opened read-only as ReportData::readFile does. */
    static DashboardAuditReport compareFile(const QString &storePath,
                                            const QList<Protocol::SequencedEvent> &platformLog,
                                            const Options &options);

    /** A window that holds every order platformLog places: its first placement to its last. */
    static MetricsWindow windowCovering(const QList<Protocol::SequencedEvent> &platformLog);
};
