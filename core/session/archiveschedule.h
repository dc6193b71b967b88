// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storearchiver.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

class Clock;
class QSettings;

/**
 * Archives the store's finished orders (StoreArchiver) a while after the console starts and then
 * every few hours, on a thread and an SQLite connection of its own: the board never waits for it,
 * and a run that a full disk or another program's lock refuses is tried again at the next one.
 */
class ArchiveSchedule final : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultFirstRunMs = 2 * 60 * 1000; // after the start-up catch-up
    static constexpr int defaultIntervalMs = 4 * 60 * 60 * 1000;

    ArchiveSchedule(const QString &storePath, const Clock &clock, const ArchivePolicy &policy,
                    QObject *parent = nullptr);
    /** Waits for a run in progress, which ends at its next batch at the latest. */
    ~ArchiveSchedule() override;
    Q_DISABLE_COPY_MOVE(ArchiveSchedule)

    /** The policy in settings: archive/after_days (at least ArchivePolicy::minimumAfterDays). */
    static ArchivePolicy policyFrom(const QSettings &settings);

    /** Runs first after firstRunMs, then every intervalMs. */
    void start(int firstRunMs = defaultFirstRunMs, int intervalMs = defaultIntervalMs);
    /** Starts a run now unless one is under way. */
    void runNow();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void archived(const ArchiveReport &report);
    void failed(const QString &error);

private:
    QString m_storePath;
    const Clock &m_clock;
    ArchivePolicy m_policy;
    QThreadPool m_pool;
    QTimer m_timer;
    int m_intervalMs = defaultIntervalMs;
    bool m_running = false;
};
