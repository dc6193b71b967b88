// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

/** One write that changed a fake's state. */
struct AppliedWrite
{
    QString idempotencyKey; // empty when the request carried none
    QString method;
    QString path;
    QString objectId;
    qint64 version = 0; // the object's version after the write (0 where the vendor has none)
    qint64 atMs = 0;
};

/**
 * The writes a fake applied, in order: what tests count to prove nothing was doubled. A replayed
 * key that the vendor answers from its first result never reaches the ledger.
 */
class WriteLedger final
{
public:
    void record(const AppliedWrite &write) { m_writes.append(write); }
    void clear() { m_writes.clear(); }

    const QList<AppliedWrite> &writes() const { return m_writes; }
    /** The writes applied under one idempotency key (one at most, for a vendor that honours it). */
    QList<AppliedWrite> appliedWrites(const QString &key) const;
    qsizetype appliedWriteCount() const { return m_writes.size(); }
    QJsonArray toJson() const;

private:
    QList<AppliedWrite> m_writes;
};
