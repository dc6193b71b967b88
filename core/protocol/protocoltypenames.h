// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol.h"

#include <iterator>
#include <variant>

/** The wire names of the message types, shared by the codec's encoder and decoder. */
namespace ProtocolTypeNames {

// Same order as Protocol::Body's alternatives.
inline constexpr const char *const names[] = {"hello", "submit", "welcome", "events",
                                              "ack",   "reject", "error",   "ping",
                                              "pong",  "progress", "history",
                                              "pair",  "paired"};
static_assert(std::size(names) == std::variant_size_v<Protocol::Body>,
              "every message type needs a wire name");

} // namespace ProtocolTypeNames
