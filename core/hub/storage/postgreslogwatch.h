// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postgresaddress.h"

#include "common/result.h"

#include <QObject>
#include <QString>
#include <QTimer>

/**
 * Hears, through PostgreSQL's LISTEN/NOTIFY on a connection of its own, that some process
 * (this one included) committed a write to a store's log in the database. Only a wake-up: the
 * log by sequence stays the truth (LogFollower reads it), so a lost or repeated notice costs a
 * read, never an event. A lost connection is noticed by a periodic check and made again.
 */
class PostgresLogWatch final : public QObject
{
    Q_OBJECT

public:
    /** checkEveryMs: how often the connection is checked, and made again once the server is back.
     */
    explicit PostgresLogWatch(const PostgresAddress &address, int checkEveryMs = 2000,
                              QObject *parent = nullptr);
    ~PostgresLogWatch() override;
    Q_DISABLE_COPY_MOVE(PostgresLogWatch)

    /** Connects and starts listening; the failure's reason is for people. */
    Result<void> open();

Q_SIGNALS:
    /** A transaction that wrote to the store's log committed somewhere. */
    void storeWritten(const QString &storeId);
    /** Listening again after the connection was lost: notices may have been missed meanwhile. */
    void resumed();

private:
    void close();
    void check();

    PostgresAddress m_address;
    QString m_connection;
    QTimer m_check;
    bool m_lost = false;
};
