// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "posexchange.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

QJsonObject PosAnswer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

qint64 PosAnswer::parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return 0;
    bool isNumber = false;
    const double seconds = trimmed.toDouble(&isNumber);
    if (isNumber)
        return seconds > 0 ? qint64(seconds * 1000) : 0;
    // An HTTP date: "Wed, 21 Oct 2026 07:28:00 GMT".
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(trimmed).chopped(4),
                                                 QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!at.isValid() || !trimmed.endsWith("GMT"))
        return 0;
    QDateTime utc = at;
    utc.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, utc.toMSecsSinceEpoch() - nowMs);
}
