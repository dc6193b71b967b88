// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * Which of a POS's open tickets to check again where the POS lists no deleted orders (Clover): an
 * order deleted at the till whose webhook was lost never comes back in the poll, so its ticket
 * would stay on the board. A round is due every intervalMs on the feed's clock and names at most
 * batch of the POS's open tickets that nothing brought for an interval, least lately heard of
 * first. Bookkeeping only: PosFeed fetches what a round names.
 */
class PosDeleteSweep final
{
public:
    struct Config
    {
        qint64 intervalMs = 5 * 60'000;
        int batch = 10; // checks a round, each one fetch: the vendor's rate limit is shared
    };

    explicit PosDeleteSweep(Config config) : m_config(config) { }

    /** A view of orderId came in at nowMs (the poll, a webhook, a check): it is still there. */
    void heard(const QString &orderId, qint64 nowMs);
    /** Whether a round is due at nowMs; the first is due at once (deletes made while off). */
    bool isDue(qint64 nowMs) const { return nowMs >= m_nextRoundMs; }
    /**
     * Starts the round due at nowMs: of open, the orders of source not heard of for an interval,
     * least lately first (never heard: the oldest placed first), at most batch. A check that
     * fails leaves its order unheard, so it comes early in the next round.
     */
    QStringList startRound(const QList<Order> &open, const QString &source, qint64 nowMs);

    const Config &config() const { return m_config; }

private:
    Config m_config;
    QHash<QString, qint64> m_heardMs; // by the POS's order id; pruned to the open ones each round
    qint64 m_nextRoundMs = 0;
};
