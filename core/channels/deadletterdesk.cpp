// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deadletterdesk.h"

#include "channeldispatcher.h"
#include "channelregistry.h"
#include "channelslogging.h"

#include "order/orderlimits.h"
#include "security/payloadredaction.h"
#include "store/outbox.h"
#include "store/store.h"

DeadLetterDesk::DeadLetterDesk(Store &store, ChannelRegistry &channels, const QString &origin,
                               QObject *parent)
    : QObject(parent), m_store(store), m_channels(channels), m_origin(origin)
{
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(refreshDelayMs);
    connect(&m_refreshSoon, &QTimer::timeout, this, &DeadLetterDesk::refresh);
    const QList<ChannelDispatcher *> dispatchers = m_channels.dispatchers();
    for (ChannelDispatcher *dispatcher : dispatchers)
        watch(dispatcher);
    connect(&m_channels, &ChannelRegistry::added, this, &DeadLetterDesk::watch);
    refresh();
}

DeadLetterDesk::~DeadLetterDesk() = default;

void DeadLetterDesk::watch(ChannelDispatcher *dispatcher)
{
    // A dispatcher says when its health changed, a new dead letter among it; the desk reads the
    // queue again once the burst is over rather than on every delivery.
    connect(dispatcher, &ChannelDispatcher::healthChanged, &m_refreshSoon,
            qOverload<>(&QTimer::start));
}

std::optional<DeadLetterSummary> DeadLetterDesk::letter(qint64 id) const
{
    for (const DeadLetterSummary &summary : m_letters) {
        if (summary.id == id)
            return summary;
    }
    return std::nullopt;
}

DeadLetterSummary DeadLetterDesk::summarise(const DeadLetter &letter) const
{
    const OrderEvent &event = letter.event;
    DeadLetterSummary summary;
    summary.id = letter.id;
    summary.eventId = event.id;
    summary.destination = letter.destination;
    summary.orderId = event.orderId;
    if (!event.orderId.isEmpty()) {
        if (const std::optional<Order> order = m_store.order(event.orderId))
            summary.orderNumber = order->number;
        else if (event.kind == EventKind::Placed) // its order left the projection, the number not
            summary.orderNumber = event.payload.value(QLatin1String("number")).toString();
    }
    summary.kind = event.kind;
    summary.from = event.from;
    summary.to = event.to;
    summary.attempts = letter.attempts;
    summary.firstErrorAt = letter.firstErrorAt;
    if (letter.firstErrorAt > 0)
        summary.firstError = PayloadRedaction::redactText(letter.firstError);
    summary.lastError = PayloadRedaction::redactText(letter.lastError);
    summary.deadAt = letter.deadAt;
    summary.reason = PayloadRedaction::redactText(event.reason);
    summary.payload = PayloadRedaction::redact(event.payload);
    return summary;
}

void DeadLetterDesk::refresh()
{
    m_refreshSoon.stop();
    const Result<QList<DeadLetter>> read = Outbox(m_store).readDeadLetters();
    if (!read) {
        qCWarning(lcChannels).noquote() << "the dead-letter queue cannot be read:" << read.error();
        // The last list read stays on screen, with the problem above it.
        m_readProblem = tr("The stuck events cannot be read from the order database right now. "
                           "Try again in a moment; if it keeps happening, restart the console.");
    } else {
        m_readProblem.clear();
        m_letters.clear();
        for (const DeadLetter &letter : *read)
            m_letters.append(summarise(letter));
    }
    Q_EMIT changed();
}

QString DeadLetterDesk::discardReasonProblem(const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return tr("Say why this event is let go: the log keeps the reason.");
    if (trimmed.size() > OrderLimits::maxTextLength)
        return tr("The reason is too long: at most %1 characters.").arg(OrderLimits::maxTextLength);
    return {};
}

QString DeadLetterDesk::failureWords(const AppendResult &result, qint64 id) const
{
    if (result.status == AppendResult::Status::Failed)
        return StoreFaults::forStaff(result.fault);
    // Refused: most likely decided meanwhile on another screen or with kc-admin.
    if (!Outbox(m_store).deadLetter(id))
        return tr("This stuck event is no longer waiting: it was sent again or let go from "
                  "elsewhere.");
    return tr("The console refused this decision: %1").arg(result.error);
}

Result<void> DeadLetterDesk::redrive(qint64 id, const Actor &actor, const QString &reason)
{
    if (reason.trimmed().size() > OrderLimits::maxTextLength)
        return Failure {tr("The reason is too long: at most %1 characters.")
                                .arg(OrderLimits::maxTextLength)};
    const AppendResult result = m_channels.redrive(id, actor, m_origin, reason);
    const QString failed = result.committed() ? QString() : failureWords(result, id);
    refresh();
    if (!failed.isEmpty())
        return Failure {failed};
    return {};
}

Result<int> DeadLetterDesk::redriveAll(const QString &destination, const Actor &actor,
                                       const QString &reason)
{
    if (reason.trimmed().size() > OrderLimits::maxTextLength)
        return Failure {tr("The reason is too long: at most %1 characters.")
                                .arg(OrderLimits::maxTextLength)};
    // What is in the store now, not what the screen last showed.
    const Result<QList<DeadLetter>> read = Outbox(m_store).readDeadLetters();
    if (!read) {
        refresh();
        return Failure {m_readProblem};
    }
    int sent = 0;
    int wanted = 0;
    QString failed;
    for (const DeadLetter &letter : *read) {
        if (!destination.isEmpty() && letter.destination != destination)
            continue;
        ++wanted;
        const AppendResult result = m_channels.redrive(letter.id, actor, m_origin, reason);
        if (result.committed()) {
            ++sent;
        } else if (result.status == AppendResult::Status::Failed) {
            // The store cannot write now: the next ones would fail the same way.
            failed = StoreFaults::forStaff(result.fault);
            break;
        }
        // Refused: decided meanwhile elsewhere; nothing left to do for it.
    }
    refresh();
    if (!failed.isEmpty())
        return Failure {sent == 0 ? failed
                                  : tr("%1 of %2 stuck events were sent again. %3")
                                            .arg(sent)
                                            .arg(wanted)
                                            .arg(failed)};
    return sent;
}

Result<void> DeadLetterDesk::discard(qint64 id, const Actor &actor, const QString &reason)
{
    if (const QString problem = discardReasonProblem(reason); !problem.isEmpty())
        return Failure {problem};
    const AppendResult result = m_channels.discard(id, actor, m_origin, reason);
    const QString failed = result.committed() ? QString() : failureWords(result, id);
    refresh();
    if (!failed.isEmpty())
        return Failure {failed};
    return {};
}
