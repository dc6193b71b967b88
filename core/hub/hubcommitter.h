// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "submitoutcome.h"

#include "common/result.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QWaitCondition>

#include <functional>
#include <memory>

class Clock;
class CommitScope;
class HubRecords;
class HubStorage;
class QThread;

/**
 * The hub's writes, committed in groups on a thread of their own: whatever was queued while the
 * last commit was syncing goes into the next transaction together, so many submits share one
 * fsync, and a slow disk holds up commits, not the thread that serves sockets. Each part runs
 * under its own savepoint: a part that fails is undone alone. Results come back on the owner's
 * thread in commit order: committed() first (what to fan out), then each part's done.
 */
class HubCommitter final : public QObject
{
    Q_OBJECT

public:
    /** Runs on the commit thread inside the group's transaction; a failure undoes the part. */
    using Work = std::function<Result<void>(CommitScope &scope)>;
    /** Runs on the owner's thread once the part is durable, or was undone (the reason). */
    using Done = std::function<void(const Result<void> &committed)>;
    using StorageFactory = std::function<std::unique_ptr<HubStorage>()>;

    /** Parts per transaction at most, by default, so one group's latency stays bounded. */
    static constexpr int defaultMaxPartsPerGroup = 256;

    /**
     * storage: makes the backend the commit thread opens and writes through. maxParts: parts
     * per transaction at most (1: each alone).
     */
    HubCommitter(StorageFactory storage, const Clock &clock,
                 int maxParts = defaultMaxPartsPerGroup, QObject *parent = nullptr);
    /** Commits what is queued, then stops the thread; results not yet delivered are dropped. */
    ~HubCommitter() override;
    Q_DISABLE_COPY_MOVE(HubCommitter)

    /**
     * Queues work for the next group. stores: each store it may write, held for the whole
     * group. done is skipped if context is given and gone by then. Returns a ticket for waitFor().
     */
    quint64 enqueue(const QStringList &stores, Work work, QObject *context = nullptr,
                    Done done = {});
    /** Blocks until the ticket's group is finished, then delivers every finished group in order. */
    void waitFor(quint64 ticket);
    /** Transactions committed so far. */
    quint64 groupsCommitted() const;
    /** Parts queued for the next group (not the one being committed). */
    int partsWaiting() const;

Q_SIGNALS:
    /** A group is durable: the events it appended, in seq order, before any of its done runs. */
    void committed(const QList<SubmitOutcome> &accepted);

private:
    struct Part
    {
        quint64 ticket = 0;
        QStringList stores;
        Work work;
        bool hasContext = false;
        QPointer<QObject> context;
        Done done;
        Result<void> result;
    };
    struct Group
    {
        QList<Part> parts;
        QList<SubmitOutcome> accepted;
        bool committed = false;
    };

    void run(const StorageFactory &storage, const Clock &clock);
    Group commitGroup(HubRecords &records, QList<Part> parts);
    void deliver();

    mutable QMutex m_mutex;
    QWaitCondition m_queued; // work arrived, or stopping
    QWaitCondition m_finished; // a group finished
    QList<Part> m_queue;
    QList<Group> m_done; // finished, not yet delivered, in commit order
    quint64 m_lastTicket = 0;
    quint64 m_lastFinished = 0;
    quint64 m_groupsCommitted = 0;
    bool m_stopping = false;
    int m_maxParts = defaultMaxPartsPerGroup;
    QThread *m_thread = nullptr;
};
