// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordergenerator.h"

#include <QUuid>

#include <algorithm>

namespace {
struct MenuEntry
{
    const char *name;
    const char *station;
    QList<const char *> allergens;
    QList<const char *> modifiers;
};

// A small fast-casual menu: enough variety for stations, allergens and modifiers to show.
const QList<MenuEntry> menu{
        {"Cheeseburger", "grill", {"gluten", "dairy"}, {"no onions", "extra cheese", "well done"}},
        {"Veggie burger", "grill", {"gluten", "soy"}, {"no pickles", "vegan cheese"}},
        {"Chicken sandwich", "grill", {"gluten", "egg"}, {"spicy", "no mayo"}},
        {"Grilled salmon", "grill", {"fish"}, {"sauce on the side"}},
        {"Fries", "fry", {}, {"no salt", "large"}},
        {"Sweet potato fries", "fry", {}, {"large"}},
        {"Onion rings", "fry", {"gluten"}, {}},
        {"Chicken wings", "fry", {}, {"hot", "mild", "ranch dip"}},
        {"Caesar salad", "cold", {"dairy", "egg", "fish"}, {"no croutons", "add chicken"}},
        {"Greek salad", "cold", {"dairy"}, {"no olives"}},
        {"Peanut noodle bowl", "cold", {"peanut", "soy", "gluten"}, {"extra lime"}},
        {"Lemonade", "bar", {}, {"no ice"}},
        {"Iced tea", "bar", {}, {"unsweetened"}},
        {"Milkshake", "bar", {"dairy"}, {"chocolate", "vanilla", "strawberry"}},
};

const QList<const char *> customers{"Ana", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace",
                                    "Hugo", "Ines", "Jon", "Kai", "Lena", "Mateo", "Noor"};
const QList<const char *> orderNotes{"Birthday: add a candle", "Ring the bell on arrival",
                                     "Extra napkins", "Cutlery please"};

template<typename T>
const T &pick(QRandomGenerator &random, const QList<T> &list)
{
    return list.at(random.bounded(int(list.size())));
}
} // namespace

OrderGenerator::OrderGenerator(const QString &storeId, quint32 seed)
    : m_storeId(storeId), m_random(seed), m_scheduleRandom(seed ^ 0x5c4ed00du)
{
}

Order OrderGenerator::next(qint64 placedAtMs)
{
    Order order;
    order.id =
        QUuid::createUuidV5(m_idNamespace, m_storeId + QString::number(m_random.generate64()))
            .toString(QUuid::WithoutBraces);
    order.storeId = m_storeId;
    order.number = QString::number(m_nextNumber++);
    const int typeRoll = m_random.bounded(100);
    order.type = typeRoll < 50 ? OrderType::Pickup
            : typeRoll < 85    ? OrderType::Delivery
                               : OrderType::DineIn;
    order.customerName = QLatin1String(pick(m_random, customers));
    if (order.type == OrderType::DineIn)
        order.table = QStringLiteral("T%1").arg(1 + m_random.bounded(20));
    order.source = QStringLiteral("platform");
    order.placedAt = placedAtMs;
    if (m_scheduleRandom.bounded(100) < m_scheduledPercent) {
        const int minutesAhead = 30 + m_scheduleRandom.bounded(61);
        order.scheduledFor = placedAtMs + qint64(minutesAhead) * 60'000;
    }
    if (m_random.bounded(6) == 0)
        order.notes.append(QLatin1String(pick(m_random, orderNotes)));

    const int itemCount = 1 + m_random.bounded(5);
    for (int i = 0; i < itemCount; ++i) {
        const MenuEntry &entry = pick(m_random, menu);
        OrderItem item;
        item.name = QLatin1String(entry.name);
        item.station = QLatin1String(entry.station);
        item.quantity = m_random.bounded(5) == 0 ? 2 + m_random.bounded(2) : 1;
        for (const char *allergen : entry.allergens)
            item.allergens.append(QLatin1String(allergen));
        if (!entry.modifiers.isEmpty() && m_random.bounded(3) == 0)
            item.modifiers.append(QLatin1String(pick(m_random, entry.modifiers)));
        if (order.type == OrderType::DineIn)
            item.seat = 1 + m_random.bounded(4);
        // The same dish twice, made the same way, is one line with a larger quantity.
        const auto same = std::find_if(order.items.begin(), order.items.end(),
                                       [&item](const OrderItem &other) {
                                           return other.name == item.name && other.seat == item.seat
                                                   && other.modifiers == item.modifiers;
                                       });
        if (same != order.items.end())
            same->quantity += item.quantity;
        else
            order.items.append(item);
    }
    return order;
}
