// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

/**
 * Where order-hub's PostgreSQL database is: a server (host and port, or a folder holding its
 * unix socket), a database and a user. Never a password: libpq takes it from PGPASSWORD, so it
 * stays out of command lines, files and logs.
 */
struct PostgresAddress
{
    QString host; // a name, an address, or an absolute folder holding the server's socket
    int port = 5432;
    QString database;
    QString user;

    /**
     * Reads "postgresql://[user@][host][:port]/database[?host=/socket/folder&port=N&user=NAME]"
     * or libpq's "host=... port=... dbname=... user=..."; refuses a password with a reason.
     */
    static Result<PostgresAddress> parse(const QString &text);

    /** For logs and errors: server, database and user, never a secret. */
    QString display() const;
};
