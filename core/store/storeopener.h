// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store.h"

#include <QString>
#include <QStringList>

class StoreConnection;

/**
 * Opens a store's file on its connection, for Store::open: refuses a path, a file or a schema the
 * store cannot use, and a file SQLite finds damaged, before anything is written to it; creates or
 * migrates a read-write one and prepares the connection's statements. Every refusal is logged in
 * the words it returns.
 */
class StoreOpener final
{
public:
    StoreOpener(StoreConnection &connection, const QString &path, int busyTimeoutMs);

    /** Opens the file; on failure the connection is closed and openError() says what kind. */
    Result<void> open(Store::OpenMode mode, Store::IntegrityCheck integrity);
    Store::OpenError openError() const { return m_openError; }
    /** What SQLite's check found, one line each, when openError() is Damaged. */
    QStringList damage() const { return m_damage; }

private:
    /** Closes the connection and returns the refusal, with cause (if any) in brackets. */
    Result<void> fail(const QString &message, const QString &cause = {},
                      Store::OpenError why = Store::OpenError::Unavailable);
    Result<void> damaged(const QStringList &findings);

    StoreConnection &m_connection;
    QString m_path;
    int m_busyTimeoutMs;
    Store::OpenError m_openError = Store::OpenError::None;
    QStringList m_damage;
};
