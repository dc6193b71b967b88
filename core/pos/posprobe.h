// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "possetup.h"

#include <QObject>

#include <functional>

class Clock;
class PosHttp;

/**
 * "Test connection": one authorised read of the POS's recent orders at the configured location,
 * judged in words (connected; wrong token; wrong location; no network; vendor down). It makes its
 * own adapter from the settings and secrets as entered, so a manager can test before saving.
 */
class PosProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosProbe)

public:
    using Verdict = std::function<void(const Result<void> &verdict)>;

    /** Tests once; verdict is called once, on context's thread, unless context went first. */
    static void run(const PosSettings &settings, const PosSecrets &secrets, const Clock &clock,
                    QObject *context, Verdict verdict);
    /** The same test over an adapter already running (its http carries the call). */
    static void run(const PosVendor &vendor, PosHttp &http, const PosSettings &settings,
                    const Clock &clock, Verdict verdict);

private:
    PosProbe(PosAdapter adapter, const Clock &clock, QObject *context);

    PosAdapter m_adapter;
    std::unique_ptr<PosHttp> m_http;
};
