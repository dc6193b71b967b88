// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/clover/cloverorderbook.h"

#include <utility>

namespace {
constexpr int idLength = 13;
// Nested expanded collections stop at 100 and cannot be paged (Clover's paginating-elements).
constexpr int maxNestedElements = 100;
// What POST …/orders takes; the rest of a body is ignored.
const QStringList headerFields {
    QStringLiteral("state"), QStringLiteral("title"), QStringLiteral("note"),
    QStringLiteral("orderType"), QStringLiteral("testMode"), QStringLiteral("manualTransaction"),
    QStringLiteral("groupLineItems"), QStringLiteral("taxRemoved"),
    QStringLiteral("externalReferenceId"), QStringLiteral("employee"), QStringLiteral("currency"),
    QStringLiteral("total"), QStringLiteral("payType"), QStringLiteral("clientCreatedTime")};
const QStringList lineItemFields {
    QStringLiteral("name"), QStringLiteral("alternateName"), QStringLiteral("price"),
    QStringLiteral("unitQty"), QStringLiteral("note"), QStringLiteral("item"),
    QStringLiteral("modifications"), QStringLiteral("isRevenue"), QStringLiteral("printed")};

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject pick(const QJsonObject &from, const QStringList &fields)
{
    QJsonObject picked;
    for (const QString &field : fields) {
        if (from.contains(field))
            picked.insert(field, from.value(field));
    }
    return picked;
}

// A collection as sent: either [ … ] or {"elements":[ … ]}.
QJsonArray elementsOf(const QJsonValue &value)
{
    return value.isArray() ? value.toArray()
                           : value.toObject().value(key("elements")).toArray();
}

qint64 lineTotal(const QJsonObject &item)
{
    qint64 total = item.value(key("price")).toInteger();
    if (item.contains(key("unitQty")))
        total = total * item.value(key("unitQty")).toInteger() / 1000;
    for (const QJsonValue &mod : elementsOf(item.value(key("modifications"))))
        total += mod.toObject().value(key("amount")).toInteger();
    return total;
}
} // namespace

CloverOrderBook::CloverOrderBook(FakeClock clock)
    : m_clock(std::move(clock))
    , m_random(20250331)
{ }

void CloverOrderBook::addItem(const QString &id, const QString &name, qint64 price)
{
    m_items.insert(id, {{key("id"), id}, {key("name"), name}, {key("price"), price}});
}

QString CloverOrderBook::newId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString id;
    for (int i = 0; i < idLength; ++i)
        id.append(QLatin1Char(alphabet[m_random.bounded(36)]));
    return id;
}

CloverWrite CloverOrderBook::createOrder(const QJsonObject &header)
{
    const qint64 now = m_clock();
    QJsonObject order = pick(header, headerFields);
    const QString id = newId();
    order.insert(key("id"), id);
    if (!order.contains(key("currency")))
        order.insert(key("currency"), m_currency);
    // Clover does not total a multi-call order; the client sets `total` if it wants one.
    order.insert(key("paymentState"), key("OPEN"));
    order.insert(key("testMode"), header.value(key("testMode")).toBool(false));
    order.insert(key("isVat"), false);
    order.insert(key("manualTransaction"), header.value(key("manualTransaction")).toBool(false));
    order.insert(key("groupLineItems"), header.value(key("groupLineItems")).toBool(false));
    order.insert(key("taxRemoved"), header.value(key("taxRemoved")).toBool(false));
    order.insert(key("createdTime"), now);
    if (!order.contains(key("clientCreatedTime")))
        order.insert(key("clientCreatedTime"), now);
    order.insert(key("modifiedTime"), now);
    m_orders.insert(id, {order, {}});
    m_orderIds.append(id);
    return {std::nullopt, order, {}};
}

CloverWrite CloverOrderBook::createAtomic(const QJsonObject &body)
{
    const QJsonObject cart = body.value(key("orderCart")).toObject();
    if (cart.isEmpty())
        return {CloverRefusal {400, key("orderCart is required")}, {}, {}};
    const QJsonArray items = elementsOf(cart.value(key("lineItems")));
    for (const QJsonValue &item : items) {
        if (const std::optional<CloverRefusal> refusal = checkLineItem(item.toObject()))
            return {refusal, {}, {}};
    }
    QJsonObject header = cart;
    header.remove(key("total"));
    header.insert(key("state"), cart.value(key("state")).toString(key("open")));
    CloverWrite made = createOrder(header);
    Entry &entry = m_orders[made.object.value(key("id")).toString()];
    qint64 total = 0;
    for (const QJsonValue &item : items) {
        entry.lineItems.append(newLineItem(entry.order.value(key("id")).toString(),
                                           item.toObject(), m_clock()));
        total += lineTotal(entry.lineItems.last());
    }
    entry.order.insert(key("total"), total);
    made.object = entry.order;
    return made;
}

QJsonObject CloverOrderBook::createAtTill(const QJsonObject &order)
{
    const qint64 now = m_clock();
    QJsonObject stored = order;
    stored.remove(key("lineItems"));
    const QString id = stored.value(key("id")).toString().isEmpty() ? newId()
                                                                    : stored.value(key("id")).toString();
    stored.insert(key("id"), id);
    if (!stored.contains(key("currency")))
        stored.insert(key("currency"), m_currency);
    if (!stored.contains(key("paymentState")))
        stored.insert(key("paymentState"), key("OPEN"));
    stored.insert(key("createdTime"), stored.value(key("createdTime")).toInteger(now));
    stored.insert(key("clientCreatedTime"), stored.value(key("clientCreatedTime")).toInteger(now));
    stored.insert(key("modifiedTime"), now);
    Entry entry {stored, {}};
    qint64 total = 0;
    for (const QJsonValue &item : elementsOf(order.value(key("lineItems")))) {
        entry.lineItems.append(newLineItem(id, item.toObject(), now));
        total += lineTotal(entry.lineItems.last());
    }
    if (!entry.order.contains(key("total")))
        entry.order.insert(key("total"), total);
    m_orders.insert(id, entry);
    m_orderIds.append(id);
    return entry.order;
}

CloverWrite CloverOrderBook::update(const QString &orderId, const QJsonObject &partial)
{
    const auto it = m_orders.find(orderId);
    if (it == m_orders.end())
        return {CloverRefusal {404, key("Order not found")}, {}, {}};
    // Last writer wins: whatever the body names replaces what was there, nothing is compared.
    QStringList writable = headerFields;
    writable << key("paymentState");
    const QJsonObject fields = pick(partial, writable);
    for (auto field = fields.begin(); field != fields.end(); ++field)
        it->order.insert(field.key(), field.value());
    touch(*it, m_clock());
    return {std::nullopt, it->order, {}};
}

bool CloverOrderBook::remove(const QString &orderId)
{
    if (!m_orders.remove(orderId))
        return false;
    m_orderIds.removeOne(orderId);
    m_deleted.append(orderId);
    return true;
}

std::optional<CloverRefusal> CloverOrderBook::checkLineItem(const QJsonObject &item) const
{
    const QString itemId = item.value(key("item")).toObject().value(key("id")).toString();
    if (!item.contains(key("price")) && itemId.isEmpty())
        return CloverRefusal {400, key("A line item needs a price or an item id")};
    if (item.contains(key("price")) && !item.value(key("price")).isDouble())
        return CloverRefusal {400, key("price must be a whole number of cents")};
    if (!item.contains(key("price")) && !m_items.contains(itemId))
        return CloverRefusal {400, QStringLiteral("Item %1 not found").arg(itemId)};
    return std::nullopt;
}

QJsonObject CloverOrderBook::newLineItem(const QString &orderId, QJsonObject item, qint64 now)
{
    QJsonObject made = pick(item, lineItemFields);
    const QString itemId = item.value(key("item")).toObject().value(key("id")).toString();
    if (!made.contains(key("price")) && m_items.contains(itemId)) {
        const QJsonObject stock = m_items.value(itemId);
        made.insert(key("price"), stock.value(key("price")));
        if (!made.contains(key("name")))
            made.insert(key("name"), stock.value(key("name")));
    }
    made.insert(key("id"), newId());
    made.insert(key("orderRef"), QJsonObject {{key("id"), orderId}});
    if (!made.contains(key("printed")))
        made.insert(key("printed"), false);
    made.insert(key("refunded"), false);
    made.insert(key("exchanged"), false);
    if (!made.contains(key("isRevenue")))
        made.insert(key("isRevenue"), true);
    made.insert(key("createdTime"), now);
    made.insert(key("orderClientCreatedTime"), now);
    QJsonArray modifications;
    for (const QJsonValue &mod : elementsOf(item.value(key("modifications")))) {
        QJsonObject modification = mod.toObject();
        modification.insert(key("id"), newId());
        modifications.append(modification);
    }
    if (!modifications.isEmpty())
        made.insert(key("modifications"), QJsonObject {{key("elements"), modifications}});
    return made;
}

void CloverOrderBook::touch(Entry &entry, qint64 now)
{
    // Two writes in the same millisecond still move modifiedTime, so a poll sees the second.
    const qint64 before = entry.order.value(key("modifiedTime")).toInteger();
    entry.order.insert(key("modifiedTime"), qMax(now, before));
}

CloverWrite CloverOrderBook::addLineItem(const QString &orderId, const QJsonObject &item)
{
    const auto it = m_orders.find(orderId);
    if (it == m_orders.end())
        return {CloverRefusal {404, key("Order not found")}, {}, {}};
    if (const std::optional<CloverRefusal> refusal = checkLineItem(item))
        return {refusal, {}, {}};
    const qint64 now = m_clock();
    it->lineItems.append(newLineItem(orderId, item, now));
    touch(*it, now);
    return {std::nullopt, it->lineItems.last(), {}};
}

CloverWrite CloverOrderBook::addLineItems(const QString &orderId, const QJsonArray &items)
{
    const auto it = m_orders.find(orderId);
    if (it == m_orders.end())
        return {CloverRefusal {404, key("Order not found")}, {}, {}};
    if (items.isEmpty())
        return {CloverRefusal {400, key("items is required")}, {}, {}};
    for (const QJsonValue &item : items) {
        if (const std::optional<CloverRefusal> refusal = checkLineItem(item.toObject()))
            return {refusal, {}, {}};
    }
    const qint64 now = m_clock();
    QJsonArray made;
    for (const QJsonValue &item : items) {
        it->lineItems.append(newLineItem(orderId, item.toObject(), now));
        made.append(it->lineItems.last());
    }
    touch(*it, now);
    return {std::nullopt, {}, made};
}

bool CloverOrderBook::removeLineItem(const QString &orderId, const QString &lineItemId)
{
    const auto it = m_orders.find(orderId);
    if (it == m_orders.end())
        return false;
    for (qsizetype i = 0; i < it->lineItems.size(); ++i) {
        if (it->lineItems.at(i).value(key("id")).toString() == lineItemId) {
            it->lineItems.removeAt(i);
            touch(*it, m_clock());
            return true;
        }
    }
    return false;
}

CloverWrite CloverOrderBook::createPrintEvent(const QString &orderId, qint64 doneAtMs)
{
    if (!m_orders.contains(orderId))
        return {CloverRefusal {404, key("Order not found")}, {}, {}};
    const QString id = newId();
    const QJsonObject event {{key("id"), id},
                             {key("orderRef"), QJsonObject {{key("id"), orderId}}},
                             {key("state"), key("CREATED")},
                             {key("createdTime"), m_clock()},
                             {key("modifiedTime"), m_clock()}};
    m_printJobs.insert(id, {event, doneAtMs});
    m_printJobIds.append(id);
    return {std::nullopt, event, {}};
}

QStringList CloverOrderBook::settlePrintEvents(bool printerFails)
{
    const qint64 now = m_clock();
    QStringList changed;
    for (const QString &id : std::as_const(m_printJobIds)) {
        PrintJob &job = m_printJobs[id];
        if (job.event.value(key("state")).toString() != QLatin1String("CREATED")
            || now < job.doneAtMs)
            continue;
        job.event.insert(key("state"), printerFails ? key("FAILED") : key("DONE"));
        job.event.insert(key("modifiedTime"), now);
        const QString orderId = job.event.value(key("orderRef")).toObject().value(key("id")).toString();
        const auto order = m_orders.find(orderId);
        if (printerFails || order == m_orders.end())
            continue;
        for (QJsonObject &item : order->lineItems)
            item.insert(key("printed"), true);
        touch(*order, now);
        if (!changed.contains(orderId))
            changed.append(orderId);
    }
    return changed;
}

std::optional<QJsonObject> CloverOrderBook::printEvent(const QString &eventId) const
{
    const auto it = m_printJobs.constFind(eventId);
    if (it == m_printJobs.cend())
        return std::nullopt;
    return it->event;
}

std::optional<QJsonObject> CloverOrderBook::find(const QString &orderId) const
{
    const auto it = m_orders.constFind(orderId);
    if (it == m_orders.cend())
        return std::nullopt;
    return it->order;
}

QList<QJsonObject> CloverOrderBook::lineItems(const QString &orderId) const
{
    return m_orders.value(orderId).lineItems;
}

QList<QJsonObject> CloverOrderBook::all() const
{
    QList<QJsonObject> orders;
    for (const QString &id : m_orderIds)
        orders.append(m_orders.value(id).order);
    return orders;
}

QJsonObject CloverOrderBook::renderLineItem(QJsonObject item, bool expandModifications)
{
    if (!expandModifications)
        item.remove(key("modifications"));
    return item;
}

QJsonObject CloverOrderBook::render(const QJsonObject &order, bool expandLineItems,
                                    bool expandModifications) const
{
    QJsonObject shown = order;
    // A null state is a hidden order: Clover leaves the field out.
    if (shown.value(key("state")).isNull())
        shown.remove(key("state"));
    if (expandLineItems) {
        QJsonArray elements;
        const QList<QJsonObject> items = lineItems(order.value(key("id")).toString());
        for (qsizetype i = 0; i < items.size() && i < maxNestedElements; ++i)
            elements.append(renderLineItem(items.at(i), expandModifications));
        shown.insert(key("lineItems"), QJsonObject {{key("elements"), elements}});
    }
    return shown;
}
