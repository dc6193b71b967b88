// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

/**
 * A new console's bootstrap snapshot as one session sends it: the seqs of the log up to through()
 * that the console needs (HubLog::snapshotSeqs), handed out a batch at a time. Only seqs are
 * held, so a snapshot of any size costs eight bytes an event until it is sent.
 */
class HubSnapshot final
{
public:
    HubSnapshot() = default;
    /** seqs: rising, none above through. */
    HubSnapshot(QList<qint64> seqs, qint64 through);

    /** True from a snapshot's start until its last frame (the one that reaches through()). */
    bool isOpen() const { return m_open; }
    /** The log position the snapshot stands for: the session's head at hello. */
    qint64 through() const { return m_through; }
    /** Seqs still to send. */
    bool hasMore() const { return m_next < m_seqs.size(); }
    /** The next up to limit seqs to send, in order. */
    QList<qint64> takeNext(int limit);
    /** Marks the last frame sent: from now on the session replays the log after through(). */
    void close() { m_open = false; }
    /**
     * Events a console that stored up to seq stored and was sent up to seq sent still has to
     * store: the snapshot's seqs between them, then every seq after through().
     */
    qint64 eventsAhead(qint64 stored, qint64 sent) const;

private:
    qint64 countUpTo(qint64 seq) const;

    QList<qint64> m_seqs;
    qsizetype m_next = 0;
    qint64 m_through = 0;
    bool m_open = false;
};
