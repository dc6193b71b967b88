// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeorderbody.h"

#include "order/orderlimits.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Ids of placed events derive from (store, key), so a retry after a crash between the event's
// commit and the saved response is a duplicate of the first, never a second order.
const QUuid placeNamespace = QUuid::fromString(u"{5b2a3f0e-8c1d-4e8f-9a57-0c6b1d2e3f40}");

PlaceOrderBody refused(const QString &code, const QString &message)
{
    return {std::nullopt, code, message};
}
} // namespace

QString requestBodyHash(const QByteArray &body)
{
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
}

PlaceOrderBody PlaceOrderBody::read(const QString &storeId, const QByteArray &body,
                                    const QString &key, qint64 nowMs)
{
    // An order is the payload of its placed event, one level down.
    if (const QString why = OrderLimits::textDepthProblem(body, OrderLimits::maxEventDepth - 1);
        !why.isEmpty())
        return refused(QStringLiteral("bad_json"), QStringLiteral("the body is ") + why);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return refused(QStringLiteral("bad_json"), QStringLiteral("the body is not a JSON object"));
    Result<Order> order = Order::fromJson(document.object());
    if (!order)
        return refused(QStringLiteral("bad_order"), order.error());
    if (order->storeId.isEmpty())
        order->storeId = storeId;
    if (order->storeId != storeId)
        return refused(QStringLiteral("wrong_store"),
                       QStringLiteral("order %1 names store %2").arg(order->id, order->storeId));
    OrderEvent event = OrderEvent::placed(*order, Actor::platform(), QStringLiteral("http"), nowMs);
    // Same store, key and body → same event id: a retry after a crash between the commit and
    // saving the response cannot place the order twice, and an expired key reused for another
    // order places that order.
    event.id = QUuid::createUuidV5(placeNamespace,
                                   storeId + QLatin1Char('\n') + key + QLatin1Char('\n')
                                           + requestBodyHash(body));
    // Every field may be within its bound and the whole still too big to send to a console.
    if (const QString why = OrderLimits::eventProblem(event); !why.isEmpty())
        return refused(OrderLimits::encodedSize(event) > OrderLimits::maxEventBytes
                               ? QStringLiteral("order_too_large")
                               : QStringLiteral("bad_order"),
                       why);
    return {event, {}, {}};
}
