// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

#include <optional>

/** A pairing code as the hub keeps it: its hash only, never the code. */
struct PairingCodeRow
{
    QString codeHash;
    QString storeId;
    QString consoleId;
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 usedAtMs = 0; // 0: not used yet
};

/** Where a hub backend keeps one-time pairing codes (PairingDesk). */
class PairingStorage
{
public:
    virtual ~PairingStorage() = default;

    /** Records a new code, and forgets codes that ended before forgetBeforeMs. */
    virtual Result<void> insertPairingCode(const PairingCodeRow &row, qint64 forgetBeforeMs) = 0;
    /** The code with this hash, used or not; none when there is no such code. */
    virtual Result<std::optional<PairingCodeRow>> findPairingCode(const QString &codeHash) = 0;
    /** Marks an unused code used; false when it was used already (by another process too). */
    virtual Result<bool> usePairingCode(const QString &codeHash, qint64 usedAtMs) = 0;
};
