// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/orderengine.h"
#include "order/storepolicy.h"

#include <QObject>

#include <optional>

/**
 * The store's rules (StorePolicy) as the log has them: the latest store_policy_changed event the
 * platform has not refused, whichever console of the store a manager changed them at. A console
 * whose store has no such event yet follows its fallback (the rules its settings file held before
 * they travelled). A change is a manager's event through the engine, so it reaches the platform,
 * every other console and the audit trail; one the platform refuses is undone by the next restore.
 */
class StorePolicyBook final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorePolicyBook)

public:
    explicit StorePolicyBook(OrderEngine &engine, QObject *parent = nullptr);

    /** The rules to follow while the log holds none; takes effect at once if that is so. */
    void setFallback(const StorePolicy &policy);
    /** Reads the rules from the log again: at start, after incoming events, after a refusal. */
    void restore();

    /** The rules the store follows now. */
    const StorePolicy &policy() const { return m_policy; }
    /** The event that set them (who, when, from which console), or none for the fallback. */
    const std::optional<OrderEvent> &lastChange() const { return m_lastChange; }

    /**
     * A manager (actor) changes the rules to policy: refused in words when policy is out of
     * bounds, unchanged, or actor is not a manager; otherwise an event in the log.
     */
    CommandResult change(const StorePolicy &policy, const Actor &actor);

Q_SIGNALS:
    /** The rules the store follows changed (here, at another console, or undone by a refusal). */
    void policyChanged(const StorePolicy &policy);

private:
    void follow(const StorePolicy &policy, const std::optional<OrderEvent> &change);

    OrderEngine &m_engine;
    StorePolicy m_fallback;
    StorePolicy m_policy;
    std::optional<OrderEvent> m_lastChange;
};
