// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small builders shared by the store tests: real orders and events, nothing faked.

#include "common/clock.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace StoreTest {

inline const QString storeId = QStringLiteral("store-1");
constexpr qint64 t0 = 1'764'000'000'000; // a fixed UTC ms start time

inline Order sampleOrder(const QString &id, const QString &number,
                         OrderType type = OrderType::Pickup)
{
    Order order;
    order.id = id;
    order.storeId = storeId;
    order.number = number;
    order.type = type;
    order.customerName = QStringLiteral("Ana");
    OrderItem burger;
    burger.name = QStringLiteral("Cheeseburger");
    burger.quantity = 2;
    burger.modifiers = {QStringLiteral("no onions")};
    burger.allergens = {QStringLiteral("gluten"), QStringLiteral("dairy")};
    burger.station = QStringLiteral("grill");
    OrderItem fries;
    fries.name = QStringLiteral("Fries");
    fries.station = QStringLiteral("fry");
    order.items = {burger, fries};
    return order;
}

inline OrderEvent placedEvent(const Order &order, qint64 at = t0)
{
    return OrderEvent::placed(order, Actor::platform(), QStringLiteral("test-platform"), at);
}

inline OrderEvent transitionEvent(const QString &orderId, OrderState from, OrderState to,
                                  qint64 at = t0 + 1000)
{
    OrderEvent event = OrderEvent::transition(orderId, storeId, from, to,
                                              Actor::staff(QStringLiteral("ana")),
                                              QStringLiteral("console-test"), at);
    if (to == OrderState::Accepted)
        event.payload.insert(QStringLiteral("promised_at"), at + 15 * 60 * 1000);
    if (to == OrderState::Rejected || to == OrderState::Cancelled)
        event.reason = QStringLiteral("Out of stock");
    return event;
}

/** An order's step-th event at now: placed (0), accepted (1), then preparing (2 and on). */
inline OrderEvent stepEvent(const QString &orderId, int step, qint64 now)
{
    if (step == 0)
        return placedEvent(sampleOrder(orderId, orderId.toUpper()), now);
    const OrderState from = step == 1 ? OrderState::Placed : OrderState::Accepted;
    const OrderState to = step == 1 ? OrderState::Accepted : OrderState::Preparing;
    return transitionEvent(orderId, from, to, now);
}

inline IncomingEvent incoming(const OrderEvent &event, const QString &messageId = {})
{
    return {QStringLiteral("platform"),
            messageId.isEmpty() ? event.id.toString(QUuid::WithoutBraces) : messageId, event,
            std::nullopt, {}};
}

/** Orders b-0, b-1… placed on the platform, as incoming events: a burst to apply. */
inline QList<IncomingEvent> placedBurst(int count)
{
    QList<IncomingEvent> burst;
    for (int i = 0; i < count; ++i)
        burst.append(incoming(placedEvent(sampleOrder(QStringLiteral("b-%1").arg(i),
                                                      QString::number(i)))));
    return burst;
}

/** Row counts of every table, to prove a failed command left nothing behind. */
inline QString tableCounts(const QSqlDatabase &db)
{
    QStringList counts;
    for (const char *table : {"events", "orders", "outbox", "inbox", "cursors", "dead_letters"}) {
        QSqlQuery query(db);
        query.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
        query.next();
        counts.append(QLatin1String(table) + QLatin1Char('=') + query.value(0).toString());
    }
    return counts.join(QLatin1Char(' '));
}

/** A hash of the whole projection, to prove a failed command did not change it. */
inline QByteArray projectionHash(const QSqlDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT body FROM orders ORDER BY order_id"));
    while (query.next())
        hash.addData(query.value(0).toString().toUtf8());
    return hash.result();
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** SQLite's page size for our stores (its default). */
constexpr qint64 pageSize = 4096;

inline qint64 pageCount(const QString &path)
{
    return QFileInfo(path).size() / pageSize;
}

/**
 * Writes garbage over count whole pages of a store file from page first (0 is the page with the
 * header), as a failing disk or a torn write would. Only for a file no connection holds: the
 * store must be closed (and so checkpointed) first.
 */
inline bool damagePages(const QString &path, qint64 first, qint64 count, quint32 seed = 7)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(first * pageSize))
        return false;
    QRandomGenerator random(seed);
    QByteArray garbage(count * pageSize, Qt::Uninitialized);
    for (char &byte : garbage)
        byte = char(random.bounded(256));
    // Page 1 keeps SQLite's 100-byte file header, so the file still reads as a database.
    const qsizetype skip = first == 0 ? 100 : 0;
    return file.seek(first * pageSize + skip)
            && file.write(garbage.constData() + skip, garbage.size() - skip)
                    == garbage.size() - skip;
}

/** A second, raw connection to a store file, for setting up and inspecting what a test needs. */
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(QUuid::createUuid().toString()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql);
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QString m_name;
};

/**
 * What each store test starts from: a store file in a fresh folder, opened, with a manual clock at
 * t0. open() in init(), close() in cleanup(); a test may reset store to close it.
 */
struct StoreOnDisk
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<Store> store;

    QString path() const { return dir->filePath(QStringLiteral("store.sqlite")); }

    Result<void> open()
    {
        dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid())
            return Failure {QStringLiteral("no temporary folder: %1").arg(dir->errorString())};
        clock = std::make_unique<ManualClock>(t0);
        store = std::make_unique<Store>(path(), clock.get());
        return store->open();
    }

    void close()
    {
        store.reset();
        clock.reset();
        dir.reset();
    }
};

} // namespace StoreTest
