// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Toast fake's own control paths, under /__fake/toast/ (fakes/README.md): what a test or
// script does "at the till" or "in the Toast kitchen" while a client talks to the API.
#include "fakes/toast/toastfake.h"

#include <QJsonDocument>

namespace {
QString key(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject bodyOf(const FakeRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

FakeReply problem(int status, const QString &why)
{
    return FakeReply::json(
        status, QJsonDocument(QJsonObject {{key("error"), why}}).toJson(QJsonDocument::Compact));
}
} // namespace

void ToastFake::addControlRoutes()
{
    addControlRoute("POST", key("/toast/till-orders"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        if (!body.value(key("order")).isObject())
                            return problem(400, key("wants {\"order\": {…}}"));
                        const QString guid = createTillOrder(body.value(key("order")).toObject());
                        if (guid.isEmpty())
                            return problem(400, key("not a valid Toast order (see the log)"));
                        return jsonReply(200, {{key("order"), render(*m_book.find(guid))}});
                    });
    addControlRoute("GET", key("/toast/orders/{}"),
                    [this](const FakeRequest &, const QStringList &args) {
                        const std::optional<QJsonObject> found = m_book.find(args.at(0));
                        if (!found)
                            return problem(404, key("no such order"));
                        return jsonReply(200, {{key("order"), *found}});
                    });
    addControlRoute("POST", key("/toast/orders/{}/fulfillment"),
                    [this](const FakeRequest &request, const QStringList &args) {
                        const QJsonObject body = bodyOf(request);
                        const QString status = body.value(key("status")).toString();
                        if (status.isEmpty())
                            return problem(400,
                                           key("wants {\"status\": \"READY\", "
                                               "\"selection_guid\": \"\" (all)}"));
                        if (!setFulfillmentStatus(
                                args.at(0), body.value(key("selection_guid")).toString(), status))
                            return problem(404, key("no such order or selection"));
                        return jsonReply(200, {{key("order"), *m_book.find(args.at(0))}});
                    });
    addControlRoute(
        "POST", key("/toast/tokens"), [this](const FakeRequest &request, const QStringList &) {
            const QJsonObject body = bodyOf(request);
            if (body.contains(key("lifetime_s")))
                setTokenLifetime(body.value(key("lifetime_s")).toInt());
            const QString token = issueToken();
            return jsonReply(200,
                             {{key("access_token"), token}, {key("expires_in"), m_tokenLifetimeS}});
        });
    addControlRoute(
        "POST", key("/toast/webhooks"), [this](const FakeRequest &request, const QStringList &) {
            const QJsonObject body = bodyOf(request);
            if (body.contains(key("url")))
                setWebhookUrl(body.value(key("url")).toString());
            if (body.contains(key("secret")))
                setWebhookSecret(body.value(key("secret")).toString());
            return jsonReply(200, {{key("url"), webhookUrl()}, {key("secret"), webhookSecret()}});
        });
    addControlRoute("POST", key("/toast/webhooks/send"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        const QString eventGuid =
                            sendOrderWebhook(body.value(key("order_guid")).toString(),
                                             body.value(key("bad_signature")).toBool());
                        if (eventGuid.isEmpty())
                            return problem(404, key("no such order, or no webhook URL"));
                        return jsonReply(200, {{key("event_guid"), eventGuid}});
                    });
    addControlRoute("POST", key("/toast/quirks"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        if (body.contains(key("unknown_values")))
                            setUnknownValues(body.value(key("unknown_values")).toBool());
                        if (body.contains(key("card_in_notes")))
                            setCardNumberInNotes(body.value(key("card_in_notes")).toBool());
                        if (body.contains(key("external_id_unique")))
                            setExternalIdUnique(body.value(key("external_id_unique")).toBool());
                        return jsonReply(200,
                                         {{key("unknown_values"), m_unknownValues},
                                          {key("card_in_notes"), m_cardInNotes},
                                          {key("external_id_unique"), m_externalIdUnique}});
                    });
}
