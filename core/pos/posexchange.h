// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

/** One HTTP request to a POS, as a vendor adapter words it: no socket, no token yet. */
struct PosCall
{
    QByteArray verb = "GET";
    QString path; // from the vendor's base URL: "/v2/orders/ORD1"
    QUrlQuery query;
    std::optional<QJsonObject> body; // sent as application/json
    QList<QPair<QByteArray, QByteArray>> headers; // besides auth and the vendor's common ones

    static PosCall get(const QString &path, const QUrlQuery &query = {})
    {
        return {"GET", path, query, std::nullopt, {}};
    }
    static PosCall post(const QString &path, const QJsonObject &body)
    {
        return {"POST", path, {}, body, {}};
    }
    static PosCall put(const QString &path, const QJsonObject &body)
    {
        return {"PUT", path, {}, body, {}};
    }
};

/** What came back: a status and a body, or no answer at all (networkError). */
struct PosAnswer
{
    int status = 0; // 0 when nothing came back
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QString networkError; // empty when the vendor answered
    qint64 retryAfterMs = 0; // the vendor's Retry-After, read by the channel; 0 when absent

    bool answered() const { return status > 0; }
    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    /** The body as a JSON object; empty when it is not one. */
    QJsonObject json() const;
    /** A Retry-After value (seconds or an HTTP date) in ms from nowMs; 0 when unreadable. */
    static qint64 parseRetryAfter(const QByteArray &value, qint64 nowMs);
};
