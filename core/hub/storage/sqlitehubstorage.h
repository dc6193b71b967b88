// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubstorage.h"

#include <memory>

/**
 * The hub's records in one SQLite file (WAL, synchronous=FULL, its own application id): one
 * connection, prepared statements for the hot paths, and every write in the caller's
 * transaction. The SQL stays in the .cpp.
 */
class SqliteHubStorage final : public HubStorage
{
public:
    explicit SqliteHubStorage(const QString &path);
    ~SqliteHubStorage() override;
    Q_DISABLE_COPY_MOVE(SqliteHubStorage)

    bool open(QString *error) override;
    bool isOpen() const override;
    QString location() const override { return m_path; }

    bool insertStore(const QString &storeId, qint64 createdAtMs, QString *error) override;
    bool hasStore(const QString &storeId) override;
    QStringList storeIds() override;

    bool upsertConsole(const QString &storeId, const QString &consoleId, const QString &secretHash,
                       qint64 createdAtMs, QString *error) override;
    QString consoleHash(const QString &storeId, const QString &consoleId) override;

    bool beginWrite(QString *error) override;
    bool commit(QString *error) override;
    void rollback() override;
    bool findLogged(const QString &eventId, std::optional<EventRows::Logged> *found,
                    QString *error) override;
    bool findRefusal(const QString &storeId, const QString &eventId,
                     std::optional<EventRows::Refusal> *found, QString *error) override;
    bool insertRefusal(const EventRows::Refusal &refusal, QString *error) override;
    bool appendEvent(const EventRows::Append &event, QString *error) override;
    bool upsertOrder(const QString &storeId, const QString &orderId, const QString &body,
                     QString *error) override;
    qint64 head(const QString &storeId) override;
    qint64 eventCount(const QString &storeId) override;
    QList<EventRows::Logged> eventsAfter(const QString &storeId, qint64 cursor, int limit) override;
    std::optional<EventRows::Logged> lastEventOf(const QString &storeId,
                                                 const QString &orderId) override;
    QString orderBody(const QString &storeId, const QString &orderId) override;
    QStringList orderBodies(const QString &storeId) override;

    std::optional<IdempotentResponse> response(const QString &storeId, const QString &key) override;
    bool insertResponse(const QString &storeId, const QString &key,
                        const IdempotentResponse &response, qint64 createdAtMs,
                        QString *error) override;
    int deleteResponsesBefore(qint64 cutoffMs) override;

private:
    struct Connection; // the SQLite connection and its prepared statements
    void close();

    QString m_path;
    std::unique_ptr<Connection> d;
};
