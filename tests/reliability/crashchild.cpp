// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The victim of tst_crashrecovery: applies commands to a store in a loop and reports each one
// on stdout only after it committed, until it is killed.
//   kc_crashchild STORE_PATH SEED   (stops by itself after a bounded number of rounds)

#include "common/clock.h"
#include "engine/orderengine.h"
#include "sim/ordergenerator.h"
#include "store/store.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
void report(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void reportCommand(const CommandResult &result)
{
    if (result.ok && !result.duplicate)
        report(QStringLiteral("committed ") + result.event.id.toString(QUuid::WithoutBraces));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    const quint32 seed = args.at(2).toUInt();
    SystemClock clock;
    Store store(args.at(1), &clock);
    if (const Result<void> opened = store.open(); !opened) {
        std::fputs(qPrintable(opened.error()), stderr);
        return 3;
    }
    EngineConfig config;
    config.storeId = QStringLiteral("store-1");
    config.consoleId = QStringLiteral("crash-child-%1").arg(seed);
    OrderEngine engine(store, clock, config);
    OrderGenerator generator(config.storeId, seed);
    const Actor cook = Actor::staff(QStringLiteral("crash"));

    // Bounded, so an orphan stops by itself if its parent test dies before killing it.
    constexpr int maxRounds = 3000;
    for (int round = 0; round < maxRounds; ++round) {
        const Order order = generator.next(clock.nowMs());
        reportCommand(engine.placeOrder(order, Actor::platform()));
        TransitionDetails details;
        details.promisedAt = clock.nowMs() + 15 * 60 * 1000;
        for (int step = 0; step < 4; ++step)
            reportCommand(engine.advance(order.id, cook, details));
        reportCommand(engine.recall(order.id, cook));

        // Every few rounds an incoming burst, with its cursor committed in the same transaction.
        if (round % 3 == 0) {
            QList<IncomingEvent> batch;
            for (int i = 0; i < 5; ++i) {
                const Order incoming = generator.next(clock.nowMs());
                const OrderEvent placed = OrderEvent::placed(
                        incoming, Actor::platform(), QStringLiteral("crash-platform"), clock.nowMs());
                batch.append({QStringLiteral("platform"),
                              placed.id.toString(QUuid::WithoutBraces), placed, std::nullopt, {}});
            }
            const QString position = QStringLiteral("%1-%2").arg(seed).arg(round);
            const QList<AppendResult> results =
                    store.appendIncomingBatch(batch, SourceCursor{QStringLiteral("platform"), position});
            bool allCommitted = !results.isEmpty();
            for (const AppendResult &result : results)
                allCommitted = allCommitted && result.committed();
            if (allCommitted) {
                QStringList ids;
                for (const AppendResult &result : results)
                    ids.append(result.event.id.toString(QUuid::WithoutBraces));
                report(QStringLiteral("batch ") + position + QLatin1Char(' ')
                       + ids.join(QLatin1Char(' ')));
            }
        }
    }
    return 0;
}
