// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catchuphistory.h"

#include "benchfigure.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hubrecords.h"
#include "hub/storage/sqlitehubstorage.h"
#include "sim/ordergenerator.h"

#include <QElapsedTimer>

#include <memory>
#include <queue>
#include <vector>

using BenchRun::check;
using BenchRun::progress;

namespace {
constexpr int hashIterations = 1000;
constexpr int batchEvents = 2000;

// When each step follows the placement, and what it leads to.
struct Step
{
    qint64 afterMs;
    OrderState from;
    OrderState to;
};

std::vector<Step> stepsFor(OrderType type)
{
    std::vector<Step> steps {{30'000, OrderState::Placed, OrderState::Accepted},
                             {60'000, OrderState::Accepted, OrderState::Preparing},
                             {8 * 60'000, OrderState::Preparing, OrderState::Ready}};
    if (type == OrderType::Delivery) {
        steps.push_back({12 * 60'000, OrderState::Ready, OrderState::OutForDelivery});
        steps.push_back({30 * 60'000, OrderState::OutForDelivery, OrderState::Delivered});
    } else {
        steps.push_back({12 * 60'000, OrderState::Ready, OrderState::PickedUp});
    }
    return steps;
}

struct Pending
{
    qint64 atMs;
    int order;
    int step;
    bool operator>(const Pending &other) const
    {
        return atMs != other.atMs ? atMs > other.atMs : order > other.order;
    }
};

struct Placed
{
    QString id;
    OrderType type;
    qint64 placedAtMs;
};

OrderEvent stepEvent(const Placed &order, const Step &step)
{
    const qint64 at = order.placedAtMs + step.afterMs;
    const bool platform = step.to == OrderState::Delivered;
    OrderEvent event = OrderEvent::transition(
            order.id, StoreHistory::storeId, step.from, step.to,
            platform ? Actor::platform() : Actor::staff(QStringLiteral("ben")),
            platform ? QStringLiteral("bench-platform") : QStringLiteral("console-2"), at);
    if (step.to == OrderState::Accepted)
        event.payload.insert(QStringLiteral("promised_at"), at + 20 * 60'000);
    return event;
}
} // namespace

QByteArray StoreHistory::secret()
{
    return QByteArrayLiteral("bench-secret-catchup-console");
}

StoreHistory StoreHistory::write(const QString &hubPath, const HistoryShape &shape)
{
    ManualClock clock(shape.endMs);
    HubRecords records(std::make_unique<SqliteHubStorage>(hubPath), clock, hashIterations);
    const Result<void> opened = records.open();
    check(opened.ok(), opened.error());
    check(records.stores().add(storeId).ok(), QStringLiteral("adding the store"));
    check(records.credentials().add(storeId, consoleId, secret()).ok(),
          QStringLiteral("adding the console"));
    Hub hub(records);

    QList<OrderEvent> batch;
    const auto flush = [&] {
        const QList<SubmitOutcome> outcomes = hub.submitAll(batch);
        for (const SubmitOutcome &outcome : outcomes)
            check(outcome.status == SubmitOutcome::Status::Accepted,
                  QStringLiteral("writing the history: %1").arg(outcome.reason));
        batch.clear();
    };
    const auto add = [&](OrderEvent event) {
        batch.append(std::move(event));
        if (batch.size() >= batchEvents)
            flush();
    };

    QElapsedTimer timer;
    timer.start();
    OrderGenerator generator(storeId, 11);
    std::vector<Placed> orders;
    orders.reserve(size_t(shape.orders));
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
    const qint64 firstMs = shape.endMs - qint64(shape.orders - 1) * shape.gapMs;
    const int lastFinished = shape.orders - shape.openAtEnd; // orders from here on stay open
    const auto runUntil = [&](qint64 untilMs) {
        while (!pending.empty() && pending.top().atMs <= untilMs) {
            const Pending next = pending.top();
            pending.pop();
            const Placed &order = orders.at(size_t(next.order));
            const std::vector<Step> steps = stepsFor(order.type);
            add(stepEvent(order, steps.at(size_t(next.step))));
            if (next.step + 1 < int(steps.size()))
                pending.push({order.placedAtMs + steps.at(size_t(next.step + 1)).afterMs,
                              next.order, next.step + 1});
        }
    };
    for (int k = 0; k < shape.orders; ++k) {
        const qint64 at = firstMs + k * shape.gapMs;
        runUntil(at);
        const Order order = generator.next(at);
        orders.push_back({order.id, order.type, at});
        add(OrderEvent::placed(order, Actor::platform(), QStringLiteral("bench-platform"), at));
        if (k < lastFinished)
            pending.push({at + stepsFor(order.type).front().afterMs, k, 0});
    }
    runUntil(shape.endMs);
    // What is still under way at the end stays so: those orders were placed and nothing more.
    flush();

    StoreHistory history;
    history.hubPath = hubPath;
    history.head = records.log().head(storeId);
    history.orders = shape.orders;
    for (const Order &order : records.log().orders(storeId)) {
        if (OrderStates::isOpen(order.state))
            ++history.open;
    }
    progress() << "history: " << shape.orders << " orders, " << history.head << " events, "
               << history.open << " open, written in " << timer.elapsed() << " ms" << Qt::endl;
    return history;
}
