// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsworker.h"

#include "metricslogging.h"
#include "store/store.h"
#include "store/storedatabase.h"

MetricsWorker::MetricsWorker(const QString &storePath, const MetricsSettings &settings)
    : m_storePath(storePath)
    , m_settings(settings)
{ }

MetricsWorker::~MetricsWorker() = default;

bool MetricsWorker::openStore()
{
    if (m_book)
        return true;
    m_store = std::make_unique<Store>(m_storePath);
    // The console's own connection checked the file when it opened it.
    const Result<void> opened = m_store->open(Store::OpenMode::ReadOnly,
                                              Store::IntegrityCheck::Skip);
    if (!opened) {
        qCWarning(lcMetrics) << "cannot read the store for the figures:" << opened.error();
        m_store.reset();
        Q_EMIT failed(tr("The figures cannot read this console's records: %1").arg(opened.error()));
        return false;
    }
    m_book = std::make_unique<MetricsBook>(StoreDatabase::of(*m_store),
                                           MetricsWindow::lastHour(0), m_settings);
    return true;
}

void MetricsWorker::refresh(const MetricsWindow &window, const MetricsSettings &settings,
                            qint64 nowMs)
{
    if (!openStore())
        return;
    if (!(window == m_book->window()))
        m_book->setWindow(window);
    if (settings != m_settings) { // the zone too: local days and hours move with it
        m_settings = settings;
        m_book->setSettings(settings);
    }
    const Result<int> read =
            m_book->catchUpFully([this](qint64 events) { Q_EMIT loading(events); });
    if (!read) {
        qCWarning(lcMetrics) << "reading the log for the figures failed:" << read.error();
        Q_EMIT failed(tr("The figures could not be brought up to date: %1").arg(read.error()));
        return;
    }
    Q_EMIT reported(m_book->report(nowMs));
}
