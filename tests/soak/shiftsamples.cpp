// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shiftsamples.h"

#include "benchfigure.h"

#include "store/store.h"
#include "store/storedatabase.h"

#include <QAbstractItemModel>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>

#include <functional>

#include <sqlite3.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
constexpr double warmUpHours = 1.0;

qint64 pragma(const Store &store, const QString &name)
{
    QSqlQuery query(StoreDatabase::of(store));
    return query.exec(QStringLiteral("PRAGMA ") + name) && query.next()
        ? query.value(0).toLongLong()
        : 0;
}
} // namespace

qint64 ShiftSamples::heapInUseKib()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 info = mallinfo2();
    return qint64((info.uordblks + info.hblkhd) / 1024);
#else
    return 0;
#endif
}

ShiftSample ShiftSamples::now(double hours, const Store &store, const QAbstractItemModel &board)
{
    ShiftSample sample;
    sample.hours = hours;
    sample.rssKib = BenchRun::residentKib();
    sample.heapKib = heapInUseKib();
    sample.sqliteKib = sqlite3_memory_used() / 1024;
    sample.dbBytes = QFileInfo(store.path()).size();
    sample.walBytes = QFileInfo(store.path() + QStringLiteral("-wal")).size();
    sample.pageBytes =
        pragma(store, QStringLiteral("page_count")) * pragma(store, QStringLiteral("page_size"));
    sample.events = store.eventCount();
    sample.openOrders = board.rowCount();
    return sample;
}

const ShiftSample &ShiftSamples::warm() const
{
    for (const ShiftSample &sample : m_samples) {
        if (sample.hours >= warmUpHours - 1e-9)
            return sample;
    }
    return m_samples.constLast();
}

const ShiftSample &ShiftSamples::middle() const
{
    const double halfway = (warm().hours + last().hours) / 2;
    for (const ShiftSample &sample : m_samples) {
        if (sample.hours >= halfway - 1e-9)
            return sample;
    }
    return m_samples.constLast();
}

QJsonObject ShiftSamples::series() const
{
    const auto column = [this](const std::function<double(const ShiftSample &)> &of) {
        QJsonArray values;
        for (const ShiftSample &sample : m_samples)
            values.append(of(sample));
        return values;
    };
    const auto kib = [](qint64 bytes) { return double((bytes + 512) / 1024); };
    return {
        {QStringLiteral("hours"), column([](const ShiftSample &s) { return s.hours; })},
        {QStringLiteral("rss_kib"), column([](const ShiftSample &s) { return double(s.rssKib); })},
        {QStringLiteral("heap_kib"),
         column([](const ShiftSample &s) { return double(s.heapKib); })},
        {QStringLiteral("sqlite_kib"),
         column([](const ShiftSample &s) { return double(s.sqliteKib); })},
        {QStringLiteral("store_kib"),
         column([&kib](const ShiftSample &s) { return kib(s.storeBytes()); })},
        {QStringLiteral("db_kib"), column([&kib](const ShiftSample &s) { return kib(s.dbBytes); })},
        {QStringLiteral("wal_kib"),
         column([&kib](const ShiftSample &s) { return kib(s.walBytes); })},
        {QStringLiteral("pages_kib"),
         column([&kib](const ShiftSample &s) { return kib(s.pageBytes); })},
        {QStringLiteral("events"), column([](const ShiftSample &s) { return double(s.events); })},
        {QStringLiteral("open_orders"),
         column([](const ShiftSample &s) { return double(s.openOrders); })},
    };
}
