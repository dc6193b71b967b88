// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/** One scripted misbehaviour, applied to vendor requests before any route runs. */
struct FaultRule
{
    enum class Kind {
        Fail,       // answer `status` with the vendor's error body for `code`
        RateLimit,  // answer 429 with the vendor's rate-limit headers and Retry-After
        Latency,    // answer normally, `delayMs` later (never blocking the event loop)
        Disconnect, // close the connection without an answer
    };

    Kind kind = Kind::Fail;
    int remaining = 1;  // requests it still applies to; -1 until cleared
    QString pathPrefix; // only requests whose path starts so; empty matches all
    QString method;     // only requests of this method ("POST"); empty matches all
    int status = 500;
    QString code;       // the vendor's error code; empty picks one for the status
    int delayMs = 0;
    int retryAfterS = 1;

    /** The rule from control JSON: {"kind":"fail|rate_limit|latency|disconnect", "count", …}. */
    static std::optional<FaultRule> fromJson(const QJsonObject &object, QString *error);
    QJsonObject toJson() const;
};

/**
 * The fault script of a fake: rules in the order they were added. A request takes the first
 * matching answering rule (Fail, RateLimit, Disconnect) and, separately, the first matching
 * Latency rule; each taken rule counts down and is gone at zero.
 */
class FaultScript final
{
public:
    struct Verdict
    {
        std::optional<FaultRule> answer; // set when a rule answers instead of the route
        int delayMs = 0;
    };

    void add(const FaultRule &rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    const QList<FaultRule> &rules() const { return m_rules; }

    /** What the script does to a `method` request for `path`, counting its rules down. */
    Verdict take(const QString &method, const QString &path);

private:
    QList<FaultRule> m_rules;
};
