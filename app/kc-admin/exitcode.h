// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/**
 * kc-admin's exit codes. A contract with scripts and support runbooks: documented in --help and
 * the README, so never renumber; add new codes at the end.
 */
enum class ExitCode : int {
    Ok = 0,
    ProblemsFound = 1, // verify found the projection, the log or the platform disagree
    Usage = 2, // unknown command or option, missing argument
    StoreUnavailable = 3, // the store cannot be opened (or, for rebuild and archive, written)
    NotFound = 4, // no such order
    StoreDamaged = 5, // SQLite's integrity check found damaged pages or rows in the store
    PlatformUnavailable = 6, // verify --hub: no credential, the platform unreachable or refusing
    CannotWrite = 7, // report: the files could not be written; pin-reset: the settings file
    KeyringUnavailable = 8, // pin-reset: the keyring could not be used; nothing was changed
};
