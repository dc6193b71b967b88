// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloverorderwrite.h"

#include "pos/poslogging.h"

#include <QJsonArray>

namespace {
QString orderPath(const CloverVendor &vendor, const QString &cloverId)
{
    return vendor.merchantPath(QStringLiteral("/orders/")
                               + QString::fromLatin1(QUrl::toPercentEncoding(cloverId)));
}

/** Our item as Clover line items: one per piece (Clover counts by repeating a line). */
void appendLines(const OrderItem &item, QJsonArray *lines)
{
    QStringList note = item.modifiers;
    if (!item.notes.isEmpty())
        note.append(item.notes);
    // The kitchen knows no prices: an order created here is priced at the till.
    QJsonObject line {{QStringLiteral("name"), item.name}, {QStringLiteral("price"), 0}};
    if (!note.isEmpty())
        line.insert(QStringLiteral("note"), note.join(QStringLiteral("; ")));
    for (int piece = 0; piece < std::max(1, item.quantity); ++piece)
        lines->append(line);
}
} // namespace

CloverOrderWrite::CloverOrderWrite(CloverVendor &vendor, const Order &order)
    : m_vendor(vendor), m_order(order)
{
}

std::unique_ptr<CloverOrderWrite> CloverOrderWrite::create(CloverVendor &vendor, const Order &order)
{
    return std::unique_ptr<CloverOrderWrite>(new CloverOrderWrite(vendor, order));
}

std::unique_ptr<CloverOrderWrite> CloverOrderWrite::noteEnding(CloverVendor &vendor, const OrderEvent &event,
                                                     const Order &order)
{
    std::unique_ptr<CloverOrderWrite> write(new CloverOrderWrite(vendor, order));
    write->m_ending = endingLine(event);
    return write;
}

QString CloverOrderWrite::endingLine(const OrderEvent &event)
{
    const QString what = event.to == OrderState::Rejected ? tr("Rejected by the kitchen")
                                                          : tr("Cancelled by the kitchen");
    return event.reason.trimmed().isEmpty() ? what : what + QStringLiteral(": ") + event.reason.trimmed();
}

PosStep CloverOrderWrite::first()
{
    if (!m_vendor.cloverId(m_order.id))
        return lookUp(); // never a create without looking first: an earlier answer may be lost
    return m_ending.isEmpty() ? PosStep::delivered() : fetchCall();
}

PosStep CloverOrderWrite::next(const PosAnswer &answer)
{
    if (!answer.isSuccess())
        return judgeFailure(answer);
    const QJsonObject json = answer.json();
    switch (m_phase) {
    case Phase::LookingUp:
        return afterLookUp(answer);
    case Phase::Creating: {
        const QString cloverId = json.value(QLatin1String("id")).toString();
        if (cloverId.isEmpty())
            return PosStep::failed(tr("Clover's answer named no order."));
        m_vendor.remember(m_order.id, cloverId);
        qCInfo(lcPos).noquote() << "clover: order" << m_order.number << "created as" << cloverId;
        return m_ending.isEmpty() ? PosStep::delivered() : noteCall(json);
    }
    case Phase::Fetching:
        return noteCall(json);
    case Phase::Noting:
        return PosStep::delivered();
    }
    return PosStep::failed(tr("Unexpected answer from Clover."));
}

PosStep CloverOrderWrite::lookUp()
{
    m_phase = Phase::LookingUp;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"),
                       QStringLiteral("externalReferenceId=")
                               + CloverVendor::referenceFor(m_order.id));
    query.addQueryItem(QStringLiteral("orderBy"), QStringLiteral("createdTime ASC"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("10"));
    return PosStep::send(PosCall::get(m_vendor.merchantPath(QStringLiteral("/orders")), query));
}

PosStep CloverOrderWrite::afterLookUp(const PosAnswer &answer)
{
    const QJsonArray found = answer.json().value(QLatin1String("elements")).toArray();
    if (found.isEmpty())
        return createCall();
    if (found.size() > 1)
        qCWarning(lcPos).noquote() << "clover holds" << found.size() << "orders for"
                                   << m_order.number << "; the oldest is taken";
    const QJsonObject cloverOrder = found.first().toObject(); // oldest first, as asked
    m_vendor.remember(m_order.id, cloverOrder.value(QLatin1String("id")).toString());
    if (m_ending.isEmpty())
        return PosStep::delivered(); // made by an earlier attempt whose answer was lost
    return noteCall(cloverOrder);
}

PosStep CloverOrderWrite::createCall()
{
    m_phase = Phase::Creating;
    QJsonArray lines;
    for (const OrderItem &item : m_order.items)
        appendLines(item, &lines);
    QStringList note;
    if (!m_order.customerName.isEmpty())
        note.append(m_order.customerName);
    note.append(m_order.notes);
    QJsonObject cart {{QStringLiteral("title"), m_order.number},
                      {QStringLiteral("externalReferenceId"),
                       CloverVendor::referenceFor(m_order.id)},
                      {QStringLiteral("lineItems"), lines}};
    if (!note.isEmpty())
        cart.insert(QStringLiteral("note"), note.join(QStringLiteral("; ")));
    // One call makes the order and its line items together: no half-made order on a lost answer.
    return PosStep::send(PosCall::post(m_vendor.merchantPath(QStringLiteral("/atomic_order/orders")),
                                       {{QStringLiteral("orderCart"), cart}}));
}

PosStep CloverOrderWrite::fetchCall()
{
    m_phase = Phase::Fetching;
    return PosStep::send(PosCall::get(orderPath(m_vendor, *m_vendor.cloverId(m_order.id))));
}

PosStep CloverOrderWrite::noteCall(const QJsonObject &cloverOrder)
{
    const QString note = cloverOrder.value(QLatin1String("note")).toString();
    if (note.contains(m_ending))
        return PosStep::delivered(); // already says so: a retry whose answer was lost
    m_phase = Phase::Noting;
    const QString written = note.isEmpty() ? m_ending : note + u'\n' + m_ending;
    return PosStep::send(PosCall::post(orderPath(m_vendor, *m_vendor.cloverId(m_order.id)),
                                       {{QStringLiteral("note"), written}}));
}

PosStep CloverOrderWrite::judgeFailure(const PosAnswer &answer) const
{
    const QString words = CloverVendor::answerWords(answer);
    if (!answer.answered())
        return PosStep::failed(words);
    switch (answer.status) {
    case 429:
        return PosStep::failed(tr("Clover is limiting requests; waiting as it asks."),
                               answer.retryAfterMs);
    case 401:
    case 403:
        // A manager fixes the sign-in or the app's permissions; until then the events wait.
        return PosStep::failed(tr("Clover refused the sign-in (%1).").arg(words));
    case 404:
        return PosStep::refused(tr("Clover has no order %1 (%2).").arg(m_order.number, words));
    default:
        break;
    }
    if (answer.status >= 500)
        return PosStep::failed(tr("Clover had a problem (%1).").arg(words), answer.retryAfterMs);
    return PosStep::refused(tr("Clover refused the change to order %1: %2")
                                    .arg(m_order.number, words));
}
