// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Square fake's own control paths, under /__fake/square/ (fakes/README.md): what a test or
// script does "at the POS" or "at Square" while a client talks to the API.
#include "fakes/square/squarefake.h"

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
    return FakeReply::json(status, QJsonDocument(QJsonObject {{key("error"), why}})
                                       .toJson(QJsonDocument::Compact));
}
} // namespace

void SquareFake::addControlRoutes()
{
    addControlRoute("POST", key("/square/counter-orders"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        if (!body.value(key("order")).isObject())
                            return problem(400, key("wants {\"order\": {…}, \"updatable\": bool}"));
                        const QString id = createCounterOrder(
                            body.value(key("order")).toObject(),
                            body.value(key("updatable")).toBool(true));
                        return jsonReply(200, {{key("order"), render(*m_book.find(id))}});
                    });
    addControlRoute("GET", key("/square/orders/{}"),
                    [this](const FakeRequest &, const QStringList &args) {
                        const std::optional<QJsonObject> found = m_book.find(args.at(0));
                        if (!found)
                            return problem(404, key("no such order"));
                        return jsonReply(200, {{key("order"), *found}});
                    });
    addControlRoute("POST", key("/square/orders/{}/bump-version"),
                    [this](const FakeRequest &, const QStringList &args) {
                        if (!bumpVersion(args.at(0)))
                            return problem(404, key("no such order, or it has no version"));
                        return jsonReply(200, {{key("order"), *m_book.find(args.at(0))}});
                    });
    addControlRoute("POST", key("/square/tokens"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        const QString token = body.value(key("token")).toString();
                        if (token.isEmpty())
                            return problem(400, key("wants {\"token\": …, \"expired\": bool}"));
                        if (body.value(key("expired")).toBool())
                            expireAccessToken(token);
                        else
                            addAccessToken(token);
                        return jsonReply(200, body);
                    });
    addControlRoute("POST", key("/square/webhooks"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        if (body.contains(key("url")))
                            setWebhookUrl(body.value(key("url")).toString());
                        if (body.contains(key("signature_key")))
                            setSignatureKey(body.value(key("signature_key")).toString());
                        return jsonReply(200, {{key("url"), webhookUrl()},
                                               {key("signature_key"), signatureKey()}});
                    });
    addControlRoute("POST", key("/square/webhooks/send"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        const QString eventId = sendOrderWebhook(
                            body.value(key("order_id")).toString(),
                            body.value(key("type")).toString(key("order.updated")),
                            body.value(key("bad_signature")).toBool());
                        if (eventId.isEmpty())
                            return problem(404, key("no such order, or no webhook URL"));
                        return jsonReply(200, {{key("event_id"), eventId}});
                    });
    addControlRoute("POST", key("/square/quirks"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        if (body.contains(key("unknown_values")))
                            setUnknownValues(body.value(key("unknown_values")).toBool());
                        if (body.contains(key("card_in_notes")))
                            setCardNumberInNotes(body.value(key("card_in_notes")).toBool());
                        return jsonReply(200, {{key("unknown_values"), m_unknownValues},
                                               {key("card_in_notes"), m_cardInNotes}});
                    });
    addControlRoute("GET", key("/square/versions"),
                    [this](const FakeRequest &, const QStringList &) {
                        return jsonReply(200, {{key("square_versions"),
                                                QJsonArray::fromStringList(m_versionsSeen)}});
                    });
}
