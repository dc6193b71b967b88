// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "posconnection.h"

#include "sessionlogging.h"

#include "channels/channeldispatcher.h"
#include "common/clock.h"
#include "channels/channelregistry.h"
#include "engine/orderengine.h"
#include "pos/poschannel.h"
#include "pos/posfeed.h"
#include "pos/poshttp.h"
#include "pos/poswebhooklistener.h"
#include "security/credentialstore.h"

#include <QDateTime>

PosConnection::PosConnection(OrderEngine &engine, Store &store, const Clock &clock,
                             PosSettings settings, Context context, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(store)
    , m_clock(clock)
    , m_settings(std::move(settings))
    , m_context(std::move(context))
{
    // The kitchen's steps wait in the POS's queue from now on, whenever its secrets arrive.
    m_engine.channels().expect(destination());
}

PosConnection::~PosConnection()
{
    m_engine.channels().forget(destination()); // its channel leaves as the members go
}

QString PosConnection::destination() const
{
    return QStringLiteral("pos:") + m_settings.vendor;
}

void PosConnection::startFromKeyring(CredentialStore &credentials)
{
    const QString key = PosSecrets::keychainKey(m_context.storeId);
    connect(&credentials, &CredentialStore::readDone, this,
            [this, key](const QString &read, const QByteArray &secret) {
                if (read == key)
                    startWithSecrets(PosSecrets::fromJson(secret));
            });
    connect(&credentials, &CredentialStore::failed, this,
            [this, key](const QString &failed, const QString &message) {
                if (failed != key)
                    return;
                // The keyring's own words go to the log; the board says what to do.
                qCWarning(lcSession).noquote() << "no POS secrets:" << message;
                const QString vendor = m_settings.vendor.left(1).toUpper() + m_settings.vendor.mid(1);
                m_problem = tr("No sign-in for %1 is saved on this console: enter it in the "
                               "settings.")
                                    .arg(vendor);
                Q_EMIT problem(m_problem);
            });
    connect(this, &PosConnection::secretsRenewed, &credentials,
            [&credentials, key](const QByteArray &json) { credentials.write(key, json); });
    qCInfo(lcSession).noquote() << "reading the POS secrets" << key;
    credentials.read(key);
}

bool PosConnection::startWithSecrets(const PosSecrets &secrets)
{
    Result<PosAdapter> adapter = PosAdapter::make(m_settings, secrets);
    if (!adapter) {
        qCWarning(lcSession).noquote() << "no POS:" << adapter.error();
        m_problem = adapter.error();
        Q_EMIT problem(m_problem);
        return false;
    }
    m_feed.reset();
    m_channel.reset(); // leaves the engine's channels as it goes
    m_http.reset();
    m_secrets = secrets;
    m_vendor = std::move(adapter->vendor);
    m_http = std::make_unique<PosHttp>(*m_vendor, m_clock);
    m_http->setBaseUrl(m_settings.baseUrl);
    m_http->setAuth(std::move(adapter->auth));
    connect(m_http.get(), &PosHttp::credentialsRenewed, this, &PosConnection::keepRenewedSecrets);
    m_channel = std::make_unique<PosChannel>(*m_vendor, *m_http, m_store);
    ChannelDispatcher &dispatcher = m_engine.channels().add(*m_channel, m_context.retry);
    connect(&dispatcher, &ChannelDispatcher::healthChanged, this, [this, &dispatcher] {
        const QString problem = deliveryProblem(dispatcher);
        if (problem != m_deliveryProblem) {
            m_deliveryProblem = problem;
            reportProblems();
        }
    });

    PosFeed::Config feed;
    feed.storeId = m_context.storeId;
    feed.pollIntervalMs = m_settings.pollSeconds * 1000;
    feed.prepMinutes = m_context.prepMinutes;
    feed.routes = m_context.routes;
    feed.sweepIntervalMs = qint64(m_settings.sweepMinutes) * 60'000;
    feed.sweepBatch = m_settings.sweepBatch;
    m_feed = std::make_unique<PosFeed>(*m_vendor, *m_http, m_engine, m_store, m_clock, feed);
    connect(m_feed.get(), &PosFeed::problemChanged, this, [this](const QString &problem) {
        m_feedProblem = problem;
        reportProblems();
    });
    // The platform refused what this console relayed of a POS order: another screen moved the
    // order meanwhile. The POS is read again, and its word is said anew from where it stands.
    connect(&m_engine, &OrderEngine::refusedByPlatform, m_feed.get(),
            [feed = m_feed.get()](const OrderEvent &event) {
                if (event.origin == feed->source())
                    feed->recheck(event.orderId);
            });
    m_problem.clear();
    Q_EMIT problem(QString());
    if (m_listener)
        m_listener->route(QStringLiteral("/pos/") + m_settings.vendor, m_feed.get(),
                          m_settings.webhookUrl);
    else if (m_settings.webhookPort > 0)
        listen(QHostAddress::Any, m_settings.webhookPort);
    m_feed->start();
    qCInfo(lcSession).noquote() << "POS" << m_vendor->name() << "at"
                                << m_settings.baseUrl.toDisplayString() << "location"
                                << m_settings.locationId;
    return true;
}

bool PosConnection::listen(const QHostAddress &address, quint16 port)
{
    auto listener = std::make_unique<PosWebhookListener>();
    if (!listener->listen(address, port)) {
        Q_EMIT problem(tr("The console cannot receive %1's webhooks on port %2 (%3); it polls "
                          "instead.")
                               .arg(m_vendor->displayName())
                               .arg(port)
                               .arg(listener->errorString()));
        return false;
    }
    m_listener = std::move(listener);
    m_listener->route(QStringLiteral("/pos/") + m_settings.vendor, m_feed.get(),
                      m_settings.webhookUrl);
    return true;
}

QUrl PosConnection::listenLocally()
{
    if (!m_feed || (!m_listener && !listen(QHostAddress::LocalHost, 0)))
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_listener->port());
    url.setPath(QStringLiteral("/pos/") + m_settings.vendor);
    if (m_settings.webhookUrl.isEmpty()) // the vendor signs the URL it posts to: this one
        m_listener->route(url.path(), m_feed.get(), url);
    return url;
}

void PosConnection::followPolicy(const StorePolicy &policy)
{
    m_context.prepMinutes = policy.defaultPrepMinutes;
    m_context.routes = policy.routes;
    if (m_feed)
        m_feed->followPolicy(policy);
}

void PosConnection::testConnection(PosProbe::Verdict verdict)
{
    if (!m_vendor || !m_http) {
        verdict(Failure {m_problem.isEmpty() ? tr("No POS runs on this console.") : m_problem});
        return;
    }
    PosProbe::run(*m_vendor, *m_http, m_settings, m_clock, std::move(verdict));
}

void PosConnection::keepRenewedSecrets()
{
    m_secrets.oauth = m_http->auth()->secretToKeep();
    Q_EMIT secretsRenewed(m_secrets.toJson());
}

void PosConnection::reportProblems()
{
    QStringList problems {m_feedProblem, m_deliveryProblem};
    problems.removeAll(QString());
    Q_EMIT problem(problems.join(QLatin1Char('\n')));
}

QString PosConnection::deliveryProblem(const ChannelDispatcher &dispatcher) const
{
    const ChannelHealth health = dispatcher.health();
    const QString name = m_vendor->displayName();
    if (health.deadLetters > 0) {
        const QString dead = tr("%n change(s) could not be sent to %1 and wait for a manager",
                                nullptr, health.deadLetters)
                                     .arg(name);
        if (health.parkedOrders == 0)
            return dead + QLatin1Char('.');
        return dead + tr("; %n order(s) wait behind them.", nullptr, health.parkedOrders);
    }
    if (health.heldUntil && *health.heldUntil > m_clock.nowMs())
        return tr("%1 asked for a pause; changes go again at %2.")
                .arg(name, QDateTime::fromMSecsSinceEpoch(*health.heldUntil)
                                   .toLocalTime()
                                   .toString(QStringLiteral("HH:mm:ss")));
    if (health.pending > 0 && !health.lastError.isEmpty())
        return tr("%n change(s) wait for %1: %2", nullptr, health.pending)
                .arg(name, health.lastError);
    return {};
}
