// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertdigest.h"

namespace {
bool isFeedAlarm(KitchenAlert::Kind kind)
{
    return kind == KitchenAlert::Kind::FeedQuiet || kind == KitchenAlert::Kind::FeedBack;
}
} // namespace

QString AlertDigest::Entry::title() const
{
    return count == 1 ? latest.title : KitchenAlert::mergedTitle(kind, count, named);
}

QStringList AlertDigest::Entry::details() const
{
    return count == 1 ? latest.details : QStringList();
}

void AlertDigest::add(const KitchenAlert &alert)
{
    // Only the newest entry of the alert's kind may take it (a feed's: that feed's entry), so
    // the walk from the newest end stops there: a few entries at most, whatever their counts.
    const bool feed = isFeedAlarm(alert.kind);
    const bool merges = feed || !alert.orderId.isEmpty();
    for (qsizetype at = m_entries.size() - 1; merges && at >= 0; --at) {
        const Entry &candidate = m_entries.at(at);
        const bool same = feed ? candidate.kind == alert.kind && candidate.source == alert.source
                               : candidate.kind == alert.kind && !candidate.orderIds.isEmpty();
        if (!same)
            continue;
        if (!feed && candidate.lastAt < alert.raisedAt - m_mergeWindowMs)
            break; // too long ago: this one starts a line of its own
        Entry merged = m_entries.takeAt(at);
        if (!feed && !merged.orderIds.contains(alert.orderId)) {
            ++merged.count;
            merged.orderIds.insert(alert.orderId);
            if (merged.named.size() < KitchenAlert::maxNamedOrders)
                merged.named.append(alert.orderNumber);
        }
        if (!feed)
            merged.unacknowledged.insert(alert.orderId);
        merged.latest = alert;
        merged.lastAt = alert.raisedAt;
        m_entries.append(merged);
        return;
    }
    Entry entry;
    entry.kind = alert.kind;
    entry.source = alert.source;
    entry.latest = alert;
    entry.lastAt = alert.raisedAt;
    if (!alert.orderId.isEmpty()) {
        entry.orderIds.insert(alert.orderId);
        entry.unacknowledged.insert(alert.orderId);
        entry.named.append(alert.orderNumber);
    }
    m_entries.append(entry);
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
