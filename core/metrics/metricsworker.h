// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricsbook.h"
#include "metricsreport.h"

#include <QObject>

#include <memory>

class Store;

/**
 * MetricsService's half on its own thread: its own read-only connection to the store's file and
 * the book over it, so a month's first read never holds up the board. Only MetricsService uses it.
 */
class MetricsWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsWorker)

public:
    MetricsWorker(const QString &storePath, const MetricsSettings &settings);
    ~MetricsWorker() override;

    /** Catches up with the log over window and reports as of nowMs. */
    void refresh(const MetricsWindow &window, const MetricsSettings &settings, qint64 nowMs);

Q_SIGNALS:
    void reported(const MetricsReport &report);
    /** The log's first read has passed events events (progress for a long first read). */
    void loading(qint64 events);
    void failed(const QString &message);

private:
    bool openStore();

    QString m_storePath;
    MetricsSettings m_settings;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MetricsBook> m_book;
};
