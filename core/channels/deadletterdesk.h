// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deadlettersummary.h"

#include "common/result.h"
#include "order/actor.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

class ChannelDispatcher;
class ChannelRegistry;
class Store;
struct AppendResult;
struct DeadLetter;

/**
 * The manager's dead-letter queue: what gave up on a destination, readable without SQL and
 * without anything sensitive (DeadLetterSummary), and the three decisions on it: send one again,
 * send all (of a destination, or every one) again, or let one go with a reason. Each decision is
 * one audited store-level event (ChannelRegistry::redrive / discard: who, when, why), and wakes
 * the destination's dispatcher, so a redriven event goes at once. Failures come back in words for
 * people (StoreFaults::forStaff for the store's), never as silence. changed() follows every
 * decision and every change a dispatcher reports.
 */
class DeadLetterDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadLetterDesk)

public:
    /** How long the desk waits after a dispatcher's news before it reads the queue again. */
    static constexpr int refreshDelayMs = 250;

    /** Decisions are logged with origin (this console's id); reads the queue at once. */
    DeadLetterDesk(Store &store, ChannelRegistry &channels, const QString &origin,
                   QObject *parent = nullptr);
    ~DeadLetterDesk() override;

    /** The dead letters as last read, oldest first. */
    const QList<DeadLetterSummary> &letters() const { return m_letters; }
    /** One of them by id, if it is still there. */
    std::optional<DeadLetterSummary> letter(qint64 id) const;
    /** Why the queue could not be read, in words for people; empty when it could. */
    QString readProblem() const { return m_readProblem; }

    /** Reads the queue again; changed() follows. */
    void refresh();

    /** Sends dead letter id again, in actor's name, with an optional reason. */
    Result<void> redrive(qint64 id, const Actor &actor, const QString &reason = {});
    /**
     * Sends every dead letter of destination (empty: of every destination) again, oldest first,
     * each its own audited decision; how many went, or why the rest did not.
     */
    Result<int> redriveAll(const QString &destination, const Actor &actor,
                           const QString &reason = {});
    /** Lets dead letter id go for reason (required: words for people if it is empty or long). */
    Result<void> discard(qint64 id, const Actor &actor, const QString &reason);

    /** Why reason cannot be a discard's (empty, too long), in words; empty when it can. */
    static QString discardReasonProblem(const QString &reason);

Q_SIGNALS:
    /** The queue as letters() shows it changed, or could not be read (readProblem()). */
    void changed();

private:
    void watch(ChannelDispatcher *dispatcher);
    /** Words for people for a decision that was not committed. */
    QString failureWords(const AppendResult &result, qint64 id) const;
    DeadLetterSummary summarise(const DeadLetter &letter) const;

    Store &m_store;
    ChannelRegistry &m_channels;
    QString m_origin;
    QList<DeadLetterSummary> m_letters;
    QString m_readProblem;
    QTimer m_refreshSoon; // coalesces a burst of dispatcher news into one read
};
