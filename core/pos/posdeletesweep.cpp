// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "posdeletesweep.h"

#include <algorithm>
#include <tuple>

void PosDeleteSweep::heard(const QString &orderId, qint64 nowMs)
{
    m_heardMs.insert(orderId, nowMs);
}

QStringList PosDeleteSweep::startRound(const QList<Order> &open, const QString &source,
                                       qint64 nowMs)
{
    m_nextRoundMs = nowMs + m_config.intervalMs;
    struct Candidate
    {
        qint64 heardMs;
        qint64 placedAt;
        QString id;
    };
    QList<Candidate> quiet;
    QHash<QString, qint64> stillOpen;
    for (const Order &order : open) {
        if (order.source != source)
            continue;
        const qint64 heardMs = m_heardMs.value(order.id, 0);
        if (heardMs > 0)
            stillOpen.insert(order.id, heardMs);
        if (nowMs - heardMs >= m_config.intervalMs)
            quiet.append({heardMs, order.placedAt, order.id});
    }
    m_heardMs = std::move(stillOpen); // a closed ticket needs no check
    std::sort(quiet.begin(), quiet.end(), [](const Candidate &a, const Candidate &b) {
        return std::tie(a.heardMs, a.placedAt, a.id) < std::tie(b.heardMs, b.placedAt, b.id);
    });
    QStringList round;
    for (qsizetype i = 0; i < quiet.size() && i < m_config.batch; ++i)
        round.append(quiet.at(i).id);
    return round;
}
