// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toastwrite.h"

#include "toastmapping.h"

#include "pos/poslogging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QString ordersPath = QStringLiteral("/orders/v2/orders");

QString orderPath(const QString &guid)
{
    return ordersPath + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(guid));
}

/** Toast's ErrorMessage in words: its message, else its messageKey. */
QString toastWords(const PosAnswer &answer)
{
    const QJsonObject error = answer.json();
    const QString message = error.value(QLatin1String("message")).toString().trimmed();
    return message.isEmpty() ? error.value(QLatin1String("messageKey")).toString() : message;
}

/** A line as Toast's open item carries it: the kitchen's words in its name, no price. */
QJsonObject selection(const OrderItem &item, const QString &externalId, const QString &itemGuid)
{
    QStringList extra = item.modifiers;
    if (!item.notes.isEmpty())
        extra.append(item.notes);
    QString name = item.name;
    if (!extra.isEmpty())
        name += QStringLiteral(" (") + extra.join(QStringLiteral("; ")) + u')';
    return {{QStringLiteral("externalId"), externalId},
            {QStringLiteral("item"), QJsonObject {{QStringLiteral("guid"), itemGuid}}},
            {QStringLiteral("displayName"), name},
            {QStringLiteral("quantity"), item.quantity}};
}
} // namespace

ToastWrite::ToastWrite(ToastVendor &vendor, const Order &order, Job job)
    : m_vendor(vendor), m_order(order), m_job(job)
{
}

std::unique_ptr<ToastWrite> ToastWrite::create(ToastVendor &vendor, const Order &order)
{
    return std::unique_ptr<ToastWrite>(new ToastWrite(vendor, order, Job::Create));
}

std::unique_ptr<ToastWrite> ToastWrite::voidOrder(ToastVendor &vendor, const Order &order)
{
    return std::unique_ptr<ToastWrite>(new ToastWrite(vendor, order, Job::Void));
}

std::unique_ptr<ToastWrite> ToastWrite::setDelivery(ToastVendor &vendor, const Order &order,
                                                    const QString &deliveryState)
{
    std::unique_ptr<ToastWrite> write(new ToastWrite(vendor, order, Job::Delivery));
    write->m_deliveryState = deliveryState;
    return write;
}

bool ToastWrite::isOurs() const
{
    return m_order.source != QLatin1String("pos:toast");
}

QString ToastWrite::guid() const
{
    return isOurs() ? m_vendor.toastGuid(m_order.id) : m_order.id;
}

PosStep ToastWrite::first()
{
    if (!guid().isEmpty())
        return m_job == Job::Create ? PosStep::delivered() : proceed();
    // Not learnt in this run: it may have been made before (a lost answer, a restart), so look.
    return lookUp();
}

PosStep ToastWrite::next(const PosAnswer &answer)
{
    switch (m_phase) {
    case Phase::LookingUp:
        return answer.isSuccess() ? afterLookUp(answer) : judgeFailure(answer);
    case Phase::Creating: {
        if (answer.status == 409 && m_lookUps < 2)
            return lookUp(); // the externalId is taken: by our own create, whose answer was lost
        if (!answer.isSuccess())
            return judgeFailure(answer);
        const QString made = answer.json().value(QLatin1String("guid")).toString();
        if (made.isEmpty())
            return PosStep::failed(tr("Toast's answer named no order."));
        m_vendor.rememberGuid(m_order.id, made);
        return m_job == Job::Create ? PosStep::delivered() : proceed();
    }
    case Phase::Fetching:
        return answer.isSuccess() ? afterFetch(answer.json()) : judgeFailure(answer);
    case Phase::Voiding:
    case Phase::Patching:
        return answer.isSuccess() ? PosStep::delivered() : judgeFailure(answer);
    }
    return PosStep::failed(tr("Unexpected answer from Toast."));
}

PosStep ToastWrite::lookUp()
{
    m_phase = Phase::LookingUp;
    ++m_lookUps;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("externalId"),
                       QString::fromLatin1(QUrl::toPercentEncoding(
                               ToastVendor::externalIdFor(m_order.id))));
    return PosStep::send(PosCall::get(ordersPath, query));
}

PosStep ToastWrite::afterLookUp(const PosAnswer &answer)
{
    const QJsonArray guids = QJsonDocument::fromJson(answer.body).array();
    if (guids.isEmpty()) {
        if (m_job == Job::Void) {
            qCInfo(lcPos).noquote() << "toast never had order" << m_order.number
                                    << "(made here): nothing to void";
            return PosStep::delivered();
        }
        return createCall();
    }
    if (guids.size() > 1)
        qCWarning(lcPos).noquote() << "toast holds" << guids.size() << "orders for" << m_order.id
                                   << "(made before Toast kept externalIds unique); the first is used";
    m_vendor.rememberGuid(m_order.id, guids.first().toString());
    return m_job == Job::Create ? PosStep::delivered() : proceed();
}

PosStep ToastWrite::createCall()
{
    m_phase = Phase::Creating;
    const ToastVendor::Config &config = m_vendor.config();
    const QString externalId = ToastVendor::externalIdFor(m_order.id);
    QJsonArray selections;
    for (qsizetype i = 0; i < m_order.items.size(); ++i)
        selections.append(selection(m_order.items.at(i),
                                    externalId + QStringLiteral("-s") + QString::number(i + 1),
                                    config.menuItemGuid));
    const QJsonObject check {
            {QStringLiteral("externalId"), QString(externalId + QStringLiteral("-c1"))},
            {QStringLiteral("tabName"),
             m_order.customerName.isEmpty() ? m_order.number : m_order.customerName},
            {QStringLiteral("selections"), selections}};
    const bool delivery = m_order.type == OrderType::Delivery;
    const QString diningOption = delivery && !config.deliveryDiningOptionGuid.isEmpty()
            ? config.deliveryDiningOptionGuid
            : config.diningOptionGuid;
    QJsonObject order {{QStringLiteral("externalId"), externalId},
                       {QStringLiteral("diningOption"),
                        QJsonObject {{QStringLiteral("guid"), diningOption}}},
                       {QStringLiteral("checks"), QJsonArray {check}}};
    if (delivery)
        order.insert(QStringLiteral("deliveryInfo"),
                     QJsonObject {{QStringLiteral("notes"),
                                   QString(tr("Order %1, delivered by its platform")
                                                   .arg(m_order.number))}});
    if (m_order.scheduledFor > 0)
        order.insert(QStringLiteral("promisedDate"), ToastVendor::toastTime(m_order.scheduledFor));
    return PosStep::send(PosCall::post(ordersPath, order));
}

PosStep ToastWrite::proceed()
{
    if (m_job == Job::Void) {
        m_phase = Phase::Voiding;
        const QJsonObject all {{QStringLiteral("voidAll"), true}};
        return PosStep::send(PosCall::post(orderPath(guid()) + QStringLiteral("/void"),
                                           {{QStringLiteral("selections"), all},
                                            {QStringLiteral("payments"), all}}));
    }
    m_phase = Phase::Fetching;
    return PosStep::send(PosCall::get(orderPath(guid())));
}

PosStep ToastWrite::afterFetch(const QJsonObject &toastOrder)
{
    const QJsonValue info = toastOrder.value(QLatin1String("deliveryInfo"));
    if (!info.isObject()) {
        qCInfo(lcPos).noquote() << "toast order" << m_order.number
                                << "is no delivery order there: its courier step is not written";
        return PosStep::delivered();
    }
    const QString now = info.toObject().value(QLatin1String("deliveryState")).toString();
    if (ToastMapping::deliveryRank(now) >= ToastMapping::deliveryRank(m_deliveryState))
        return PosStep::delivered(); // already so, or further: a retry, or Toast got there first
    m_phase = Phase::Patching;
    PosCall patch = PosCall::post(orderPath(guid()) + QStringLiteral("/deliveryInfo"),
                                  {{QStringLiteral("deliveryState"), m_deliveryState}});
    patch.verb = "PATCH";
    return PosStep::send(patch);
}

PosStep ToastWrite::judgeFailure(const PosAnswer &answer) const
{
    if (!answer.answered())
        return PosStep::failed(tr("Toast did not answer: %1").arg(answer.networkError));
    const QString words = toastWords(answer);
    switch (answer.status) {
    case 429:
        return PosStep::failed(tr("Toast is limiting requests; waiting as it asks."),
                               answer.retryAfterMs);
    case 401:
        // A manager fixes the credentials; until then the events wait rather than give up.
        return PosStep::failed(tr("Toast refused the access token (%1).").arg(words));
    case 403:
        return PosStep::failed(
                tr("Toast does not let this client reach the restaurant (%1).").arg(words));
    case 404:
        return PosStep::refused(tr("Toast has no order %1.").arg(m_order.number));
    default:
        break;
    }
    if (answer.status >= 500)
        return PosStep::failed(tr("Toast had a problem (%1 %2).").arg(answer.status).arg(words),
                               answer.retryAfterMs);
    return PosStep::refused(tr("Toast refused the change to order %1: %2")
                                    .arg(m_order.number, words));
}
