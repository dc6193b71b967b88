// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "submitter.h"

Submitter::Submitter(Kind kind, const QString &storeId, const QString &consoleId)
    : m_kind(kind)
    , m_storeId(storeId)
    , m_consoleId(consoleId)
{ }

Submitter Submitter::platform()
{
    return Submitter(Kind::Platform, {}, {});
}

Submitter Submitter::console(const QString &storeId, const QString &consoleId)
{
    return Submitter(Kind::Console, storeId, consoleId);
}

// A console is staff of its store. Manager rights need a manager's own credential (a PIN the hub
// can check), which no console presents yet; until then "manager" on a frame is only a claim.
bool Submitter::consoleMayClaim(ActorRole role, EventKind kind)
{
    switch (role) {
    case ActorRole::Staff:
        return true;
    case ActorRole::System:
        return EventKinds::isStoreLevel(kind);
    case ActorRole::Manager:
    case ActorRole::Pos:
    case ActorRole::Platform:
    case ActorRole::AutoAccept:
        return false;
    }
    return false;
}

QString Submitter::refusal(const OrderEvent &event) const
{
    if (m_kind == Kind::Platform)
        return {};
    if (event.storeId != m_storeId)
        return tr("Console %1 belongs to store %2; it cannot submit events of store %3.")
            .arg(m_consoleId, m_storeId, event.storeId);
    if (!consoleMayClaim(event.actor.role, event.kind))
        return tr("Console %1 may act only for its kitchen staff; it cannot submit a %2 event "
                  "as %3 (actor \"%4\").")
            .arg(m_consoleId, EventKinds::toString(event.kind),
                 ActorRoles::displayName(event.actor.role), event.actor.toString());
    return {};
}
