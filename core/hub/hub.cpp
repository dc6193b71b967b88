// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub.h"

#include "commitscope.h"
#include "hubrecords.h"
#include "orderhold.h"
#include "storage/hubstorage.h"

#include "order/itemrouting.h"
#include "order/storepolicycodec.h"

#include <QStringList>

namespace {
// The judged events' outcomes with the held ones' between them, as the events were submitted.
QList<SubmitOutcome> inSubmittedOrder(const QList<OrderEvent> &submitted,
                                      const QList<SubmitOutcome> &verdicts,
                                      const QList<OrderEvent> &held, const OrderHold *hold)
{
    if (held.isEmpty())
        return verdicts;
    QList<SubmitOutcome> outcomes;
    outcomes.reserve(submitted.size());
    qsizetype nextHeld = 0;
    qsizetype nextJudged = 0;
    for (const OrderEvent &event : submitted) {
        if (nextHeld < held.size() && held.at(nextHeld).id == event.id)
            outcomes.append(hold->heldOutcome(held.at(nextHeld++)));
        else
            outcomes.append(verdicts.at(nextJudged++));
    }
    return outcomes;
}
} // namespace

Hub::Hub(HubRecords &records, int maxGroup, QObject *parent)
    : QObject(parent)
    , m_records(records)
    , m_committer([&records] { return records.anotherStorage(); }, records.clock(), maxGroup)
{
    connect(&m_committer, &HubCommitter::committed, this, &Hub::announce);
}

HubLog &Hub::log()
{
    return m_records.log();
}

void Hub::submitLater(const QList<OrderEvent> &events, const Submitter &by, QObject *context,
                      Outcomes done, std::shared_ptr<OrderHold> hold)
{
    enqueueSubmit(events, by, context, std::move(done), std::move(hold));
}

void Hub::commitLater(const QStringList &stores, HubCommitter::Work work, QObject *context,
                      HubCommitter::Done done)
{
    m_committer.enqueue(stores, std::move(work), context, std::move(done));
}

SubmitOutcome Hub::submit(const OrderEvent &event, const Submitter &by)
{
    return submitAll({event}, by).constFirst();
}

QList<SubmitOutcome> Hub::submitAll(const QList<OrderEvent> &events, const Submitter &by)
{
    QList<SubmitOutcome> result;
    const quint64 ticket = enqueueSubmit(
            events, by, nullptr, [&result](const QList<SubmitOutcome> &outcomes) {
                result = outcomes;
            });
    m_committer.waitFor(ticket);
    return result;
}

quint64 Hub::enqueueSubmit(const QList<OrderEvent> &events, const Submitter &by,
                           QObject *context, Outcomes done, std::shared_ptr<OrderHold> hold)
{
    // The platform's own orders take the store's routes here, where they enter the log; a
    // console's (its POS's orders) were routed by the console, and its events are never altered.
    const QList<OrderEvent> submitted =
            by.kind() == Submitter::Kind::Platform ? routed(events) : events;
    QStringList stores;
    for (const OrderEvent &event : submitted)
        stores.append(event.storeId);
    auto outcomes = std::make_shared<QList<SubmitOutcome>>();
    return m_committer.enqueue(
            stores,
            [submitted, by, outcomes, hold](CommitScope &scope) -> Result<void> {
                // On the commit thread, in commit order: the hold is as the parts before left it.
                QList<OrderEvent> judged;
                QList<OrderEvent> held;
                if (hold)
                    hold->split(submitted, &judged, &held);
                else
                    judged = submitted;
                const QList<SubmitOutcome> verdicts =
                        judged.isEmpty() ? QList<SubmitOutcome> {} : scope.submit(judged, by);
                if (!verdicts.isEmpty()
                    && verdicts.constFirst().status == SubmitOutcome::Status::Failed) {
                    if (hold)
                        hold->holdBehind(judged);
                    return Failure {verdicts.constFirst().reason};
                }
                if (hold)
                    hold->release(verdicts);
                *outcomes = inSubmittedOrder(submitted, verdicts, held, hold.get());
                return {};
            },
            context,
            [submitted, outcomes, hold, done = std::move(done)](const Result<void> &committed) {
                if (!committed && hold)
                    hold->holdBehind(submitted); // the group failed after the part was judged
                if (!done)
                    return;
                if (committed) {
                    done(*outcomes);
                    return;
                }
                // Undone with its group or alone: nothing of it is in the log.
                QList<SubmitOutcome> failed;
                for (const OrderEvent &event : submitted) {
                    SubmitOutcome outcome;
                    outcome.status = SubmitOutcome::Status::Failed;
                    outcome.reason = QStringLiteral("The hub could not store the event; try again.");
                    outcome.event = event;
                    failed.append(outcome);
                }
                done(failed);
            });
}

void Hub::noteLogged(const QString &storeId, const QList<Protocol::SequencedEvent> &events)
{
    for (const Protocol::SequencedEvent &event : events) {
        if (event.event.kind == EventKind::StorePolicyChanged)
            m_routes.remove(storeId); // read again from the log when next needed
    }
}

// After the commit: nothing is announced that a crash could still take back.
void Hub::announce(const QList<SubmitOutcome> &accepted)
{
    QHash<QString, QList<Protocol::SequencedEvent>> byStore;
    QStringList storeOrder;
    for (const SubmitOutcome &outcome : accepted) {
        if (outcome.event.kind == EventKind::StorePolicyChanged)
            m_routes.remove(outcome.event.storeId); // read again from the log when next needed
        const Protocol::SequencedEvent sequenced {outcome.seq, outcome.event};
        Q_EMIT this->accepted(outcome.event.storeId, sequenced);
        if (!byStore.contains(outcome.event.storeId))
            storeOrder.append(outcome.event.storeId);
        byStore[outcome.event.storeId].append(sequenced);
    }
    for (const QString &storeId : std::as_const(storeOrder))
        Q_EMIT acceptedTogether(storeId, byStore.value(storeId));
}

QList<OrderEvent> Hub::routed(QList<OrderEvent> events)
{
    for (OrderEvent &event : events) {
        if (event.kind != EventKind::Placed && event.kind != EventKind::Modified)
            continue;
        const QList<StationRoute> &routes = routesOf(event.storeId);
        if (routes.isEmpty())
            continue;
        const QJsonValue items = event.payload.value(QStringLiteral("items"));
        if (items.isArray()) // anything else is the log's to refuse, as sent
            event.payload.insert(QStringLiteral("items"),
                                 ItemRouting::routed(items.toArray(), routes));
    }
    return events;
}

const QList<StationRoute> &Hub::routesOf(const QString &storeId)
{
    auto known = m_routes.constFind(storeId);
    if (known != m_routes.constEnd())
        return *known;
    QList<StationRoute> routes;
    if (const std::optional<Protocol::SequencedEvent> last =
                m_records.log().lastStoreEvent(storeId, {EventKind::StorePolicyChanged})) {
        const Result<StorePolicy> policy = StorePolicyCodec::fromJson(
                last->event.payload.value(QStringLiteral("policy")).toObject());
        if (policy)
            routes = policy->routes;
    }
    return *m_routes.insert(storeId, routes);
}
