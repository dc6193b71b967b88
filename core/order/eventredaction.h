// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderevent.h"

/**
 * An event with its free text cleared of card numbers (CardRedaction): its reason and every
 * string of its payload (notes, names, modifiers, errors) but ids ("id" and "…_id" keys, which
 * name things rather than say them). Numbers are left alone: a payload's numbers are times,
 * prices and counts. Each edge where events come in applies it once, before any check or
 * comparison or limit: it is deterministic and idempotent, so a resent event still compares
 * equal, and OrderLimits judges the masked event (a mask is never more characters than the
 * number, but "•" is three bytes of UTF-8), so whatever is kept can be sent.
 */
namespace EventRedaction {
/** event with card-like numbers masked in its free text. */
OrderEvent redacted(OrderEvent event);
} // namespace EventRedaction
