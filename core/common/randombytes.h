// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace RandomBytes {
/**
 * Bytes from the system's cryptographic generator (raw; encode them for transport): salts,
 * console secrets, anything an attacker must not guess.
 */
QByteArray generate(int bytes = 32);
} // namespace RandomBytes
