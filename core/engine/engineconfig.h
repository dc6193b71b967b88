// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/statemachine.h"

#include <QString>
#include <QStringList>

/** Who this console is, where its events go and how incoming bursts are written. */
struct EngineConfig
{
    QString storeId;
    QString consoleId;
    // Where every local event is queued, besides each channel registered with the engine: a
    // destination is kept even while no channel delivers it, so nothing is lost meanwhile.
    QStringList destinations{QStringLiteral("platform")};
    qint64 recallWindowMs = StateMachine::defaultRecallWindowMs;
    int incomingBatchSize = 100; // events per transaction in a burst
    // Bursts are written by a thread of their own (its own connection to the store's file), so
    // the board's thread never waits on their commits. Off: written on the engine's thread.
    bool writeIncomingOnOwnThread = true;
    // What incoming events changed reaches listeners at most once per frame (60 Hz), a lone event
    // at once. While a burst (a replay after an outage) is still being written, listeners hear it
    // only every incomingBurstPaceMs: the board catches up ten times a second instead of
    // repainting sixty times with tickets that are about to change again.
    int incomingFrameMs = 16;
    int incomingBurstPaceMs = 100;
    // At most this many events' changes are heard in one event-loop turn (whole batches, at
    // least one), so a fast disk's big delivery cannot stall the board either.
    int incomingPerTurn = 1000;
};
