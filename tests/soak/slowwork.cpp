// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "slowwork.h"

#include "loopprobe.h"

#include <QJsonObject>
#include <QMetaEnum>
#include <QThread>
#include <QTimer>

#include <algorithm>

#include <time.h>

namespace {
const QString sectionPrefix = QStringLiteral("soak section: ");

// Read before the delivery: the receiver may be gone after it (a deleteLater, say).
struct Receiver
{
    const QMetaObject *type = nullptr;
    const QMetaObject *parent = nullptr;
    const QMetaObject *grandparent = nullptr;
    int timerMs = -1;
    QString name;
};

Receiver receiverOf(QObject *receiver)
{
    Receiver seen;
    seen.type = receiver->metaObject();
    seen.name = receiver->objectName();
    if (const auto *timer = qobject_cast<QTimer *>(receiver))
        seen.timerMs = timer->interval();
    if (QObject *parent = receiver->parent()) {
        seen.parent = parent->metaObject();
        if (QObject *grandparent = parent->parent())
            seen.grandparent = grandparent->metaObject();
    }
    return seen;
}

QString describe(const Receiver &receiver, QEvent::Type type)
{
    QString what = QString::fromLatin1(receiver.type->className());
    if (receiver.timerMs >= 0)
        what += QStringLiteral("(%1 ms)").arg(receiver.timerMs);
    if (!receiver.name.isEmpty())
        what += QStringLiteral(" '%1'").arg(receiver.name);
    if (receiver.parent)
        what += QStringLiteral(" in ") + QString::fromLatin1(receiver.parent->className());
    if (receiver.grandparent)
        what += QStringLiteral(" in ") + QString::fromLatin1(receiver.grandparent->className());
    const char *event = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
    return what + QStringLiteral(": ")
        + (event ? QString::fromLatin1(event) : QString::number(int(type)));
}
} // namespace

SlowWorkApplication::SlowWorkApplication(int &argc, char **argv)
    : QApplication(argc, argv)
{
    m_clock.start();
}

bool SlowWorkApplication::notify(QObject *receiver, QEvent *event)
{
    // Qt 6 calls notify() for every thread's events too (the writer's, the hub's): only the
    // GUI thread's loop is the board's.
    if (!m_tallying || m_depth > 0 || !receiver || QThread::currentThread() != thread()
        || m_leftOut.contains(receiver))
        return QApplication::notify(receiver, event);
    const Receiver seen = receiverOf(receiver);
    const QEvent::Type type = event->type();
    const qint64 start = m_clock.nsecsElapsed();
    const qint64 cpuStart = SectionTimer::threadCpuNs();
    ++m_depth;
    const bool handled = QApplication::notify(receiver, event);
    --m_depth;
    const qint64 took = m_clock.nsecsElapsed() - start;
    const qint64 cpu = SectionTimer::threadCpuNs() - cpuStart;
    ++m_totals.deliveries;
    m_totals.cpuNs += cpu;
    m_totals.overFrameCpu += cpu / 1e6 > LoopProbe::frameMs ? 1 : 0;
    for (size_t i = 0; i < m_totals.overCpu.size(); ++i)
        m_totals.overCpu[i] += cpu / 1e6 > Totals::overCpuMs[i] ? 1 : 0;
    if (took >= slowNs)
        note(describe(seen, type), took, cpu);
    return handled;
}

void SlowWorkApplication::noteSection(const QString &what, qint64 ns, qint64 cpuNs)
{
    if (m_tallying && ns >= slowNs)
        note(sectionPrefix + what, ns, cpuNs);
}

bool SlowWorkApplication::isSection(const QString &what)
{
    return what.startsWith(sectionPrefix);
}

double SlowWorkApplication::longestDeliveryCpuMs() const
{
    // A section runs inside a delivery (the staff's timer), which counts it already.
    qint64 longest = 0;
    for (auto it = m_tallies.cbegin(); it != m_tallies.cend(); ++it) {
        if (!isSection(it.key()))
            longest = std::max(longest, it->maxCpuNs);
    }
    return double(longest) / 1e6;
}

void SlowWorkApplication::note(const QString &what, qint64 ns, qint64 cpuNs)
{
    Tally &tally = m_tallies[what];
    ++tally.count;
    tally.overFrame += ns / 1e6 > LoopProbe::frameMs ? 1 : 0;
    tally.maxNs = std::max(tally.maxNs, ns);
    tally.totalNs += ns;
    tally.cpuNs += cpuNs;
    tally.maxCpuNs = std::max(tally.maxCpuNs, cpuNs);
    if (m_overrun && cpuNs > m_overrunCpuNs && !isSection(what))
        m_overrun(what, ns, cpuNs);
}

QJsonArray SlowWorkApplication::tallies(int most) const
{
    QList<std::pair<QString, Tally>> all;
    for (auto it = m_tallies.cbegin(); it != m_tallies.cend(); ++it)
        all.append({it.key(), it.value()});
    std::sort(all.begin(), all.end(),
              [](const auto &a, const auto &b) { return a.second.totalNs > b.second.totalNs; });
    QJsonArray result;
    for (qsizetype i = 0; i < std::min<qsizetype>(most, all.size()); ++i) {
        const Tally &tally = all.at(i).second;
        result.append(QJsonObject {
            {QStringLiteral("what"), all.at(i).first},
            {QStringLiteral("count"), tally.count},
            {QStringLiteral("over_frame"), tally.overFrame},
            {QStringLiteral("max_ms"), qRound(tally.maxNs / 1e5) / 10.0},
            {QStringLiteral("total_ms"), qRound64(tally.totalNs / 1e6)},
            {QStringLiteral("cpu_ms"), qRound64(tally.cpuNs / 1e6)},
            {QStringLiteral("max_cpu_ms"), qRound(tally.maxCpuNs / 1e5) / 10.0},
        });
    }
    return result;
}

SectionTimer::~SectionTimer()
{
    if (auto *app = dynamic_cast<SlowWorkApplication *>(QCoreApplication::instance()))
        app->noteSection(m_what, m_timer.nsecsElapsed(), threadCpuNs() - m_cpuNs);
}

qint64 SectionTimer::threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}
