// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSqlError;

/** What a PostgreSQL error means for the hub, private to the PostgreSQL backend. */
namespace PostgresErrors {
/** The server's words, with what they mean for the hub when a concurrent writer caused them. */
QString describe(const QSqlError &error);
/** True when the connection is gone (the server restarted or dropped it): reconnect, not retry. */
bool connectionLost(const QSqlError &error);
} // namespace PostgresErrors
