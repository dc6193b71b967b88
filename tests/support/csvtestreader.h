// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A strict RFC 4180 reader for the report exports' tests, written apart from the writer so that
// the two cannot share a mistake: records end in CRLF; a field is either bare (no quote, comma,
// CR or LF) or quoted, with doubled quotes inside; nothing may follow a closing quote but a comma
// or the end of the record. Anything else is an error, not a guess.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace CsvTest {

struct Table
{
    bool ok = false;
    QString error; // where and why it could not be read
    bool byteOrderMark = false; // the bytes began with UTF-8's BOM (not part of the text)
    QStringList header;
    QList<QStringList> records; // after the header

    /** Each record as column → value; empty if a record's width is not the header's. */
    QList<QHash<QString, QString>> rows() const
    {
        QList<QHash<QString, QString>> result;
        for (const QStringList &record : records) {
            if (record.size() != header.size())
                return {};
            QHash<QString, QString> row;
            for (qsizetype i = 0; i < header.size(); ++i)
                row.insert(header.at(i), record.at(i));
            result.append(row);
        }
        return result;
    }
};

inline Table read(const QByteArray &bytes)
{
    Table table;
    QByteArray body = bytes;
    if (body.startsWith("\xEF\xBB\xBF")) {
        table.byteOrderMark = true;
        body.remove(0, 3);
    }
    const QString text = QString::fromUtf8(body);
    const auto fail = [&](qsizetype at, const QString &why) {
        table.ok = false;
        table.error = QStringLiteral("at %1: %2").arg(at).arg(why);
        return table;
    };

    QList<QStringList> all;
    QStringList record;
    qsizetype at = 0;
    while (at < text.size()) {
        QString field;
        if (text.at(at) == QLatin1Char('"')) {
            ++at;
            for (;;) {
                if (at >= text.size())
                    return fail(at, QStringLiteral("a quoted field never ends"));
                if (text.at(at) == QLatin1Char('"')) {
                    if (at + 1 < text.size() && text.at(at + 1) == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        at += 2;
                        continue;
                    }
                    ++at;
                    break;
                }
                field += text.at(at++);
            }
        } else {
            while (at < text.size() && text.at(at) != QLatin1Char(',')
                   && text.at(at) != QLatin1Char('\r') && text.at(at) != QLatin1Char('\n')) {
                if (text.at(at) == QLatin1Char('"'))
                    return fail(at, QStringLiteral("a quote inside a bare field"));
                field += text.at(at++);
            }
        }
        record.append(field);
        if (at < text.size() && text.at(at) == QLatin1Char(',')) {
            ++at;
            if (at == text.size())
                return fail(at, QStringLiteral("the text ends after a comma"));
            continue;
        }
        if (text.mid(at, 2) != QLatin1String("\r\n"))
            return fail(at, QStringLiteral("a record does not end in CRLF"));
        at += 2;
        all.append(record);
        record.clear();
    }
    if (all.isEmpty())
        return fail(0, QStringLiteral("no header"));
    table.header = all.takeFirst();
    table.records = all;
    for (qsizetype i = 0; i < table.records.size(); ++i) {
        if (table.records.at(i).size() != table.header.size())
            return fail(i,
                        QStringLiteral("record %1 has %2 fields, the header %3")
                            .arg(i + 1)
                            .arg(table.records.at(i).size())
                            .arg(table.header.size()));
    }
    table.ok = true;
    return table;
}

} // namespace CsvTest
