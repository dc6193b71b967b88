// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderevent.h"
#include "order/orderstate.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/**
 * Who hands an event to the hub, as the hub itself established it: the platform's own services
 * (HTTP API, simulator), which build their events, or a console authenticated by its hello. The
 * role on an event must be one its submitter may claim; a frame's word for it counts for nothing.
 */
class Submitter final
{
    Q_DECLARE_TR_FUNCTIONS(Submitter)

public:
    enum class Kind { Platform, Console };

    /** The hub's own services, which speak for the platform (customers, couriers). */
    static Submitter platform();
    /** A console that passed hello as consoleId of storeId, with the rights the hub gave it. */
    static Submitter console(const QString &storeId, const QString &consoleId,
                             const QStringList &rights = {});

    /**
     * The right to relay the store's POS orders to the platform: the console that runs the
     * store's POS adapter submits what the POS says (role pos), so every screen of the store
     * sees counter orders. Granted by whoever runs the hub, never by a frame.
     */
    static inline const QString posRelayRight = QStringLiteral("pos_relay");
    /**
     * The right to act as the store's manager: a manager at this console (its dashboard,
     * unlocked by the store's manager PIN, which only the console can check) cancels, refunds
     * and pauses as role manager. Granted by whoever runs the hub, never by a frame.
     */
    static inline const QString managerRight = QStringLiteral("manager");

    Kind kind() const { return m_kind; }
    QString storeId() const { return m_storeId; }
    QString consoleId() const { return m_consoleId; }
    bool mayRelayPos() const { return m_rights.contains(posRelayRight); }
    bool mayActAsManager() const { return m_rights.contains(managerRight); }

    /**
     * True when a console may put role on an event of kind: staff on anything it sends, and
     * system only on store-level events (a pause that runs out resumes the store by itself).
     * Not manager, pos, auto-accept or platform: a console holds none of those by itself.
     */
    static bool consoleMayClaim(ActorRole role, EventKind kind);
    /**
     * consoleMayClaim, and pos on an order's events for a console with posRelayRight, and
     * manager on any event for a console with managerRight.
     */
    bool mayClaim(ActorRole role, EventKind kind) const;
    /** Why this submitter may not submit event as it stands; empty when it may. */
    QString refusal(const OrderEvent &event) const;

private:
    Submitter(Kind kind, const QString &storeId, const QString &consoleId,
              const QStringList &rights);

    Kind m_kind = Kind::Platform;
    QString m_storeId;
    QString m_consoleId;
    QStringList m_rights;
};
