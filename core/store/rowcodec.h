// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "order/order.h"
#include "order/orderevent.h"

#include <QString>

#include <optional>

class QSqlQuery;

/**
 * Turns events and orders into table rows and back. Reading goes through the same validation as
 * the wire, so a damaged row is reported instead of trusted.
 */
namespace RowCodec {
/** The events columns that decodeEvent() reads, in order, for a SELECT list. */
QString eventColumns(const QString &prefix = {});
/** Reads an event from the query's current row, starting at column first. */
Result<OrderEvent> decodeEvent(const QSqlQuery &query, int first);
/** Binds :event_id, :order_id, … :payload for an INSERT into events. */
void bindEvent(QSqlQuery &query, const OrderEvent &event);

/** The orders columns that decodeOrder() reads, in order. */
QString orderColumns();
/** Reads an order from the query's current row; checks the columns agree with the body. */
Result<Order> decodeOrder(const QSqlQuery &query, int first);
/** The order's columns from the query's current row (not its body: no items, notes, customer
 *  or schedule); nullopt when its type or state names none. */
std::optional<Order> orderHead(const QSqlQuery &query, int first);
/** The order in its stored body (UTF-8 JSON); checks it agrees with head, its columns. */
Result<Order> decodeOrderBody(const Order &head, const QByteArray &body);
/** The INSERT OR REPLACE statement that bindOrder() fills. */
QString orderUpsertStatement();
/** Binds :order_id, :store_id, … :body for orderUpsertStatement(). */
void bindOrder(QSqlQuery &query, const Order &order);
} // namespace RowCodec
