// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/faultscript.h"

#include <algorithm>

namespace {
struct KindName
{
    FaultRule::Kind kind;
    const char *name;
};
constexpr KindName kindNames[] = {
    {FaultRule::Kind::Fail, "fail"},
    {FaultRule::Kind::RateLimit, "rate_limit"},
    {FaultRule::Kind::Latency, "latency"},
    {FaultRule::Kind::Disconnect, "disconnect"},
};

bool matches(const FaultRule &rule, const QString &method, const QString &path)
{
    return rule.remaining != 0 && path.startsWith(rule.pathPrefix)
        && (rule.method.isEmpty() || rule.method.compare(method, Qt::CaseInsensitive) == 0);
}
} // namespace

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &object, QString *error)
{
    FaultRule rule;
    const QString kind = object.value(QStringLiteral("kind")).toString();
    bool known = false;
    for (const KindName &entry : kindNames) {
        if (kind == QLatin1String(entry.name)) {
            rule.kind = entry.kind;
            known = true;
        }
    }
    if (!known) {
        *error = QStringLiteral("kind must be fail, rate_limit, latency or disconnect");
        return std::nullopt;
    }
    rule.remaining = object.value(QStringLiteral("count")).toInt(1);
    rule.pathPrefix = object.value(QStringLiteral("path_prefix")).toString();
    rule.method = object.value(QStringLiteral("method")).toString().toUpper();
    rule.status = object.value(QStringLiteral("status")).toInt(rule.kind == Kind::RateLimit ? 429
                                                                                           : 500);
    rule.code = object.value(QStringLiteral("code")).toString();
    rule.delayMs = object.value(QStringLiteral("delay_ms")).toInt(0);
    rule.retryAfterS = object.value(QStringLiteral("retry_after_s")).toInt(1);
    if (rule.remaining == 0 || rule.remaining < -1 || rule.delayMs < 0 || rule.retryAfterS < 0) {
        *error = QStringLiteral("count is -1 or positive; delay_ms and retry_after_s are >= 0");
        return std::nullopt;
    }
    return rule;
}

QJsonObject FaultRule::toJson() const
{
    QString name;
    for (const KindName &entry : kindNames) {
        if (entry.kind == kind)
            name = QLatin1String(entry.name);
    }
    return {{QStringLiteral("kind"), name},
            {QStringLiteral("count"), remaining},
            {QStringLiteral("path_prefix"), pathPrefix},
            {QStringLiteral("method"), method},
            {QStringLiteral("status"), status},
            {QStringLiteral("code"), code},
            {QStringLiteral("delay_ms"), delayMs},
            {QStringLiteral("retry_after_s"), retryAfterS}};
}

FaultScript::Verdict FaultScript::take(const QString &method, const QString &path)
{
    Verdict verdict;
    bool delayTaken = false;
    for (FaultRule &rule : m_rules) {
        if (!matches(rule, method, path))
            continue;
        const bool isLatency = rule.kind == FaultRule::Kind::Latency;
        if (isLatency ? delayTaken : verdict.answer.has_value())
            continue;
        if (isLatency) {
            verdict.delayMs = rule.delayMs;
            delayTaken = true;
        } else {
            verdict.answer = rule;
        }
        if (rule.remaining > 0)
            --rule.remaining;
    }
    m_rules.erase(std::remove_if(m_rules.begin(), m_rules.end(),
                                 [](const FaultRule &rule) { return rule.remaining == 0; }),
                  m_rules.end());
    return verdict;
}
