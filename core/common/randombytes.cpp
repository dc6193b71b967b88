// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "randombytes.h"

#include <QRandomGenerator>

namespace RandomBytes {

QByteArray generate(int bytes)
{
    QByteArray out(qMax(bytes, 0), Qt::Uninitialized);
    auto *generator = QRandomGenerator::system();
    for (qsizetype i = 0; i < out.size(); i += 4) {
        const quint32 word = generator->generate();
        for (qsizetype j = 0; j < 4 && i + j < out.size(); ++j)
            out[i + j] = static_cast<char>(word >> (8 * j));
    }
    return out;
}

} // namespace RandomBytes
