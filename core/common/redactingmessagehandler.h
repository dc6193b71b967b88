// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

/**
 * Every log line of the program with card-like numbers masked (CardRedaction) before it is
 * written, whatever wrote it: installed as Qt's message handler while it lives, it hands each
 * masked line to the handler that was there before (Qt's own, or a test's), and puts that one
 * back when it goes. A program's main.cpp makes one first, before anything can log.
 */
class RedactingMessageHandler final
{
public:
    RedactingMessageHandler();
    ~RedactingMessageHandler();
    Q_DISABLE_COPY_MOVE(RedactingMessageHandler)

private:
    QtMessageHandler m_previous = nullptr;
};
