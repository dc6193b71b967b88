// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "submitter.h"

Submitter::Submitter(Kind kind, const QString &storeId, const QString &consoleId,
                     const QStringList &rights)
    : m_kind(kind)
    , m_storeId(storeId)
    , m_consoleId(consoleId)
    , m_rights(rights)
{ }

Submitter Submitter::platform()
{
    return Submitter(Kind::Platform, {}, {}, {});
}

Submitter Submitter::console(const QString &storeId, const QString &consoleId,
                             const QStringList &rights)
{
    return Submitter(Kind::Console, storeId, consoleId, rights);
}

// A console is staff of its store. Its manager PIN is checked at the console, out of the hub's
// sight, so "manager" on a frame is only a claim unless the hub granted managerRight.
bool Submitter::consoleMayClaim(ActorRole role, EventKind kind)
{
    switch (role) {
    case ActorRole::Staff:
        return !EventKinds::needsManager(kind); // the store's rules are a manager's
    case ActorRole::System:
        return EventKinds::isStoreLevel(kind) && !EventKinds::needsManager(kind);
    case ActorRole::Manager:
    case ActorRole::Pos:
    case ActorRole::Platform:
    case ActorRole::AutoAccept:
        return false;
    }
    return false;
}

// The POS's own words on its orders (placed at the till, changed, voided, a kitchen step its
// kitchen display took); never the store's pause, which is the kitchen's to call.
bool Submitter::mayClaim(ActorRole role, EventKind kind) const
{
    if (role == ActorRole::Pos)
        return mayRelayPos() && !EventKinds::isStoreLevel(kind);
    // Whatever a manager may do to an order or the store, the state machine judges next.
    if (role == ActorRole::Manager)
        return mayActAsManager();
    return consoleMayClaim(role, kind);
}

QString Submitter::refusal(const OrderEvent &event) const
{
    if (m_kind == Kind::Platform)
        return {};
    if (event.storeId != m_storeId)
        return tr("Console %1 belongs to store %2; it cannot submit events of store %3.")
            .arg(m_consoleId, m_storeId, event.storeId);
    if (mayClaim(event.actor.role, event.kind))
        return {};
    // The right would allow it: say which command grants it. Otherwise a console may not.
    if (event.actor.role == ActorRole::Pos && !mayRelayPos()
        && !EventKinds::isStoreLevel(event.kind))
        return tr("Console %1 may not relay the store's POS orders, so it cannot submit a %2 "
                  "event as %3 (actor \"%4\"): whoever runs the platform has not allowed it "
                  "(order-hub --grant-pos-relay %5:%1).")
            .arg(m_consoleId, EventKinds::toString(event.kind),
                 ActorRoles::displayName(event.actor.role), event.actor.toString(), m_storeId);
    if (event.actor.role == ActorRole::Manager && !mayActAsManager())
        return tr("Console %1 may not act as the store's manager, so it cannot submit a %2 event "
                  "as %3 (actor \"%4\"): whoever runs the platform has not allowed it "
                  "(order-hub --grant-manager %5:%1).")
            .arg(m_consoleId, EventKinds::toString(event.kind),
                 ActorRoles::displayName(event.actor.role), event.actor.toString(), m_storeId);
    return tr("Console %1 may act only for its kitchen staff; it cannot submit a %2 event "
              "as %3 (actor \"%4\").")
        .arg(m_consoleId, EventKinds::toString(event.kind),
             ActorRoles::displayName(event.actor.role), event.actor.toString());
}
