// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Four orders with known items per station, for the station views and the all-day counts.
// Open quantities (expo): grill Cheeseburger 3; fry Fries 5; cold Caesar salad 2; bar Lemonade 1.
// Expo accepted 201 and 202; 203 is new (placed), so a station shows it only when asked to show
// new orders. Order 204's grill is done (its Veggie burger no longer counts): it is being
// prepared and still waits on the fryer.

#include "guitestsupport.h"

#include <QStringList>

class StationFixture final
{
public:
    explicit StationFixture(BoardFixture &board)
        : m_board(board)
    { }

    struct Placed
    {
        QString a, b, c, d; // numbers 201–204, placed in that order
    };

    Placed placeAll()
    {
        Placed ids;
        ids.a = place(QStringLiteral("201"),
                      {item(QStringLiteral("Cheeseburger"), 2, QStringLiteral("grill")),
                       item(QStringLiteral("Fries"), 1, QStringLiteral("fry")),
                       item(QStringLiteral("Lemonade"), 1, QStringLiteral("bar"))});
        ids.b = place(QStringLiteral("202"),
                      {item(QStringLiteral("Cheeseburger"), 1, QStringLiteral("grill")),
                       item(QStringLiteral("Fries"), 3, QStringLiteral("fry"))});
        ids.c = place(QStringLiteral("203"),
                      {item(QStringLiteral("Caesar salad"), 2, QStringLiteral("cold"))});
        ids.d = place(QStringLiteral("204"),
                      {item(QStringLiteral("Veggie burger"), 1, QStringLiteral("grill")),
                       item(QStringLiteral("Fries"), 1, QStringLiteral("fry"))});
        m_board.bump(ids.a); // accepted
        m_board.bump(ids.b);
        m_board.bump(ids.d);
        const CommandResult grill = m_board.engine().bumpStation(
            ids.d, QStringLiteral("grill"), Actor::staff(QStringLiteral("cook")));
        if (!grill.ok)
            qWarning("grill bump failed: %s", qUtf8Printable(grill.message));
        return ids;
    }

    static OrderItem item(const QString &name, int quantity, const QString &station)
    {
        OrderItem item;
        item.name = name;
        item.quantity = quantity;
        item.station = station;
        return item;
    }

    QString place(const QString &number, const QList<OrderItem> &items)
    {
        m_board.clock().advanceMs(30'000);
        Order order;
        order.id = QStringLiteral("o-") + number;
        order.storeId = QStringLiteral("store-1");
        order.number = number;
        order.customerName = QStringLiteral("Guest %1").arg(number);
        order.items = items;
        const CommandResult result = m_board.engine().placeOrder(order, Actor::platform());
        if (!result.ok)
            qWarning("placing failed: %s", qUtf8Printable(result.message));
        return order.id;
    }

private:
    BoardFixture &m_board;
};
