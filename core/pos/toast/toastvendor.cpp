// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toastvendor.h"

#include "toastmapping.h"
#include "toastwrite.h"

#include "pos/poslogging.h"
#include "common/cardredaction.h"
#include "security/constanttime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace {
const QString destination = QStringLiteral("pos:toast");
const QString externalPrefix = QStringLiteral("kc-");
const QString bulkPath = QStringLiteral("/orders/v2/ordersBulk");

constexpr int pollPageSize = 100;
// ordersBulk wants an end; Toast asks for windows of a month at most (reference §3).
constexpr qint64 pollWindowMs = 28LL * 24 * 60 * 60 * 1000;

QString text(const QJsonObject &object, const char *field)
{
    return object.value(QLatin1String(field)).toString().trimmed();
}

/** Toast's quantity is a number (1, 0.5 lb); the kitchen counts whole pieces. */
int pieces(const QJsonValue &quantity, QString *note)
{
    const double value = quantity.toDouble(1);
    if (value <= 0)
        return 1;
    if (value != std::floor(value))
        *note = ToastVendor::tr("quantity %1").arg(value);
    return int(std::min(std::ceil(value), 999.0));
}

/** A selection in our shape; unknown enum values it carries go to unknown. */
OrderItem itemFrom(const QJsonObject &selection, QStringList *unknown)
{
    OrderItem item;
    item.name = text(selection, "displayName");
    if (item.name.isEmpty())
        item.name = ToastVendor::tr("Item");
    QString quantityNote;
    item.quantity = pieces(selection.value(QLatin1String("quantity")), &quantityNote);
    const QString unit = text(selection, "unitOfMeasure");
    if (!unit.isEmpty() && !ToastMapping::isKnownUnit(unit))
        unknown->append(QStringLiteral("unitOfMeasure ") + unit);
    QStringList notes;
    for (const QJsonValue &value : selection.value(QLatin1String("modifiers")).toArray()) {
        const QJsonObject modifier = value.toObject();
        const QString name = text(modifier, "displayName");
        if (name.isEmpty() || modifier.value(QLatin1String("voided")).toBool())
            continue;
        // A special request is the guest's words: a note, not a modifier of the recipe.
        if (text(modifier, "selectionType") == QLatin1String("SPECIAL_REQUEST"))
            notes.append(name);
        else
            item.modifiers.append(name);
    }
    notes.append(quantityNote);
    notes.removeAll(QString());
    item.notes = notes.join(QStringLiteral("; "));
    const int seat = selection.value(QLatin1String("seatNumber")).toInt(0);
    item.seat = seat > 0 ? seat : 0;
    return item;
}

/** Toast's words for a failed read: its status and messageKey. */
QString toastError(const PosAnswer &answer)
{
    if (!answer.answered())
        return ToastVendor::tr("Toast did not answer: %1").arg(answer.networkError);
    return ToastVendor::tr("Toast answered %1 %2")
            .arg(answer.status)
            .arg(answer.json().value(QLatin1String("messageKey")).toString());
}

/** The URL a Link header gives for rel, or an empty one. */
QUrl linkFor(const QByteArray &header, const QByteArray &rel)
{
    for (const QByteArray &part : header.split(',')) {
        const QByteArray link = part.trimmed();
        const qsizetype close = link.indexOf('>');
        if (!link.startsWith('<') || close < 0)
            continue;
        if (link.mid(close).contains(QByteArray("rel=\"" + rel + '"')))
            return QUrl::fromEncoded(link.mid(1, close - 1));
    }
    return {};
}
} // namespace

ToastVendor::ToastVendor(Config config) : m_config(std::move(config)) { }

QList<QPair<QByteArray, QByteArray>> ToastVendor::commonHeaders() const
{
    return {{"Toast-Restaurant-External-ID", m_config.restaurantGuid.toUtf8()}};
}

QString ToastVendor::externalIdFor(const QString &orderId)
{
    return externalPrefix + orderId;
}

QString ToastVendor::orderIdOf(const QString &externalId)
{
    return externalId.startsWith(externalPrefix) ? externalId.mid(externalPrefix.size())
                                                 : QString();
}

QString ToastVendor::toastTime(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc())
                   .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
            + QStringLiteral("+0000");
}

qint64 ToastVendor::utcMs(const QString &toastTime)
{
    // Qt reads "+0000" offsets only with a colon: put one in.
    static const QRegularExpression offset(QStringLiteral("([+-]\\d{2})(\\d{2})$"));
    QString iso = toastTime.trimmed();
    iso.replace(offset, QStringLiteral("\\1:\\2"));
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

std::unique_ptr<PosWrite> ToastVendor::write(const OrderEvent &event, const Order &order)
{
    const bool fromToast = order.source == destination;
    if (event.kind == EventKind::Placed)
        return fromToast ? nullptr : ToastWrite::create(*this, order);
    if ((event.kind != EventKind::Transition && event.kind != EventKind::Recall) || !event.to)
        return nullptr; // items, notes, estimates, stations: Toast's own or no place there
    if (const std::optional<QString> delivery = ToastMapping::deliveryStateFor(*event.to)) {
        if (order.type == OrderType::Delivery)
            return ToastWrite::setDelivery(*this, order, *delivery);
    }
    if (fromToast)
        return nullptr; // a till order's kitchen state is Toast's, read only; its void the till's
    if (*event.to == OrderState::Cancelled || *event.to == OrderState::Rejected)
        return ToastWrite::voidOrder(*this, order);
    // A platform order reaches the POS with its first step here (the platform's own placing is
    // not queued for the POS): made at Toast then; Toast's kitchen state is not written.
    return toastGuid(order.id).isEmpty() ? ToastWrite::create(*this, order) : nullptr;
}

Result<PosOrder> ToastVendor::readOrder(const QJsonObject &raw) const
{
    const QJsonObject json = CardRedaction::redact(raw).toObject();
    PosOrder read;
    Order &order = read.order;
    order.id = text(json, "guid");
    if (order.id.isEmpty())
        return Failure {QStringLiteral("a Toast order without a guid")};
    // An order this console made at Toast is on the board already: the feed makes no ticket of it.
    read.createdFor = orderIdOf(text(json, "externalId"));
    order.source = destination;
    order.number = text(json, "displayNumber");
    if (order.number.isEmpty())
        order.number = order.id.right(4).toUpper();
    order.placedAt = utcMs(text(json, "createdDate"));
    if (order.placedAt <= 0)
        order.placedAt = utcMs(text(json, "openedDate"));
    read.version = text(json, "modifiedDate");
    read.voided = json.value(QLatin1String("voided")).toBool()
            || json.value(QLatin1String("deleted")).toBool();
    const QString approval = text(json, "approvalStatus");
    if (ToastMapping::isRefusedApproval(approval))
        read.voided = true; // approval timed out: Toast will not make it (?)
    else if (!approval.isEmpty() && !ToastMapping::isKnownApproval(approval))
        read.unknownValues.append(QStringLiteral("approvalStatus ") + approval);
    if (approval == QLatin1String("FUTURE") || !json.value(QLatin1String("promisedDate")).isNull())
        order.scheduledFor = utcMs(text(json, "promisedDate"));

    if (json.value(QLatin1String("deliveryInfo")).isObject())
        order.type = OrderType::Delivery;
    else if (m_config.dineInDiningOptions.contains(
                     text(json.value(QLatin1String("diningOption")).toObject(), "guid")))
        order.type = OrderType::DineIn;

    QList<OrderState> states;
    for (const QJsonValue &checkValue : json.value(QLatin1String("checks")).toArray()) {
        const QJsonObject check = checkValue.toObject();
        if (order.customerName.isEmpty()) {
            const QJsonObject customer = check.value(QLatin1String("customer")).toObject();
            order.customerName = QStringList {text(customer, "firstName"),
                                              text(customer, "lastName")}
                                         .join(u' ')
                                         .trimmed();
            if (order.customerName.isEmpty())
                order.customerName = text(check, "tabName");
        }
        const bool checkVoided = check.value(QLatin1String("voided")).toBool();
        for (const QJsonValue &value : check.value(QLatin1String("selections")).toArray()) {
            const QJsonObject selection = value.toObject();
            // A voided order keeps its items for the record; otherwise a voided line is gone.
            const bool gone = checkVoided || selection.value(QLatin1String("voided")).toBool();
            if (gone && !read.voided)
                continue;
            const QString type = text(selection, "selectionType");
            if (!type.isEmpty() && !ToastMapping::isKnownSelectionType(type))
                read.unknownValues.append(QStringLiteral("selectionType ") + type);
            order.items.append(itemFrom(selection, &read.unknownValues));
            const QString status = text(selection, "fulfillmentStatus");
            if (const std::optional<OrderState> state = ToastMapping::kitchenStateFor(status))
                states.append(*state);
            else if (!status.isEmpty())
                read.unknownValues.append(QStringLiteral("fulfillmentStatus ") + status);
        }
    }
    if (order.items.isEmpty())
        return Failure {QStringLiteral("Toast order %1 has no selections").arg(order.id)};
    read.kitchenState = ToastMapping::orderKitchenState(states);
    read.unknownValues.removeDuplicates();
    if (!read.unknownValues.isEmpty())
        qCInfo(lcPos).noquote() << "toast order" << order.number << "carries values this console"
                                << "does not know:" << read.unknownValues.join(QStringLiteral(", "));
    return read;
}

Result<void> ToastVendor::checkSignature(const PosWebhook &webhook) const
{
    // base64(HMAC-SHA256(secret, raw body + the envelope's timestamp string)), compared whole, in
    // constant time.
    const QString timestamp = QJsonDocument::fromJson(webhook.body)
                                      .object()
                                      .value(QLatin1String("timestamp"))
                                      .toString();
    const QByteArray expected =
            QMessageAuthenticationCode::hash(webhook.body + timestamp.toUtf8(),
                                             m_config.webhookSecret, QCryptographicHash::Sha256)
                    .toBase64();
    if (m_config.webhookSecret.isEmpty() || timestamp.isEmpty()
        || !ConstantTime::equal(webhook.header("toast-signature"), expected))
        return Failure {QStringLiteral("a Toast webhook with a signature that does not match")};
    return {};
}

Result<PosChanges> ToastVendor::readWebhook(const PosWebhook &webhook) const
{
    if (const Result<void> signedHere = checkSignature(webhook); !signedHere)
        return Failure {signedHere.error()};
    const QJsonObject json = QJsonDocument::fromJson(webhook.body).object();
    const QString type = text(json, "eventType");
    PosChanges changes;
    changes.eventId = text(json, "guid");
    if (type != QLatin1String("order_updated") && type != QLatin1String("channel_order_updated"))
        return changes; // a menu, a stock change: not the kitchen's
    const QJsonObject details = json.value(QLatin1String("details")).toObject();
    const QString restaurant = text(details, "restaurantGuid").isEmpty()
            ? QString::fromUtf8(webhook.header("toast-restaurant-external-id"))
            : text(details, "restaurantGuid");
    if (!restaurant.isEmpty() && !m_config.restaurantGuid.isEmpty()
        && restaurant != m_config.restaurantGuid)
        return changes; // another of the group's restaurants
    const QJsonObject order = details.value(QLatin1String("order")).toObject();
    if (order.isEmpty())
        return Failure {QStringLiteral("a Toast webhook %1 that carries no order")
                                .arg(changes.eventId)};
    changes.orders.append(order);
    return changes;
}

PosCall ToastVendor::fetchOrder(const QString &orderId) const
{
    return PosCall::get(QStringLiteral("/orders/v2/orders/")
                        + QString::fromLatin1(QUrl::toPercentEncoding(orderId)));
}

Result<PosChanges> ToastVendor::readFetched(const PosAnswer &answer) const
{
    if (!answer.isSuccess())
        return Failure {toastError(answer)};
    PosChanges changes;
    changes.orders.append(answer.json());
    return changes;
}

PosCall ToastVendor::bulk(const QString &startDate, int page) const
{
    const qint64 startMs = utcMs(startDate);
    // Toast decodes its query as a form: the offset's '+' must go as %2B, or it reads a space.
    const auto encoded = [](const QString &time) {
        return QString::fromLatin1(QUrl::toPercentEncoding(time));
    };
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("startDate"), encoded(startDate));
    query.addQueryItem(QStringLiteral("endDate"), encoded(toastTime(startMs + pollWindowMs)));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(pollPageSize));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    return PosCall::get(bulkPath, query);
}

PosCall ToastVendor::pollSince(const QString &cursor, qint64 sinceMs) const
{
    // The cursor is the newest modifiedDate read so far: the poll starts there, inclusive, and the
    // inbox drops what that boundary brings twice.
    return bulk(cursor.isEmpty() ? toastTime(sinceMs) : cursor, 1);
}

Result<PosChanges> ToastVendor::readPoll(const PosAnswer &answer, const QString &cursor) const
{
    if (!answer.isSuccess())
        return Failure {toastError(answer)};
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    if (!document.isArray())
        return Failure {QStringLiteral("Toast's ordersBulk answer is not a list of orders")};
    QList<QJsonObject> orders;
    for (const QJsonValue &order : document.array())
        orders.append(order.toObject());
    const auto modified = [](const QJsonObject &order) {
        return utcMs(order.value(QLatin1String("modifiedDate")).toString());
    };
    std::stable_sort(orders.begin(), orders.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        return modified(a) < modified(b);
    });
    PosChanges changes;
    changes.cursor = cursor;
    qint64 newest = utcMs(cursor);
    for (const QJsonObject &order : orders) {
        if (modified(order) > newest) {
            newest = modified(order);
            changes.cursor = order.value(QLatin1String("modifiedDate")).toString();
        }
        changes.orders.append(order);
    }
    const QUrl next = linkFor(answer.header("link"), "next");
    if (next.isValid() && !next.isEmpty()) {
        PosCall page = PosCall::get(bulkPath, QUrlQuery(next.query(QUrl::FullyEncoded)));
        changes.nextPage = page;
    }
    return changes;
}
