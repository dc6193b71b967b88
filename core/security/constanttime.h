// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

/**
 * Secrets compared without telling how much of them matched: a plain == stops at the first
 * differing byte, so the time of a refusal would say how long a guessed signature's right prefix
 * is. Lengths are not secret (a signature's is the same for everyone) and are compared first.
 */
namespace ConstantTime {
/** Whether a and b are the same non-empty bytes, taking as long whatever they share. */
bool equal(QByteArrayView a, QByteArrayView b);
} // namespace ConstantTime
