// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubcommitter.h"

#include "commitscope.h"
#include "hublogging.h"
#include "hubrecords.h"
#include "storage/hubstorage.h"

#include <QThread>

HubCommitter::HubCommitter(StorageFactory storage, const Clock &clock, int maxParts,
                           QObject *parent)
    : QObject(parent)
    , m_maxParts(std::max(1, maxParts))
{
    m_thread = QThread::create(
            [this, storage = std::move(storage), &clock] { run(storage, clock); });
    m_thread->setObjectName(QStringLiteral("hub-commits"));
    m_thread->start();
}

HubCommitter::~HubCommitter()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_queued.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

quint64 HubCommitter::enqueue(const QStringList &stores, Work work, QObject *context, Done done)
{
    Part part;
    part.stores = stores;
    part.work = std::move(work);
    part.hasContext = context != nullptr;
    part.context = context;
    part.done = std::move(done);
    QMutexLocker lock(&m_mutex);
    part.ticket = ++m_lastTicket;
    m_queue.append(std::move(part));
    m_queued.wakeOne();
    return m_lastTicket;
}

void HubCommitter::waitFor(quint64 ticket)
{
    {
        QMutexLocker lock(&m_mutex);
        while (m_lastFinished < ticket)
            m_finished.wait(&m_mutex);
    }
    deliver();
}

quint64 HubCommitter::groupsCommitted() const
{
    QMutexLocker lock(&m_mutex);
    return m_groupsCommitted;
}

int HubCommitter::partsWaiting() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

// The commit thread: its own connection, opened here (a connection belongs to its thread).
void HubCommitter::run(const StorageFactory &storage, const Clock &clock)
{
    HubRecords records(storage(), clock);
    for (;;) {
        QList<Part> parts;
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.isEmpty() && !m_stopping)
                m_queued.wait(&m_mutex);
            if (m_queue.isEmpty())
                return;
            const qsizetype count = std::min<qsizetype>(m_queue.size(), m_maxParts);
            parts = m_queue.mid(0, count);
            m_queue.remove(0, count);
        }
        const quint64 last = parts.constLast().ticket;
        Group group = commitGroup(records, std::move(parts));
        {
            QMutexLocker lock(&m_mutex);
            if (group.committed)
                ++m_groupsCommitted;
            m_done.append(std::move(group));
            m_lastFinished = last;
            m_finished.wakeAll();
        }
        QMetaObject::invokeMethod(this, &HubCommitter::deliver, Qt::QueuedConnection);
    }
}

HubCommitter::Group HubCommitter::commitGroup(HubRecords &records, QList<Part> parts)
{
    Group group;
    group.parts = std::move(parts);
    const auto failAll = [&group](const QString &why) {
        for (Part &part : group.parts)
            part.result = Failure {why};
        group.accepted.clear();
        return std::move(group);
    };
    if (!records.isOpen()) {
        if (const Result<void> opened = records.open(); !opened)
            return failAll(opened.error());
    }
    HubLog &log = records.log();
    QStringList stores;
    for (const Part &part : std::as_const(group.parts))
        stores += part.stores;
    if (const Result<void> begun = log.beginGroup(stores); !begun)
        return failAll(begun.error());
    for (Part &part : group.parts) {
        if (const Result<void> marked = log.beginPart(); !marked) {
            log.rollbackGroup();
            return failAll(marked.error());
        }
        CommitScope scope(records);
        part.result = part.work(scope);
        if (part.result)
            part.result = log.keepPart();
        if (part.result) {
            group.accepted += scope.accepted();
            continue;
        }
        qCWarning(lcHubLog).noquote() << "a part of a group commit failed and is undone:"
                                      << part.result.error();
        if (const Result<void> undone = log.undoPart(); !undone) {
            // The transaction cannot be trusted any more: nothing of the group is kept.
            log.rollbackGroup();
            return failAll(undone.error());
        }
    }
    if (const Result<void> committed = log.commitGroup(); !committed)
        return failAll(committed.error());
    group.committed = true;
    return group;
}

// On the owner's thread, in commit order: a caller waiting in waitFor() delivers the groups
// finished before its own first, so fan-out never goes out of sequence.
void HubCommitter::deliver()
{
    for (;;) {
        Group group;
        {
            QMutexLocker lock(&m_mutex);
            if (m_done.isEmpty())
                return;
            group = m_done.takeFirst();
        }
        if (!group.accepted.isEmpty())
            Q_EMIT committed(group.accepted);
        for (const Part &part : std::as_const(group.parts)) {
            if (!part.done || (part.hasContext && !part.context))
                continue;
            part.done(part.result);
        }
    }
}
