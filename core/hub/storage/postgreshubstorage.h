// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubstorage.h"
#include "postgresaddress.h"

#include <memory>

struct PostgresHubConnection;

/**
 * The hub's records in a PostgreSQL database (QPSQL), shared by several order-hub processes:
 * its own named connection, numbered migrations in schema_version, prepared statements for the
 * hot paths, and every write in the caller's transaction (READ COMMITTED). lockStore() takes a
 * transaction-scoped advisory lock per store, so judging and numbering a store's events is
 * serialized across processes. A connection the server dropped is made again outside a write
 * transaction. The SQL stays in the .cpp.
 */
class PostgresHubStorage final : public HubStorage
{
public:
    explicit PostgresHubStorage(const PostgresAddress &address);
    ~PostgresHubStorage() override;
    Q_DISABLE_COPY_MOVE(PostgresHubStorage)

    Result<void> open() override;
    bool isOpen() const override;
    QString location() const override { return m_address.display(); }
    std::unique_ptr<HubStorage> another() const override;

    Result<void> insertStore(const QString &storeId, qint64 createdAtMs) override;
    bool hasStore(const QString &storeId) override;
    QStringList storeIds() override;

    Result<void> upsertConsole(const QString &storeId, const QString &consoleId,
                               const QString &secretHash, qint64 createdAtMs) override;
    QString consoleHash(const QString &storeId, const QString &consoleId) override;
    Result<void> setConsoleRight(const QString &storeId, const QString &consoleId,
                                 const QString &right, bool granted, qint64 changedAtMs) override;
    QStringList consoleRights(const QString &storeId, const QString &consoleId) override;

    Result<void> insertPairingCode(const PairingCodeRow &row, qint64 forgetBeforeMs) override;
    Result<std::optional<PairingCodeRow>> findPairingCode(const QString &codeHash) override;
    Result<bool> usePairingCode(const QString &codeHash, qint64 usedAtMs) override;

    Result<void> beginWrite() override;
    Result<void> lockStore(const QString &storeId) override;
    Result<void> commit() override;
    void rollback() override;
    Result<void> savepoint() override;
    Result<void> releaseSavepoint() override;
    Result<void> rollbackToSavepoint() override;
    Result<std::optional<EventRows::Logged>> findLogged(const QString &eventId) override;
    Result<std::optional<EventRows::Refusal>> findRefusal(const QString &storeId,
                                                          const QString &eventId) override;
    Result<void> insertRefusal(const EventRows::Refusal &refusal) override;
    Result<void> appendEvent(const EventRows::Append &event) override;
    Result<void> upsertOrder(const QString &storeId, const QString &orderId,
                             const QString &body) override;
    qint64 head(const QString &storeId) override;
    qint64 eventCount(const QString &storeId) override;
    QList<EventRows::Logged> eventsAfter(const QString &storeId, qint64 cursor, int limit) override;
    std::optional<EventRows::Logged> lastEventOf(const QString &storeId,
                                                 const QString &orderId) override;
    QList<EventRows::Logged> storeEventsBefore(const QString &storeId, qint64 beforeSeq,
                                               int limit) override;
    QList<qint64> snapshotSeqs(const QString &storeId, qint64 throughSeq,
                               qint64 changedSinceMs) override;
    QList<EventRows::Logged> eventsAt(const QString &storeId, const QList<qint64> &seqs) override;
    QString orderBody(const QString &storeId, const QString &orderId) override;
    QStringList orderBodies(const QString &storeId) override;

    std::optional<IdempotentResponse> response(const QString &storeId, const QString &key) override;
    Result<void> insertResponse(const QString &storeId, const QString &key,
                                const IdempotentResponse &response, qint64 createdAtMs) override;
    int deleteResponsesBefore(qint64 cutoffMs) override;

private:
    void close();
    bool reconnected();

    PostgresAddress m_address;
    std::unique_ptr<PostgresHubConnection> d; // the connection and its statements
};
