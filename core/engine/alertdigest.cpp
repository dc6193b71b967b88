// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertdigest.h"

#include <algorithm>

namespace {
bool isFeedAlarm(KitchenAlert::Kind kind)
{
    return kind == KitchenAlert::Kind::FeedQuiet || kind == KitchenAlert::Kind::FeedBack;
}
} // namespace

QString AlertDigest::Entry::title() const
{
    return count == 1 || !merged ? latest.title : KitchenAlert::mergedTitle(kind, count, named);
}

QStringList AlertDigest::Entry::details() const
{
    return count == 1 ? latest.details : QStringList();
}

void AlertDigest::add(const KitchenAlert &alert)
{
    const bool single = !alert.orderId.isEmpty();
    const QStringList ids = single ? QStringList {alert.orderId} : alert.orderIds;
    const QStringList numbers = single ? QStringList {alert.orderNumber} : alert.orderNumbers;
    // Only the newest entry of the alert's kind may take it (a feed's: that feed's entry), so
    // the walk from the newest end stops there: a few entries at most, whatever their counts.
    const bool feed = isFeedAlarm(alert.kind);
    const bool merges = feed || !ids.isEmpty();
    for (qsizetype at = m_entries.size() - 1; merges && at >= 0; --at) {
        const Entry &candidate = m_entries.at(at);
        const bool same = feed ? candidate.kind == alert.kind && candidate.source == alert.source
                               : candidate.kind == alert.kind && !candidate.orderIds.isEmpty();
        if (!same)
            continue;
        if (!feed && candidate.lastAt < alert.raisedAt - m_mergeWindowMs)
            break; // too long ago: this one starts a line of its own
        Entry into = m_entries.takeAt(at);
        takeOrders(into, ids, numbers);
        into.latest = alert;
        into.lastAt = alert.raisedAt;
        into.merged = true;
        m_entries.append(into);
        return;
    }
    Entry entry;
    entry.kind = alert.kind;
    entry.source = alert.source;
    entry.latest = alert;
    entry.lastAt = alert.raisedAt;
    entry.count = 0;
    takeOrders(entry, ids, numbers);
    entry.count = std::max(entry.count, 1);
    m_entries.append(entry);
}

void AlertDigest::takeOrders(Entry &entry, const QStringList &ids, const QStringList &numbers)
{
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        entry.unacknowledged.insert(id);
        if (entry.orderIds.contains(id))
            continue; // the same order again is one order
        entry.orderIds.insert(id);
        ++entry.count;
        if (entry.named.size() < KitchenAlert::maxNamedOrders && i < numbers.size())
            entry.named.append(numbers.at(i));
    }
}

bool AlertDigest::orderSettled(const QString &orderId)
{
    bool changed = false;
    for (qsizetype at = m_entries.size() - 1; at >= 0; --at) {
        Entry &entry = m_entries[at];
        const bool aboutWork = entry.kind == KitchenAlert::Kind::NewOrder
                || entry.kind == KitchenAlert::Kind::Late
                || entry.kind == KitchenAlert::Kind::Changed;
        if (!aboutWork || !entry.orderIds.remove(orderId))
            continue;
        changed = true;
        entry.unacknowledged.remove(orderId);
        if (entry.unacknowledged.isEmpty())
            m_entries.removeAt(at);
    }
    return changed;
}

void AlertDigest::forgetBefore(qint64 utcMs)
{
    m_entries.removeIf([utcMs](const Entry &entry) { return entry.lastAt < utcMs; });
}

bool AlertDigest::withdraw(KitchenAlert::Kind kind, const QString &source)
{
    return m_entries.removeIf([&](const Entry &entry) {
        return entry.kind == kind && entry.source == source;
    }) > 0;
}

bool AlertDigest::acknowledgeOrder(const QString &orderId)
{
    bool changed = false;
    for (qsizetype at = m_entries.size() - 1; at >= 0; --at) {
        Entry &entry = m_entries[at];
        if (!entry.unacknowledged.remove(orderId))
            continue;
        changed = true;
        if (entry.unacknowledged.isEmpty())
            m_entries.removeAt(at);
    }
    return changed;
}
