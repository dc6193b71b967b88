// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakes/toast/toastfake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

Q_LOGGING_CATEGORY(lcFakeToast, "kc.fakes.toast", QtInfoMsg)

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

QString errorKeyFor(int status)
{
    switch (status) {
    case 401:
        return key("UNAUTHORIZED");
    case 403:
        return key("FORBIDDEN");
    case 404:
        return key("NOT_FOUND");
    case 405:
        return key("METHOD_NOT_ALLOWED");
    case 409:
        return key("CONFLICT");
    case 413:
        return key("PAYLOAD_TOO_LARGE");
    case 415:
        return key("UNSUPPORTED_MEDIA_TYPE");
    case 429:
        return key("RATE_LIMITED");
    case 502:
        return key("BAD_GATEWAY");
    case 503:
        return key("SERVICE_UNAVAILABLE");
    case 504:
        return key("GATEWAY_TIMEOUT");
    default:
        return status >= 500 ? key("INTERNAL_SERVER_ERROR") : key("BAD_REQUEST");
    }
}
} // namespace

ToastFake::ToastFake(QObject *parent)
    : FakeVendorServer(parent)
    , m_book([this] { return nowMs(); })
{
    // Toast's own schedule (pos-apis.md 5): once after 5 min, once after 10 min, then dropped.
    setWebhookRetrySchedule({firstRetryDelayMs, secondRetryDelayMs});
    addApiRoutes();
    addControlRoutes();
}

QString ToastFake::issueToken()
{
    // Opaque to the client, like Toast's JWT; unique per call.
    const QString token = key("toast-fake-") + m_book.newGuid();
    m_tokens.insert(token, nowMs() + qint64(m_tokenLifetimeS) * 1000);
    return token;
}

QString ToastFake::createTillOrder(const QJsonObject &order)
{
    const ToastOrderChange change = m_book.create(order, key("In Store"));
    if (change.error) {
        qCWarning(lcFakeToast).noquote() << "till order refused:" << change.error->message;
        return {};
    }
    const QString guid = change.order.value(key("guid")).toString();
    qCInfo(lcFakeToast).noquote() << "till order" << guid << "rung up";
    sendOrderWebhook(guid);
    return guid;
}

bool ToastFake::setFulfillmentStatus(const QString &orderGuid, const QString &selectionGuid,
                                     const QString &status)
{
    const ToastOrderChange change = m_book.setFulfillmentStatus(orderGuid, selectionGuid, status);
    if (change.error)
        return false;
    sendOrderWebhook(orderGuid);
    return true;
}

QByteArray ToastFake::signature(const QString &secret, const QByteArray &body,
                                const QString &timestamp)
{
    return QMessageAuthenticationCode::hash(body + timestamp.toUtf8(), secret.toUtf8(),
                                            QCryptographicHash::Sha256)
        .toBase64();
}

QString ToastFake::sendOrderWebhook(const QString &orderGuid, bool badSignature)
{
    const std::optional<QJsonObject> order = m_book.find(orderGuid);
    if (!order || webhookUrl().isEmpty())
        return {};
    const QString eventGuid = m_book.newGuid();
    const QJsonObject envelope {
        {key("timestamp"), ToastOrderBook::toastTime(nowMs())},
        {key("eventCategory"), key("orders")},
        {key("eventType"), key("order_updated")},
        {key("guid"), eventGuid},
        {key("details"),
         QJsonObject {{key("restaurantGuid"), m_restaurantGuid}, {key("order"), render(*order)}}}};
    sendWebhook(eventGuid, compact(envelope), badSignature);
    return eventGuid;
}

FakeReply ToastFake::errorReply(int status, const QString &code) const
{
    ToastError error =
        ToastError::forStatus(status, errorKeyFor(status), key("A scripted failure"));
    if (status == 404)
        error.message = key("Resource not found.");
    else if (status == 405)
        error.message = key("Method not allowed for this path.");
    // A fault's code is Toast's number ("10503") or a messageKey of the script's choosing.
    bool numeric = false;
    const int number = code.toInt(&numeric);
    if (numeric)
        error.code = number;
    else if (!code.isEmpty())
        error.messageKey = code;
    return error.reply();
}

FakeReply ToastFake::rateLimitedReply(int retryAfterS) const
{
    FakeReply reply =
        ToastError::forStatus(429, key("RATE_LIMITED"), key("Too many requests; slow down."))
            .reply();
    const qint64 resetS = nowMs() / 1000 + retryAfterS;
    reply.headers.append({QByteArrayLiteral("X-Toast-RateLimit-By"), QByteArrayLiteral("API")});
    reply.headers.append(
        {QByteArrayLiteral("X-Toast-RateLimit-Remaining"), QByteArrayLiteral("0")});
    reply.headers.append(
        {QByteArrayLiteral("X-Toast-RateLimit-Reset"), QByteArray::number(resetS)});
    reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterS)});
    return reply;
}

FakeHeaders ToastFake::webhookHeaders(const QByteArray &body, int attempt, qint64,
                                      bool badSignature) const
{
    const QJsonObject envelope = QJsonDocument::fromJson(body).object();
    const QString timestamp = envelope.value(key("timestamp")).toString();
    const QString secret = badSignature ? m_webhookSecret + key("-wrong") : m_webhookSecret;
    return {{QByteArrayLiteral("Toast-Signature"), signature(secret, body, timestamp)},
            {QByteArrayLiteral("Toast-Event-Type"),
             envelope.value(key("eventType")).toString().toLatin1()},
            {QByteArrayLiteral("Toast-Event-Category"),
             envelope.value(key("eventCategory")).toString().toLatin1()},
            {QByteArrayLiteral("Toast-Restaurant-External-ID"), m_restaurantGuid.toLatin1()},
            // Toast counts deliveries from 1; the base counts retries from 0.
            {QByteArrayLiteral("Toast-Attempt-Number"), QByteArray::number(attempt + 1)}};
}

QJsonObject ToastFake::render(QJsonObject order) const
{
    if (!m_unknownValues && !m_cardInNotes)
        return order;
    QJsonArray checks = order.value(key("checks")).toArray();
    for (auto it = checks.begin(); it != checks.end(); ++it) {
        QJsonObject check = it->toObject();
        QJsonArray selections = check.value(key("selections")).toArray();
        for (auto s = selections.begin(); s != selections.end(); ++s) {
            QJsonObject selection = s->toObject();
            if (m_unknownValues) {
                // Values announced after the published enums (pos-apis.md 5): parse enums open.
                selection.insert(key("selectionType"), key("BUNDLE_COMPONENT"));
                selection.insert(key("unitOfMeasure"), key("FL_OZ"));
                selection.insert(key("kitchenCourse"), QJsonObject {{key("name"), key("MAIN")}});
            }
            if (m_cardInNotes) {
                // A guest's special request, as Toast carries it: a modifier with free text.
                QJsonArray modifiers = selection.value(key("modifiers")).toArray();
                modifiers.append(QJsonObject {
                    {key("guid"), QString(selection.value(key("guid")).toString() + key("-req"))},
                    {key("entityType"), key("MenuItemSelection")},
                    {key("displayName"), QString(key("card ") + cardLikeNumber)},
                    {key("selectionType"), key("SPECIAL_REQUEST")},
                    {key("quantity"), 1},
                    {key("price"), 0}});
                selection.insert(key("modifiers"), modifiers);
            }
            *s = selection;
        }
        check.insert(key("selections"), selections);
        *it = check;
    }
    order.insert(key("checks"), checks);
    if (m_cardInNotes && order.value(key("deliveryInfo")).isObject()) {
        QJsonObject delivery = order.value(key("deliveryInfo")).toObject();
        const QString notes = delivery.value(key("notes")).toString();
        delivery.insert(key("notes"),
                        QString(notes + (notes.isEmpty() ? QString() : key(" ")) + key("card ")
                                + cardLikeNumber));
        order.insert(key("deliveryInfo"), delivery);
    }
    if (m_unknownValues)
        order.insert(key("channelHints"), QJsonObject {{key("priority"), 2}});
    return order;
}
