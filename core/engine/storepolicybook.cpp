// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storepolicybook.h"

#include "order/storepolicycodec.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStorePolicy, "kc.engine.policy", QtInfoMsg)

namespace {
const QString policyKey = QStringLiteral("policy");

CommandResult refusal(const QString &message)
{
    CommandResult refused;
    refused.message = message;
    return refused;
}
} // namespace

StorePolicyBook::StorePolicyBook(OrderEngine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{ }

void StorePolicyBook::setFallback(const StorePolicy &policy)
{
    m_fallback = policy;
    restore();
}

void StorePolicyBook::restore()
{
    const std::optional<OrderEvent> last = m_engine.lastStoreEvent({EventKind::StorePolicyChanged});
    if (!last) {
        follow(m_fallback, std::nullopt);
        return;
    }
    // Every reader checks the payload on the way in, so a stored change always parses; a log
    // written by a future version with other bounds keeps the rules in force rather than guess.
    const Result<StorePolicy> parsed =
            StorePolicyCodec::fromJson(last->payload.value(policyKey).toObject());
    if (!parsed) {
        qCWarning(lcStorePolicy).noquote() << "the store's rules in event"
                                           << last->id.toString(QUuid::WithoutBraces)
                                           << "cannot be read:" << parsed.error();
        return;
    }
    follow(*parsed.toOptional(), last);
}

CommandResult StorePolicyBook::change(const StorePolicy &policy, const Actor &actor)
{
    if (actor.role != ActorRole::Manager)
        return refusal(tr("Only a manager may change the store's rules."));
    if (const QString why = StorePolicyCodec::problem(policy); !why.isEmpty())
        return refusal(why);
    if (policy == m_policy)
        return refusal(tr("Nothing changed: these are the store's rules already."));
    const CommandResult result = m_engine.appendStoreEvent(
            EventKind::StorePolicyChanged, {{policyKey, StorePolicyCodec::toJson(policy)}}, actor);
    if (!result.ok) {
        qCWarning(lcStorePolicy).noquote() << "the store's rules were not changed:"
                                           << result.message;
        return result;
    }
    qCInfo(lcStorePolicy).noquote() << actor.toString() << "changed the store's rules";
    follow(policy, result.event);
    return result;
}

void StorePolicyBook::follow(const StorePolicy &policy, const std::optional<OrderEvent> &change)
{
    m_lastChange = change;
    if (policy == m_policy)
        return;
    m_policy = policy;
    if (change)
        qCInfo(lcStorePolicy).noquote() << "following the store's rules set by"
                                        << change->actor.toString() << "at" << change->origin;
    Q_EMIT policyChanged(m_policy);
}
