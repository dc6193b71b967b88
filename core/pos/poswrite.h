// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posexchange.h"

#include <QString>

/** What a write to a POS does next: one more call, or how it ended. */
struct PosStep
{
    enum class Kind {
        Call, // send call, then hand its answer to PosWrite::next
        Delivered, // the POS holds the change (or already held it)
        Refused, // the POS will never take it: asking again would be refused again
        Failed, // this attempt failed; the event is tried again later
    };

    Kind kind = Kind::Failed;
    PosCall call;
    QString reason; // Refused and Failed: why, in words for a manager
    qint64 retryAfterMs = 0; // Failed: not again before this (a vendor's Retry-After)

    static PosStep send(PosCall call) { return {Kind::Call, std::move(call), {}, 0}; }
    static PosStep delivered() { return {Kind::Delivered, {}, {}, 0}; }
    static PosStep refused(const QString &reason) { return {Kind::Refused, {}, reason, 0}; }
    static PosStep failed(const QString &reason, qint64 retryAfterMs = 0)
    {
        return {Kind::Failed, {}, reason, retryAfterMs};
    }
};

/**
 * One event's delivery to a POS, as a few HTTP calls the vendor's API needs (fetch the current
 * version, then update; look the order up, then add to it). A vendor adapter makes one per event;
 * PosChannel runs it: first() and then next() with each answer until it ends.
 */
class PosWrite
{
public:
    virtual ~PosWrite() = default;
    virtual PosStep first() = 0;
    virtual PosStep next(const PosAnswer &answer) = 0;
};
