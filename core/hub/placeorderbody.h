// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderevent.h"

#include <QByteArray>
#include <QString>

#include <optional>

/**
 * The body of POST /v1/stores/<store>/orders read as the hub's HTTP API takes it in, in bytes
 * only: the placed event it makes, or why the request is refused (answered 400). Nothing is
 * placed that the hub could not send to a console (OrderLimits).
 */
struct PlaceOrderBody
{
    std::optional<OrderEvent> placed;
    QString errorCode; // bad_json, bad_order, wrong_store, order_too_large
    QString message;

    /** Reads body for storeId at nowMs; the event's id derives from (store, key, body). */
    static PlaceOrderBody read(const QString &storeId, const QByteArray &body, const QString &key,
                               qint64 nowMs);
};

/** A request body's SHA-256 in hex: part of the ids derived from a request. */
QString requestBodyHash(const QByteArray &body);
