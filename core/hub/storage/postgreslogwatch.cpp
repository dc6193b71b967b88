// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgreslogwatch.h"

#include "postgreshubschema.h"

#include "hub/hublogging.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

PostgresLogWatch::PostgresLogWatch(const PostgresAddress &address, int checkEveryMs,
                                   QObject *parent)
    : QObject(parent)
    , m_address(address)
{
    m_check.setInterval(checkEveryMs);
    connect(&m_check, &QTimer::timeout, this, &PostgresLogWatch::check);
}

// The server tells a listener nothing when it goes away: ask. Once the connection is made again,
// say so, so that the follower reads what it may have missed.
void PostgresLogWatch::check()
{
    if (!m_lost) {
        QSqlQuery ping(QSqlDatabase::database(m_connection, false));
        if (ping.exec(QStringLiteral("SELECT 1")))
            return;
        qCWarning(lcHubStorage).noquote()
            << "lost the connection that follows" << m_address.display() << "; connecting again";
        m_lost = true;
    }
    if (!open())
        return; // the next check tries again
    m_lost = false;
    Q_EMIT resumed();
}

PostgresLogWatch::~PostgresLogWatch()
{
    close();
}

void PostgresLogWatch::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.driver())
            disconnect(db.driver(), nullptr, this, nullptr);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

Result<void> PostgresLogWatch::open()
{
    close();
    m_connection =
        QStringLiteral("kc-hub-pg-watch-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    db.setHostName(m_address.host);
    db.setPort(m_address.port);
    db.setDatabaseName(m_address.database);
    db.setUserName(m_address.user);
    db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=order-hub-watch"));
    const QString channel = QLatin1String(PostgresHubSchema::writtenChannel);
    QString why;
    if (!db.open())
        why = db.lastError().text().trimmed();
    else if (!db.driver()->subscribeToNotification(channel))
        why = QStringLiteral("cannot LISTEN on %1: %2")
                  .arg(channel, db.driver()->lastError().text().trimmed());
    if (!why.isEmpty()) {
        db = QSqlDatabase();
        close();
        const QString reason =
            QStringLiteral("Cannot follow the hub log in %1: %2").arg(m_address.display(), why);
        qCWarning(lcHubStorage).noquote() << reason;
        return Failure {reason};
    }
    connect(db.driver(), &QSqlDriver::notification, this,
            [this, channel](const QString &name, QSqlDriver::NotificationSource,
                            const QVariant &payload) {
                if (name == channel)
                    Q_EMIT storeWritten(payload.toString());
            });
    qCInfo(lcHubStorage).noquote() << "following writes to the hub log in" << m_address.display();
    m_check.start();
    return {};
}
