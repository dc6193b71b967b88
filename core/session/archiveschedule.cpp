// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "archiveschedule.h"

#include "sessionlogging.h"

#include <QSettings>

ArchiveSchedule::ArchiveSchedule(const QString &storePath, const Clock &clock,
                                 const ArchivePolicy &policy, QObject *parent)
    : QObject(parent)
    , m_storePath(storePath)
    , m_clock(clock)
    , m_policy(policy)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("kc-archive"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        runNow();
        m_timer.start(m_intervalMs);
    });
}

ArchiveSchedule::~ArchiveSchedule()
{
    m_timer.stop();
    m_pool.waitForDone();
}

ArchivePolicy ArchiveSchedule::policyFrom(const QSettings &settings)
{
    ArchivePolicy policy;
    const QString key = QStringLiteral("archive/after_days");
    bool ok = false;
    const int days = settings.value(key, policy.afterDays).toInt(&ok);
    if (!ok || days < ArchivePolicy::minimumAfterDays) {
        qCWarning(lcSession).noquote()
                << "settings:" << key << settings.value(key).toString() << "is not a number of days"
                << "of at least" << ArchivePolicy::minimumAfterDays << "; keeping"
                << policy.afterDays;
        return policy;
    }
    policy.afterDays = days;
    return policy;
}

void ArchiveSchedule::start(int firstRunMs, int intervalMs)
{
    m_intervalMs = intervalMs;
    m_timer.start(firstRunMs);
}

void ArchiveSchedule::runNow()
{
    if (m_running)
        return;
    m_running = true;
    m_pool.start([this, path = m_storePath, clock = &m_clock, policy = m_policy] {
        const Result<ArchiveReport> report = StoreArchiver(path, *clock, policy).run();
        // The schedule outlives this (its destructor waits for the pool); the answer is posted to
        // its thread, and dropped with it if it goes first.
        QMetaObject::invokeMethod(
                this,
                [this, report] {
                    m_running = false;
                    if (report)
                        Q_EMIT archived(*report);
                    else
                        Q_EMIT failed(report.error());
                },
                Qt::QueuedConnection);
    });
}
