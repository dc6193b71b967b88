// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypage.h"

#include "hublog.h"

#include "protocol/framesplitter.h"

#include <algorithm>

namespace HistoryPage {

QList<Protocol::Events> answer(HubLog &log, const QString &storeId,
                               const Protocol::History &request)
{
    const qint64 through = std::min(request.through, log.head(storeId));
    // Per-store seqs have no gaps, so the page is exactly the seqs after the cursor.
    const qint64 wanted = std::clamp<qint64>(through - request.after, 0, request.limit);
    const QList<Protocol::SequencedEvent> page =
            wanted > 0 ? log.eventsAfter(storeId, request.after, int(wanted))
                       : QList<Protocol::SequencedEvent> {};
    QList<Protocol::Events> frames;
    const QList<QList<Protocol::SequencedEvent>> batches = page.isEmpty()
            ? QList<QList<Protocol::SequencedEvent>> {{}}
            : FrameSplitter::split(page);
    for (const QList<Protocol::SequencedEvent> &batch : batches) {
        Protocol::Events frame {batch, false, true};
        frame.history = true;
        frames.append(frame);
    }
    frames.last().more = false;
    return frames;
}

} // namespace HistoryPage
