// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demotill.h"

#include "consolelogging.h"
#include "siblingprogram.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {
constexpr qsizetype maxStdoutBytes = 64 * 1024; // a fake that never says it listens

struct Dish
{
    const char *name;
    const char *modifier;
};
// What a counter sells; the cashier goes round them and round the customers.
constexpr Dish dishes[] = {{"Espresso", nullptr},  {"Croissant", "warm"}, {"Flat white", "oat milk"},
                           {"Bagel", "no butter"}, {"Soup of the day", nullptr},
                           {"Toastie", "no onion"}};
constexpr const char *customers[] = {"Ana", "Ben", "Chloé", "Dev", "Eli", "Farah", "Gus"};
} // namespace

DemoTill::DemoTill(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoTill::onStdout);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("pos-fake not found at %1").arg(m_options.program));
    });
#ifdef Q_OS_LINUX
    // If this console dies without cleaning up, the fake Square goes with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_cashier.setInterval(60'000 / std::max(1, m_options.ordersPerMinute));
    connect(&m_cashier, &QTimer::timeout, this, &DemoTill::ringUp);
}

DemoTill::~DemoTill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        m_process.closeWriteChannel(); // --watch-stdin: it stops
        if (!m_process.waitForFinished(1000))
            m_process.kill();
    }
}

QString DemoTill::findProgram(const QString &applicationDir)
{
    return findSiblingProgram(applicationDir, QStringLiteral("pos-fake"));
}

void DemoTill::start()
{
    if (m_options.program.isEmpty()) {
        Q_EMIT failed(tr("pos-fake not found next to kitchen-console"));
        return;
    }
    qCInfo(lcConsole).noquote() << "starting the demo till" << m_options.program;
    m_process.start(m_options.program,
                    {QStringLiteral("--vendor"), QStringLiteral("square"), QStringLiteral("--seed"),
                     QString::number(m_options.seed), QStringLiteral("--watch-stdin")});
}

void DemoTill::onStdout()
{
    m_stdout += m_process.readAllStandardOutput();
    if (m_baseUrl.isValid()) {
        m_stdout.clear();
        return;
    }
    const qsizetype end = m_stdout.indexOf('\n');
    if (end < 0) {
        if (m_stdout.size() > maxStdoutBytes)
            m_stdout.clear();
        return;
    }
    const QJsonObject said = QJsonDocument::fromJson(m_stdout.left(end)).object();
    m_stdout.clear();
    m_baseUrl = QUrl(said.value(QLatin1String("base_url")).toString());
    if (!m_baseUrl.isValid()) {
        Q_EMIT failed(tr("pos-fake did not say where it listens"));
        return;
    }
    PosSettings settings;
    settings.vendor = QStringLiteral("square");
    settings.baseUrl = m_baseUrl;
    settings.locationId = said.value(QLatin1String("location_id")).toString();
    m_locationId = settings.locationId;
    settings.pollSeconds = 30;
    PosSecrets secrets;
    secrets.token = said.value(QLatin1String("token")).toString().toUtf8();
    m_signatureKey = said.value(QLatin1String("signature_key")).toString().toUtf8();
    secrets.webhookKey = m_signatureKey;
    qCInfo(lcConsole).noquote() << "demo till (Square) at" << m_baseUrl.toDisplayString();
    Q_EMIT ready(settings, secrets);
}

void DemoTill::sendWebhooksTo(const QUrl &url)
{
    control(QStringLiteral("/__fake/square/webhooks"),
            {{QStringLiteral("url"), url.toString()},
             {QStringLiteral("signature_key"), QString::fromUtf8(m_signatureKey)}});
    ringUp();
    m_cashier.start();
}

void DemoTill::ringUp()
{
    const Dish &dish = dishes[m_rung % std::size(dishes)];
    QJsonObject line {{QStringLiteral("name"), QString::fromUtf8(dish.name)},
                      {QStringLiteral("quantity"), QString::number(1 + m_rung % 2)},
                      {QStringLiteral("base_price_money"),
                       QJsonObject {{QStringLiteral("amount"), 450},
                                    {QStringLiteral("currency"), QStringLiteral("USD")}}}};
    if (dish.modifier)
        line.insert(QStringLiteral("modifiers"),
                    QJsonArray {QJsonObject {{QStringLiteral("name"),
                                              QString::fromUtf8(dish.modifier)}}});
    const QString customer = QString::fromUtf8(customers[m_rung % std::size(customers)]);
    const QJsonObject fulfillment {
            {QStringLiteral("type"), QStringLiteral("PICKUP")},
            {QStringLiteral("state"), QStringLiteral("PROPOSED")},
            {QStringLiteral("pickup_details"),
             QJsonObject {{QStringLiteral("recipient"),
                           QJsonObject {{QStringLiteral("display_name"), customer}}}}}};
    ++m_rung;
    control(QStringLiteral("/__fake/square/counter-orders"),
            {{QStringLiteral("order"),
              QJsonObject {{QStringLiteral("location_id"), m_locationId},
                           {QStringLiteral("line_items"), QJsonArray {line}},
                           {QStringLiteral("ticket_name"), QStringLiteral("C%1").arg(m_rung)},
                           {QStringLiteral("fulfillments"), QJsonArray {fulfillment}}}},
             {QStringLiteral("updatable"), true}});
}

void DemoTill::control(const QString &path, const QJsonObject &body)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply =
            m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, reply, [reply, path] {
        if (reply->error() != QNetworkReply::NoError)
            qCWarning(lcConsole).noquote() << "demo till:" << path << reply->errorString();
        reply->deleteLater();
    });
}
