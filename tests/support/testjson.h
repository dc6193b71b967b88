// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON as tests write and read it: one line of text, as it travels in a frame or an HTTP body,
// and objects edited one key at a time for tables of bad input.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace TestJson {

/** json as one line of text. */
inline QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

/** The object text holds; empty if text is not a JSON object. */
inline QJsonObject parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

/** json written out as text and read back: what a value looks like after the wire. */
inline QJsonObject throughText(const QJsonObject &json)
{
    return parse(compact(json));
}

/** json with key set to value. */
inline QJsonObject with(QJsonObject json, const QString &key, const QJsonValue &value)
{
    json.insert(key, value);
    return json;
}

/** json without key. */
inline QJsonObject without(QJsonObject json, const QString &key)
{
    json.remove(key);
    return json;
}

} // namespace TestJson
