// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"
#include "fakes/square/squareerror.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>

#include <optional>

/** What a write did: the order after it, or why it was refused. */
struct SquareOrderChange
{
    std::optional<SquareError> error;
    QJsonObject order;
    QJsonArray fulfillmentUpdates; // [{fulfillment_uid, old_state, new_state}] that changed
};

/**
 * The Square fake's orders and locations, kept as Square's own JSON: create with validation,
 * sparse updates with optimistic concurrency, orders made "at the POS", and version bumps Square
 * makes by itself. Knows nothing of HTTP, auth or idempotency (SquareFake does that).
 */
class SquareOrderBook final
{
public:
    explicit SquareOrderBook(FakeClock clock);

    /** Ids, uids and event ids from this seed, so a run can be repeated. */
    void setSeed(quint32 seed) { m_random.seed(seed); }
    void addLocation(const QString &id, const QString &name, const QString &currency);
    std::optional<QJsonObject> location(const QString &id) const;
    QJsonArray locations() const;

    /** CreateOrder: validates, assigns id, uids, version 1, timestamps and totals. */
    SquareOrderChange create(const QJsonObject &order);
    /** An order rung up at the POS: taken as given, no version unless `updatable`. */
    QJsonObject createAtPos(QJsonObject order, bool updatable);
    /** UpdateOrder: a sparse order carrying the current version, and fields to clear. */
    SquareOrderChange update(const QString &id, const QJsonObject &sparse,
                             const QStringList &fieldsToClear);
    /** A change Square makes by itself: version and updated_at move, nothing else. */
    std::optional<QJsonObject> bumpVersion(const QString &id);

    std::optional<QJsonObject> find(const QString &id) const;
    /** Every order, in the order they were made. */
    QList<QJsonObject> all() const;
    QString newEventId();

    static QString rfc3339(qint64 ms);
    static std::optional<qint64> parseRfc3339(const QString &text);

private:
    struct Entry
    {
        QJsonObject order;
        bool updatable = true;
    };

    QString randomId(int length);
    std::optional<SquareError> checkLineItem(const QJsonObject &item, const QString &field,
                                             const QString &currency) const;
    std::optional<SquareError> checkFulfillment(const QJsonObject &fulfillment,
                                                const QString &field) const;
    QJsonObject newLineItem(QJsonObject item, const QString &currency);
    QJsonObject newFulfillment(QJsonObject fulfillment, qint64 now);
    std::optional<SquareError> applyFulfillment(QJsonObject &order, const QJsonObject &change,
                                                qint64 now, QJsonArray &updates);
    static void setTotals(QJsonObject &order);

    FakeClock m_clock;
    QRandomGenerator m_random;
    QHash<QString, QJsonObject> m_locations;
    QStringList m_locationOrder;
    QHash<QString, Entry> m_orders;
    QStringList m_orderIds;
};
