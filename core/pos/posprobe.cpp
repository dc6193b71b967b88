// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "posprobe.h"

#include "poshttp.h"
#include "poslogging.h"

#include "common/clock.h"

#include <QPointer>

namespace {
constexpr qint64 probeWindowMs = 60 * 60'000; // a read of the last hour's orders
constexpr int probeTimeoutMs = 8000; // a manager waits for the answer
} // namespace

PosProbe::PosProbe(PosAdapter adapter, const Clock &clock, QObject *context)
    : QObject(context), m_adapter(std::move(adapter))
{
    m_http = std::make_unique<PosHttp>(*m_adapter.vendor, clock);
    m_http->setCallTimeoutMs(probeTimeoutMs);
}

void PosProbe::run(const PosSettings &settings, const PosSecrets &secrets, const Clock &clock,
                   QObject *context, Verdict verdict)
{
    Result<PosAdapter> adapter = PosAdapter::make(settings, secrets);
    if (!adapter) {
        verdict(Failure {adapter.error()});
        return;
    }
    auto *probe = new PosProbe(std::move(*adapter), clock, context);
    probe->m_http->setBaseUrl(settings.baseUrl);
    probe->m_http->setAuth(std::move(probe->m_adapter.auth));
    run(*probe->m_adapter.vendor, *probe->m_http, settings, clock,
        [probe, verdict = std::move(verdict)](const Result<void> &judged) {
            verdict(judged);
            probe->deleteLater();
        });
}

void PosProbe::run(const PosVendor &vendor, PosHttp &http, const PosSettings &settings,
                   const Clock &clock, Verdict verdict)
{
    const PosCall call = vendor.probe(clock.nowMs() - probeWindowMs);
    http.send(call, [&vendor, settings, verdict = std::move(verdict)](const PosAnswer &answer) {
        const Result<void> judged = PosAdapter::judgeProbe(vendor, settings, answer);
        qCInfo(lcPos).noquote() << vendor.name() << "connection test:"
                                << (judged ? QStringLiteral("connected") : judged.error());
        verdict(judged);
    });
}
