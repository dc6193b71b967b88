// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsservice.h"

#include "common/clock.h"
#include "metricsworker.h"

MetricsService::MetricsService(const QString &storePath, const Clock &clock,
                               const MetricsSettings &settings, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_settings(settings)
    , m_window(MetricsWindow::today(clock.nowMs(), settings.zone))
    , m_worker(new MetricsWorker(storePath, settings))
{
    qRegisterMetaType<MetricsReport>();
    qRegisterMetaType<MetricsWindow>();
    qRegisterMetaType<MetricsSettings>();
    m_thread.setObjectName(QStringLiteral("kc-metrics"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &MetricsWorker::reported, this, &MetricsService::onReported);
    connect(m_worker, &MetricsWorker::loading, this, &MetricsService::loading);
    connect(m_worker, &MetricsWorker::failed, this, [this](const QString &message) {
        m_busy = false;
        Q_EMIT failed(message);
        // What was asked meanwhile (another period, a new event) is tried now, once; a store
        // that stays unreadable is tried again at the next tick, not in a loop.
        if (m_again)
            request();
    });
    m_tick.setInterval(defaultTickMs);
    connect(&m_tick, &QTimer::timeout, this, &MetricsService::request);
}

MetricsService::~MetricsService()
{
    m_thread.quit();
    m_thread.wait();
}

void MetricsService::start()
{
    if (m_started)
        return;
    m_started = true;
    m_thread.start(QThread::LowPriority);
    m_tick.start();
    request();
}

void MetricsService::setWindow(const MetricsWindow &window)
{
    m_window = window;
    request();
}

void MetricsService::setSettings(const MetricsSettings &settings)
{
    m_settings = settings;
    request();
}

void MetricsService::logChanged()
{
    request();
}

void MetricsService::request()
{
    if (!m_started)
        return;
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    m_again = false;
    const qint64 now = m_clock.nowMs();
    const MetricsWindow window = m_window.at(now, m_settings.zone);
    const MetricsSettings settings = m_settings;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, window, settings, now] {
        worker->refresh(window, settings, now);
    });
}

void MetricsService::onReported(const MetricsReport &report)
{
    m_busy = false;
    m_report = report;
    Q_EMIT reportChanged(m_report);
    if (m_again)
        request();
}
