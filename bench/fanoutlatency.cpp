// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanoutlatency.h"

#include "fanoutconsole.h"
#include "fanoutecho.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hublog.h"
#include "hub/hubserver.h"
#include "sim/ordergenerator.h"
#include "sync/protocolcodec.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>
#include <vector>

using FanoutSupport::check;
using FanoutSupport::progress;

namespace {
constexpr double fanoutTarget = 3.0; // issue 4: p99 fan-out at most 3 × a bare echo round trip
constexpr int hashIterations = 1000; // PBKDF2 rounds: only each console's one hello pays them
constexpr qint64 promiseMs = 15 * 60'000;
const QString bench = QStringLiteral("fanout");

/** What one fan-out round saw, in ms after the bump was committed on the sending console. */
struct RoundTimes
{
    double hubMs = 0; // the hub logged it and wrote it to the sessions' sockets
    double lastFrameMs = 0; // the last other console received the frame
    double firstAppliedMs = 0; // the first other console applied it
    double lastAppliedMs = 0; // the last other console applied it: the figure
};

class FanoutRun final
{
public:
    FanoutRun(const QTemporaryDir &dir, const FanoutSettings &settings)
        : m_dir(dir)
        , m_settings(settings)
        , m_log(dir.filePath(QStringLiteral("fanout-hub.sqlite")), m_clock, hashIterations)
        , m_hub(m_log)
        , m_server(m_hub)
    { }

    // The hub, its consoles, live links and one placed order per round, all before any timing.
    void setUp()
    {
        check(m_log.open(), m_log.errorString());
        check(m_server.listen(QHostAddress::LocalHost, 0), m_server.errorString());
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort()));
        for (int s = 0; s < m_settings.stores; ++s) {
            const QString storeId = storeIdOf(s);
            check(m_log.addStore(storeId), QStringLiteral("adding %1").arg(storeId));
            for (int c = 0; c < m_settings.consoles; ++c) {
                const QString consoleId = QStringLiteral("s%1-c%2").arg(s + 1).arg(c + 1);
                check(m_log.addConsole(storeId, consoleId, BenchConsole::secretOf(consoleId)),
                      QStringLiteral("adding %1").arg(consoleId));
                const QString path = m_dir.filePath(consoleId + QStringLiteral(".kcdb"));
                m_consoles.push_back(
                    std::make_unique<BenchConsole>(path, storeId, consoleId, url, m_clock));
                check(m_consoles.back()->client().start(), QStringLiteral("link refused"));
            }
        }
        check(FanoutSupport::waitUntil([this] { return allLive(); }, 30'000),
              QStringLiteral("consoles did not all come live"));

        std::vector<OrderGenerator> generators;
        for (int s = 0; s < m_settings.stores; ++s)
            generators.emplace_back(storeIdOf(s), quint32(100 + s));
        const int orders = m_settings.warmupRounds + m_settings.rounds;
        for (int round = 0; round < orders; ++round) {
            const Order order = generators.at(storeOf(round)).next(m_clock.nowMs());
            const SubmitOutcome outcome = m_hub.submit(OrderEvent::placed(
                order, Actor::platform(), QStringLiteral("bench-platform"), m_clock.nowMs()));
            check(outcome.status == SubmitOutcome::Status::Accepted,
                  QStringLiteral("placing an order: %1").arg(outcome.reason));
            m_orderIds.append(order.id);
        }
        // Replay and live delivery are in sequence order: the last order present means all are.
        check(FanoutSupport::waitUntil(
                  [&] {
                      for (const auto &console : m_consoles) {
                          if (console->engine().incomingBacklog() > 0
                              || !console->engine().order(lastOrderOf(console->storeId())))
                              return false;
                      }
                      return true;
                  },
                  60'000),
              QStringLiteral("placed orders did not reach every console"));
    }

    /** A submit frame like the ones the rounds send, for the echo baseline. */
    QString typicalSubmitFrame() const
    {
        const BenchConsole &sender = *m_consoles.front();
        OrderEvent event;
        event.id = QUuid::createUuid();
        event.orderId = m_orderIds.constFirst();
        event.storeId = sender.storeId();
        event.kind = EventKind::Transition;
        event.from = OrderState::Placed;
        event.to = OrderState::Accepted;
        event.actor = Actor::staff(QStringLiteral("ana"));
        event.origin = sender.consoleId();
        event.occurredAt = m_clock.nowMs();
        event.payload.insert(QStringLiteral("promised_at"), m_clock.nowMs() + promiseMs);
        return QString::fromUtf8(ProtocolCodec::encode(Protocol::Submit {{event}}));
    }

    // Round r bumps order r on console (r / S) mod C of store r mod S: all take turns.
    RoundTimes round(int round)
    {
        const int store = storeOf(round);
        const int senderIndex =
            store * m_settings.consoles + (round / m_settings.stores) % m_settings.consoles;
        BenchConsole &sender = *m_consoles.at(std::size_t(senderIndex));
        const QString orderId = m_orderIds.at(round);

        QObject scope; // every probe connection below ends with the round
        QElapsedTimer timer;
        QUuid eventId;
        qint64 hubNs = -1;
        qint64 ackNs = -1;
        std::vector<qint64> frameNs;
        std::vector<qint64> appliedNs;
        QObject::connect(&m_hub, &Hub::accepted, &scope,
                         [&](const QString &, const Protocol::SequencedEvent &logged) {
                             if (hubNs < 0 && logged.event.id == eventId)
                                 hubNs = timer.nsecsElapsed();
                         });
        QObject::connect(&sender.link(), &PlatformLink::received, &scope,
                         [&](const Protocol::Message &message) {
                             const auto *ack = std::get_if<Protocol::Ack>(&message.body);
                             if (ackNs < 0 && ack && ack->eventId == eventId)
                                 ackNs = timer.nsecsElapsed();
                         });
        for (int c = 0; c < m_settings.consoles; ++c) {
            BenchConsole &receiver = *m_consoles.at(std::size_t(store * m_settings.consoles + c));
            if (&receiver == &sender)
                continue;
            const std::size_t slot = frameNs.size();
            frameNs.push_back(-1);
            appliedNs.push_back(-1);
            QObject::connect(&receiver.link(), &PlatformLink::received, &scope,
                             [&, slot](const Protocol::Message &message) {
                                 const auto *events = std::get_if<Protocol::Events>(&message.body);
                                 if (!events || frameNs[slot] >= 0)
                                     return;
                                 for (const Protocol::SequencedEvent &e : events->events) {
                                     if (e.event.id == eventId)
                                         frameNs[slot] = timer.nsecsElapsed();
                                 }
                             });
            QObject::connect(&receiver.engine(), &OrderEngine::orderChanged, &scope,
                             [&, slot](const Order &order) {
                                 if (appliedNs[slot] < 0 && order.id == orderId
                                     && order.state == OrderState::Accepted)
                                     appliedNs[slot] = timer.nsecsElapsed();
                             });
        }

        TransitionDetails details;
        details.promisedAt = m_clock.nowMs() + promiseMs;
        const CommandResult bumped =
            sender.engine().advance(orderId, Actor::staff(QStringLiteral("ana")), details);
        check(bumped.ok, QStringLiteral("engine refused a bump: %1").arg(bumped.message));
        eventId = bumped.event.id;
        // The clock starts once the event and its outbox row are committed: from here on it is
        // the sync path's (dispatch, hub, fan-out, apply), not the local write transition measures.
        timer.start();

        const auto allIn = [&] {
            if (ackNs < 0)
                return false;
            for (const qint64 ns : appliedNs) {
                if (ns < 0)
                    return false;
            }
            return true;
        };
        check(FanoutSupport::waitUntil(allIn, m_settings.roundTimeoutMs),
              QStringLiteral("round %1: the bump did not reach every console").arg(round));
        // The sender applies its own event's echo too; let the store settle before the next round.
        check(FanoutSupport::waitUntil([&] { return storeIdle(store); }, m_settings.roundTimeoutMs),
              QStringLiteral("round %1: consoles did not settle").arg(round));

        RoundTimes times;
        times.hubMs = double(hubNs) / 1e6;
        times.lastFrameMs = double(*std::max_element(frameNs.begin(), frameNs.end())) / 1e6;
        times.firstAppliedMs = double(*std::min_element(appliedNs.begin(), appliedNs.end())) / 1e6;
        times.lastAppliedMs = double(*std::max_element(appliedNs.begin(), appliedNs.end())) / 1e6;
        return times;
    }

private:
    static QString storeIdOf(int store) { return QStringLiteral("store-%1").arg(store + 1); }
    int storeOf(int round) const { return round % m_settings.stores; }

    QString lastOrderOf(const QString &storeId) const
    {
        for (qsizetype i = m_orderIds.size() - 1; i >= 0; --i) {
            if (storeIdOf(storeOf(int(i))) == storeId)
                return m_orderIds.at(i);
        }
        return {};
    }

    bool allLive() const
    {
        for (const auto &console : m_consoles) {
            if (!console->isLive())
                return false;
        }
        return m_server.sessionCount() == int(m_consoles.size());
    }

    bool storeIdle(int store)
    {
        for (int c = 0; c < m_settings.consoles; ++c) {
            if (m_consoles.at(std::size_t(store * m_settings.consoles + c))
                    ->engine()
                    .incomingBacklog()
                > 0)
                return false;
        }
        return true;
    }

    const QTemporaryDir &m_dir;
    const FanoutSettings &m_settings;
    SystemClock m_clock;
    HubLog m_log;
    Hub m_hub;
    HubServer m_server;
    std::vector<std::unique_ptr<BenchConsole>> m_consoles;
    QStringList m_orderIds;
};
} // namespace

QList<BenchFigure> fanoutFigures(const QTemporaryDir &dir, const FanoutSettings &settings)
{
    check(settings.stores > 0 && settings.consoles > 1,
          QStringLiteral("fan-out needs at least one store and two consoles per store"));
    FanoutRun run(dir, settings);
    run.setUp();
    EchoPair echo;
    check(echo.open(10'000), QStringLiteral("the echo pair did not connect"));
    const QString frame = run.typicalSubmitFrame();
    progress() << "fanout: " << settings.stores << " stores x " << settings.consoles
               << " consoles, submit frame " << frame.toUtf8().size() << " bytes" << Qt::endl;

    QList<double> fanout;
    QList<double> hub;
    QList<double> frames;
    QList<double> firstApplied;
    QList<double> echoes;
    const auto sampleEcho = [&](bool counted) {
        const double rtt = echo.roundTripMs(frame, settings.roundTimeoutMs);
        check(rtt >= 0, QStringLiteral("the echo did not come back"));
        if (counted)
            echoes.append(rtt);
    };
    const int total = settings.warmupRounds + settings.rounds;
    for (int round = 0; round < total; ++round) {
        const bool counted = round >= settings.warmupRounds;
        // Interleaved, the first alternating, so machine noise falls on both sides alike.
        if (round % 2 == 0)
            sampleEcho(counted);
        const RoundTimes times = run.round(round);
        if (round % 2 == 1)
            sampleEcho(counted);
        if (!counted)
            continue;
        fanout.append(times.lastAppliedMs);
        hub.append(times.hubMs);
        frames.append(times.lastFrameMs);
        firstApplied.append(times.firstAppliedMs);
    }

    using FanoutSupport::percentile;
    progress() << Qt::fixed << qSetRealNumberPrecision(3) << "fanout: " << fanout.size()
               << " rounds (ms, p50/p99): hub logged+sent " << percentile(hub, 50) << "/"
               << percentile(hub, 99) << ", last frame received " << percentile(frames, 50) << "/"
               << percentile(frames, 99) << ", first applied " << percentile(firstApplied, 50)
               << "/" << percentile(firstApplied, 99) << ", last applied " << percentile(fanout, 50)
               << "/" << percentile(fanout, 99) << "; echo " << percentile(echoes, 50) << "/"
               << percentile(echoes, 99) << Qt::endl;

    const QString baseline = QStringLiteral("bare_ws_echo_rtt_ms");
    const double echoP99 = percentile(echoes, 99);
    return {
        {bench, QStringLiteral("p99_fanout_ms"), BenchFigure::Kind::Cost, percentile(fanout, 99),
         baseline, echoP99, fanoutTarget},
        {bench, QStringLiteral("p50_fanout_ms"), BenchFigure::Kind::Cost, percentile(fanout, 50),
         baseline, percentile(echoes, 50), std::nullopt},
    };
}
