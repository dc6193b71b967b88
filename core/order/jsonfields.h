// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * Reads typed fields from a JSON object and remembers the first problem, so parsers read as a
 * list of fields instead of a ladder of checks.
 */
class JsonFields final
{
public:
    JsonFields(const QJsonObject &json, const QString &what) : m_json(json), m_what(what) { }

    QString requiredString(const QString &key);
    QString optionalString(const QString &key);
    qint64 requiredInt64(const QString &key);
    qint64 optionalInt64(const QString &key, qint64 fallback);
    int optionalInt(const QString &key, int fallback);
    QStringList optionalStringList(const QString &key);
    /** A list of distinct indexes below size, in any order; returned sorted. */
    QList<int> optionalIndexList(const QString &key, qsizetype size);
    QJsonObject optionalObject(const QString &key);

    void fail(const QString &message);
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    bool has(const QString &key) const;
    void wrongType(const QString &key, const char *expected);

    QJsonObject m_json;
    QString m_what;
    QString m_error;
};
