// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demohistory.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "sim/ordergenerator.h"

#include <algorithm>

namespace {
constexpr qint64 msPerMinute = 60'000;
constexpr int firstNumber = 94; // the live demo feed numbers from 101 on
constexpr qint64 promisedAfterMs = 15 * msPerMinute;

// One order's story: placed that many minutes ago, then bumped at each later minute mark.
struct Story
{
    double placedMinutesAgo;
    QList<double> bumpsMinutesAgo;
};

// Oldest first; the first is handed over a minute ago, the rest stay on the board.
const QList<Story> stories {
    {14.0, {13.5, 12.0, 4.0, 1.0}}, // ready, then handed over
    {11.2, {10.8, 10.0, 3.1}}, // ready
    {9.4, {9.0, 8.2}}, // preparing, running late
    {6.1, {5.6, 4.9}}, // preparing
    {3.3, {2.9}}, // accepted
    {1.6, {}}, // new
    {0.4, {}}, // new
};

struct Step
{
    qint64 atMs;
    int story;
    bool place;
};
} // namespace

namespace DemoHistory {

void seed(Store &store, const EngineConfig &config, qint64 nowMs, quint32 seed)
{
    QList<Step> steps;
    for (int i = 0; i < stories.size(); ++i) {
        const Story &story = stories.at(i);
        steps.append({nowMs - qint64(story.placedMinutesAgo * msPerMinute), i, true});
        for (double minutesAgo : story.bumpsMinutesAgo)
            steps.append({nowMs - qint64(minutesAgo * msPerMinute), i, false});
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step &a, const Step &b) { return a.atMs < b.atMs; });

    ManualClock clock(nowMs);
    OrderEngine engine(store, clock, config);
    OrderGenerator generator(config.storeId, seed ^ 0x4d15u);
    QList<QString> ids(stories.size());
    const Actor kitchen = Actor::staff(QStringLiteral("kitchen"));
    for (const Step &step : steps) {
        clock.setNowMs(step.atMs);
        if (step.place) {
            Order order = generator.next(step.atMs);
            order.number = QString::number(firstNumber + step.story);
            if (step.story == 0) { // handed over at the counter, so R can bring it back
                order.type = OrderType::Pickup;
                order.table.clear();
            }
            ids[step.story] = order.id;
            engine.placeOrder(order, Actor::platform());
            continue;
        }
        TransitionDetails details;
        const std::optional<Order> current = engine.order(ids.at(step.story));
        if (current && current->state == OrderState::Placed)
            details.promisedAt = step.atMs + promisedAfterMs;
        engine.advance(ids.at(step.story), kitchen, details);
    }
}

} // namespace DemoHistory
