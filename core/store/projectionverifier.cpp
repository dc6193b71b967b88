// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectionverifier.h"

#include "order/orderhistory.h"
#include "rowcodec.h"
#include "store.h"
#include "storelogging.h"
#include "storedatabase.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
// Names the first field that differs, so a verify report points at the problem.
QString firstDifference(const Order &stored, const Order &rebuilt)
{
    const QJsonObject a = stored.toJson();
    const QJsonObject b = rebuilt.toJson();
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        if (a.value(key) != b.value(key))
            return key;
    }
    return QStringLiteral("(unknown)");
}

// A read transaction on the store's connection: every read between here and the end of scope
// sees one WAL snapshot, whatever other connections commit meanwhile.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(const QSqlDatabase &db) : m_query(db)
    {
        if (!m_query.exec(QStringLiteral("BEGIN")))
            m_begun = Failure {m_query.lastError().text()};
    }
    ~ReadSnapshot()
    {
        // A read transaction has nothing to commit; ending it releases the snapshot.
        if (m_begun && !m_query.exec(QStringLiteral("COMMIT")))
            qCWarning(lcStore).noquote() << "cannot end the verify snapshot:"
                                         << m_query.lastError().text();
    }
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

    /** Whether the snapshot started, and if not, why. */
    const Result<void> &begun() const { return m_begun; }

private:
    QSqlQuery m_query;
    Result<void> m_begun;
};
} // namespace

QHash<QString, Order> ProjectionVerifier::replay(QStringList *problems) const
{
    // Each order's history, with what the platform said about each event, folded the same way
    // the store folds it (OrderHistory): the stored projection must be exactly that.
    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT e.seq, s.hub_seq, s.rejected_reason, ")
                    + RowCodec::eventColumns(QStringLiteral("e."))
                    + QStringLiteral(" FROM events e LEFT JOIN event_status s "
                                     "ON s.event_id = e.event_id ORDER BY e.seq"))) {
        problems->append(QStringLiteral("cannot read the event log: %1")
                                 .arg(query.lastError().text()));
        return {};
    }
    QHash<QString, QList<HistoryEntry>> histories;
    QStringList orderIds; // first-seen order, so reports are stable
    while (query.next()) {
        const Result<OrderEvent> event = RowCodec::decodeEvent(query, 3);
        if (!event) {
            problems->append(QStringLiteral("event #%1 is unreadable: %2")
                                     .arg(query.value(0).toLongLong())
                                     .arg(event.error()));
            continue;
        }
        HistoryEntry entry;
        entry.event = *event;
        entry.localSeq = query.value(0).toLongLong();
        if (!query.value(1).isNull())
            entry.hubSeq = query.value(1).toLongLong();
        entry.rejected = !query.value(2).isNull();
        checkPlatformStatus(entry, query.value(2).toString(), problems);
        if (EventKinds::isStoreLevel(event->kind))
            continue;
        if (!histories.contains(event->orderId))
            orderIds.append(event->orderId);
        histories[event->orderId].append(entry);
    }
    QHash<QString, Order> orders;
    for (const QString &orderId : std::as_const(orderIds)) {
        const HistoryFold fold = OrderHistory::fold(histories.value(orderId));
        for (const QString &problem : fold.problems)
            problems->append(QStringLiteral("order %1: %2").arg(orderId, problem));
        if (fold.order)
            orders.insert(orderId, *fold.order);
    }
    return orders;
}

void ProjectionVerifier::checkPlatformStatus(const HistoryEntry &entry,
                                             const QString &rejectedReason, QStringList *problems)
{
    // The platform answers each event once: it logs it or it refuses it. Both at once means this
    // console took two different answers for one event and no longer agrees with the platform.
    if (entry.hubSeq && entry.rejected) {
        const QString subject = entry.event.orderId.isEmpty()
                ? QStringLiteral("the store")
                : QStringLiteral("order %1").arg(entry.event.orderId);
        problems->append(QStringLiteral("event %1 of %2 was both logged by the platform (#%3) "
                                        "and refused by it (\"%4\"): this console has diverged "
                                        "from the platform")
                                 .arg(entry.event.id.toString(QUuid::WithoutBraces), subject)
                                 .arg(*entry.hubSeq)
                                 .arg(rejectedReason));
    }
}

VerifyReport ProjectionVerifier::verify() const
{
    VerifyReport report;
    // The log, its count and the projection from one snapshot: a console committing beside a
    // verify run must not show up as a difference between them.
    const ReadSnapshot snapshot(StoreDatabase::of(m_store));
    if (!snapshot.begun()) {
        report.problems.append(QStringLiteral("cannot start reading the store: %1")
                                       .arg(snapshot.begun().error()));
        return report;
    }
    const QHash<QString, Order> rebuilt = replay(&report.problems);
    report.eventsReplayed = m_store.eventCount();

    QSqlQuery query(StoreDatabase::of(m_store));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") + RowCodec::orderColumns()
                    + QStringLiteral(" FROM orders ORDER BY order_id"))) {
        report.problems.append(QStringLiteral("cannot read the projection: %1")
                                       .arg(query.lastError().text()));
        return report;
    }
    QSet<QString> seen;
    while (query.next()) {
        const QString orderId = query.value(0).toString();
        seen.insert(orderId);
        ++report.ordersChecked;
        const Result<Order> stored = RowCodec::decodeOrder(query, 0);
        if (!stored) {
            report.problems.append(stored.error());
            continue;
        }
        const auto it = rebuilt.constFind(orderId);
        if (it == rebuilt.constEnd()) {
            report.problems.append(
                    QStringLiteral("order %1 is in the projection but has no events").arg(orderId));
        } else if (*it != *stored) {
            report.problems.append(QStringLiteral("order %1 differs from its events (field %2)")
                                           .arg(orderId, firstDifference(*stored, *it)));
        }
    }
    for (auto it = rebuilt.constBegin(); it != rebuilt.constEnd(); ++it) {
        if (!seen.contains(it.key()))
            report.problems.append(
                    QStringLiteral("order %1 has events but is missing from the projection")
                            .arg(it.key()));
    }
    return report;
}

Result<void> ProjectionVerifier::rebuild()
{
    // The log is replayed under the write lock that replaces the projection: a console writing
    // beside kc-admin rebuild cannot commit in between and have its newer rows overwritten.
    QStringList problems;
    qsizetype orders = 0;
    const Result<void> replaced = m_store.replaceProjection([this, &problems, &orders] {
        const QHash<QString, Order> rebuilt = replay(&problems);
        orders = rebuilt.size();
        return rebuilt.values();
    });
    for (const QString &problem : std::as_const(problems))
        qCWarning(lcStore).noquote() << "rebuild:" << problem;
    if (!replaced)
        return replaced;
    qCInfo(lcStore) << "rebuilt the projection:" << orders << "orders";
    return {};
}
