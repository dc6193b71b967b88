// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What tst_toastvendor and tst_toastwrite share: sample payloads, Toast's answers, our orders.

#include "pos/toast/toastvendor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ToastTest {
inline const QString restaurant = QStringLiteral("6b5f1b0e-2d3c-4e8a-9f10-0000000000a1");
inline const QByteArray secret = "webhook-secret";
inline const QString toastGuid = QStringLiteral("9b9b9b9b-0000-4000-8000-00000000b9b9");

inline QJsonObject sample(const QString &name)
{
    QFile file(qEnvironmentVariable("KC_POS_SAMPLES") + QStringLiteral("/toast/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/** A test card number by name, from tests/data/hostile (the one place such numbers are kept). */
inline QString card(const char *name)
{
    QFile file(qEnvironmentVariable("KC_TEST_DATA") + QStringLiteral("/hostile/card-numbers.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String(name)).toString();
}

inline ToastVendor::Config config()
{
    ToastVendor::Config config;
    config.restaurantGuid = restaurant;
    config.webhookSecret = secret;
    config.diningOptionGuid = QStringLiteral("d1a2b3c4-0000-4000-8000-0000000000a0");
    config.deliveryDiningOptionGuid = QStringLiteral("d1a2b3c4-0000-4000-8000-0000000000de");
    config.menuItemGuid = QStringLiteral("1e3a0000-0000-4000-8000-000000000001");
    return config;
}

inline PosAnswer answer(int status, const QByteArray &body, qint64 retryAfterMs = 0)
{
    PosAnswer answer;
    answer.status = status;
    answer.body = body;
    answer.retryAfterMs = retryAfterMs;
    return answer;
}

inline PosAnswer json(int status, const QJsonObject &body)
{
    return answer(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

inline PosAnswer guids(const QStringList &list)
{
    return answer(200, QJsonDocument(QJsonArray::fromStringList(list)).toJson());
}

inline PosAnswer toastError(int status, const QString &messageKey, const QString &message)
{
    return json(status, {{QStringLiteral("status"), status},
                         {QStringLiteral("code"), 10000 + status},
                         {QStringLiteral("messageKey"), messageKey},
                         {QStringLiteral("message"), message}});
}

inline PosAnswer deliveryOrder(const QString &deliveryState)
{
    return json(200, {{QStringLiteral("guid"), toastGuid},
                      {QStringLiteral("deliveryInfo"),
                       QJsonObject {{QStringLiteral("deliveryState"), deliveryState}}}});
}

inline Order platformOrder()
{
    Order order;
    order.id = QStringLiteral("hub-181");
    order.number = QStringLiteral("181");
    order.source = QStringLiteral("platform");
    order.type = OrderType::Delivery;
    order.customerName = QStringLiteral("Ana");
    OrderItem burger;
    burger.name = QStringLiteral("Cheeseburger");
    burger.quantity = 2;
    burger.modifiers = {QStringLiteral("no onions")};
    burger.notes = QStringLiteral("well done");
    order.items = {burger};
    return order;
}

inline Order tillOrder()
{
    Order order = platformOrder();
    order.id = toastGuid;
    order.source = QStringLiteral("pos:toast");
    return order;
}

inline OrderEvent to(const Order &order, OrderState from, OrderState state)
{
    return OrderEvent::transition(order.id, QStringLiteral("store-1"), from, state,
                                  Actor::staff(QStringLiteral("cook")), QStringLiteral("console-1"),
                                  1'764'000'000'000);
}

inline OrderEvent placed(const Order &order)
{
    return OrderEvent::placed(order, Actor::platform(), QStringLiteral("hub"), 1'764'000'000'000);
}

} // namespace ToastTest
