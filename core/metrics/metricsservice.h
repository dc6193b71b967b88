// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricsreport.h"
#include "metricssettings.h"
#include "metricswindow.h"

#include <QObject>
#include <QThread>
#include <QTimer>

class Clock;
class MetricsWorker;

/**
 * The dashboard's figures, live: a worker thread reads the store's log (a month of it without
 * holding up the board) and folds each new event in as it is written. Tell it when the log grows
 * (logChanged(); the session connects the engine's signals); requests made while one runs are
 * folded into one more, so a burst of events costs one catch-up, not one each. Ages and the stuck
 * list are judged again every tickMs even when nothing is written.
 */
class MetricsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsService)

public:
    static constexpr int defaultTickMs = 15000;

    MetricsService(const QString &storePath, const Clock &clock, const MetricsSettings &settings,
                   QObject *parent = nullptr);
    ~MetricsService() override;

    /** Starts the worker and the first read; figures follow in reportChanged(). */
    void start();
    /** Which orders the figures cover from now on (the last hour, today, some days). */
    void setWindow(const MetricsWindow &window);
    MetricsWindow window() const { return m_window; }
    /** The thresholds the figures are judged by from now on. */
    void setSettings(const MetricsSettings &settings);
    const MetricsSettings &settings() const { return m_settings; }
    /** How often ages are judged again when nothing is written. */
    void setTickMs(int ms) { m_tick.setInterval(ms); }

    /** The latest report; empty (computedAt 0) until the first read is done. */
    const MetricsReport &report() const { return m_report; }
    bool hasReport() const { return m_report.computedAt > 0; }

    /** The log has grown or changed: catch up as soon as the worker is free. */
    void logChanged();

Q_SIGNALS:
    void reportChanged(const MetricsReport &report);
    /** A long first read has passed events events. */
    void loading(qint64 events);
    /** message is for a manager: the figures are not current and why. */
    void failed(const QString &message);

private:
    void request();
    void onReported(const MetricsReport &report);

    const Clock &m_clock;
    MetricsSettings m_settings;
    MetricsWindow m_window;
    QThread m_thread;
    MetricsWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    QTimer m_tick;
    MetricsReport m_report;
    bool m_started = false;
    bool m_busy = false; // a refresh is on the worker
    bool m_again = false; // something changed while it was
};
