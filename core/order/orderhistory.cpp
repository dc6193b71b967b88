// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderhistory.h"

#include "projector.h"

#include <algorithm>

HistoryFold OrderHistory::fold(QList<HistoryEntry> entries)
{
    std::stable_sort(entries.begin(), entries.end(),
                     [](const HistoryEntry &a, const HistoryEntry &b) {
                         return comesBefore({a.hubSeq, a.localSeq}, {b.hubSeq, b.localSeq});
                     });
    HistoryFold result;
    for (const HistoryEntry &entry : std::as_const(entries)) {
        if (entry.rejected)
            continue;
        const Projection projection = Projector::apply(result.order, entry.event);
        if (projection) {
            result.order = projection.toOptional();
        } else if (entry.hubSeq) {
            result.problems.append(QStringLiteral("confirmed event %1 (platform #%2) does not fit: %3")
                                           .arg(entry.event.id.toString(QUuid::WithoutBraces))
                                           .arg(*entry.hubSeq)
                                           .arg(projection.error()));
        } else {
            result.superseded.append(entry.event.id);
        }
    }
    return result;
}

bool OrderHistory::comesBefore(const HistoryPosition &a, const HistoryPosition &b)
{
    if (a.hubSeq.has_value() != b.hubSeq.has_value())
        return a.hubSeq.has_value();
    if (a.hubSeq)
        return *a.hubSeq < *b.hubSeq;
    return a.localSeq < b.localSeq;
}
