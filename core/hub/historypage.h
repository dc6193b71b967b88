// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QList>

class HubLog;

/**
 * The hub's answer to a console's History request: the store's log after the request's cursor,
 * up to its reach (or the log's head, if that is lower) and its limit, read at once (a page is
 * a few batches) and cut into frames. Always at least one frame, so the console hears an answer.
 */
namespace HistoryPage {

QList<Protocol::Events> answer(HubLog &log, const QString &storeId,
                               const Protocol::History &request);

} // namespace HistoryPage
