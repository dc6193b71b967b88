// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/** How often the board takes in what incoming events changed. */
struct FramePacing
{
    // At most once per frame (60 Hz), a lone event at once.
    int frameMs = 16;
    // While a burst (a replay after an outage) is still being written, only this often: the
    // board catches up ten times a second instead of repainting sixty times with tickets that
    // are about to change again.
    int burstPaceMs = 100;
    // At most this many changes in one event-loop turn, so a big catch-up cannot stall the board.
    int perTurn = 1000;
};
