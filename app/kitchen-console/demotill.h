// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pos/possetup.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QTimer>

/**
 * The demo's counter: pos-fake as the store's Square, beside the demo hub, whose cashier rings up
 * an order now and then so counter orders appear on the board next to the platform's. It says
 * how to reach it (ready) and posts its webhooks to the console's listener once told where.
 */
class DemoTill final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTill)

public:
    struct Options
    {
        QString program; // pos-fake
        int ordersPerMinute = 1;
        quint32 seed = 7;
    };

    explicit DemoTill(Options options, QObject *parent = nullptr);
    ~DemoTill() override;

    /** pos-fake beside kitchen-console in the build tree or the install; empty if absent. */
    static QString findProgram(const QString &applicationDir);

    void start();
    /** Square's webhooks go to url from now on, and the cashier starts ringing orders up. */
    void sendWebhooksTo(const QUrl &url);

Q_SIGNALS:
    /** The fake Square listens: how the console reaches it. */
    void ready(const PosSettings &settings, const PosSecrets &secrets);
    void failed(const QString &message);

private:
    void onStdout();
    void control(const QString &path, const QJsonObject &body);
    void ringUp();

    Options m_options;
    QProcess m_process;
    QNetworkAccessManager m_network;
    QTimer m_cashier;
    QByteArray m_stdout;
    QUrl m_baseUrl;
    QByteArray m_signatureKey;
    QString m_locationId;
    int m_rung = 0;
};
