// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The other processes of tst_sharedstore, on one store file:
//   kc_sharedstorechild write STORE_PATH   holds the store as the console does (the Store and the
//       IncomingWriter's second connection), then writes local and incoming events in a loop and
//       reports each one on stdout only after it committed, until it is killed
//   kc_sharedstorechild peek STORE_PATH    opens the store read-write, as kc-admin rebuild or a
//       support engineer's tool would, prints its event count and exits

#include "common/clock.h"
#include "engine/incomingwriter.h"
#include "sim/ordergenerator.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace {
void report(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

int peek(const QString &path)
{
    Store store(path);
    if (const Result<void> opened = store.open(); !opened) {
        std::fputs(qPrintable(opened.error()), stderr);
        return 3;
    }
    report(QStringLiteral("events %1").arg(store.eventCount()));
    return 0;
}

// One round: a local order on the owner's connection, then a burst through the writer's; the
// next round starts when the burst is written, so the two connections take turns all along.
class Writer final : public QObject
{
public:
    Writer(Store &store, IncomingWriter &incoming, const Clock &clock)
        : m_store(store)
        , m_incoming(incoming)
        , m_clock(clock)
    {
        connect(&m_incoming, &IncomingWriter::written, this, &Writer::written);
    }

    void round()
    {
        // Bounded, so an orphan stops by itself if its parent test dies before killing it.
        if (++m_rounds > maxRounds) {
            QCoreApplication::exit(0);
            return;
        }
        const OrderEvent local =
            OrderEvent::placed(m_generator.next(m_clock.nowMs()), Actor::platform(),
                               QStringLiteral("child"), m_clock.nowMs());
        const AppendResult result = m_store.append(local, {QStringLiteral("platform")});
        if (result.committed())
            report(QStringLiteral("committed ") + idText(result.event.id));
        QList<IncomingEvent> batch;
        for (int i = 0; i < 3; ++i) {
            const OrderEvent placed =
                OrderEvent::placed(m_generator.next(m_clock.nowMs()), Actor::platform(),
                                   QStringLiteral("platform"), m_clock.nowMs());
            batch.append({QStringLiteral("platform"), idText(placed.id), placed, std::nullopt});
        }
        m_incoming.write(batch, std::nullopt);
    }

private:
    void written(const QList<AppendResult> &results)
    {
        for (const AppendResult &result : results) {
            if (result.committed())
                report(QStringLiteral("committed ") + idText(result.event.id));
        }
        QTimer::singleShot(0, this, &Writer::round);
    }

    static constexpr int maxRounds = 20000;
    Store &m_store;
    IncomingWriter &m_incoming;
    const Clock &m_clock;
    OrderGenerator m_generator {QStringLiteral("store-1"), 42};
    int m_rounds = 0;
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    if (args.at(1) == QLatin1String("peek"))
        return peek(args.at(2));
    if (args.at(1) != QLatin1String("write"))
        return 2;

    SystemClock clock;
    Store store(args.at(2), &clock);
    if (const Result<void> opened = store.open(); !opened) {
        std::fputs(qPrintable(opened.error()), stderr);
        return 3;
    }
    IncomingWriter incoming(args.at(2), store.busyTimeoutMs(), clock);
    if (const Result<void> started = incoming.start(); !started) {
        std::fputs(qPrintable(started.error()), stderr);
        return 3;
    }
    report(QStringLiteral("ready"));
    Writer writer(store, incoming, clock);
    QTimer::singleShot(0, &writer, &Writer::round);
    return QCoreApplication::exec();
}
