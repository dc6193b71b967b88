// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class FakeVendorServer;
class LockHolder;

namespace LoadRun {

class ConsoleChild;
class HubChild;

/**
 * The faults of a load run, one kind after another in a seeded order, each on a target drawn
 * from the seed and healed after a stretch: the hub SIGKILLed (restarted when healed, the
 * consoles' proxies sent to its new port), a console SIGKILLed (restarted), its link cut, delayed
 * or half-open (a black hole that closes nothing), its disk full or failing, its store locked
 * by another process, or a store's POS answering 503 to everything. A target takes one fault at a
 * time.
 */
class FaultSchedule final
{
public:
    enum class Kind {
        HubKilled,
        ConsoleKilled,
        LinkCut,
        LinkDelayed,
        LinkHalfOpen,
        DiskFull,
        DiskIoError,
        StoreLocked,
        PosDown,
    };
    static QString name(Kind kind);

    struct Targets
    {
        HubChild *hub = nullptr;
        std::function<bool()> restartHub; // starts the hub again and points every proxy at it
        std::vector<ConsoleChild *> consoles;
        QString lockHolderProgram;
        std::vector<FakeVendorServer *> posFakes; // each store's POS
    };

    FaultSchedule(Targets targets, quint32 seed, int minHoldMs, int maxHoldMs);
    ~FaultSchedule();
    Q_DISABLE_COPY_MOVE(FaultSchedule)

    /** Injects the next fault at nowMs (run time); false if it could not be injected. */
    bool injectNext(qint64 nowMs);
    /** Heals the faults whose stretch is over by nowMs (all of them with healAll). */
    bool heal(qint64 nowMs);
    bool healAll();
    bool anyActive() const { return !m_active.empty(); }

    /** How many of each kind were injected, by name. */
    QJsonObject injected() const;
    /**
     * Of those, how many were seen to land before they were healed: the links went down, the
     * store could not write or stalled, the console reconnected, the POS was asked and failed.
     * A fault that landed on nothing (no write while the disk was full) is not counted.
     */
    QJsonObject felt() const;
    int injectedCount() const;
    /** What went wrong injecting or healing, in words. */
    const QStringList &problems() const { return m_problems; }

private:
    struct Active
    {
        Kind kind;
        int console = -1; // -1: the hub
        int pos = -1; // the POS that is down
        qint64 healAtMs = 0;
        std::unique_ptr<LockHolder> lock;
        qint64 before = 0; // the measure of its landing when it was injected (measure())
    };
    /** What grows when fault lands. */
    qint64 measure(const Active &fault) const;
    bool inject(Active &fault);
    bool end(Active &fault);
    /** A console with no fault on it, or -1. */
    int freeConsole();

    Targets m_targets;
    QRandomGenerator m_random;
    int m_minHoldMs;
    int m_maxHoldMs;
    QList<Kind> m_order;
    int m_next = 0;
    std::vector<Active> m_active;
    QSet<int> m_busy; // consoles with a fault on them; -1 the hub
    QSet<int> m_posDown;
    QMap<QString, int> m_counts;
    QMap<QString, int> m_felt;
    QStringList m_problems;
};

} // namespace LoadRun
