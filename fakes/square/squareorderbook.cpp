// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/square/squareorderbook.h"

#include <QDateTime>
#include <QRegularExpression>

#include <cmath>

namespace {
const QStringList orderStates {QStringLiteral("OPEN"), QStringLiteral("COMPLETED"),
                               QStringLiteral("CANCELED"), QStringLiteral("DRAFT")};
const QStringList fulfillmentStates {QStringLiteral("PROPOSED"), QStringLiteral("RESERVED"),
                                     QStringLiteral("PREPARED"), QStringLiteral("COMPLETED"),
                                     QStringLiteral("CANCELED"), QStringLiteral("FAILED")};
const QStringList terminalFulfillmentStates {QStringLiteral("COMPLETED"),
                                             QStringLiteral("CANCELED"), QStringLiteral("FAILED")};
// The documented types; IN_STORE is in beta. Responses may carry others (DIGITAL).
const QStringList fulfillmentTypes {QStringLiteral("PICKUP"), QStringLiteral("SHIPMENT"),
                                    QStringLiteral("DELIVERY"), QStringLiteral("IN_STORE")};
constexpr int maxReferenceIdLength = 40;
constexpr int orderIdLength = 27;
constexpr int uidLength = 22;

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject money(qint64 amount, const QString &currency)
{
    return {{key("amount"), amount}, {key("currency"), currency}};
}

bool validQuantity(const QString &quantity)
{
    static const QRegularExpression decimal(QStringLiteral("^[0-9]{1,12}(\\.[0-9]{1,5})?$"));
    return decimal.match(quantity).hasMatch() && quantity.toDouble() > 0;
}

// The details object a fulfillment of this type keeps its times in.
QString detailsField(const QString &type)
{
    if (type == QLatin1String("DELIVERY"))
        return key("delivery_details");
    if (type == QLatin1String("SHIPMENT"))
        return key("shipment_details");
    return key("pickup_details");
}

// The read-only time Square sets when a fulfillment enters a state.
QString stateTimeField(const QString &type, const QString &state)
{
    if (state == QLatin1String("RESERVED"))
        return key("accepted_at");
    if (state == QLatin1String("PREPARED"))
        return type == QLatin1String("SHIPMENT") ? key("packaged_at") : key("ready_at");
    if (state == QLatin1String("COMPLETED")) {
        if (type == QLatin1String("DELIVERY"))
            return key("completed_at");
        return type == QLatin1String("SHIPMENT") ? key("shipped_at") : key("picked_up_at");
    }
    if (state == QLatin1String("CANCELED"))
        return key("canceled_at");
    if (state == QLatin1String("FAILED"))
        return key("failed_at");
    return {};
}

int indexOfUid(const QJsonArray &array, const QString &uid)
{
    for (int i = 0; i < array.size(); ++i) {
        if (array.at(i).toObject().value(key("uid")).toString() == uid)
            return i;
    }
    return -1;
}
} // namespace

SquareOrderBook::SquareOrderBook(FakeClock clock)
    : m_clock(std::move(clock))
    , m_random(20260916)
{ }

void SquareOrderBook::addLocation(const QString &id, const QString &name, const QString &currency)
{
    if (!m_locations.contains(id))
        m_locationOrder.append(id);
    m_locations.insert(id, {{key("id"), id},
                            {key("name"), name},
                            {key("status"), key("ACTIVE")},
                            {key("currency"), currency},
                            {key("country"), key("US")},
                            {key("timezone"), key("UTC")},
                            {key("business_name"), name}});
}

std::optional<QJsonObject> SquareOrderBook::location(const QString &id) const
{
    const auto it = m_locations.constFind(id);
    if (it == m_locations.cend())
        return std::nullopt;
    return *it;
}

QJsonArray SquareOrderBook::locations() const
{
    QJsonArray list;
    for (const QString &id : m_locationOrder)
        list.append(m_locations.value(id));
    return list;
}

QString SquareOrderBook::randomId(int length)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < length; ++i)
        id.append(QLatin1Char(alphabet[m_random.bounded(62)]));
    return id;
}

QString SquareOrderBook::newEventId()
{
    static const char hex[] = "0123456789abcdef";
    QString id;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            id.append(QLatin1Char('-'));
        id.append(QLatin1Char(hex[m_random.bounded(16)]));
    }
    return id;
}

QString SquareOrderBook::rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<qint64> SquareOrderBook::parseRfc3339(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

std::optional<SquareError> SquareOrderBook::checkLineItem(const QJsonObject &item,
                                                          const QString &field,
                                                          const QString &currency) const
{
    const QJsonValue quantity = item.value(key("quantity"));
    if (quantity.isUndefined())
        return SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"),
                                    key("Field must be set"), field + key(".quantity"));
    if (!quantity.isString() || !validQuantity(quantity.toString()))
        return SquareError::invalid(key("INVALID_VALUE"),
                                    key("quantity must be a positive decimal string"),
                                    field + key(".quantity"));
    const bool catalogued = item.contains(key("catalog_object_id"));
    if (!catalogued && item.value(key("name")).toString().isEmpty())
        return SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"),
                                    key("An ad hoc line item needs a name"), field + key(".name"));
    const QJsonObject price = item.value(key("base_price_money")).toObject();
    if (!catalogued && price.isEmpty())
        return SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"),
                                    key("An ad hoc line item needs base_price_money"),
                                    field + key(".base_price_money"));
    if (!price.isEmpty()) {
        if (!price.value(key("amount")).isDouble() || price.value(key("amount")).toDouble() < 0)
            return SquareError::invalid(key("INVALID_VALUE"),
                                        key("amount must be a non-negative integer"),
                                        field + key(".base_price_money.amount"));
        if (price.value(key("currency")).toString() != currency)
            return SquareError::invalid(key("INVALID_VALUE"),
                                        QStringLiteral("currency must be %1, the location's")
                                            .arg(currency),
                                        field + key(".base_price_money.currency"));
    }
    return std::nullopt;
}

std::optional<SquareError> SquareOrderBook::checkFulfillment(const QJsonObject &fulfillment,
                                                             const QString &field) const
{
    const QString type = fulfillment.value(key("type")).toString();
    if (type.isEmpty())
        return SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"), key("Field must be set"),
                                    field + key(".type"));
    if (!fulfillmentTypes.contains(type))
        return SquareError::invalid(key("INVALID_ENUM_VALUE"),
                                    QStringLiteral("`%1` is not a valid enum value for "
                                                   "`fulfillment.type`").arg(type),
                                    field + key(".type"));
    const QJsonValue state = fulfillment.value(key("state"));
    if (!state.isUndefined() && !fulfillmentStates.contains(state.toString()))
        return SquareError::invalid(key("INVALID_ENUM_VALUE"),
                                    QStringLiteral("`%1` is not a valid enum value for "
                                                   "`fulfillment.state`").arg(state.toString()),
                                    field + key(".state"));
    return std::nullopt;
}

QJsonObject SquareOrderBook::newLineItem(QJsonObject item, const QString &currency)
{
    if (item.value(key("uid")).toString().isEmpty())
        item.insert(key("uid"), randomId(uidLength));
    if (!item.contains(key("item_type")))
        item.insert(key("item_type"), key("ITEM"));
    QJsonArray modifiers = item.value(key("modifiers")).toArray();
    for (auto it = modifiers.begin(); it != modifiers.end(); ++it) {
        QJsonObject modifier = it->toObject();
        if (modifier.value(key("uid")).toString().isEmpty())
            modifier.insert(key("uid"), randomId(uidLength));
        if (!modifier.contains(key("base_price_money")))
            modifier.insert(key("base_price_money"), money(0, currency));
        *it = modifier;
    }
    if (!modifiers.isEmpty())
        item.insert(key("modifiers"), modifiers);
    if (!item.contains(key("base_price_money")))
        item.insert(key("base_price_money"), money(0, currency));
    return item;
}

QJsonObject SquareOrderBook::newFulfillment(QJsonObject fulfillment, qint64 now)
{
    if (fulfillment.value(key("uid")).toString().isEmpty())
        fulfillment.insert(key("uid"), randomId(uidLength));
    if (!fulfillment.contains(key("state")))
        fulfillment.insert(key("state"), key("PROPOSED"));
    if (!fulfillment.contains(key("line_item_application")))
        fulfillment.insert(key("line_item_application"), key("ALL"));
    const QString type = fulfillment.value(key("type")).toString();
    const QString detailsKey = detailsField(type);
    QJsonObject details = fulfillment.value(detailsKey).toObject();
    details.insert(key("placed_at"), rfc3339(now));
    if (type == QLatin1String("PICKUP") && !details.contains(key("schedule_type")))
        details.insert(key("schedule_type"), key("SCHEDULED"));
    const QString stateTime = stateTimeField(type, fulfillment.value(key("state")).toString());
    if (!stateTime.isEmpty())
        details.insert(stateTime, rfc3339(now));
    fulfillment.insert(detailsKey, details);
    return fulfillment;
}

void SquareOrderBook::setTotals(QJsonObject &order)
{
    const QString currency = order.value(key("total_money")).toObject().value(key("currency"))
                                 .toString(key("USD"));
    qint64 total = 0;
    QJsonArray items = order.value(key("line_items")).toArray();
    for (auto it = items.begin(); it != items.end(); ++it) {
        QJsonObject item = it->toObject();
        const QString itemCurrency =
            item.value(key("base_price_money")).toObject().value(key("currency")).toString(currency);
        qint64 unit = qint64(item.value(key("base_price_money")).toObject()
                                 .value(key("amount")).toDouble());
        for (const QJsonValue &modifier : item.value(key("modifiers")).toArray())
            unit += qint64(modifier.toObject().value(key("base_price_money")).toObject()
                               .value(key("amount")).toDouble());
        const qint64 line =
            std::llround(double(unit) * item.value(key("quantity")).toString().toDouble());
        item.insert(key("variation_total_price_money"), money(line, itemCurrency));
        item.insert(key("gross_sales_money"), money(line, itemCurrency));
        item.insert(key("total_tax_money"), money(0, itemCurrency));
        item.insert(key("total_discount_money"), money(0, itemCurrency));
        item.insert(key("total_money"), money(line, itemCurrency));
        *it = item;
        total += line;
    }
    if (!items.isEmpty())
        order.insert(key("line_items"), items);
    for (const char *field : {"total_tax_money", "total_discount_money", "total_tip_money",
                              "total_service_charge_money"})
        order.insert(key(field), money(0, currency));
    order.insert(key("total_money"), money(total, currency));
    order.insert(key("net_amount_due_money"), money(total, currency));
}

SquareOrderChange SquareOrderBook::create(const QJsonObject &given)
{
    const QString locationId = given.value(key("location_id")).toString();
    if (locationId.isEmpty())
        return {SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"), key("Field must be set"),
                                     key("order.location_id")), {}, {}};
    const std::optional<QJsonObject> place = location(locationId);
    if (!place)
        return {SquareError {404, key("INVALID_REQUEST_ERROR"), key("NOT_FOUND"),
                             QStringLiteral("Location `%1` not found.").arg(locationId),
                             key("order.location_id")}, {}, {}};
    const QString currency = place->value(key("currency")).toString();
    if (given.value(key("reference_id")).toString().size() > maxReferenceIdLength)
        return {SquareError::invalid(key("VALUE_TOO_LONG"),
                                     QStringLiteral("Must be %1 characters or fewer")
                                         .arg(maxReferenceIdLength),
                                     key("order.reference_id")), {}, {}};
    const QString state = given.value(key("state")).toString(key("OPEN"));
    if (state != QLatin1String("OPEN") && state != QLatin1String("DRAFT"))
        return {SquareError::invalid(key("INVALID_VALUE"),
                                     key("A new order is OPEN or DRAFT"), key("order.state")),
                {}, {}};
    const QJsonArray items = given.value(key("line_items")).toArray();
    for (int i = 0; i < items.size(); ++i) {
        if (auto error = checkLineItem(items.at(i).toObject(),
                                       QStringLiteral("order.line_items[%1]").arg(i), currency))
            return {error, {}, {}};
    }
    const QJsonArray fulfillments = given.value(key("fulfillments")).toArray();
    if (fulfillments.size() > 1)
        return {SquareError::invalid(key("INVALID_VALUE"),
                                     key("An order can be created with at most one fulfillment"),
                                     key("order.fulfillments")), {}, {}};
    for (int i = 0; i < fulfillments.size(); ++i) {
        if (auto error = checkFulfillment(fulfillments.at(i).toObject(),
                                          QStringLiteral("order.fulfillments[%1]").arg(i)))
            return {error, {}, {}};
    }

    const qint64 now = m_clock();
    QJsonObject order = given;
    for (const char *readOnly : {"id", "version", "created_at", "updated_at", "closed_at"})
        order.remove(key(readOnly));
    order.insert(key("id"), randomId(orderIdLength));
    order.insert(key("state"), state);
    order.insert(key("version"), 1);
    order.insert(key("created_at"), rfc3339(now));
    order.insert(key("updated_at"), rfc3339(now));
    if (!order.contains(key("source")))
        order.insert(key("source"), QJsonObject {{key("name"), key("Kitchen Console")}});
    QJsonArray newItems;
    for (const QJsonValue &item : items)
        newItems.append(newLineItem(item.toObject(), currency));
    if (!newItems.isEmpty())
        order.insert(key("line_items"), newItems);
    QJsonArray newFulfillments;
    for (const QJsonValue &fulfillment : fulfillments)
        newFulfillments.append(newFulfillment(fulfillment.toObject(), now));
    if (!newFulfillments.isEmpty())
        order.insert(key("fulfillments"), newFulfillments);
    order.insert(key("total_money"), money(0, currency));
    setTotals(order);
    m_orders.insert(order.value(key("id")).toString(), {order, true});
    m_orderIds.append(order.value(key("id")).toString());
    return {std::nullopt, order, {}};
}

QJsonObject SquareOrderBook::createAtPos(QJsonObject order, bool updatable)
{
    const qint64 now = m_clock();
    if (order.value(key("location_id")).toString().isEmpty() && !m_locationOrder.isEmpty())
        order.insert(key("location_id"), m_locationOrder.constFirst());
    const QString currency = location(order.value(key("location_id")).toString())
                                 .value_or(QJsonObject {})
                                 .value(key("currency")).toString(key("USD"));
    order.insert(key("id"), randomId(orderIdLength));
    if (!order.contains(key("state")))
        order.insert(key("state"), key("OPEN"));
    order.remove(key("version"));
    if (updatable)
        order.insert(key("version"), 1);
    order.insert(key("created_at"), rfc3339(now));
    order.insert(key("updated_at"), rfc3339(now));
    if (!order.contains(key("source")))
        order.insert(key("source"), QJsonObject {{key("name"), key("Square Point of Sale")}});
    QJsonArray items;
    for (const QJsonValue &item : order.value(key("line_items")).toArray())
        items.append(newLineItem(item.toObject(), currency));
    if (!items.isEmpty())
        order.insert(key("line_items"), items);
    QJsonArray fulfillments;
    for (const QJsonValue &fulfillment : order.value(key("fulfillments")).toArray())
        fulfillments.append(newFulfillment(fulfillment.toObject(), now));
    if (!fulfillments.isEmpty())
        order.insert(key("fulfillments"), fulfillments);
    order.insert(key("total_money"), money(0, currency));
    setTotals(order);
    m_orders.insert(order.value(key("id")).toString(), {order, updatable});
    m_orderIds.append(order.value(key("id")).toString());
    return order;
}

std::optional<SquareError> SquareOrderBook::applyFulfillment(QJsonObject &order,
                                                             const QJsonObject &change,
                                                             qint64 now, QJsonArray &updates)
{
    QJsonArray fulfillments = order.value(key("fulfillments")).toArray();
    const QString uid = change.value(key("uid")).toString();
    const int index = uid.isEmpty() ? -1 : indexOfUid(fulfillments, uid);
    const QString field = QStringLiteral("order.fulfillments[%1]").arg(uid);
    if (index < 0) {
        if (auto error = checkFulfillment(change, field))
            return error;
        fulfillments.append(newFulfillment(change, now));
        order.insert(key("fulfillments"), fulfillments);
        return std::nullopt;
    }
    QJsonObject fulfillment = fulfillments.at(index).toObject();
    const QString type = fulfillment.value(key("type")).toString();
    const QString oldState = fulfillment.value(key("state")).toString();
    if (change.contains(key("state"))) {
        const QString newState = change.value(key("state")).toString();
        if (!fulfillmentStates.contains(newState))
            return SquareError::invalid(key("INVALID_ENUM_VALUE"),
                                        QStringLiteral("`%1` is not a valid enum value for "
                                                       "`fulfillment.state`").arg(newState),
                                        field + key(".state"));
        if (newState != oldState) {
            if (terminalFulfillmentStates.contains(oldState))
                return SquareError::invalid(
                    key("INVALID_VALUE"),
                    QStringLiteral("A fulfillment in state %1 cannot change state").arg(oldState),
                    field + key(".state"));
            fulfillment.insert(key("state"), newState);
            const QString detailsKey = detailsField(type);
            QJsonObject details = fulfillment.value(detailsKey).toObject();
            const QString stateTime = stateTimeField(type, newState);
            if (!stateTime.isEmpty())
                details.insert(stateTime, rfc3339(now));
            fulfillment.insert(detailsKey, details);
            updates.append(QJsonObject {{key("fulfillment_uid"), uid},
                                        {key("old_state"), oldState},
                                        {key("new_state"), newState}});
        }
    }
    // Details merge field by field; the times Square sets stay its own.
    for (const QString &detailsKey : {key("pickup_details"), key("delivery_details"),
                                      key("shipment_details")}) {
        if (!change.contains(detailsKey))
            continue;
        QJsonObject details = fulfillment.value(detailsKey).toObject();
        const QJsonObject given = change.value(detailsKey).toObject();
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (!it.key().endsWith(QLatin1String("_at")) || it.key() == QLatin1String("pickup_at")
                || it.key() == QLatin1String("deliver_at"))
                details.insert(it.key(), it.value());
        }
        fulfillment.insert(detailsKey, details);
    }
    fulfillments.replace(index, fulfillment);
    order.insert(key("fulfillments"), fulfillments);
    return std::nullopt;
}

SquareOrderChange SquareOrderBook::update(const QString &id, const QJsonObject &sparse,
                                          const QStringList &fieldsToClear)
{
    const auto found = m_orders.find(id);
    if (found == m_orders.end())
        return {SquareError {404, key("INVALID_REQUEST_ERROR"), key("NOT_FOUND"),
                             QStringLiteral("Could not find order with id `%1`.").arg(id),
                             key("order_id")}, {}, {}};
    if (!found->updatable)
        return {SquareError::invalid(key("BAD_REQUEST"),
                                     key("Orders created outside the Orders API have no version "
                                         "and cannot be updated"),
                                     key("order_id")), {}, {}};
    QJsonObject order = found->order;
    const QJsonValue version = sparse.value(key("version"));
    if (version.isUndefined())
        return {SquareError::invalid(key("MISSING_REQUIRED_PARAMETER"), key("Field must be set"),
                                     key("order.version")), {}, {}};
    if (version.toInteger(-1) != order.value(key("version")).toInteger())
        return {SquareError::invalid(key("VERSION_MISMATCH"),
                                     QStringLiteral("Version mismatch: the order is at version "
                                                    "%1").arg(order.value(key("version"))
                                                                  .toInteger()),
                                     key("order.version")), {}, {}};
    const QString locationId = sparse.value(key("location_id")).toString();
    if (!locationId.isEmpty() && locationId != order.value(key("location_id")).toString())
        return {SquareError::invalid(key("INVALID_VALUE"),
                                     key("location_id cannot change"), key("order.location_id")),
                {}, {}};
    const QString oldState = order.value(key("state")).toString();
    if (oldState == QLatin1String("COMPLETED") || oldState == QLatin1String("CANCELED"))
        return {SquareError::invalid(key("BAD_REQUEST"),
                                     QStringLiteral("An order in state %1 cannot be updated")
                                         .arg(oldState)), {}, {}};

    const qint64 now = m_clock();
    const QString currency = order.value(key("total_money")).toObject().value(key("currency"))
                                 .toString();
    if (sparse.contains(key("state"))) {
        const QString state = sparse.value(key("state")).toString();
        const bool allowed = state == oldState
            || (oldState == QLatin1String("DRAFT") && state != QLatin1String("COMPLETED"))
            || (oldState == QLatin1String("OPEN") && state != QLatin1String("DRAFT"));
        if (!orderStates.contains(state) || !allowed)
            return {SquareError::invalid(key("INVALID_VALUE"),
                                         QStringLiteral("An order cannot go from %1 to %2")
                                             .arg(oldState, state), key("order.state")), {}, {}};
        order.insert(key("state"), state);
        if (state == QLatin1String("COMPLETED") || state == QLatin1String("CANCELED"))
            order.insert(key("closed_at"), rfc3339(now));
    }
    for (const char *field : {"reference_id", "ticket_name", "customer_id"}) {
        if (sparse.contains(key(field)))
            order.insert(key(field), sparse.value(key(field)));
    }
    if (sparse.contains(key("metadata"))) {
        QJsonObject metadata = order.value(key("metadata")).toObject();
        const QJsonObject given = sparse.value(key("metadata")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            metadata.insert(it.key(), it.value());
        order.insert(key("metadata"), metadata);
    }
    QJsonArray items = order.value(key("line_items")).toArray();
    for (const QJsonValue &value : sparse.value(key("line_items")).toArray()) {
        const QJsonObject change = value.toObject();
        const int index = indexOfUid(items, change.value(key("uid")).toString());
        const QString field = QStringLiteral("order.line_items[%1]")
                                  .arg(change.value(key("uid")).toString());
        QJsonObject merged = index < 0 ? change : items.at(index).toObject();
        if (index >= 0) {
            for (auto it = change.begin(); it != change.end(); ++it)
                merged.insert(it.key(), it.value());
        }
        if (auto error = checkLineItem(merged, field, currency))
            return {error, {}, {}};
        if (index < 0)
            items.append(newLineItem(merged, currency));
        else
            items.replace(index, merged);
    }
    QJsonArray updates;
    for (const QJsonValue &value : sparse.value(key("fulfillments")).toArray()) {
        if (auto error = applyFulfillment(order, value.toObject(), now, updates))
            return {error, {}, {}};
    }
    static const QRegularExpression itemPath(QStringLiteral("^line_items\\[([^\\]]+)\\](\\.note)?$"));
    for (const QString &path : fieldsToClear) {
        const QRegularExpressionMatch match = itemPath.match(path);
        if (match.hasMatch() && indexOfUid(items, match.captured(1)) >= 0) {
            const int index = indexOfUid(items, match.captured(1));
            if (match.captured(2).isEmpty()) {
                items.removeAt(index);
            } else {
                QJsonObject item = items.at(index).toObject();
                item.remove(key("note"));
                items.replace(index, item);
            }
        } else if (path.startsWith(QLatin1String("metadata."))) {
            QJsonObject metadata = order.value(key("metadata")).toObject();
            metadata.remove(path.mid(9));
            order.insert(key("metadata"), metadata);
        } else if (path == QLatin1String("metadata") || path == QLatin1String("ticket_name")
                   || path == QLatin1String("reference_id")) {
            order.remove(path);
        } else {
            return {SquareError::invalid(key("INVALID_VALUE"),
                                         QStringLiteral("Cannot clear `%1`").arg(path),
                                         key("fields_to_clear")), {}, {}};
        }
    }
    order.insert(key("line_items"), items);
    order.insert(key("version"), order.value(key("version")).toInteger() + 1);
    order.insert(key("updated_at"), rfc3339(now));
    setTotals(order);
    found->order = order;
    return {std::nullopt, order, updates};
}

std::optional<QJsonObject> SquareOrderBook::bumpVersion(const QString &id)
{
    const auto found = m_orders.find(id);
    if (found == m_orders.end() || !found->updatable)
        return std::nullopt;
    found->order.insert(key("version"), found->order.value(key("version")).toInteger() + 1);
    found->order.insert(key("updated_at"), rfc3339(m_clock()));
    return found->order;
}

std::optional<QJsonObject> SquareOrderBook::find(const QString &id) const
{
    const auto it = m_orders.constFind(id);
    if (it == m_orders.cend())
        return std::nullopt;
    return it->order;
}

QList<QJsonObject> SquareOrderBook::all() const
{
    QList<QJsonObject> orders;
    for (const QString &id : m_orderIds)
        orders.append(m_orders.value(id).order);
    return orders;
}
