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
    m_configured = m_destinations;
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
    expect(channel.destination());
    connect(&channel, &QObject::destroyed, this, [this, &channel] { remove(channel); });
    if (channel.destination() == platform) {
        // What the platform answered may free a POS's waiting endings (setEndingsWaitFor).
        connect(&added, &ChannelDispatcher::healthChanged, this, [this] {
            for (const auto &each : m_dispatchers) {
                if (!each->endingsWaitFor().isEmpty())
                    each->dispatchSoon();
            }
        });
    }
    holdPosEndings();
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
    holdPosEndings();
}

void ChannelRegistry::holdPosEndings()
{
    // Only while a platform channel runs: a console without one (a POS-only store, a test bed)
    // keeps the platform's rows for later, and its till must not wait on them.
    const QString waitFor = dispatcher(platform) ? platform : QString();
    for (const auto &each : m_dispatchers) {
        if (each->destination().startsWith(QLatin1String("pos:")))
            each->setEndingsWaitFor(waitFor);
    }
}

void ChannelRegistry::expect(const QString &destination)
{
    if (!m_destinations.contains(destination))
        m_destinations.append(destination);
}

void ChannelRegistry::forget(const QString &destination)
{
    if (!m_configured.contains(destination))
        m_destinations.removeAll(destination);
}

QString ChannelRegistry::orderSourceOf(const OrderEvent &event) const
{
    if (event.kind == EventKind::Placed)
        return event.payload.value(QLatin1String("source")).toString();
    if (event.orderId.isEmpty())
        return {};
    const std::optional<Order> order = m_store.order(event.orderId);
    return order ? order->source : QString();
}

QStringList ChannelRegistry::destinationsFor(const OrderEvent &event) const
{
    if (!EventKinds::travels(event.kind))
        return {}; // this console's own record, for its audit trail only
    // A pause or the store's rules are for the platform and the store's other screens; a till
    // has no word for them and would refuse them every time.
    if (EventKinds::isStoreLevel(event.kind))
        return m_destinations.contains(platform) ? QStringList {platform} : QStringList();
    const QString orderSource = orderSourceOf(event);
    if (!orderSource.startsWith(QLatin1String("pos:")))
        return m_destinations;
    QStringList destinations;
    if (m_destinations.contains(orderSource))
        destinations.append(orderSource);
    if (m_destinations.contains(platform) && m_store.isSharedWith(event.orderId, platform))
        destinations.append(platform);
    return destinations;
}

QStringList ChannelRegistry::forwardsFor(const IncomingEvent &incoming) const
{
    const OrderEvent &event = incoming.event;
    if (event.orderId.isEmpty())
        return {};
    if (incoming.source.startsWith(QLatin1String("pos:"))) {
        if (!m_destinations.contains(platform) || !mayRelayPos())
            return {};
        // An order this console kept to itself (before the platform let it relay) stays so:
        // the platform would refuse its steps, never having heard of its placing.
        const bool relayed = event.kind == EventKind::Placed || !m_store.order(event.orderId)
                || m_store.isSharedWith(event.orderId, platform);
        return relayed ? QStringList {platform} : QStringList();
    }
    const bool runsPos = std::any_of(m_destinations.cbegin(), m_destinations.cend(),
                                     [](const QString &d) { return d.startsWith(QLatin1String("pos:")); });
    if (incoming.source != platform || !incoming.hubSeq || !runsPos)
        return {};
    switch (event.actor.role) {
    case ActorRole::Staff:
    case ActorRole::Manager:
    case ActorRole::System:
    case ActorRole::AutoAccept:
        break; // the kitchen's own steps, taken on another screen
    case ActorRole::Pos: // the POS said it; it knows
    case ActorRole::Platform: // the platform's own (placing, the customer's cancel): not ours
        return {};
    }
    const QString orderSource = orderSourceOf(event);
    QStringList destinations;
    for (const QString &destination : m_destinations) {
        if (destination.startsWith(QLatin1String("pos:"))
            && (orderSource == destination || !orderSource.startsWith(QLatin1String("pos:"))))
            destinations.append(destination);
    }
    return destinations;
}

QStringList ChannelRegistry::platformRights() const
{
    return m_store.cursor(platformRightsSource).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

bool ChannelRegistry::mayRelayPos() const
{
    return platformRights().contains(posRelayRight);
}

bool ChannelRegistry::mayActAsManager() const
{
    return platformRights().contains(managerRight);
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
                                      const QString &origin, const QString &reason)
{
    return decide(deadLetterId, EventKind::DeadLetterRedriven, actor, origin, reason);
}

AppendResult ChannelRegistry::discard(qint64 deadLetterId, const Actor &actor,
                                      const QString &origin, const QString &reason)
{
    return decide(deadLetterId, EventKind::DeadLetterDiscarded, actor, origin, reason);
}

AppendResult ChannelRegistry::decide(qint64 deadLetterId, EventKind kind, const Actor &actor,
                                     const QString &origin, const QString &reason)
{
    const std::optional<DeadLetter> letter = Outbox(m_store).deadLetter(deadLetterId);
    const AppendResult result = kind == EventKind::DeadLetterRedriven
            ? m_store.redriveDeadLetter(deadLetterId, actor, origin, reason)
            : m_store.discardDeadLetter(deadLetterId, actor, origin, reason);
    if (result.committed() && letter) {
        if (ChannelDispatcher *delivering = dispatcher(letter->destination))
            delivering->outboxChanged();
    }
    return result;
}
