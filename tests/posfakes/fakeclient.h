// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A plain HTTP client for the fakes' own tests: sends what a test says, waits on signals (never
// sleeps) and hands back status, headers and JSON.
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

#include <utility>

struct FakeAnswer
{
    int status = 0; // 0: no HTTP answer (see error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    /** The first Square error's field ("code", "category", "field"). */
    QString firstError(const char *field) const
    {
        return json.value(QStringLiteral("errors")).toArray().at(0).toObject()
            .value(QString::fromLatin1(field)).toString();
    }
};

class FakeClient final
{
public:
    explicit FakeClient(quint16 port, QByteArray token = {})
        : m_token(std::move(token))
    {
        m_base.setScheme(QStringLiteral("http"));
        m_base.setHost(QStringLiteral("127.0.0.1"));
        m_base.setPort(port);
    }

    QByteArray version = "2026-09-16"; // empty: no Square-Version header
    QByteArray token() const { return m_token; }
    void setToken(const QByteArray &token) { m_token = token; }

    /** Starts a request; finish() waits for it. */
    QNetworkReply *start(const QByteArray &method, const QString &path,
                         const QJsonObject &body = {})
    {
        QUrl url = m_base;
        const qsizetype query = path.indexOf(QLatin1Char('?'));
        url.setPath(query < 0 ? path : path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        if (!version.isEmpty())
            request.setRawHeader("Square-Version", version);
        const QByteArray bytes = body.isEmpty() && method == "GET"
            ? QByteArray()
            : QJsonDocument(body).toJson(QJsonDocument::Compact);
        return m_network.sendCustomRequest(request, method, bytes);
    }

    static FakeAnswer finish(QNetworkReply *reply, int timeoutMs = 5000)
    {
        FakeAnswer answer;
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.isValid() || !finished.wait(timeoutMs)) {
                answer.error = QNetworkReply::TimeoutError;
                reply->abort();
                reply->deleteLater();
                return answer;
            }
        }
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.error = reply->error();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        answer.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return answer;
    }

    FakeAnswer call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return finish(start(method, path, body));
    }

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
    QByteArray m_token;
};
