// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "posfeed.h"

#include "poshttp.h"
#include "poslogging.h"
#include "posorderdiff.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "store/store.h"

namespace {
/** Whether change marker a comes before b: numbers (versions, epoch ms) by value, dates as text. */
bool changedBefore(const QString &a, const QString &b)
{
    bool aIsNumber = false;
    bool bIsNumber = false;
    const qint64 aValue = a.toLongLong(&aIsNumber);
    const qint64 bValue = b.toLongLong(&bIsNumber);
    if (aIsNumber && bIsNumber)
        return aValue < bValue;
    return a < b; // ISO 8601 in one vendor's one format sorts as text
}
} // namespace

PosFeed::PosFeed(PosVendor &vendor, PosHttp &http, OrderEngine &engine, const Store &store,
                 const Clock &clock, Config config, QObject *parent)
    : QObject(parent)
    , m_vendor(vendor)
    , m_http(http)
    , m_engine(engine)
    , m_store(store)
    , m_clock(clock)
    , m_config(std::move(config))
    , m_sweep({m_config.sweepIntervalMs, m_config.sweepBatch})
{
    m_pollTimer.setInterval(m_config.pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &PosFeed::pollNow);
    // What was read waits while the engine applies earlier changes: diffs need its state.
    connect(&m_engine, &OrderEngine::incomingDrained, this, [this] {
        if (!m_read.isEmpty() || m_readCursor)
            flush();
    });
    // A batch that could not be stored is gone: the next poll reads again from the store's cursor.
    connect(&m_engine, &OrderEngine::incomingFailed, this, [this](const QString &source) {
        if (source == this->source())
            m_cursor.reset();
    });
}

QString PosFeed::source() const
{
    return QStringLiteral("pos:") + m_vendor.name();
}

Result<void> PosFeed::receive(const PosWebhook &webhook)
{
    Result<PosChanges> changes = m_vendor.readWebhook(webhook);
    if (!changes) {
        qCWarning(lcPos).noquote() << source() << "refused a webhook:" << changes.error();
        Q_EMIT webhookRefused(changes.error());
        return Failure {changes.error()};
    }
    qCDebug(lcPos).noquote() << source() << "webhook" << changes->eventId << "names"
                             << changes->orders.size() + changes->orderIds.size() << "orders";
    take(*changes, std::nullopt);
    return {};
}

void PosFeed::start()
{
    pollNow();
    m_pollTimer.start();
}

void PosFeed::stop()
{
    m_pollTimer.stop();
}

void PosFeed::pollNow()
{
    if (!m_http.isConfigured())
        return;
    if (m_polling) {
        m_pollAgain = true; // what changed since this poll began is read right after it
        return;
    }
    m_polling = true;
    const QString cursor = m_cursor.value_or(m_store.cursor(source()));
    pollPage(m_vendor.pollSince(cursor, m_clock.nowMs() - m_config.firstPollLookbackMs), cursor);
}

void PosFeed::pollPage(const PosCall &call, const QString &cursor)
{
    m_http.send(call, [this, cursor](const PosAnswer &answer) {
        Result<PosChanges> page = m_vendor.readPoll(answer, cursor);
        if (!page) {
            m_polling = false;
            m_pollAgain = false; // the timer tries again
            qCWarning(lcPos).noquote() << source() << "poll failed:" << page.error();
            setProblem(tr("%1's orders could not be read: %2")
                               .arg(m_vendor.displayName(), page.error()));
            Q_EMIT pollFinished(false);
            return;
        }
        take(*page, page->cursor);
        if (page->nextPage) {
            pollPage(*page->nextPage, cursor);
            return;
        }
        m_polling = false;
        setProblem({});
        Q_EMIT pollFinished(true);
        if (std::exchange(m_pollAgain, false))
            pollNow();
        else
            sweepIfDue();
    });
}

void PosFeed::recheck(const QString &orderId)
{
    qCInfo(lcPos).noquote() << source() << "reads order" << orderId << "again";
    fetch(orderId);
}

void PosFeed::fetch(const QString &orderId)
{
    m_http.send(m_vendor.fetchOrder(orderId), [this, orderId](const PosAnswer &answer) {
        const Result<bool> fetched = takeFetched(orderId, answer);
        if (fetched)
            return;
        // The poll brings it later: a webhook is a hint, the poll is the record.
        qCWarning(lcPos).noquote() << source() << "could not fetch order" << orderId << ":"
                                   << fetched.error();
        setProblem(tr("An order from %1 could not be read yet: %2")
                           .arg(m_vendor.displayName(), fetched.error()));
    });
}

Result<bool> PosFeed::takeFetched(const QString &orderId, const PosAnswer &answer)
{
    if (m_vendor.saysGone(answer)) {
        takeGone(orderId); // deleted since it was last heard of
        return true;
    }
    Result<PosChanges> fetched = m_vendor.readFetched(answer);
    if (!fetched)
        return Failure {fetched.error()};
    take(*fetched, std::nullopt); // still there: heard, and any change it shows is read
    return false;
}

void PosFeed::take(const PosChanges &changes, const std::optional<QString> &cursor)
{
    for (const QString &orderId : changes.orderIds)
        fetch(orderId);
    for (const QJsonObject &json : changes.orders) {
        Result<PosOrder> read = m_vendor.readKeepableOrder(json);
        if (!read) {
            qCInfo(lcPos).noquote() << source() << "leaves an order off the board:" << read.error();
            continue;
        }
        if (!read->unknownValues.isEmpty())
            qCInfo(lcPos).noquote() << source() << "order" << read->order.id
                                    << "has values this console does not know, read as far as"
                                    << "possible:" << read->unknownValues.join(QStringLiteral(", "));
        if (!read->createdFor.isEmpty())
            continue; // a ticket of ours sent on to the POS: already on the board
        if (m_vendor.pollMissesDeletes())
            m_sweep.heard(read->order.id, m_clock.nowMs());
        keep(std::move(*read));
    }
    if (cursor)
        m_readCursor = cursor;
    if (!changes.orders.isEmpty() || m_readCursor)
        scheduleFlush();
}

void PosFeed::keep(PosOrder read)
{
    const QString id = read.order.id;
    // Two fetches of one order can answer out of turn: an older view would undo a newer one.
    const QString newest = m_read.contains(id) ? m_read.value(id).version
                                               : m_versionsTaken.value(id);
    if (!newest.isEmpty() && changedBefore(read.version, newest))
        return;
    m_versionsTaken.insert(id, read.version);
    if (!m_read.contains(id))
        m_readOrder.append(id);
    m_read.insert(id, std::move(read));
}

void PosFeed::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_flushScheduled = false;
        flush();
    });
}

void PosFeed::sweepIfDue()
{
    if (!m_vendor.pollMissesDeletes() || m_checksOut > 0 || !m_sweep.isDue(m_clock.nowMs()))
        return;
    // Only after a good poll: the POS answered for this location, so "no such order" is news
    // about the order, not about a wrong address or account.
    const QStringList round = m_sweep.startRound(m_engine.openOrders(), source(), m_clock.nowMs());
    if (round.isEmpty())
        return;
    qCDebug(lcPos).noquote() << source() << "checks" << round.size()
                             << "quiet tickets for orders deleted unseen";
    m_checksOut = int(round.size());
    m_checked = 0;
    m_gone = 0;
    for (const QString &orderId : round)
        check(orderId);
}

void PosFeed::check(const QString &orderId)
{
    m_http.send(m_vendor.fetchOrder(orderId), [this, orderId](const PosAnswer &answer) {
        ++m_checked;
        const Result<bool> gone = takeFetched(orderId, answer);
        if (!gone) // left unheard: it comes early in the next round
            qCInfo(lcPos).noquote() << source() << "could not check order" << orderId
                                    << "(tried again next round):" << gone.error();
        else if (*gone)
            ++m_gone;
        if (--m_checksOut == 0)
            Q_EMIT sweepFinished(m_checked, m_gone);
    });
}

void PosFeed::takeGone(const QString &orderId)
{
    qCInfo(lcPos).noquote() << source() << "order" << orderId
                            << "is gone from the POS: deleted at the till";
    // The void its webhook would have brought. PosOrderDiff names a cancel by the order and the
    // state it leaves, not the view, so this and a late webhook's deletion are one event, and
    // the inbox drops the second.
    PosOrder gone;
    gone.order.id = orderId;
    gone.order.source = source();
    gone.voided = true;
    gone.version = m_read.contains(orderId) ? m_read.value(orderId).version
                                            : m_versionsTaken.value(orderId);
    keep(std::move(gone));
    scheduleFlush();
}

void PosFeed::followPolicy(const StorePolicy &policy)
{
    m_config.prepMinutes = policy.defaultPrepMinutes;
    m_config.routes = policy.routes;
}

void PosFeed::flush()
{
    if (m_engine.incomingBacklog() > 0)
        return; // incomingDrained calls again
    const PosOrderDiff::Context context {m_config.storeId, m_clock.nowMs(), m_config.prepMinutes,
                                         m_config.routes};
    QList<IncomingEvent> events;
    for (const QString &id : std::as_const(m_readOrder))
        events += PosOrderDiff::eventsFor(m_read.value(id), m_engine.order(id), context);
    m_read.clear();
    m_readOrder.clear();
    const std::optional<QString> cursor = std::exchange(m_readCursor, std::nullopt);
    if (cursor)
        m_cursor = cursor; // the store holds it too once the events below are written
    if (events.isEmpty()) {
        Q_EMIT flushed(0);
        return;
    }
    qCInfo(lcPos).noquote() << source() << "brings" << events.size() << "changes to the board";
    m_engine.applyIncoming(events, cursor ? std::optional<SourceCursor>(
                                                    SourceCursor {source(), *cursor})
                                          : std::nullopt);
    Q_EMIT flushed(int(events.size()));
}

void PosFeed::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}
