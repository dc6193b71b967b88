// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformlogreader.h"

#include "synclogging.h"

#include <utility>

PlatformLogReader::PlatformLogReader(LinkConfig config, QObject *parent)
    : QObject(parent)
    , m_link(std::move(config))
{
    // The whole log is wanted: the platform replays everything after cursor 0.
    m_link.setCursorProvider([] { return qint64(0); });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PlatformLogReader::onTimeout);
    connect(&m_link, &PlatformLink::received, this, &PlatformLogReader::onReceived);
    connect(&m_link, &PlatformLink::stateChanged, this, &PlatformLogReader::onStateChanged);
    connect(&m_link, &PlatformLink::problem, this, &PlatformLogReader::onProblem);
}

PlatformLogReader::~PlatformLogReader()
{
    m_running = false; // the link's last stateChanged must not reach a half-destroyed reader
    m_link.disconnect(this);
}

void PlatformLogReader::start(const QByteArray &credential)
{
    if (m_running)
        return;
    m_running = true;
    m_welcomed = false;
    m_head = 0;
    m_log.clear();
    m_link.setCredential(credential);
    m_timer.start(m_timeoutMs);
    qCInfo(lcSyncAudit).noquote() << "reading the platform's log of" << m_link.config().storeId
                                  << "from" << m_link.config().url.toDisplayString();
    // A refused URL is reported through PlatformLink::problem, which ends the read.
    if (const Result<void> started = m_link.start(); !started && m_running)
        fail(tr("The platform's address %1 cannot be used.")
                 .arg(m_link.config().url.toDisplayString()));
}

void PlatformLogReader::onReceived(const Protocol::Message &message)
{
    if (!m_running)
        return;
    if (const auto *welcome = std::get_if<Protocol::Welcome>(&message.body)) {
        m_welcomed = true;
        m_head = welcome->head;
        qCDebug(lcSyncAudit) << "welcomed; the platform's head is" << m_head;
        if (m_head == 0)
            succeed(); // nothing to replay: the hub sends no batch
    } else if (const auto *events = std::get_if<Protocol::Events>(&message.body)) {
        onEvents(*events);
    }
    // Errors arrive through PlatformLink::problem as well; pings and pongs are the link's.
}

void PlatformLogReader::onEvents(const Protocol::Events &events)
{
    // Live events are past the snapshot that the replay reads; the replay already holds
    // whatever was logged while it ran.
    if (!events.replay || !m_welcomed)
        return;
    for (const Protocol::SequencedEvent &logged : events.events) {
        const qint64 last = m_log.isEmpty() ? 0 : m_log.constLast().seq;
        if (logged.seq <= last)
            continue; // already read
        if (logged.seq != last + 1) {
            fail(tr("The platform's log skipped from event %1 to event %2; it cannot be "
                    "compared.")
                     .arg(last)
                     .arg(logged.seq));
            return;
        }
        m_log.append(logged);
    }
    if (events.more)
        return;
    const qint64 last = m_log.isEmpty() ? 0 : m_log.constLast().seq;
    if (last < m_head) {
        fail(tr("The platform ended its log at event %1 of %2.").arg(last).arg(m_head));
        return;
    }
    succeed();
}

void PlatformLogReader::onStateChanged(PlatformLink::State state)
{
    // One attempt only: the link would reconnect forever, and a read that cannot finish
    // should say so rather than wait.
    if (!m_running || state != PlatformLink::State::Offline)
        return;
    if (!m_welcomed)
        fail(tr("Could not reach the platform at %1, or it closed the connection before "
                "accepting this console.")
                 .arg(m_link.config().url.toDisplayString()));
    else
        fail(tr("The platform closed the connection after sending %1 of its %2 events.")
                 .arg(m_log.size())
                 .arg(m_head));
}

void PlatformLogReader::onProblem(const QString &message)
{
    if (m_running)
        fail(tr("The platform refused: %1").arg(message));
}

void PlatformLogReader::onTimeout()
{
    if (!m_running)
        return;
    if (!m_welcomed)
        fail(tr("The platform at %1 did not accept this console within %2 s.")
                 .arg(m_link.config().url.toDisplayString())
                 .arg(m_timeoutMs / 1000.0));
    else
        fail(tr("The platform did not send its whole log within %1 s (%2 of %3 events).")
                 .arg(m_timeoutMs / 1000.0)
                 .arg(m_log.size())
                 .arg(m_head));
}

void PlatformLogReader::succeed()
{
    const QList<Protocol::SequencedEvent> log = std::exchange(m_log, {});
    end();
    qCInfo(lcSyncAudit) << "read" << log.size() << "events from the platform";
    Q_EMIT finished(log);
}

void PlatformLogReader::fail(const QString &message)
{
    end();
    m_log.clear();
    qCWarning(lcSyncAudit).noquote() << "cannot read the platform's log:" << message;
    Q_EMIT failed(message);
}

void PlatformLogReader::end()
{
    m_running = false;
    m_timer.stop();
    m_link.stop();
}
