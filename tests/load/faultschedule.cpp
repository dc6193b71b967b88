// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultschedule.h"

#include "loadchildren.h"
#include "lockholder.h"

#include "fakes/fakevendorserver.h"

#include <algorithm>

namespace LoadRun {

namespace {
const QList<FaultSchedule::Kind> everyKind {
        FaultSchedule::Kind::HubKilled,   FaultSchedule::Kind::ConsoleKilled,
        FaultSchedule::Kind::LinkCut,     FaultSchedule::Kind::LinkDelayed,
        FaultSchedule::Kind::LinkHalfOpen, FaultSchedule::Kind::DiskFull,
        FaultSchedule::Kind::DiskIoError, FaultSchedule::Kind::StoreLocked,
        FaultSchedule::Kind::PosDown,
};
constexpr auto linkDelay = std::chrono::milliseconds(400);
constexpr qint64 halfOpenExtraMs = 4000;
} // namespace

QString FaultSchedule::name(Kind kind)
{
    switch (kind) {
    case Kind::HubKilled:
        return QStringLiteral("hub_killed");
    case Kind::ConsoleKilled:
        return QStringLiteral("console_killed");
    case Kind::LinkCut:
        return QStringLiteral("link_cut");
    case Kind::LinkDelayed:
        return QStringLiteral("link_delayed");
    case Kind::LinkHalfOpen:
        return QStringLiteral("link_half_open");
    case Kind::DiskFull:
        return QStringLiteral("disk_full");
    case Kind::DiskIoError:
        return QStringLiteral("disk_io_error");
    case Kind::StoreLocked:
        return QStringLiteral("store_locked");
    case Kind::PosDown:
        return QStringLiteral("pos_down");
    }
    return {};
}

FaultSchedule::FaultSchedule(Targets targets, quint32 seed, int minHoldMs, int maxHoldMs)
    : m_targets(std::move(targets))
    , m_random(seed)
    , m_minHoldMs(minHoldMs)
    , m_maxHoldMs(std::max(minHoldMs, maxHoldMs))
{ }

FaultSchedule::~FaultSchedule() = default;

bool FaultSchedule::injectNext(qint64 nowMs)
{
    // Every kind once per round, each round in an order of the seed's.
    if (m_next == 0) {
        m_order = everyKind;
        std::shuffle(m_order.begin(), m_order.end(), m_random);
    }
    const Kind kind = m_order.at(m_next);
    m_next = (m_next + 1) % int(m_order.size());

    Active fault;
    fault.kind = kind;
    fault.healAtMs = nowMs + m_minHoldMs + m_random.bounded(m_maxHoldMs - m_minHoldMs + 1);
    // A half-open link shows only when a ping goes unanswered: it lasts past the consoles'
    // silence limit (1.5 pings of loadconsole.cpp's 3 s), or it would heal unnoticed.
    if (kind == Kind::LinkHalfOpen)
        fault.healAtMs += halfOpenExtraMs;
    if (kind == Kind::HubKilled) {
        if (m_busy.contains(-1))
            return true; // the hub is down already; this round goes without
    } else if (kind == Kind::PosDown) {
        if (m_targets.posFakes.empty())
            return true;
        fault.pos = m_random.bounded(int(m_targets.posFakes.size()));
        if (m_posDown.contains(fault.pos))
            return true;
    } else {
        fault.console = freeConsole();
        if (fault.console < 0)
            return true;
    }
    fault.before = measure(fault);
    if (!inject(fault))
        return false;
    if (kind == Kind::PosDown)
        m_posDown.insert(fault.pos);
    else
        m_busy.insert(fault.console);
    m_counts[name(kind)] += 1;
    m_active.push_back(std::move(fault));
    return true;
}

int FaultSchedule::freeConsole()
{
    const int count = int(m_targets.consoles.size());
    const int first = m_random.bounded(count);
    for (int i = 0; i < count; ++i) {
        const int candidate = (first + i) % count;
        if (!m_busy.contains(candidate))
            return candidate;
    }
    return -1;
}

bool FaultSchedule::inject(Active &fault)
{
    ConsoleChild *console = fault.console >= 0 ? m_targets.consoles.at(fault.console) : nullptr;
    switch (fault.kind) {
    case Kind::HubKilled:
        m_targets.hub->kill();
        return true;
    case Kind::ConsoleKilled:
        console->kill();
        return true;
    case Kind::LinkCut:
        console->proxy().disconnectAll();
        return true;
    case Kind::LinkDelayed:
        console->proxy().setDelay(linkDelay);
        return true;
    case Kind::LinkHalfOpen:
        console->proxy().setBlackHole();
        return true;
    case Kind::DiskFull:
        console->command("disk full");
        return true;
    case Kind::DiskIoError:
        console->command("disk io");
        return true;
    case Kind::PosDown: {
        FaultRule down;
        down.kind = FaultRule::Kind::Fail;
        down.status = 503;
        down.remaining = -1;
        m_targets.posFakes.at(fault.pos)->faults().add(down);
        return true;
    }
    case Kind::StoreLocked:
        fault.lock = std::make_unique<LockHolder>(m_targets.lockHolderProgram);
        if (!fault.lock->lock(console->spec().storePath)) {
            m_problems.append(QStringLiteral("could not lock %1's store").arg(console->spec().consoleId));
            return false;
        }
        return true;
    }
    return false;
}

bool FaultSchedule::end(Active &fault)
{
    ConsoleChild *console = fault.console >= 0 ? m_targets.consoles.at(fault.console) : nullptr;
    if (measure(fault) > fault.before)
        m_felt[name(fault.kind)] += 1;
    bool healed = true;
    switch (fault.kind) {
    case Kind::HubKilled:
        healed = m_targets.restartHub();
        break;
    case Kind::ConsoleKilled:
        healed = console->start();
        break;
    case Kind::LinkCut:
        break;
    case Kind::LinkDelayed:
    case Kind::LinkHalfOpen:
        console->proxy().setPass();
        // A black hole's connections stay stuck until a peer gives up on them; the console's
        // ping does that, as it would on a real half-open link.
        break;
    case Kind::DiskFull:
    case Kind::DiskIoError:
        console->command("disk heal");
        break;
    case Kind::StoreLocked:
        healed = fault.lock->release();
        break;
    case Kind::PosDown:
        m_targets.posFakes.at(fault.pos)->faults().clear();
        m_posDown.remove(fault.pos);
        return true;
    }
    if (!healed)
        m_problems.append(QStringLiteral("%1 on %2 did not heal")
                                  .arg(name(fault.kind),
                                       console ? console->spec().consoleId
                                               : QStringLiteral("the hub")));
    m_busy.remove(fault.console);
    return healed;
}

bool FaultSchedule::heal(qint64 nowMs)
{
    bool healed = true;
    for (auto it = m_active.begin(); it != m_active.end();) {
        if (it->healAtMs <= nowMs) {
            healed = end(*it) && healed;
            it = m_active.erase(it);
        } else {
            ++it;
        }
    }
    return healed;
}

bool FaultSchedule::healAll()
{
    bool healed = true;
    for (Active &fault : m_active)
        healed = end(fault) && healed;
    m_active.clear();
    return healed;
}

qint64 FaultSchedule::measure(const Active &fault) const
{
    const ConsoleChild *console =
            fault.console >= 0 ? m_targets.consoles.at(fault.console) : nullptr;
    switch (fault.kind) {
    case Kind::HubKilled: {
        qint64 down = 0;
        for (const ConsoleChild *each : m_targets.consoles)
            down += each->seen().notLive;
        return down;
    }
    case Kind::ConsoleKilled:
        return console->isRunning() ? 0 : 1;
    case Kind::LinkCut:
        return m_targets.consoles.at(fault.console)->proxy().connectionsAccepted();
    case Kind::LinkDelayed:
        return m_targets.consoles.at(fault.console)->proxy().bytesToClient();
    case Kind::LinkHalfOpen:
        return console->seen().notLive;
    case Kind::DiskFull:
    case Kind::DiskIoError:
        return console->seen().storeFault + console->seen().refusedWrites;
    case Kind::StoreLocked:
        return console->seen().storeFault + console->seen().stalls;
    case Kind::PosDown:
        return m_targets.posFakes.at(fault.pos)->exchanges().size();
    }
    return 0;
}

QJsonObject FaultSchedule::felt() const
{
    QJsonObject counts;
    for (auto it = m_felt.cbegin(); it != m_felt.cend(); ++it)
        counts.insert(it.key(), it.value());
    return counts;
}

QJsonObject FaultSchedule::injected() const
{
    QJsonObject counts;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    return counts;
}

int FaultSchedule::injectedCount() const
{
    int total = 0;
    for (const int count : m_counts)
        total += count;
    return total;
}

} // namespace LoadRun
