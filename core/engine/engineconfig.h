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
};
