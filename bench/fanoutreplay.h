// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchfigure.h"
#include "fanoutsupport.h"

class QTemporaryDir;

/**
 * replay_events_per_s: a fresh console catching up from cursor 0 on a store whose hub log holds
 * settings.replayEvents events, against bare_sqlite_batch_events_per_s: the rows the console
 * writes, inserted straight through QtSql in batches of the engine's size.
 */
BenchFigure replayFigure(const QTemporaryDir &dir, const FanoutSettings &settings);
