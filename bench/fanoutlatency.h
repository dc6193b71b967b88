// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchfigure.h"
#include "fanoutsupport.h"

#include <QList>

class QTemporaryDir;

/**
 * p99_fanout_ms and p50_fanout_ms: one hub, S stores × C real consoles; a bump on one console until
 * every other console of its store has applied it, against a bare WebSocket echo round trip
 * (bare_ws_echo_rtt_ms) sampled in the same rounds. The hub runs in the calling thread, each
 * console in a thread of its own (see FanoutConsole).
 */
QList<BenchFigure> fanoutFigures(const QTemporaryDir &dir, const FanoutSettings &settings);
