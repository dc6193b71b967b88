// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posexchange.h"
#include "poswrite.h"

#include "common/result.h"
#include "order/order.h"
#include "order/orderevent.h"
#include "order/orderlimits.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

/** A POS's order as the kitchen reads it: our shape, mapped at the adapter's edge. */
struct PosOrder
{
    Order order; // id: the vendor's; source: the POS's destination; state: Placed unless mirrored
    std::optional<OrderState> kitchenState; // the POS's own kitchen state, where it keeps one
    bool voided = false; // cancelled or voided at the POS
    QString version; // the vendor's change marker (a version, a modified time)
    QStringList unknownValues; // enum values this adapter does not know, kept for the log
    // Our order id when this console created the order at the POS (a platform order sent on):
    // the ticket is already on the board, so the feed reads nothing of it as a new order.
    QString createdFor;
};

/** A webhook as the console's listener received it. */
struct PosWebhook
{
    QUrl url; // the URL the vendor posted to, as registered with it (Square signs it)
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

/**
 * What a webhook, a fetch or a page of a poll says changed at the POS: whole orders where the
 * vendor sends them, the ids of others to fetch, and for a poll the next page and the cursor.
 */
struct PosChanges
{
    QList<QJsonObject> orders; // as the vendor words them: readOrder() reads each
    QStringList orderIds; // named only (a summary webhook): fetchOrder() each
    std::optional<PosCall> nextPage; // a poll's next page, when there is one
    QString cursor; // where the next poll starts, once this page is in (opaque to the feed)
    QString eventId; // a webhook's own id, for the log
};

/**
 * One POS vendor's API, in words only (no sockets): which calls bring an event to the POS, and how
 * its orders read in our shape. Vendor field names, ids, states, money and time formats stay in
 * the implementation; PosChannel carries the calls.
 */
class PosVendor
{
public:
    virtual ~PosVendor() = default;

    /** "square", "toast", "clover": the destination is "pos:" + name(). */
    virtual QString name() const = 0;
    /** The vendor's name as staff know it: "Square". */
    virtual QString displayName() const = 0;
    /** Headers every call carries besides the access token (a version, a restaurant id). */
    virtual QList<QPair<QByteArray, QByteArray>> commonHeaders() const = 0;
    /**
     * The write that brings event to the POS, or none when the POS keeps nothing of it (an
     * estimate change, a note): such an event is delivered at once. order is the order as it
     * stands after the event.
     */
    virtual std::unique_ptr<PosWrite> write(const OrderEvent &event, const Order &order) = 0;
    /** An order as the vendor's API returns it, redacted of card numbers, in our shape. */
    virtual Result<PosOrder> readOrder(const QJsonObject &json) const = 0;
    /**
     * readOrder(), refused unless the order is one the store can keep and send on: its id within
     * OrderLimits (1 to 128 printable characters) and, unless it is only word of a void, the
     * whole order as Order reads it back. What every adapter's orders pass through on their way
     * in, so no vendor's odd value reaches the log.
     */
    Result<PosOrder> readKeepableOrder(const QJsonObject &json) const
    {
        Result<PosOrder> read = readOrder(json);
        if (!read)
            return read;
        QString problem = OrderLimits::idProblem(QStringLiteral("id"), read->order.id);
        if (problem.isEmpty() && !read->voided) {
            // The order's own reader is the one judge of what a stored order may hold.
            if (const Result<Order> kept = Order::fromJson(read->order.toJson()); !kept)
                problem = kept.error();
        }
        if (!problem.isEmpty())
            return Failure {QStringLiteral("a %1 order the store could not keep (%2)")
                                    .arg(displayName(), problem)};
        return read;
    }

    // Inbound: the feed hears of changes by webhook and polls by modified time as the safety net.

    /**
     * A webhook checked against the vendor's signature (an HMAC, an auth code) and read. Refused,
     * with the reason in words for the log, only when it is not the vendor's or cannot be read;
     * one about something else (a payment, another location) reads as no changes.
     */
    virtual Result<PosChanges> readWebhook(const PosWebhook &webhook) const = 0;
    /**
     * Whether webhook is the vendor's: its signature or auth code matches this store's secret
     * (never with no secret set). readWebhook() trusts nothing of a body before this passes.
     */
    virtual Result<void> checkSignature(const PosWebhook &webhook) const = 0;
    /** The call that fetches one order by the vendor's id. */
    virtual PosCall fetchOrder(const QString &orderId) const = 0;
    /** Reads fetchOrder's answer: the order in changes.orders. */
    virtual Result<PosChanges> readFetched(const PosAnswer &answer) const = 0;
    /**
     * The call that lists orders changed since cursor (empty: since sinceMs), oldest change first.
     * A poll may bring what a webhook already brought: the inbox drops it.
     */
    virtual PosCall pollSince(const QString &cursor, qint64 sinceMs) const = 0;
    /** Reads a page of the poll begun at cursor: its orders, the next page, the next cursor. */
    virtual Result<PosChanges> readPoll(const PosAnswer &answer, const QString &cursor) const = 0;

    /**
     * Whether an order deleted at the POS drops out of the poll unseen (Clover lists no deleted
     * orders), so a lost webhook would leave its ticket on the board for good. The feed then
     * fetches the POS's quiet open tickets again, a few a round (PosDeleteSweep).
     */
    virtual bool pollMissesDeletes() const { return false; }
    /**
     * Whether fetchOrder's answer says the POS has no such order any more (deleted at the till):
     * the ticket is cancelled as a webhook's deletion would. Any other failure is retried.
     */
    virtual bool saysGone(const PosAnswer &answer) const
    {
        Q_UNUSED(answer)
        return false;
    }

    /**
     * "Test connection": an authorised read that fails when the location is not the account's.
     * A poll of the last sinceMs does, where the vendor refuses a stranger's location.
     */
    virtual PosCall probe(qint64 sinceMs) const { return pollSince({}, sinceMs); }
};
