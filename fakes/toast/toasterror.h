// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

/**
 * One Toast error: the body is Toast's ErrorMessage {status, code, message, messageKey,
 * fieldName, link, requestId, developerMessage, errors[], canRetry}. Toast publishes only that
 * `code` is numeric; the fake's codes are its own (10000 + status, and the few below), with a
 * stable `messageKey` for each (fakes/README.md lists them).
 */
struct ToastError
{
    // The fake's codes where the status alone does not say what went wrong.
    static constexpr int missingRestaurantCode = 10021;
    static constexpr int unknownRestaurantCode = 10022;
    static constexpr int expiredTokenCode = 10011;
    static constexpr int duplicateExternalIdCode = 10409;
    static constexpr int deliveredCode = 10422;

    int status = 400;
    int code = 10400;
    QString messageKey = QStringLiteral("BAD_REQUEST");
    QString message;
    QString fieldName; // null when empty
    bool canRetry = false;

    static ToastError bad(const QString &message, const QString &fieldName = {})
    {
        return {400, 10400, QStringLiteral("BAD_REQUEST"), message, fieldName, false};
    }
    static ToastError forStatus(int status, const QString &messageKey, const QString &message)
    {
        return {status, 10000 + status, messageKey, message, {}, status >= 500 || status == 429};
    }

    FakeReply reply() const
    {
        const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject body {{QStringLiteral("status"), status},
                                {QStringLiteral("code"), code},
                                {QStringLiteral("message"), message},
                                {QStringLiteral("messageKey"), messageKey},
                                {QStringLiteral("fieldName"),
                                 fieldName.isEmpty() ? QJsonValue() : QJsonValue(fieldName)},
                                {QStringLiteral("link"), QJsonValue()},
                                {QStringLiteral("requestId"), requestId},
                                {QStringLiteral("developerMessage"), message},
                                {QStringLiteral("errors"), QJsonArray()},
                                {QStringLiteral("canRetry"), canRetry}};
        return FakeReply::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
};
