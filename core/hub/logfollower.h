// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class Hub;

/**
 * Fan-out when several hub processes share one log (PostgreSQL): per store it keeps the last seq
 * it fanned out, and fans out only the log's next events, in seq order and without gaps, whether
 * this process committed them (Hub::acceptedTogether) or another one did (storeWritten(), woken
 * by PostgresLogWatch). The log is the truth; a wake-up only says "read it".
 */
class LogFollower final : public QObject
{
    Q_OBJECT

public:
    /** Starts at the head of every registered store: what is older is replay's to send. */
    explicit LogFollower(Hub &hub, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(LogFollower)

    /** The store's log may have grown elsewhere: fans out what is new, in order. */
    void storeWritten(const QString &storeId);
    /** Notices may have been missed (the wake-up was away): fans out what is new in every store. */
    void catchUpAll();
    /** The last seq of the store fanned out (0: none since the start). */
    qint64 lastFanned(const QString &storeId) const { return m_lastFanned.value(storeId); }

Q_SIGNALS:
    /** The store's next events, each once and in seq order, for every live console of it. */
    void fannedOut(const QString &storeId, const QList<Protocol::SequencedEvent> &events);

private:
    void onAccepted(const QString &storeId, const QList<Protocol::SequencedEvent> &events);
    void fanOut(const QString &storeId, const QList<Protocol::SequencedEvent> &events);

    Hub &m_hub;
    QHash<QString, qint64> m_lastFanned;
};
