// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clovervendor.h"

#include "clovermapping.h"
#include "cloverorderwrite.h"

#include "pos/poslogging.h"
#include "common/cardredaction.h"
#include "security/constanttime.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QString destination = QStringLiteral("pos:clover");
const QString referencePrefix = QStringLiteral("KC");

QJsonArray elements(const QJsonValue &collection)
{
    return collection.isArray() ? collection.toArray()
                                : collection.toObject().value(QLatin1String("elements")).toArray();
}

/** A line item as the kitchen reads it; one per piece, as Clover repeats a line to count. */
OrderItem itemFrom(const QJsonObject &line)
{
    OrderItem item;
    item.name = line.value(QLatin1String("name")).toString().trimmed();
    if (item.name.isEmpty())
        item.name = CloverVendor::tr("Item");
    for (const QJsonValue &modification : elements(line.value(QLatin1String("modifications")))) {
        const QString name =
                modification.toObject().value(QLatin1String("name")).toString().trimmed();
        if (!name.isEmpty())
            item.modifiers.append(name);
    }
    QStringList notes {line.value(QLatin1String("note")).toString().trimmed()};
    // unitQty is fixed-point ×1000, set for items sold by weight or measure.
    const qint64 unitQty = line.value(QLatin1String("unitQty")).toInteger(1000);
    if (line.contains(QLatin1String("unitQty")) && unitQty != 1000)
        notes.append(CloverVendor::tr("quantity %1 %2")
                             .arg(QString::number(double(unitQty) / 1000.0, 'g', 6),
                                  line.value(QLatin1String("unitName")).toString())
                             .trimmed());
    notes.removeAll(QString());
    item.notes = notes.join(QStringLiteral("; "));
    return item;
}

/** Clover's repeated line items counted: the same line twice in a row is one item of two. */
QList<OrderItem> itemsFrom(const QJsonArray &lines)
{
    QList<OrderItem> items;
    for (const QJsonValue &line : lines) {
        const OrderItem item = itemFrom(line.toObject());
        if (!items.isEmpty()) {
            OrderItem same = items.last();
            same.quantity = item.quantity;
            if (same == item) {
                ++items.last().quantity;
                continue;
            }
        }
        items.append(item);
    }
    return items;
}
} // namespace

CloverVendor::CloverVendor(Config config) : m_config(std::move(config)) { }

QString CloverVendor::merchantPath(const QString &path) const
{
    return QStringLiteral("/v3/merchants/")
            + QString::fromLatin1(QUrl::toPercentEncoding(m_config.merchantId)) + path;
}

std::optional<QString> CloverVendor::cloverId(const QString &orderId) const
{
    const auto found = m_cloverIds.constFind(orderId);
    return found == m_cloverIds.cend() ? std::nullopt : std::optional<QString>(*found);
}

void CloverVendor::remember(const QString &orderId, const QString &cloverId)
{
    m_cloverIds.insert(orderId, cloverId);
}

QString CloverVendor::referenceFor(const QString &orderId)
{
    // Crockford's base32: upper case, no look-alike letters; 10 characters carry 50 bits.
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const QByteArray hash = QCryptographicHash::hash(orderId.toUtf8(), QCryptographicHash::Sha256);
    quint64 bits = 0;
    for (int i = 0; i < 8; ++i)
        bits = (bits << 8) | static_cast<unsigned char>(hash.at(i));
    QString reference = referencePrefix;
    for (int i = 0; i < referenceLength - referencePrefix.size(); ++i) {
        reference.append(QLatin1Char(alphabet[bits >> 59]));
        bits <<= 5;
    }
    return reference;
}

QString CloverVendor::answerWords(const PosAnswer &answer)
{
    if (!answer.answered())
        return tr("Clover did not answer: %1").arg(answer.networkError);
    const QString message = answer.json().value(QLatin1String("message")).toString().trimmed();
    return message.isEmpty() ? tr("Clover answered %1").arg(answer.status)
                             : tr("Clover answered %1: %2").arg(answer.status).arg(message);
}

std::unique_ptr<PosWrite> CloverVendor::write(const OrderEvent &event, const Order &order)
{
    // A Clover order is Clover's: its kitchen steps are ours alone, so nothing is written.
    if (order.source == destination || event.orderId.isEmpty())
        return nullptr;
    if (event.kind == EventKind::Transition && event.to && CloverMapping::writesEnding(*event.to))
        return CloverOrderWrite::noteEnding(*this, event, order);
    // A platform's order reaches this queue with the kitchen's first step (its placing came in
    // from the platform, not from here): each event makes sure it is at Clover, created once, and
    // writes nothing else: Clover keeps no kitchen state, items or estimates of an order we made.
    return CloverOrderWrite::create(*this, order);
}

Result<PosOrder> CloverVendor::readOrder(const QJsonObject &raw) const
{
    const QJsonObject json = CardRedaction::redact(raw).toObject();
    PosOrder read;
    Order &order = read.order;
    order.id = json.value(QLatin1String("id")).toString();
    if (order.id.isEmpty())
        return Failure {QStringLiteral("a Clover order without an id")};
    // An order this console made at Clover (a platform order sent on) is on the board already.
    // Clover keeps 12 characters of reference, so where this run did not make it, the reference
    // itself stands for our order id.
    const QString reference = json.value(QLatin1String("externalReferenceId")).toString();
    if (reference.startsWith(referencePrefix) && reference.size() == referenceLength)
        read.createdFor = m_cloverIds.key(order.id, reference);
    order.source = destination;
    order.placedAt = json.value(QLatin1String("createdTime")).toInteger();
    const qint64 modified = json.value(QLatin1String("modifiedTime")).toInteger();
    read.version = QString::number(modified > 0 ? modified : order.placedAt);
    // Deleted at the till: a DELETE webhook reads as this (see readWebhook).
    read.voided = json.value(QLatin1String("deletedTimestamp")).toInteger() > 0;

    const QJsonValue state = json.value(QLatin1String("state"));
    if (state.isString() && !CloverMapping::isKnownOrderState(state.toString()))
        read.unknownValues.append(QStringLiteral("order state ") + state.toString());
    const QString paymentState = json.value(QLatin1String("paymentState")).toString();
    if (!paymentState.isEmpty() && !CloverMapping::isKnownPaymentState(paymentState))
        read.unknownValues.append(QStringLiteral("payment state ") + paymentState);
    const QString typeLabel = json.value(QLatin1String("orderType"))
                                      .toObject()
                                      .value(QLatin1String("label"))
                                      .toString();
    if (const std::optional<OrderType> type = CloverMapping::orderTypeFor(typeLabel))
        order.type = *type;
    else if (!typeLabel.isEmpty())
        read.unknownValues.append(QStringLiteral("order type ") + typeLabel);
    read.unknownValues.append(CloverMapping::unknownFields(json));

    order.number = json.value(QLatin1String("title")).toString().trimmed();
    if (order.number.isEmpty())
        order.number = order.id.right(4);
    const QString note = json.value(QLatin1String("note")).toString().trimmed();
    if (!note.isEmpty())
        order.notes.append(note);
    order.items = itemsFrom(elements(json.value(QLatin1String("lineItems"))));
    if (order.items.isEmpty() && !read.voided)
        return Failure {QStringLiteral("Clover order %1 has no line items yet").arg(order.id)};
    if (!read.unknownValues.isEmpty())
        qCInfo(lcPos).noquote() << "clover order" << order.id << "has what this adapter does not"
                                << "know:" << read.unknownValues.join(QStringLiteral(", "));
    return read;
}

Result<void> CloverVendor::checkSignature(const PosWebhook &webhook) const
{
    // A static shared code, not a signature: compared whole, in constant time.
    if (m_config.webhookAuthCode.isEmpty()
        || !ConstantTime::equal(webhook.header("x-clover-auth"), m_config.webhookAuthCode))
        return Failure {QStringLiteral("a Clover webhook whose X-Clover-Auth code does not match")};
    return {};
}

Result<PosChanges> CloverVendor::readWebhook(const PosWebhook &webhook) const
{
    const QJsonObject json = QJsonDocument::fromJson(webhook.body).object();
    if (json.contains(QLatin1String("verificationCode")))
        return Failure {QStringLiteral("Clover's URL check: paste the verification code %1 into "
                                       "the app's webhook settings")
                                .arg(json.value(QLatin1String("verificationCode")).toString())};
    if (const Result<void> signedHere = checkSignature(webhook); !signedHere)
        return Failure {signedHere.error()};
    const QString appId = json.value(QLatin1String("appId")).toString();
    if (!m_config.appId.isEmpty() && !appId.isEmpty() && appId != m_config.appId)
        return Failure {QStringLiteral("a Clover webhook for app %1, not %2")
                                .arg(appId, m_config.appId)};
    const QJsonObject merchants = json.value(QLatin1String("merchants")).toObject();
    if (!merchants.contains(m_config.merchantId))
        return Failure {QStringLiteral("a Clover webhook for merchants %1, not %2")
                                .arg(merchants.keys().join(QStringLiteral(", ")),
                                     m_config.merchantId)};
    PosChanges changes;
    for (const QJsonValue &value : merchants.value(m_config.merchantId).toArray()) {
        const QJsonObject update = value.toObject();
        const QString objectId = update.value(QLatin1String("objectId")).toString();
        if (!objectId.startsWith(QLatin1String("O:")))
            continue; // items, customers, payments: not the kitchen's
        const QString orderId = objectId.mid(2);
        if (update.value(QLatin1String("type")).toString() == QLatin1String("DELETE")) {
            // A deleted order cannot be fetched: it is read as deleted at the webhook's time.
            const qint64 at = update.value(QLatin1String("ts")).toInteger();
            changes.orders.append({{QStringLiteral("id"), orderId},
                                   {QStringLiteral("deletedTimestamp"), at},
                                   {QStringLiteral("modifiedTime"), at}});
        } else if (!changes.orderIds.contains(orderId)) {
            changes.orderIds.append(orderId);
        }
    }
    return changes; // none when it is about something else (items, customers, payments)
}

PosCall CloverVendor::fetchOrder(const QString &orderId) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("expand"),
                       QStringLiteral("lineItems,lineItems.modifications"));
    return PosCall::get(merchantPath(QStringLiteral("/orders/")
                                     + QString::fromLatin1(QUrl::toPercentEncoding(orderId))),
                        query);
}

Result<PosChanges> CloverVendor::readFetched(const PosAnswer &answer) const
{
    if (!answer.isSuccess())
        return Failure {answerWords(answer)};
    PosChanges changes;
    changes.orders.append(answer.json());
    return changes;
}

PosCall CloverVendor::listModified(qint64 sinceMs, int offset) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), QStringLiteral("modifiedTime>=%1").arg(sinceMs));
    query.addQueryItem(QStringLiteral("expand"),
                       QStringLiteral("lineItems,lineItems.modifications"));
    query.addQueryItem(QStringLiteral("orderBy"), QStringLiteral("modifiedTime ASC"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(pollPageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    return PosCall::get(merchantPath(QStringLiteral("/orders")), query);
}

PosCall CloverVendor::pollSince(const QString &cursor, qint64 sinceMs) const
{
    // The cursor is the newest modifiedTime read so far: the poll starts there, inclusive, and
    // the inbox drops what that boundary brings twice.
    bool ok = false;
    const qint64 since = cursor.toLongLong(&ok);
    return listModified(ok ? since : sinceMs, 0);
}

Result<PosChanges> CloverVendor::readPoll(const PosAnswer &answer, const QString &cursor) const
{
    if (!answer.isSuccess())
        return Failure {answerWords(answer)};
    const QJsonArray orders = answer.json().value(QLatin1String("elements")).toArray();
    PosChanges changes;
    changes.cursor = cursor;
    qint64 newest = cursor.toLongLong();
    qint64 last = 0;
    int atLast = 0; // orders of this page modified in its last millisecond
    for (const QJsonValue &value : orders) {
        const qint64 modified = value.toObject().value(QLatin1String("modifiedTime")).toInteger();
        atLast = modified == last ? atLast + 1 : 1;
        last = modified;
        if (modified > newest) {
            newest = modified;
            changes.cursor = QString::number(modified);
        }
        changes.orders.append(value.toObject());
    }
    if (orders.size() < pollPageSize)
        return changes;
    // The next page starts at this page's last millisecond, past the orders already read in it,
    // rather than at a plain offset: an order modified meanwhile moves to the end of the list and
    // would shift a plain offset past one never read.
    if (atLast < orders.size())
        changes.nextPage = listModified(last, atLast);
    else // a whole page in one millisecond: past it (logged; the next change brings the rest)
        changes.nextPage = listModified(last + 1, 0);
    if (atLast == orders.size())
        qCWarning(lcPos) << "clover: a whole poll page was modified in one millisecond";
    return changes;
}
