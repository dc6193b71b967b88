// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <optional>

class ChannelDispatcher;
class IncomingPipeline;

/**
 * Records the authority's verdicts on this console's events: an ack (with its outbox row, in one
 * transaction) or a refusal. A verdict keeps its place among the authority's events: one that
 * arrives while earlier incoming events are still on their way waits until those have been heard.
 */
class VerdictRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerdictRecorder)

public:
    VerdictRecorder(Store &store, IncomingPipeline &incoming, QObject *parent = nullptr);

    /** Records the verdicts a channel's dispatcher hands on, and tells it when they are written. */
    void watch(ChannelDispatcher &dispatcher);
    /** The authority logged eventId at position; deliveredTo's outbox row goes with the record. */
    void accept(const QUuid &eventId, qint64 position, const QString &deliveredTo);
    /** The authority refused eventId: the order follows the authority's history. */
    void reject(const QUuid &eventId, const QString &reason);

Q_SIGNALS:
    /** The verdict on eventId was written (or, recorded false, could not be). */
    void recorded(const QUuid &eventId, bool recorded);
    /** An ack changed the order (result.order) or overtook local work (result.superseded). */
    void accepted(const AppendResult &result);
    /** A refusal was recorded now (not a duplicate): staff hear of it once. */
    void rejected(const AppendResult &result, const QString &reason);
    void storeFaultNoted(StoreFault fault);

private:
    struct Held;
    bool holdBehindIncoming(Held verdict);
    void applyHeld();
    void record(const QUuid &eventId, std::optional<qint64> position, const QString &reason,
                const QString &deliveredTo);

    Store &m_store;
    IncomingPipeline &m_incoming;
    struct Held
    {
        QUuid eventId;
        std::optional<qint64> position; // an ack; none for a refusal
        QString reason;
        QString deliveredTo;
        quint64 afterIncoming = 0; // incoming events queued before it
    };
    QList<Held> m_held;
};
