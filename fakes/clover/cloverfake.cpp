// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/clover/cloverfake.h"

#include "fakes/clover/clovererror.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFakeClover, "kc.fakes.clover", QtInfoMsg)

namespace {
const QString cardLikeNumber = QStringLiteral("4111 1111 1111 1111");

QString key(const char *text)
{
    return QString::fromLatin1(text);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString withCard(const QString &note)
{
    return note.isEmpty() ? QString(key("card ") + cardLikeNumber)
                          : QString(note + key(" card ") + cardLikeNumber);
}
} // namespace

CloverFake::CloverFake(QObject *parent)
    : FakeVendorServer(parent)
    , m_book([this] { return nowMs(); })
    , m_tokens([this] { return nowMs(); })
    , m_limiter([this] { return nowMs(); })
    , m_scriptedBreach(*CloverRateLimiter::breachNamed(key("tokenLimit")))
{
    m_tokens.addStaticToken(QString::fromLatin1(defaultApiToken));
    m_tokens.addAuthorizationCode(QString::fromLatin1(defaultAuthorizationCode));
    addOAuthRoutes();
    addOrderRoutes();
    addControlRoutes();
}

void CloverFake::setSeed(quint32 seed)
{
    m_book.setSeed(seed);
    m_tokens.setSeed(seed);
}

QString CloverFake::createCounterOrder(const QJsonObject &order)
{
    const QJsonObject made = m_book.createAtTill(order);
    const QString id = made.value(key("id")).toString();
    qCInfo(lcFakeClover).noquote() << "counter order" << id << "rung up at the till";
    sendOrderWebhook(id, key("CREATE"));
    return id;
}

bool CloverFake::updateCounterOrder(const QString &orderId, const QJsonObject &fields)
{
    if (m_book.update(orderId, fields).refusal)
        return false;
    sendOrderWebhook(orderId, key("UPDATE"));
    return true;
}

QString CloverFake::addLineItemAtTill(const QString &orderId, const QJsonObject &item)
{
    const CloverWrite write = m_book.addLineItem(orderId, item);
    if (write.refusal)
        return {};
    sendOrderWebhook(orderId, key("UPDATE"));
    return write.object.value(key("id")).toString();
}

bool CloverFake::removeLineItemAtTill(const QString &orderId, const QString &lineItemId)
{
    if (!m_book.removeLineItem(orderId, lineItemId))
        return false;
    sendOrderWebhook(orderId, key("UPDATE"));
    return true;
}

bool CloverFake::deleteCounterOrder(const QString &orderId)
{
    if (!m_book.remove(orderId))
        return false;
    sendOrderWebhook(orderId, key("DELETE"));
    return true;
}

std::optional<QJsonObject> CloverFake::order(const QString &orderId) const
{
    const std::optional<QJsonObject> found = m_book.find(orderId);
    if (!found)
        return std::nullopt;
    QJsonObject full = *found;
    QJsonArray items;
    for (const QJsonObject &item : m_book.lineItems(orderId))
        items.append(item);
    full.insert(key("lineItems"), QJsonObject {{key("elements"), items}});
    return full;
}

QStringList CloverFake::ordersWithReference(const QString &reference) const
{
    QStringList ids;
    for (const QJsonObject &order : m_book.all()) {
        if (order.value(key("externalReferenceId")).toString() == reference)
            ids.append(order.value(key("id")).toString());
    }
    return ids;
}

void CloverFake::settlePrinting()
{
    for (const QString &orderId : m_book.settlePrintEvents(m_printerFails))
        sendOrderWebhook(orderId, key("UPDATE"));
}

bool CloverFake::setScriptedRateLimit(const QString &name)
{
    const std::optional<CloverRateLimiter::Breach> breach = CloverRateLimiter::breachNamed(name);
    if (!breach)
        return false;
    m_scriptedBreach = *breach;
    return true;
}

QString CloverFake::sendOrderWebhook(const QString &orderId, const QString &type, bool wrongAuth)
{
    if (webhookUrl().isEmpty())
        return {};
    const QString eventId = QStringLiteral("clover-event-%1").arg(++m_eventCount);
    const QJsonObject update {{key("objectId"), QString(key("O:") + orderId)},
                              {key("type"), type},
                              {key("ts"), nowMs()}};
    const QJsonObject body {
        {key("appId"), m_appId},
        {key("merchants"), QJsonObject {{m_merchantId, QJsonArray {update}}}}};
    if (m_dropWebhooks != 0) {
        if (m_dropWebhooks > 0)
            --m_dropWebhooks;
        m_dropped.append(eventId);
        qCInfo(lcFakeClover).noquote() << "webhook" << eventId << type << orderId << "dropped";
        return eventId;
    }
    sendWebhook(eventId, compact(body), wrongAuth);
    return eventId;
}

bool CloverFake::sendVerificationCode(const QString &code)
{
    if (webhookUrl().isEmpty())
        return false;
    WebhookDelivery delivery;
    delivery.eventId = QStringLiteral("clover-verification-%1").arg(++m_eventCount);
    delivery.url = QUrl(webhookUrl());
    delivery.body = compact({{key("verificationCode"), code}});
    webhooks().send(delivery);
    return true;
}

QString CloverFake::writeKey(const QString &kind, const QString &objectId, const QJsonObject &body)
{
    const QByteArray hash = QCryptographicHash::hash(compact(body), QCryptographicHash::Sha256);
    return kind + QLatin1Char(':') + objectId + QLatin1Char(':')
        + QString::fromLatin1(hash.toHex().left(16));
}

FakeReply CloverFake::errorReply(int status, const QString &code) const
{
    if (!code.isEmpty())
        return cloverError(status, code);
    switch (status) {
    case 400:
        return cloverError(status, key("Bad Request"));
    case 401:
        return cloverError(status, key("401 Unauthorized"));
    case 403:
        return cloverError(status, key("Forbidden"));
    case 404:
        return cloverError(status, key("Not Found"));
    case 405:
        return cloverError(status, key("Method Not Allowed"));
    default:
        return cloverError(status, status >= 500 ? key("Internal Server Error") : key("Error"));
    }
}

FakeReply CloverFake::rateLimitedReply(int retryAfterS) const
{
    FakeReply reply = cloverError(429, key("Too Many Requests"));
    reply.headers.append({"retry-after", QByteArray::number(retryAfterS)});
    reply.headers.append({m_scriptedBreach.header, QByteArray::number(m_scriptedBreach.limit)});
    return reply;
}

FakeHeaders CloverFake::webhookHeaders(const QByteArray &, int, qint64, bool badSignature) const
{
    // A static shared code, not a signature: the same on every delivery.
    const QString code = badSignature ? QString(m_webhookAuthCode + key("-wrong"))
                                      : m_webhookAuthCode;
    return {{"X-Clover-Auth", code.toUtf8()}};
}

void CloverFake::recordWrite(const QString &writeKey, const FakeRequest &request,
                             const QString &objectId)
{
    writeLedger().record({writeKey, QString::fromLatin1(request.method), request.path, objectId, 0,
                          nowMs()});
}

QJsonObject CloverFake::renderLineItem(const QJsonObject &item, bool expandModifications) const
{
    QJsonObject shown = CloverOrderBook::renderLineItem(item, expandModifications);
    if (m_cardInNotes)
        shown.insert(key("note"), withCard(shown.value(key("note")).toString()));
    if (m_unknownValues)
        shown.insert(key("kitchenCourse"), key("MAIN"));
    return shown;
}

QJsonObject CloverFake::render(const QJsonObject &order, bool expandLineItems,
                               bool expandModifications) const
{
    QJsonObject shown = m_book.render(order, expandLineItems, expandModifications);
    if (expandLineItems && (m_cardInNotes || m_unknownValues)) {
        QJsonArray items;
        for (const QJsonValue &item :
             shown.value(key("lineItems")).toObject().value(key("elements")).toArray())
            items.append(renderLineItem(item.toObject(), true));
        shown.insert(key("lineItems"), QJsonObject {{key("elements"), items}});
    }
    if (m_cardInNotes)
        shown.insert(key("note"), withCard(shown.value(key("note")).toString()));
    if (m_unknownValues) {
        // A value outside the documented enum and a field no document names yet.
        shown.insert(key("paymentState"), key("PENDING_AUTHORIZATION"));
        shown.insert(key("merchantRewards"), QJsonObject {{key("points"), 12}});
    }
    return shown;
}
