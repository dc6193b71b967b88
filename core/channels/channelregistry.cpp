// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelregistry.h"

#include "channeldispatcher.h"
#include "channelslogging.h"
#include "store/outbox.h"

#include "store/store.h"

#include <algorithm>

ChannelRegistry::ChannelRegistry(Store &store, const Clock &clock,
                                 const QStringList &destinations, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_destinations(destinations)
{
    m_destinations.removeDuplicates();
}

ChannelRegistry::~ChannelRegistry() = default;

ChannelDispatcher &ChannelRegistry::add(OrderChannel &channel, const RetryPolicy &policy)
{
    if (ChannelDispatcher *previous = dispatcher(channel.destination())) {
        qCWarning(lcChannels).noquote() << "a new channel replaces the one delivering to"
                                        << channel.destination();
        remove(previous->channel());
    }
    auto owned = std::make_unique<ChannelDispatcher>(channel, m_store, m_clock, policy);
    ChannelDispatcher &added = *owned;
    m_dispatchers.push_back(std::move(owned));
    if (!m_destinations.contains(channel.destination()))
        m_destinations.append(channel.destination());
    connect(&channel, &QObject::destroyed, this, [this, &channel] { remove(channel); });
    qCInfo(lcChannels).noquote() << "delivering to" << channel.destination();
    Q_EMIT this->added(&added);
    added.dispatchSoon();
    return added;
}

void ChannelRegistry::remove(const OrderChannel &channel)
{
    m_dispatchers.erase(std::remove_if(m_dispatchers.begin(), m_dispatchers.end(),
                                       [&channel](const auto &dispatcher) {
                                           return &dispatcher->channel() == &channel;
                                       }),
                        m_dispatchers.end());
}

QStringList ChannelRegistry::destinationsFor(const OrderEvent &event) const
{
    QString orderSource;
    if (event.kind == EventKind::Placed) {
        orderSource = event.payload.value(QLatin1String("source")).toString();
    } else if (!event.orderId.isEmpty()) {
        const std::optional<Order> order = m_store.order(event.orderId);
        orderSource = order ? order->source : QString();
    }
    if (!orderSource.startsWith(QLatin1String("pos:")))
        return m_destinations;
    return m_destinations.contains(orderSource) ? QStringList {orderSource} : QStringList();
}

ChannelDispatcher *ChannelRegistry::dispatcher(const QString &destination) const
{
    for (const auto &dispatcher : m_dispatchers) {
        if (dispatcher->destination() == destination)
            return dispatcher.get();
    }
    return nullptr;
}

QList<ChannelDispatcher *> ChannelRegistry::dispatchers() const
{
    QList<ChannelDispatcher *> all;
    for (const auto &dispatcher : m_dispatchers)
        all.append(dispatcher.get());
    return all;
}

QList<ChannelHealth> ChannelRegistry::health() const
{
    QList<ChannelHealth> all;
    for (const auto &dispatcher : m_dispatchers)
        all.append(dispatcher->health());
    return all;
}

void ChannelRegistry::dispatchSoon()
{
    for (const auto &dispatcher : m_dispatchers)
        dispatcher->dispatchSoon();
}

AppendResult ChannelRegistry::redrive(qint64 deadLetterId, const Actor &actor,
                                      const QString &origin)
{
    return decide(deadLetterId, EventKind::DeadLetterRedriven, actor, origin);
}

AppendResult ChannelRegistry::discard(qint64 deadLetterId, const Actor &actor,
                                      const QString &origin)
{
    return decide(deadLetterId, EventKind::DeadLetterDiscarded, actor, origin);
}

AppendResult ChannelRegistry::decide(qint64 deadLetterId, EventKind kind, const Actor &actor,
                                     const QString &origin)
{
    const std::optional<DeadLetter> letter = Outbox(m_store).deadLetter(deadLetterId);
    const AppendResult result = kind == EventKind::DeadLetterRedriven
            ? m_store.redriveDeadLetter(deadLetterId, actor, origin)
            : m_store.discardDeadLetter(deadLetterId, actor, origin);
    if (result.committed() && letter) {
        if (ChannelDispatcher *delivering = dispatcher(letter->destination))
            delivering->outboxChanged();
    }
    return result;
}
