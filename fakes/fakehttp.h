// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

using FakeHeaders = QList<QPair<QByteArray, QByteArray>>;

/** One request as a fake vendor saw it, copied out of QHttpServer's per-socket request. */
struct FakeRequest
{
    QByteArray method; // "GET", "POST", …
    QString path;
    QUrlQuery query;
    FakeHeaders headers; // as sent
    QByteArray body;

    /** The first header of that name (case-insensitive), empty when absent. */
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

/** What a fake answers: status, headers and body (JSON unless a header says otherwise). */
struct FakeReply
{
    int status = 200;
    QByteArray body;
    FakeHeaders headers;
    /** Runs once the answer is written, dropped or abandoned (a vendor counting requests in
     * flight); empty for most replies. */
    std::function<void()> onSent;

    static FakeReply json(int status, const QByteArray &body) { return {status, body, {}, {}}; }
};

/** A route's handler: the request and the values of the path's "{}" segments, in order. */
using FakeHandler = std::function<FakeReply(const FakeRequest &, const QStringList &)>;

/** The fake's time in UTC milliseconds since the epoch; tests pass a manual clock. */
using FakeClock = std::function<qint64()>;

/** One record of everything a fake answered (tests check headers an adapter sent). */
struct FakeExchange
{
    FakeRequest request;
    int status = 0;
    qint64 atMs = 0;
};
