// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/toast/toastorderbook.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace {
constexpr int maxChecks = 20; // more is Toast's 413
const QStringList deliveryFields {QStringLiteral("deliveredDate"), QStringLiteral("dispatchedDate"),
                                  QStringLiteral("deliveryState"),
                                  QStringLiteral("deliveryEmployee"), QStringLiteral("notes")};

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

double roundMoney(double amount)
{
    return std::round(amount * 100.0) / 100.0;
}

bool absent(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

ToastError notFound(const QString &guid)
{
    return ToastError::forStatus(404, key("ORDER_NOT_FOUND"),
                                 QStringLiteral("No order with guid %1").arg(guid));
}
} // namespace

const QStringList ToastOrderBook::deliveryStates {
    QStringLiteral("PENDING"), QStringLiteral("IN_PROGRESS"), QStringLiteral("PICKED_UP"),
    QStringLiteral("DELIVERED")};
const QStringList ToastOrderBook::fulfillmentStatuses {
    QStringLiteral("NEW"), QStringLiteral("HOLD"), QStringLiteral("SENT"), QStringLiteral("READY")};

ToastOrderBook::ToastOrderBook(FakeClock clock)
    : m_clock(std::move(clock))
    , m_random(20260202)
{ }

QString ToastOrderBook::newGuid()
{
    static const char hex[] = "0123456789abcdef";
    QString guid;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            guid.append(QLatin1Char('-'));
        // A version-4 shape, so a client that checks UUIDs takes it.
        const char digit = i == 12 ? '4'
            : i == 16              ? hex[8 + m_random.bounded(4)]
                                   : hex[m_random.bounded(16)];
        guid.append(QLatin1Char(digit));
    }
    return guid;
}

QString ToastOrderBook::toastTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
        + QStringLiteral("+0000");
}

std::optional<qint64> ToastOrderBook::parseToastTime(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})([+-])(\\d{2})(\\d{2})$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QDateTime local =
        QDateTime::fromString(match.captured(1), QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
    if (!local.isValid())
        return std::nullopt;
    local.setTimeZone(QTimeZone::utc());
    const int offsetMin = match.captured(3).toInt() * 60 + match.captured(4).toInt();
    const int sign = match.captured(2) == QLatin1String("-") ? -1 : 1;
    return local.toMSecsSinceEpoch() - sign * qint64(offsetMin) * 60000;
}

std::optional<ToastError> ToastOrderBook::checkOrder(const QJsonObject &order) const
{
    if (order.value(key("diningOption")).toObject().value(key("guid")).toString().isEmpty())
        return ToastError::bad(key("An order needs a diningOption with a guid"),
                               key("diningOption"));
    const QJsonArray checks = order.value(key("checks")).toArray();
    if (checks.isEmpty())
        return ToastError::bad(key("An order needs at least one check"), key("checks"));
    if (checks.size() > maxChecks)
        return ToastError::forStatus(413, key("TOO_MANY_CHECKS"),
                                     QStringLiteral("At most %1 checks").arg(maxChecks));
    for (qsizetype c = 0; c < checks.size(); ++c) {
        const QJsonArray selections = checks.at(c).toObject().value(key("selections")).toArray();
        if (selections.isEmpty())
            return ToastError::bad(key("A check needs at least one selection"),
                                   QStringLiteral("checks[%1].selections").arg(c));
        for (qsizetype s = 0; s < selections.size(); ++s) {
            const QJsonObject selection = selections.at(s).toObject();
            const QString field = QStringLiteral("checks[%1].selections[%2]").arg(c).arg(s);
            if (selection.value(key("item")).toObject().value(key("guid")).toString().isEmpty())
                return ToastError::bad(key("A selection needs an item with a guid"),
                                       field + key(".item"));
            const QJsonValue quantity = selection.value(key("quantity"));
            if (!quantity.isUndefined() && (!quantity.isDouble() || quantity.toDouble() <= 0))
                return ToastError::bad(key("quantity must be a positive number"),
                                       field + key(".quantity"));
            const QJsonValue price = selection.value(key("price"));
            if (!price.isUndefined() && (!price.isDouble() || price.toDouble() < 0))
                return ToastError::bad(key("An item may not be negatively priced"),
                                       field + key(".price"));
        }
    }
    return std::nullopt;
}

QJsonObject ToastOrderBook::newSelection(QJsonObject selection, const QString &now)
{
    selection.insert(key("guid"), newGuid());
    selection.insert(key("entityType"), key("MenuItemSelection"));
    if (!selection.contains(key("displayName")))
        selection.insert(key("displayName"), key("Item"));
    if (!selection.contains(key("quantity")))
        selection.insert(key("quantity"), 1);
    const double price = roundMoney(selection.value(key("price")).toDouble());
    selection.insert(key("price"), price);
    selection.insert(key("preDiscountPrice"), price);
    selection.insert(key("receiptLinePrice"), price);
    selection.insert(key("tax"), 0);
    // The kitchen's state: Toast sets it, a client never does.
    selection.insert(key("fulfillmentStatus"), key("NEW"));
    if (!selection.contains(key("selectionType")))
        selection.insert(key("selectionType"), key("NONE"));
    if (!selection.contains(key("unitOfMeasure")))
        selection.insert(key("unitOfMeasure"), key("NONE"));
    selection.insert(key("voided"), false);
    selection.insert(key("seatNumber"), selection.value(key("seatNumber")).toInt(-1));
    selection.insert(key("createdDate"), now);
    selection.insert(key("modifiedDate"), now);
    if (!selection.contains(key("modifiers")))
        selection.insert(key("modifiers"), QJsonArray());
    return selection;
}

QJsonObject ToastOrderBook::newCheck(QJsonObject check, const QString &now)
{
    check.insert(key("guid"), newGuid());
    check.insert(key("entityType"), key("Check"));
    QJsonArray selections;
    for (const QJsonValue &selection : check.value(key("selections")).toArray())
        selections.append(newSelection(selection.toObject(), now));
    check.insert(key("selections"), selections);
    check.insert(key("paymentStatus"), key("OPEN"));
    check.insert(key("voided"), false);
    check.insert(key("deleted"), false);
    check.insert(key("openedDate"), now);
    check.insert(key("createdDate"), now);
    check.insert(key("modifiedDate"), now);
    if (!check.contains(key("payments")))
        check.insert(key("payments"), QJsonArray());
    return check;
}

void ToastOrderBook::setAmounts(QJsonObject &order)
{
    QJsonArray checks = order.value(key("checks")).toArray();
    for (auto it = checks.begin(); it != checks.end(); ++it) {
        QJsonObject check = it->toObject();
        double amount = 0;
        for (const QJsonValue &selection : check.value(key("selections")).toArray()) {
            if (!selection.toObject().value(key("voided")).toBool())
                amount += selection.toObject().value(key("price")).toDouble();
        }
        // The fake charges no tax: totals stay easy to check by hand.
        check.insert(key("amount"), roundMoney(amount));
        check.insert(key("taxAmount"), 0);
        check.insert(key("totalAmount"), roundMoney(amount));
        *it = check;
    }
    order.insert(key("checks"), checks);
}

ToastOrderChange ToastOrderBook::create(const QJsonObject &order, const QString &source)
{
    if (const std::optional<ToastError> error = checkOrder(order))
        return {error, {}, false};
    const qint64 nowMs = m_clock();
    const QString now = toastTime(nowMs);
    QJsonObject made = order;
    const QString guid = newGuid();
    made.insert(key("guid"), guid);
    made.insert(key("entityType"), key("Order"));
    if (!made.contains(key("externalId")))
        made.insert(key("externalId"), QJsonValue());
    made.insert(key("displayNumber"), QString::number(m_nextDisplayNumber++));
    made.insert(key("source"), source);
    made.insert(key("businessDate"),
                QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc())
                    .toString(QStringLiteral("yyyyMMdd"))
                    .toInt());
    made.insert(key("createdDate"), now);
    if (!made.contains(key("openedDate")))
        made.insert(key("openedDate"), now);
    made.insert(key("modifiedDate"), now);
    if (!made.contains(key("promisedDate")))
        made.insert(key("promisedDate"), QJsonValue());
    made.insert(key("voided"), false);
    made.insert(key("deleted"), false);
    if (!made.contains(key("approvalStatus")))
        made.insert(key("approvalStatus"), key("APPROVED"));
    QJsonObject dining = made.value(key("diningOption")).toObject();
    dining.insert(key("entityType"), key("DiningOption"));
    made.insert(key("diningOption"), dining);
    if (made.value(key("deliveryInfo")).isObject()) {
        QJsonObject delivery = made.value(key("deliveryInfo")).toObject();
        if (!delivery.contains(key("deliveryState")))
            delivery.insert(key("deliveryState"), key("PENDING"));
        made.insert(key("deliveryInfo"), delivery);
    }
    QJsonArray checks;
    for (const QJsonValue &check : order.value(key("checks")).toArray())
        checks.append(newCheck(check.toObject(), now));
    made.insert(key("checks"), checks);
    setAmounts(made);
    store(made);
    return {std::nullopt, made, true};
}

ToastOrderChange ToastOrderBook::voidOrder(const QString &guid, const QJsonObject &body)
{
    const auto found = m_orders.find(guid);
    if (found == m_orders.end())
        return {notFound(guid), {}, false};
    const bool voidSelections =
        body.value(key("selections")).toObject().value(key("voidAll")).toBool();
    const bool voidPayments = body.value(key("payments")).toObject().value(key("voidAll")).toBool();
    if (!voidSelections || !voidPayments)
        return {ToastError::bad(key("Voiding an order needs selections.voidAll and "
                                    "payments.voidAll set to true")),
                {},
                false};
    if (found->value(key("voided")).toBool())
        return {std::nullopt, *found, false}; // already void: answered as it is
    const qint64 nowMs = m_clock();
    const QString now = toastTime(nowMs);
    QJsonObject order = *found;
    QJsonArray checks = order.value(key("checks")).toArray();
    for (auto it = checks.begin(); it != checks.end(); ++it) {
        QJsonObject check = it->toObject();
        QJsonArray selections = check.value(key("selections")).toArray();
        for (auto s = selections.begin(); s != selections.end(); ++s) {
            QJsonObject selection = s->toObject();
            selection.insert(key("voided"), true);
            selection.insert(key("voidDate"), now);
            selection.insert(key("modifiedDate"), now);
            *s = selection;
        }
        check.insert(key("selections"), selections);
        check.insert(key("voided"), true);
        check.insert(key("voidDate"), now);
        check.insert(key("modifiedDate"), now);
        *it = check;
    }
    order.insert(key("checks"), checks);
    order.insert(key("voided"), true);
    order.insert(key("voidDate"), now);
    order.insert(key("voidBusinessDate"),
                 QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc())
                     .toString(QStringLiteral("yyyyMMdd"))
                     .toInt());
    order.insert(key("modifiedDate"), now);
    setAmounts(order);
    *found = order;
    return {std::nullopt, order, true};
}

ToastOrderChange ToastOrderBook::patchDeliveryInfo(const QString &guid, const QJsonObject &patch)
{
    const auto found = m_orders.find(guid);
    if (found == m_orders.end())
        return {notFound(guid), {}, false};
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (!deliveryFields.contains(it.key()))
            return {ToastError::bad(QStringLiteral("%1 cannot be updated here").arg(it.key()),
                                    it.key()),
                    {},
                    false};
    }
    const QJsonValue state = patch.value(key("deliveryState"));
    if (!state.isUndefined() && !deliveryStates.contains(state.toString()))
        return {ToastError::bad(QStringLiteral("Unknown deliveryState %1").arg(state.toString()),
                                key("deliveryState")),
                {},
                false};
    if (!found->value(key("deliveryInfo")).isObject())
        return {ToastError::bad(key("The order has no deliveryInfo: it is not a delivery order"),
                                key("deliveryInfo")),
                {},
                false};
    QJsonObject delivery = found->value(key("deliveryInfo")).toObject();
    if (delivery.value(key("deliveryState")).toString() == QLatin1String("DELIVERED"))
        return {ToastError {400, ToastError::deliveredCode, key("DELIVERY_ALREADY_DELIVERED"),
                            key("The order is DELIVERED; its delivery info is final"),
                            key("deliveryState"), false},
                {},
                false};
    bool changed = false;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        changed = changed || delivery.value(it.key()) != it.value();
        delivery.insert(it.key(), it.value());
    }
    if (!changed)
        return {std::nullopt, *found, false};
    const QString now = toastTime(m_clock());
    const QString newState = delivery.value(key("deliveryState")).toString();
    // Toast stamps dispatch with its own time when the client leaves it out.
    if (newState != QLatin1String("PENDING") && absent(delivery.value(key("dispatchedDate"))))
        delivery.insert(key("dispatchedDate"), now);
    if (newState == QLatin1String("DELIVERED") && absent(delivery.value(key("deliveredDate"))))
        delivery.insert(key("deliveredDate"), now);
    found->insert(key("deliveryInfo"), delivery);
    found->insert(key("modifiedDate"), now);
    return {std::nullopt, *found, true};
}

ToastOrderChange ToastOrderBook::setFulfillmentStatus(const QString &guid,
                                                      const QString &selectionGuid,
                                                      const QString &status)
{
    const auto found = m_orders.find(guid);
    if (found == m_orders.end())
        return {notFound(guid), {}, false};
    const QString now = toastTime(m_clock());
    bool matched = false;
    QJsonArray checks = found->value(key("checks")).toArray();
    for (auto it = checks.begin(); it != checks.end(); ++it) {
        QJsonObject check = it->toObject();
        QJsonArray selections = check.value(key("selections")).toArray();
        for (auto s = selections.begin(); s != selections.end(); ++s) {
            QJsonObject selection = s->toObject();
            if (!selectionGuid.isEmpty()
                && selection.value(key("guid")).toString() != selectionGuid)
                continue;
            matched = true;
            selection.insert(key("fulfillmentStatus"), status);
            selection.insert(key("modifiedDate"), now);
            *s = selection;
        }
        check.insert(key("selections"), selections);
        *it = check;
    }
    if (!matched)
        return {ToastError::forStatus(404, key("SELECTION_NOT_FOUND"),
                                      QStringLiteral("No selection %1").arg(selectionGuid)),
                {},
                false};
    found->insert(key("checks"), checks);
    found->insert(key("modifiedDate"), now);
    return {std::nullopt, *found, true};
}

std::optional<QJsonObject> ToastOrderBook::find(const QString &guid) const
{
    const auto it = m_orders.constFind(guid);
    if (it == m_orders.cend())
        return std::nullopt;
    return *it;
}

QList<QJsonObject> ToastOrderBook::findByExternalId(const QString &externalId) const
{
    QList<QJsonObject> found;
    for (const QString &guid : m_guids) {
        const QJsonObject order = m_orders.value(guid);
        if (order.value(key("externalId")).toString() == externalId)
            found.append(order);
    }
    return found;
}

QList<QJsonObject> ToastOrderBook::modifiedBetween(qint64 startMs, qint64 endMs) const
{
    QList<QPair<qint64, QJsonObject>> found;
    for (const QString &guid : m_guids) {
        const QJsonObject order = m_orders.value(guid);
        const qint64 modified =
            parseToastTime(order.value(key("modifiedDate")).toString()).value_or(0);
        if (modified >= startMs && modified < endMs)
            found.append({modified, order});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<QJsonObject> orders;
    for (const auto &[modified, order] : found)
        orders.append(order);
    return orders;
}

QList<QJsonObject> ToastOrderBook::ofBusinessDate(int businessDate) const
{
    QList<QJsonObject> found;
    for (const QString &guid : m_guids) {
        const QJsonObject order = m_orders.value(guid);
        if (order.value(key("businessDate")).toInt() == businessDate)
            found.append(order);
    }
    return found;
}

void ToastOrderBook::store(const QJsonObject &order)
{
    const QString guid = order.value(key("guid")).toString();
    if (!m_orders.contains(guid))
        m_guids.append(guid);
    m_orders.insert(guid, order);
}
