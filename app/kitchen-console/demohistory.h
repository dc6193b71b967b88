// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

class Store;
struct EngineConfig;

/**
 * Gives a fresh demo store the last quarter of an hour of a service: a handful of orders placed
 * minutes apart and moved along, one already handed over (so recall has something to bring
 * back). Written through an engine on a clock that walks from the past up to nowMs, so every
 * event is real and the board opens with ages, states and colours to look at.
 */
namespace DemoHistory {
void seed(Store &store, const EngineConfig &config, qint64 nowMs, quint32 seed);
}
