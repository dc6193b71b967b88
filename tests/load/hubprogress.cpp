// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubprogress.h"

#include "order/orderstate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace LoadRun {

HubProgress::HubProgress(QString databasePath)
    : m_connection(QStringLiteral("hub-progress-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
}

HubProgress::~HubProgress()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

HubProgress::Reading HubProgress::read()
{
    Reading reading;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen() && !db.open())
        return reading;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT store_id, max(seq) FROM events GROUP BY store_id")))
        return reading;
    while (query.next())
        reading.heads.insert(query.value(0).toString(), query.value(1).toLongLong());
    if (!query.exec(QStringLiteral("SELECT body FROM orders")))
        return reading;
    while (query.next()) {
        const QJsonObject order = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        ++reading.orders;
        if (!hasLeftTheKitchen(order.value(QStringLiteral("state")).toString()))
            ++reading.inKitchen;
    }
    reading.ok = true;
    return reading;
}

bool hasLeftTheKitchen(const QString &stateName)
{
    // Handed over, on its way, or ended: whatever is no longer open (OrderStates::isOpen).
    const std::optional<OrderState> state = OrderStates::fromString(stateName);
    return state && !OrderStates::isOpen(*state);
}

} // namespace LoadRun
