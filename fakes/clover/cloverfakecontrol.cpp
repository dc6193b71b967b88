// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Clover fake's own control paths, under /__fake/clover/ (fakes/README.md): what a test or
// script does "at the till" or "at Clover" while a client talks to the API.
#include "fakes/clover/cloverfake.h"

#include <QJsonArray>
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

void CloverFake::addControlRoutes()
{
    addControlRoute("POST", key("/clover/counter-orders"),
                    [this](const FakeRequest &request, const QStringList &) {
                        const QJsonObject body = bodyOf(request);
                        if (!body.value(key("order")).isObject())
                            return problem(400, key("wants {\"order\": {…}}"));
                        const QString id = createCounterOrder(body.value(key("order")).toObject());
                        return jsonReply(200, {{key("order"), *order(id)}});
                    });
    addControlRoute("GET", key("/clover/orders"), [this](const FakeRequest &request,
                                                         const QStringList &) {
        const QStringList ids = ordersWithReference(
            request.query.queryItemValue(key("external_reference_id"), QUrl::FullyDecoded));
        return jsonReply(200, {{key("ids"), QJsonArray::fromStringList(ids)},
                               {key("count"), ids.size()}});
    });
    addControlRoute("GET", key("/clover/orders/{}"), [this](const FakeRequest &,
                                                            const QStringList &args) {
        const std::optional<QJsonObject> found = order(args.at(0));
        return found ? jsonReply(200, {{key("order"), *found}}) : problem(404, key("no such order"));
    });
    addControlRoute("POST", key("/clover/orders/{}"), [this](const FakeRequest &request,
                                                             const QStringList &args) {
        if (!updateCounterOrder(args.at(0), bodyOf(request)))
            return problem(404, key("no such order"));
        return jsonReply(200, {{key("order"), *order(args.at(0))}});
    });
    addControlRoute("DELETE", key("/clover/orders/{}"), [this](const FakeRequest &,
                                                               const QStringList &args) {
        return deleteCounterOrder(args.at(0)) ? jsonReply(200, {})
                                              : problem(404, key("no such order"));
    });
    addControlRoute("POST", key("/clover/orders/{}/line-items"),
                    [this](const FakeRequest &request, const QStringList &args) {
                        const QString id = addLineItemAtTill(args.at(0), bodyOf(request));
                        if (id.isEmpty())
                            return problem(400, key("no such order, or the item has no price"));
                        return jsonReply(200, {{key("id"), id}});
                    });
    addControlRoute("DELETE", key("/clover/orders/{}/line-items/{}"),
                    [this](const FakeRequest &, const QStringList &args) {
                        return removeLineItemAtTill(args.at(0), args.at(1))
                            ? jsonReply(200, {})
                            : problem(404, key("no such order or line item"));
                    });
    addControlRoute("POST", key("/clover/tokens"), [this](const FakeRequest &request,
                                                          const QStringList &) {
        const QJsonObject body = bodyOf(request);
        if (body.contains(key("api_token"))) {
            addApiToken(body.value(key("api_token")).toString());
            return jsonReply(200, body);
        }
        if (body.contains(key("access_s")))
            setTokenLifetimes(body.value(key("access_s")).toInteger(),
                              body.value(key("refresh_s")).toInteger(365 * 24 * 3600));
        return jsonReply(200, issueTokens().toJson());
    });
    addControlRoute("POST", key("/clover/tokens/expire"), [this](const FakeRequest &request,
                                                                 const QStringList &) {
        return expireAccessToken(bodyOf(request).value(key("access_token")).toString())
            ? jsonReply(200, {})
            : problem(404, key("no such access token"));
    });
    addControlRoute("POST", key("/clover/webhooks"), [this](const FakeRequest &request,
                                                            const QStringList &) {
        const QJsonObject body = bodyOf(request);
        if (body.contains(key("url")))
            setWebhookUrl(body.value(key("url")).toString());
        if (body.contains(key("auth_code")))
            setWebhookAuthCode(body.value(key("auth_code")).toString());
        if (body.contains(key("drop")))
            dropWebhooks(body.value(key("drop")).toInt());
        return jsonReply(200, {{key("url"), webhookUrl()},
                               {key("auth_code"), webhookAuthCode()},
                               {key("dropped"), QJsonArray::fromStringList(droppedWebhooks())}});
    });
    addControlRoute("POST", key("/clover/webhooks/send"), [this](const FakeRequest &request,
                                                                 const QStringList &) {
        const QJsonObject body = bodyOf(request);
        const QString eventId = sendOrderWebhook(body.value(key("order_id")).toString(),
                                                 body.value(key("type")).toString(key("UPDATE")),
                                                 body.value(key("wrong_auth")).toBool());
        return eventId.isEmpty() ? problem(409, key("no webhook URL"))
                                 : jsonReply(200, {{key("event_id"), eventId}});
    });
    addControlRoute("POST", key("/clover/webhooks/verify"), [this](const FakeRequest &request,
                                                                   const QStringList &) {
        return sendVerificationCode(bodyOf(request).value(key("code")).toString())
            ? jsonReply(200, {})
            : problem(409, key("no webhook URL"));
    });
    addControlRoute("POST", key("/clover/print/settle"), [this](const FakeRequest &,
                                                                const QStringList &) {
        settlePrinting();
        return jsonReply(200, {});
    });
    addControlRoute("POST", key("/clover/quirks"), [this](const FakeRequest &request,
                                                          const QStringList &) {
        const QJsonObject body = bodyOf(request);
        if (body.contains(key("unknown_values")))
            setUnknownValues(body.value(key("unknown_values")).toBool());
        if (body.contains(key("card_in_notes")))
            setCardNumberInNotes(body.value(key("card_in_notes")).toBool());
        if (body.contains(key("rate_limits")))
            setRateLimitsEnforced(body.value(key("rate_limits")).toBool());
        if (body.contains(key("printer_fails")))
            setPrinterFails(body.value(key("printer_fails")).toBool());
        if (body.contains(key("print_duration_ms")))
            setPrintDurationMs(body.value(key("print_duration_ms")).toInteger());
        if (body.contains(key("scripted_rate_limit"))
            && !setScriptedRateLimit(body.value(key("scripted_rate_limit")).toString()))
            return problem(400, key("scripted_rate_limit: tokenLimit, crossTokenLimit, "
                                    "tokenConcurrentLimit or crossTokenConcurrentLimit"));
        return jsonReply(200, {{key("unknown_values"), m_unknownValues},
                               {key("card_in_notes"), m_cardInNotes},
                               {key("rate_limits"), m_limiter.enforced()},
                               {key("printer_fails"), m_printerFails},
                               {key("print_duration_ms"), m_printDurationMs}});
    });
}
