// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fixedworkprobe.h"
#include "loopprobe.h"
#include "slowwork.h"

#include <QList>
#include <QString>

class ShiftSamples;
struct ShiftSample;

/** What the soak saw of the GUI thread's loop. */
struct LoopReadings
{
    LoopProbe::Summary loop; // the gaps through the shift
    LoopProbe::Summary bare; // the same probe's gaps with nothing else to do, before it
    double longestDeliveryCpuMs = 0;
    SlowWorkApplication::Totals deliveries;
    FixedWorkProbe::Summary fixedWork; // what the machine added to the same work each time
};

namespace SoakFigures {
/** One line on stdout, flushed: a figure or the summary. */
void printLine(const QString &line);
/**
 * The figures, as JSON lines: memory and store growth after the warm-up (and from close to
 * close), the loop's gaps against the bare loop's, its longest delivery against a frame, and
 * what the machine added to a fixed piece of work beside them.
 */
void print(const ShiftSamples &samples, const QList<ShiftSample> &closes,
           const LoopReadings &readings);
} // namespace SoakFigures
