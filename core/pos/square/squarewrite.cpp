// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "squarewrite.h"

#include "squaremapping.h"

#include "pos/poslogging.h"

#include <QDateTime>
#include <QJsonArray>

namespace {
using Ref = SquareVendor::Ref;

const QString ordersPath = QStringLiteral("/v2/orders");

QString orderPath(const QString &squareId)
{
    return ordersPath + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(squareId));
}

/** The first error of a Square error body: its code and its words. */
std::pair<QString, QString> firstError(const PosAnswer &answer)
{
    const QJsonObject error = answer.json().value(QLatin1String("errors")).toArray().first()
                                      .toObject();
    return {error.value(QLatin1String("code")).toString(),
            error.value(QLatin1String("detail")).toString()};
}

QString rfc3339(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject money(const QString &currency)
{
    // The kitchen knows no prices: an order created here is priced at the POS.
    return {{QStringLiteral("amount"), 0}, {QStringLiteral("currency"), currency}};
}

QJsonObject lineItem(const OrderItem &item, const QString &currency)
{
    QStringList note = item.modifiers;
    if (!item.notes.isEmpty())
        note.append(item.notes);
    QJsonObject line {{QStringLiteral("name"), item.name},
                      {QStringLiteral("quantity"), QString::number(item.quantity)},
                      {QStringLiteral("base_price_money"), money(currency)}};
    if (!note.isEmpty())
        line.insert(QStringLiteral("note"), note.join(QStringLiteral("; ")));
    return line;
}
} // namespace

SquareWrite::SquareWrite(SquareVendor &vendor, const Order &order)
    : m_vendor(vendor), m_order(order)
{
}

std::unique_ptr<SquareWrite> SquareWrite::create(SquareVendor &vendor, const Order &order)
{
    return std::unique_ptr<SquareWrite>(new SquareWrite(vendor, order));
}

std::unique_ptr<SquareWrite> SquareWrite::setFulfillment(SquareVendor &vendor,
                                                         const OrderEvent &event,
                                                         const Order &order,
                                                         const QString &fulfillmentState)
{
    std::unique_ptr<SquareWrite> write(new SquareWrite(vendor, order));
    write->m_eventKey = event.id.toString(QUuid::WithoutBraces);
    write->m_target = fulfillmentState;
    if (event.kind == EventKind::Recall && event.from)
        write->m_recalledFrom = SquareMapping::fulfillmentStateFor(*event.from).value_or(QString());
    return write;
}

PosStep SquareWrite::first()
{
    const bool fromSquare = m_order.source == QLatin1String("pos:square");
    if (fromSquare && !m_vendor.ref(m_order.id))
        m_vendor.remember(m_order.id, {m_order.id, -1, {}, {}});
    if (m_target.isEmpty() || !m_vendor.ref(m_order.id))
        return createCall();
    return fetchOrUpdate();
}

PosStep SquareWrite::next(const PosAnswer &answer)
{
    const QJsonObject squareOrder = answer.json().value(QLatin1String("order")).toObject();
    switch (m_phase) {
    case Phase::Creating:
        if (!answer.isSuccess())
            return judgeFailure(answer);
        if (!learn(squareOrder))
            return PosStep::failed(tr("Square's answer named no order."));
        return m_target.isEmpty() ? PosStep::delivered() : fetchOrUpdate();
    case Phase::Fetching:
        if (!answer.isSuccess())
            return judgeFailure(answer);
        ++m_fetches;
        if (!learn(squareOrder))
            return PosStep::failed(tr("Square's answer named no order."));
        if (!squareOrder.contains(QLatin1String("version")))
            return PosStep::refused(
                    tr("Square does not let apps update order %1: it was not made through "
                       "Square's API.")
                            .arg(m_order.number));
        return fetchOrUpdate();
    case Phase::Updating:
        if (answer.isSuccess()) {
            learn(squareOrder);
            return PosStep::delivered();
        }
        if (firstError(answer).first == QLatin1String("VERSION_MISMATCH")) {
            if (m_fetches >= maxFetches)
                return PosStep::failed(
                        tr("Square kept changing order %1 while it was updated.")
                                .arg(m_order.number));
            Ref stale = *m_vendor.ref(m_order.id);
            stale.version = -1;
            m_vendor.remember(m_order.id, stale);
            return fetchOrUpdate();
        }
        return judgeFailure(answer);
    }
    return PosStep::failed(tr("Unexpected answer from Square."));
}

PosStep SquareWrite::createCall()
{
    m_phase = Phase::Creating;
    const QString currency = m_vendor.config().currency;
    QJsonArray lines;
    for (const OrderItem &item : m_order.items)
        lines.append(lineItem(item, currency));
    QJsonObject details {{QStringLiteral("recipient"),
                          QJsonObject {{QStringLiteral("display_name"),
                                        m_order.customerName.isEmpty() ? m_order.number
                                                                       : m_order.customerName}}}};
    const bool delivery = m_order.type == OrderType::Delivery;
    if (!delivery) {
        details.insert(QStringLiteral("schedule_type"),
                       m_order.scheduledFor > 0 ? QStringLiteral("SCHEDULED")
                                                : QStringLiteral("ASAP"));
        if (m_order.scheduledFor > 0)
            details.insert(QStringLiteral("pickup_at"), rfc3339(m_order.scheduledFor));
    }
    const QJsonObject fulfillment {
            {QStringLiteral("type"), SquareMapping::fulfillmentTypeFor(m_order.type)},
            {QStringLiteral("state"), QStringLiteral("PROPOSED")},
            {delivery ? QStringLiteral("delivery_details") : QStringLiteral("pickup_details"),
             details}};
    const QJsonObject order {
            {QStringLiteral("location_id"), m_vendor.config().locationId},
            {QStringLiteral("reference_id"), m_order.number.left(40)},
            {QStringLiteral("ticket_name"), m_order.number},
            {QStringLiteral("source"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("Kitchen Console")}}},
            {QStringLiteral("line_items"), lines},
            {QStringLiteral("fulfillments"), QJsonArray {fulfillment}},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("kitchen_console_order_id"), m_order.id}}}};
    return PosStep::send(PosCall::post(
            ordersPath,
            {{QStringLiteral("idempotency_key"), SquareVendor::createKey(m_order.id)},
             {QStringLiteral("order"), order}}));
}

PosStep SquareWrite::fetchOrUpdate()
{
    const Ref ref = *m_vendor.ref(m_order.id);
    if (ref.version < 0 || ref.fulfillmentUid.isEmpty()) {
        m_phase = Phase::Fetching;
        return PosStep::send(PosCall::get(orderPath(ref.squareId)));
    }
    if (ref.fulfillmentState == m_target)
        return PosStep::delivered(); // already so: a retry, or the POS got there first
    if (SquareMapping::isFinalFulfillment(ref.fulfillmentState)
        && (ref.fulfillmentState == m_recalledFrom
            || SquareMapping::fulfillmentStateFor(m_order.state) == ref.fulfillmentState)) {
        // Square keeps a final fulfillment final, and here the kitchen agrees or put it there:
        // a ticket recalled after its hand-over (the correction stays in the kitchen, handing
        // it over again is then already so), or a step the order has since gone past that
        // reaches this console late, from another screen through the platform. Refusing would
        // dead-letter it and park the order's later steps until a manager came.
        qCInfo(lcPos) << "Square keeps order" << m_order.number << "as" << ref.fulfillmentState
                      << "; the kitchen's" << m_target << "step is behind it";
        return PosStep::delivered();
    }
    if (SquareMapping::isFinalFulfillment(ref.fulfillmentState))
        return PosStep::refused(tr("Square already shows order %1 as %2; it cannot become %3.")
                                        .arg(m_order.number, ref.fulfillmentState, m_target));
    return updateCall();
}

PosStep SquareWrite::updateCall()
{
    m_phase = Phase::Updating;
    const Ref ref = *m_vendor.ref(m_order.id);
    const QJsonObject fulfillment {{QStringLiteral("uid"), ref.fulfillmentUid},
                                   {QStringLiteral("state"), m_target}};
    const QJsonObject order {{QStringLiteral("location_id"), m_vendor.config().locationId},
                             {QStringLiteral("version"), ref.version},
                             {QStringLiteral("fulfillments"), QJsonArray {fulfillment}}};
    // The version is part of what is sent, so it is part of the key: a retry of the same update
    // replays it, an update at a newer version is a new one.
    const QString key = m_eventKey + u':' + QString::number(ref.version);
    return PosStep::send(PosCall::put(orderPath(ref.squareId),
                                      {{QStringLiteral("idempotency_key"), key},
                                       {QStringLiteral("order"), order}}));
}

bool SquareWrite::learn(const QJsonObject &squareOrder)
{
    const QString squareId = squareOrder.value(QLatin1String("id")).toString();
    if (squareId.isEmpty())
        return false;
    Ref ref {squareId, squareOrder.value(QLatin1String("version")).toInteger(-1), {}, {}};
    // Square creates one fulfillment and may later hold more: the kitchen's is the first.
    const QJsonObject fulfillment =
            squareOrder.value(QLatin1String("fulfillments")).toArray().first().toObject();
    ref.fulfillmentUid = fulfillment.value(QLatin1String("uid")).toString();
    ref.fulfillmentState = fulfillment.value(QLatin1String("state")).toString();
    m_vendor.remember(m_order.id, ref);
    return true;
}

PosStep SquareWrite::judgeFailure(const PosAnswer &answer) const
{
    if (!answer.answered())
        return PosStep::failed(tr("Square did not answer: %1").arg(answer.networkError));
    const auto [code, detail] = firstError(answer);
    const QString words = detail.isEmpty() ? code : detail;
    switch (answer.status) {
    case 429:
        return PosStep::failed(tr("Square is limiting requests; waiting as it asks."),
                               answer.retryAfterMs);
    case 401:
    case 403:
        // A manager fixes the token; until then the events wait rather than give up at once.
        return PosStep::failed(tr("Square refused the access token (%1).").arg(words));
    case 404:
        return PosStep::refused(tr("Square has no order %1.").arg(m_order.number));
    default:
        break;
    }
    if (answer.status >= 500)
        return PosStep::failed(tr("Square had a problem (%1 %2).").arg(answer.status).arg(words),
                               answer.retryAfterMs);
    return PosStep::refused(tr("Square refused the change to order %1: %2")
                                    .arg(m_order.number, words));
}
