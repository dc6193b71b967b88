// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresaddress.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace {
const QString passwordRefusal = QStringLiteral(
    "a password does not belong in the database address (it would show in process lists "
    "and logs); give it in the PGPASSWORD environment variable");

bool isPostgresUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"))
        || text.startsWith(QLatin1String("postgres://"));
}

// One setting of either form (a URL's query or a key=value list); false for an unknown key.
bool setKey(PostgresAddress &address, const QString &key, const QString &value, QString *error)
{
    if (key == QLatin1String("host")) {
        address.host = value;
    } else if (key == QLatin1String("port")) {
        bool ok = false;
        address.port = value.toInt(&ok);
        if (!ok || address.port < 1 || address.port > 65535) {
            *error = QStringLiteral("the port \"%1\" is not a number from 1 to 65535").arg(value);
            return false;
        }
    } else if (key == QLatin1String("dbname")) {
        address.database = value;
    } else if (key == QLatin1String("user")) {
        address.user = value;
    } else if (key == QLatin1String("password")) {
        *error = passwordRefusal;
        return false;
    } else {
        *error = QStringLiteral("\"%1\" is not a setting order-hub knows (host, port, dbname, "
                                "user)")
                     .arg(key);
        return false;
    }
    return true;
}

Result<PostgresAddress> fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return Failure {QStringLiteral("not a valid address: %1").arg(url.errorString())};
    if (!url.password().isEmpty())
        return Failure {passwordRefusal};
    PostgresAddress address;
    address.host = url.host();
    address.port = url.port(5432);
    address.user = url.userName();
    address.database = url.path().mid(1);
    QString error;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!setKey(address, item.first, item.second, &error))
            return Failure {error};
    }
    return address;
}

Result<PostgresAddress> fromKeywords(const QString &text)
{
    static const QRegularExpression pair(QStringLiteral("^(\\w+)\\s*=\\s*(\\S+)$"));
    PostgresAddress address;
    QString error;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QRegularExpressionMatch match = pair.match(word);
        if (!match.hasMatch())
            return Failure {QStringLiteral("\"%1\" is not key=value").arg(word)};
        if (!setKey(address, match.captured(1), match.captured(2), &error))
            return Failure {error};
    }
    return address;
}
} // namespace

Result<PostgresAddress> PostgresAddress::parse(const QString &text)
{
    Result<PostgresAddress> address = isPostgresUrl(text) ? fromUrl(text) : fromKeywords(text);
    if (!address)
        return address;
    if (address->host.isEmpty())
        address->host = QStringLiteral("localhost");
    if (address->database.isEmpty())
        return Failure {QStringLiteral("the address names no database")};
    return address;
}

QString PostgresAddress::display() const
{
    const QString server = host.startsWith(QLatin1Char('/'))
        ? QStringLiteral("socket %1/.s.PGSQL.%2").arg(host).arg(port)
        : QStringLiteral("%1:%2").arg(host).arg(port);
    return QStringLiteral("database %1 on %2%3")
        .arg(database, server, user.isEmpty() ? QString() : QStringLiteral(" as %1").arg(user));
}
