// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>

#include <optional>

/** Why Clover refused a write: a plain status and its {"message"}. */
struct CloverRefusal
{
    int status = 400;
    QString message;
};

/** What a write did: the object after it (order, line item or print event), or a refusal. */
struct CloverWrite
{
    std::optional<CloverRefusal> refusal;
    QJsonObject object;
    QJsonArray objects; // bulk line items
};

/**
 * The Clover fake's orders, line items and print events, kept as Clover's own JSON: 13-character
 * ids, epoch milliseconds, cents. No versions: every write replaces what it names (last writer
 * wins). Knows nothing of HTTP, tokens or webhooks (CloverFake does that).
 */
class CloverOrderBook final
{
public:
    explicit CloverOrderBook(FakeClock clock);

    void setSeed(quint32 seed) { m_random.seed(seed); }
    void setCurrency(const QString &currency) { m_currency = currency; }
    /** An inventory item a line item may name by `item.id` instead of giving a price. */
    void addItem(const QString &id, const QString &name, qint64 price);

    /** POST …/orders: header fields only (others are ignored, as Clover does). */
    CloverWrite createOrder(const QJsonObject &header);
    /** POST …/atomic_order/orders: {orderCart:{lineItems,…}} in one go, total computed. */
    CloverWrite createAtomic(const QJsonObject &body);
    /** An order rung up at the till, taken as given (state may be null: hidden). */
    QJsonObject createAtTill(const QJsonObject &order);
    /** POST …/orders/{id}: a partial header update. */
    CloverWrite update(const QString &orderId, const QJsonObject &partial);
    /** DELETE …/orders/{id}. */
    bool remove(const QString &orderId);

    CloverWrite addLineItem(const QString &orderId, const QJsonObject &item);
    CloverWrite addLineItems(const QString &orderId, const QJsonArray &items);
    bool removeLineItem(const QString &orderId, const QString &lineItemId);

    /** POST …/print_event: a CREATED event, done once the clock reaches `doneAtMs`. */
    CloverWrite createPrintEvent(const QString &orderId, qint64 doneAtMs);
    /** Print events whose time has come turn DONE (or FAILED) and mark their line items printed;
     * returns the ids of the orders that changed. */
    QStringList settlePrintEvents(bool printerFails);
    std::optional<QJsonObject> printEvent(const QString &eventId) const;

    std::optional<QJsonObject> find(const QString &orderId) const;
    QList<QJsonObject> lineItems(const QString &orderId) const;
    /** Every order's header, oldest first. */
    QList<QJsonObject> all() const;
    bool wasDeleted(const QString &orderId) const { return m_deleted.contains(orderId); }

    /** The order as Clover answers it: lineItems only when expanded, at most 100 of them. */
    QJsonObject render(const QJsonObject &order, bool expandLineItems,
                       bool expandModifications) const;
    static QJsonObject renderLineItem(QJsonObject item, bool expandModifications);

    QString newId();

private:
    struct Entry
    {
        QJsonObject order;
        QList<QJsonObject> lineItems;
    };
    struct PrintJob
    {
        QJsonObject event;
        qint64 doneAtMs = 0;
    };

    std::optional<CloverRefusal> checkLineItem(const QJsonObject &item) const;
    QJsonObject newLineItem(const QString &orderId, QJsonObject item, qint64 now);
    void touch(Entry &entry, qint64 now);

    FakeClock m_clock;
    QRandomGenerator m_random;
    QString m_currency = QStringLiteral("USD");
    QHash<QString, QJsonObject> m_items;
    QHash<QString, Entry> m_orders;
    QStringList m_orderIds;
    QStringList m_deleted;
    QHash<QString, PrintJob> m_printJobs;
    QStringList m_printJobIds;
};
