// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadaudit.h"

#include "convergenceaudit.h"

#include "hub/hublog.h"
#include "store/store.h"
#include "store/storedatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace LoadRun {

namespace {
qint64 single(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
} // namespace

ConsoleAudit auditConsole(const QString &storePath, const QString &storeId,
                          const QString &consoleId, HubLog &log)
{
    ConsoleAudit audit;
    audit.consoleId = consoleId;
    const PlatformView platform = PlatformView::of(log, storeId);
    audit.hubEvents = platform.eventCount;
    Store store(storePath);
    if (const Result<void> opened = store.open(Store::OpenMode::ReadOnly); !opened) {
        audit.problems.append(QStringLiteral("store does not open: ") + opened.error());
        return audit;
    }
    audit.problems.append(ConvergenceAudit::orderProblems(store, platform.orders));

    QSqlQuery query(StoreDatabase::of(store));
    const QString placed = QStringLiteral("FROM events e JOIN event_status s ON s.event_id = "
                                          "e.event_id WHERE s.hub_seq IS NOT NULL");
    const qint64 rows = single(query, QStringLiteral("SELECT count(*) ") + placed);
    const qint64 distinct = single(query, QStringLiteral("SELECT count(DISTINCT e.event_id) ") + placed);
    const qint64 places = single(query, QStringLiteral("SELECT count(DISTINCT s.hub_seq) ") + placed);
    audit.placedHere = distinct;
    audit.duplicated = std::max<qint64>(0, rows - distinct) + std::max<qint64>(0, distinct - places);
    audit.lost = std::max<qint64>(0, audit.hubEvents - distinct);
    audit.refused = single(query, QStringLiteral("SELECT count(*) FROM event_status "
                                                 "WHERE rejected_reason IS NOT NULL"));
    audit.deadLettered = single(query, QStringLiteral("SELECT count(*) FROM dead_letters"));
    // An event that travels, with neither a place in the platform's log nor a refusal once
    // nothing waits to be sent, never got anywhere. (A console's own records, such as a dead
    // letter's redrive, stay home.)
    const QHash<QUuid, EventVerdict> verdicts = store.verdicts();
    qint64 unjudged = 0;
    for (const OrderEvent &event : store.allEvents()) {
        const EventVerdict verdict = verdicts.value(event.id);
        if (EventKinds::travels(event.kind) && !verdict.hubSeq && !verdict.refusal)
            ++unjudged;
    }
    audit.lost += unjudged;
    if (unjudged > 0)
        audit.problems.append(QStringLiteral("%1 events of its own reached no verdict").arg(unjudged));
    if (audit.deadLettered > 0)
        audit.problems.append(QStringLiteral("%1 dead letters").arg(audit.deadLettered));
    audit.problems.append(ConvergenceAudit::settledProblems(store, platform));
    return audit;
}

qint64 duplicatedInHub(const QString &hubDatabasePath)
{
    const QString name = QStringLiteral("hub-audit-") + QUuid::createUuid().toString();
    qint64 duplicated = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(hubDatabasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            duplicated = single(query, QStringLiteral("SELECT count(*) - count(DISTINCT event_id) "
                                                      "FROM events"));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return duplicated;
}

} // namespace LoadRun
