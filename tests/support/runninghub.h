// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real order-hub process for tests: started with arguments, its ports read from the line it
// prints when it listens, killed when the test is done with it.

#include "order/order.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

struct RunningHub
{
    static constexpr int timeoutMs = 10'000;

    explicit RunningHub(QString path) : hubPath(std::move(path)) { }
    ~RunningHub() { kill(); }

    bool start(const QStringList &arguments)
    {
        output.clear();
        process = std::make_unique<QProcess>();
        process->start(hubPath, arguments);
        if (!process->waitForStarted(timeoutMs))
            return false;
        static const QRegularExpression line(
                QStringLiteral("order-hub listening ws=(\\d+) http=(\\d+)"));
        return QTest::qWaitFor(
                [this] {
                    output += process->readAllStandardOutput();
                    const QRegularExpressionMatch match = line.match(QString::fromUtf8(output));
                    if (!match.hasMatch())
                        return process->state() == QProcess::NotRunning;
                    wsPort = quint16(match.captured(1).toUInt());
                    httpPort = quint16(match.captured(2).toUInt());
                    return true;
                },
                timeoutMs)
                && wsPort != 0;
    }

    /** SIGKILL: no goodbye, no flush beyond what the hub already committed. */
    void kill()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(timeoutMs);
        }
    }

    /** Places an order as the platform's customers do, over the hub's HTTP intake; its id once
     *  the hub answered 201 Created, else empty. */
    QString placeOverHttp(const QString &storeId, const Order &order, int waitMs = timeoutMs)
    {
        QNetworkRequest request(QUrl(
            QStringLiteral("http://127.0.0.1:%1/v1/stores/%2/orders").arg(httpPort).arg(storeId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Idempotency-Key", order.id.toUtf8());
        std::unique_ptr<QNetworkReply> reply(
            http.post(request, QJsonDocument(order.toJson()).toJson(QJsonDocument::Compact)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.isValid() || (!reply->isFinished() && !finished.wait(waitMs)))
            return {};
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return status == 201 ? order.id : QString();
    }

    QString hubPath;
    QNetworkAccessManager http;
    std::unique_ptr<QProcess> process;
    quint16 wsPort = 0;
    quint16 httpPort = 0;
    QByteArray output;
};
