// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actor.h"

namespace {
// Staff, managers and POS systems are always named; the others are singular parties.
bool needsId(ActorRole role)
{
    return role == ActorRole::Staff || role == ActorRole::Manager || role == ActorRole::Pos;
}
} // namespace

QString Actor::toString() const
{
    const QString roleName = ActorRoles::toString(role);
    return id.isEmpty() ? roleName : roleName + QLatin1Char(':') + id;
}

std::optional<Actor> Actor::fromString(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString roleName = colon < 0 ? text : text.left(colon);
    const QString actorId = colon < 0 ? QString() : text.mid(colon + 1);
    const std::optional<ActorRole> role = ActorRoles::fromString(roleName);
    if (!role)
        return std::nullopt;
    if (needsId(*role) == actorId.isEmpty())
        return std::nullopt;
    return Actor{*role, actorId};
}
