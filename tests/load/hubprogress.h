// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace LoadRun {

/**
 * How far the platform's log has come, read while the hub runs: a read-only SQLite connection of
 * this process to the hub's file (SQLite's own locking keeps it consistent with the hub's
 * writes), never the hub's objects.
 */
class HubProgress final
{
public:
    explicit HubProgress(QString databasePath);
    ~HubProgress();
    Q_DISABLE_COPY_MOVE(HubProgress)

    struct Reading
    {
        bool ok = false;
        QHash<QString, qint64> heads; // store → the sequence of its last event
        int orders = 0;
        int inKitchen = 0; // orders not yet rejected, cancelled or handed over
    };
    Reading read();

private:
    QString m_connection;
};

/** Rejected, cancelled, refunded or handed to the customer or the courier. */
bool hasLeftTheKitchen(const QString &stateName);

} // namespace LoadRun
