// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orderstate.h"

#include <QString>

#include <optional>

/** Who did something: a role plus, where it has one, an id ("staff:ana", "pos:square"). */
struct Actor
{
    ActorRole role = ActorRole::System;
    QString id;

    static Actor staff(const QString &staffId) { return {ActorRole::Staff, staffId}; }
    static Actor manager(const QString &managerId) { return {ActorRole::Manager, managerId}; }
    static Actor pos(const QString &posName) { return {ActorRole::Pos, posName}; }
    static Actor platform() { return {ActorRole::Platform, {}}; }
    static Actor autoAccept() { return {ActorRole::AutoAccept, {}}; }
    static Actor system() { return {ActorRole::System, {}}; }

    /** The stored form: "role" or "role:id". */
    QString toString() const;
    /** Parses the stored form; nothing for an unknown role or a missing required id. */
    static std::optional<Actor> fromString(const QString &text);

    friend bool operator==(const Actor &a, const Actor &b)
    {
        return a.role == b.role && a.id == b.id;
    }
    friend bool operator!=(const Actor &a, const Actor &b) { return !(a == b); }
};
