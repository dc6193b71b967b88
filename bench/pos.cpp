// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench/pos: what our POS delivery costs beyond the HTTP it makes.
//
// drain_1000_writes_s: 1,000 kitchen steps queued for Square while it was not set up (the outbox
//   holds them), then drained through ChannelDispatcher, PosChannel and SquareWrite to the Square
//   fake (pos-fake, its own process on 127.0.0.1) until the outbox is empty. Against
//   bare_qnam_1000_writes_s: a bare QNetworkAccessManager loop making the same requests to the
//   same fake (GET the order for its version, then PUT its fulfillment state), as many at once
//   (PosChannel::defaultMaxInFlight), with nothing stored.
//
// Every round uses fresh orders on both sides, alternating which side goes first; the figure is
// the median over rounds. Results go to stdout as JSON lines, progress to stderr.
#include "benchfigure.h"

#include "channels/channelregistry.h"
#include "common/clock.h"
#include "engine/orderengine.h"
#include "pos/poschannel.h"
#include "pos/posorderdiff.h"
#include "pos/square/squarevendor.h"
#include "store/outbox.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

using BenchRun::check;
using BenchRun::progress;

namespace {
const QString storeId = QStringLiteral("store-bench");
const QString squareLocation = QStringLiteral("LOC1"); // the fake's default location
constexpr double drainTarget = 1.5;
constexpr int waitLimitMs = 120'000;

struct Settings
{
    int rounds = 3;
    int writes = 1000;

    static Settings quick() { return {1, 40}; }
};

/** Runs the event loop until done() holds; false when waitLimitMs passed first. */
bool spinUntil(const std::function<bool()> &done)
{
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > waitLimitMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

/** The Square fake in its own process, and blocking calls to it for the untimed set-up. */
class FakeSquare final
{
public:
    FakeSquare()
    {
        m_process.setProgram(QStringLiteral(KC_POS_FAKE));
        m_process.setArguments({QStringLiteral("--vendor"), QStringLiteral("square"),
                                QStringLiteral("--watch-stdin")});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kc.*.info=false"));
        m_process.setProcessEnvironment(environment);
        m_process.start();
        check(m_process.waitForStarted(10'000), QStringLiteral("pos-fake did not start"));
        check(m_process.waitForReadyRead(10'000), QStringLiteral("pos-fake said nothing"));
        const QJsonObject ready = QJsonDocument::fromJson(m_process.readLine()).object();
        m_baseUrl = QUrl(ready.value(QLatin1String("base_url")).toString());
        m_token = ready.value(QLatin1String("token")).toString().toUtf8();
        check(m_baseUrl.isValid() && !m_token.isEmpty(), QStringLiteral("pos-fake's ready line"));
    }
    ~FakeSquare()
    {
        m_process.closeWriteChannel(); // --watch-stdin: it goes
        m_process.waitForFinished(5000);
    }

    QUrl baseUrl() const { return m_baseUrl; }
    QByteArray token() const { return m_token; }

    /** Rings count orders up at the till; their JSON as Square returns them. */
    QList<QJsonObject> ringUp(int count)
    {
        QList<QJsonObject> orders;
        for (int i = 0; i < count; ++i) {
            const QJsonObject line {{QStringLiteral("name"), QStringLiteral("Burger")},
                                    {QStringLiteral("quantity"), QStringLiteral("1")},
                                    {QStringLiteral("base_price_money"),
                                     QJsonObject {{QStringLiteral("amount"), 900},
                                                  {QStringLiteral("currency"),
                                                   QStringLiteral("USD")}}}};
            const QJsonObject fulfillment {{QStringLiteral("type"), QStringLiteral("PICKUP")},
                                           {QStringLiteral("state"), QStringLiteral("PROPOSED")}};
            const QJsonObject order {
                    {QStringLiteral("location_id"), squareLocation},
                    {QStringLiteral("line_items"), QJsonArray {line}},
                    {QStringLiteral("fulfillments"), QJsonArray {fulfillment}}};
            QUrl url = m_baseUrl;
            url.setPath(QStringLiteral("/__fake/square/counter-orders"));
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = m_network.post(
                    request, QJsonDocument(QJsonObject {{QStringLiteral("order"), order},
                                                        {QStringLiteral("updatable"), true}})
                                     .toJson(QJsonDocument::Compact));
            check(spinUntil([reply] { return reply->isFinished(); }),
                  QStringLiteral("pos-fake did not ring an order up"));
            orders.append(QJsonDocument::fromJson(reply->readAll())
                                  .object()
                                  .value(QLatin1String("order"))
                                  .toObject());
            reply->deleteLater();
        }
        return orders;
    }

private:
    QProcess m_process;
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
};

/** The bare loop: GET each order, then PUT its fulfillment RESERVED, a few orders at once. */
double bareDrainSeconds(const FakeSquare &fake, const QList<QJsonObject> &orders)
{
    QNetworkAccessManager network;
    const auto request = [&fake](const QString &path) {
        QUrl url = fake.baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + fake.token());
        request.setRawHeader("Square-Version", SquareVendor::apiVersion);
        request.setRawHeader("Accept", "application/json");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return request;
    };
    int next = 0;
    int done = 0;
    int failed = 0;
    std::function<void()> startOne = [&] {
        if (next >= orders.size())
            return;
        const QString id = orders.at(next++).value(QLatin1String("id")).toString();
        const QString path = QStringLiteral("/v2/orders/") + id;
        QNetworkReply *get = network.get(request(path));
        QObject::connect(get, &QNetworkReply::finished, &network, [&, get, path, id] {
            get->deleteLater();
            const QJsonObject order =
                    QJsonDocument::fromJson(get->readAll()).object().value(QLatin1String("order")).toObject();
            const QJsonObject fulfillment {
                    {QStringLiteral("uid"),
                     order.value(QLatin1String("fulfillments")).toArray().first().toObject()
                             .value(QLatin1String("uid"))},
                    {QStringLiteral("state"), QStringLiteral("RESERVED")}};
            const QJsonObject body {
                    {QStringLiteral("idempotency_key"), QStringLiteral("bare-") + id},
                    {QStringLiteral("order"),
                     QJsonObject {{QStringLiteral("location_id"), order.value(QLatin1String("location_id"))},
                                  {QStringLiteral("version"), order.value(QLatin1String("version"))},
                                  {QStringLiteral("fulfillments"), QJsonArray {fulfillment}}}}};
            QNetworkReply *put = network.sendCustomRequest(
                    request(path), "PUT", QJsonDocument(body).toJson(QJsonDocument::Compact));
            QObject::connect(put, &QNetworkReply::finished, &network, [&, put] {
                put->deleteLater();
                failed += put->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 ? 0 : 1;
                ++done;
                startOne();
            });
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < PosChannel::defaultMaxInFlight; ++i)
        startOne();
    check(spinUntil([&] { return done == orders.size(); }), QStringLiteral("the bare loop stalled"));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    check(failed == 0, QStringLiteral("%1 bare writes failed").arg(failed));
    return seconds;
}

/** Our path: the orders on the board, each accepted while Square is not set up, then drained. */
double consoleDrainSeconds(const QTemporaryDir &dir, int round, const FakeSquare &fake,
                           const QList<QJsonObject> &orders)
{
    SystemClock clock;
    Store store(dir.filePath(QStringLiteral("pos-%1.kcdb").arg(round)), &clock);
    const Result<void> opened = store.open();
    check(opened.ok(), opened.error());
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-bench");
    OrderEngine engine(store, clock, config);
    SquareVendor vendor(SquareVendor::Config {squareLocation});
    PosHttp http(vendor, clock);
    http.setBaseUrl(fake.baseUrl());
    PosChannel channel(vendor, http, store);
    engine.channels().add(channel);

    QList<IncomingEvent> placed;
    for (const QJsonObject &json : orders) {
        const Result<PosOrder> read = vendor.readOrder(json);
        check(read.ok(), read.ok() ? QString() : read.error());
        placed += PosOrderDiff::eventsFor(*read, std::nullopt, {storeId, clock.nowMs(), 15});
    }
    bool drained = false;
    QObject::connect(&engine, &OrderEngine::incomingDrained, [&drained] { drained = true; });
    engine.applyIncoming(placed);
    check(spinUntil([&] { return drained; }), QStringLiteral("the orders did not reach the board"));
    TransitionDetails accept;
    accept.promisedAt = clock.nowMs() + 15 * 60'000;
    for (const QJsonObject &json : orders) {
        const QString id = json.value(QLatin1String("id")).toString();
        check(engine.transition(id, OrderState::Accepted, Actor::staff(QStringLiteral("cook")), accept).ok,
              QStringLiteral("an accept was refused"));
    }
    check(Outbox(store).pendingCount(channel.destination()) == orders.size(),
          QStringLiteral("the accepts were not queued for Square"));

    int delivered = 0;
    QObject::connect(&channel, &OrderChannel::accepted, [&delivered] { ++delivered; });
    QElapsedTimer timer;
    timer.start();
    http.setAccessToken(fake.token()); // Square is set up: the queue goes
    check(spinUntil([&] { return delivered == orders.size(); }),
          QStringLiteral("the drain stalled at %1 of %2").arg(delivered).arg(orders.size()));
    // Drained means struck from the outbox too: the last deliveries are written a moment later.
    const Outbox outbox(store);
    check(spinUntil([&] { return outbox.pendingCount(channel.destination()) == 0; }),
          QStringLiteral("writes are still queued after the drain"));
    return double(timer.nsecsElapsed()) / 1e9;
}

BenchFigure drainFigure(const QTemporaryDir &dir, const Settings &settings)
{
    FakeSquare fake;
    QList<double> ours;
    QList<double> bare;
    for (int round = 0; round < settings.rounds; ++round) {
        const QList<QJsonObject> forUs = fake.ringUp(settings.writes);
        const QList<QJsonObject> forBare = fake.ringUp(settings.writes);
        if (round % 2 == 0) {
            bare.append(bareDrainSeconds(fake, forBare));
            ours.append(consoleDrainSeconds(dir, round, fake, forUs));
        } else {
            ours.append(consoleDrainSeconds(dir, round, fake, forUs));
            bare.append(bareDrainSeconds(fake, forBare));
        }
        progress() << "round " << round + 1 << ": console " << ours.constLast() << " s, bare "
                   << bare.constLast() << " s" << Qt::endl;
    }
    BenchFigure figure;
    figure.bench = QStringLiteral("pos");
    figure.figure = QStringLiteral("drain_%1_writes_s").arg(settings.writes);
    figure.value = BenchStats::median(ours);
    figure.baseline = QStringLiteral("bare_qnam_%1_writes_s").arg(settings.writes);
    figure.baselineValue = BenchStats::median(bare);
    figure.target = drainTarget;
    return figure;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos"));
    const Settings settings =
            BenchRun::isQuickRun(QStringLiteral("Drains a backlog of POS writes to the Square fake "
                                                "against a bare QNetworkAccessManager loop; prints "
                                                "one JSON line."),
                                 QStringLiteral("A short backlog: a smoke run for CI."))
            ? Settings::quick()
            : Settings();
    return BenchRun::printFigures(QStringLiteral("pos"), [&settings](const QTemporaryDir &dir) {
        return QList<BenchFigure> {drainFigure(dir, settings)};
    });
}
