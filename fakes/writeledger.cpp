// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/writeledger.h"

#include <QJsonObject>

QList<AppliedWrite> WriteLedger::appliedWrites(const QString &key) const
{
    QList<AppliedWrite> found;
    for (const AppliedWrite &write : m_writes) {
        if (write.idempotencyKey == key)
            found.append(write);
    }
    return found;
}

QJsonArray WriteLedger::toJson() const
{
    QJsonArray array;
    for (const AppliedWrite &write : m_writes) {
        array.append(QJsonObject {{QStringLiteral("idempotency_key"), write.idempotencyKey},
                                  {QStringLiteral("method"), write.method},
                                  {QStringLiteral("path"), write.path},
                                  {QStringLiteral("object_id"), write.objectId},
                                  {QStringLiteral("version"), write.version},
                                  {QStringLiteral("at_ms"), write.atMs}});
    }
    return array;
}
