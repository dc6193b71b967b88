// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The order-hub executable: its command line, its startup line, its exit codes, and a console and
// an HTTP client talking to the real process on 127.0.0.1.
#include "hubstoragebackends.h"
#include "hubtestclient.h"
#include "hubtestsupport.h"

#include "common/clock.h"
#include "hub/hubrecords.h"
#include "hub/storage/sqlitehubstorage.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

#include "runninghub.h"
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include <csignal>

namespace {
const QString hubPath = QStringLiteral(ORDER_HUB_PATH);
const QString storeA = QStringLiteral("store-a");
const QString secret = QStringLiteral("demo-secret");
constexpr int timeoutMs = 10'000;

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
};

// Posts the same request to several hubs at once (as a client retrying on another process
// would); their answers, in the order of the ports.
QList<HttpAnswer> postToAll(const QList<quint16> &ports, const QString &path,
                            const QByteArray &key, const QByteArray &body)
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (const quint16 port : ports) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Idempotency-Key", key);
        replies.emplace_back(network.post(request, body));
    }
    QList<HttpAnswer> answers;
    for (const auto &reply : replies) {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            if (!finished.isValid() || !finished.wait(timeoutMs))
                return {};
        }
        answers.append({reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        reply->readAll()});
    }
    return answers;
}

// The orders a console was sent (replayed or live), in the log's order.
QList<Order> placedOrders(const HubTestClient &console)
{
    QList<Protocol::SequencedEvent> events = console.events(true) + console.events(false);
    std::sort(events.begin(), events.end(),
              [](const auto &a, const auto &b) { return a.seq < b.seq; });
    QList<Order> orders;
    for (const Protocol::SequencedEvent &logged : std::as_const(events)) {
        if (logged.event.kind != EventKind::Placed)
            continue;
        if (Result<Order> order = Order::fromJson(logged.event.payload))
            orders.append(std::move(order).value());
    }
    return orders;
}

int exitCodeOf(const QStringList &arguments)
{
    QProcess process;
    process.start(hubPath, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(timeoutMs);
        return -1;
    }
    return process.exitCode();
}
} // namespace

class TestOrderHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void consoleAndHttpAgainstTheProcess();
    void generatedSecretIsPrintedOnce();
    void simulatorPlacesOrders();
    void restartOverItsLogGoesOn();
    void rightsAreGrantedAndWithdrawnOnTheCommandLine();
    void rightOptionsWantARegisteredConsole_data();
    void rightOptionsWantARegisteredConsole();
    void helpNamesEveryRight();
    void exitCodes();
    void processesShareAPostgresDatabase();
    void postgresAddressMistakesAreUsageErrors();
    void consolesOnTwoProcessesSeeEachOther();
    void stopSignalClosesSessionsGoingAway_data();
    void stopSignalClosesSessionsGoingAway();

private:
    QTemporaryDir m_dir;
    HubTest::StorageBackends m_backends; // a PostgreSQL cluster, started by the first test using it
};

void TestOrderHub::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo(hubPath).isExecutable());
}

void TestOrderHub::consoleAndHttpAgainstTheProcess()
{
    RunningHub hub(hubPath);
    QVERIFY(hub.start({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("a.sqlite")),
                       QStringLiteral("--add-console"), storeA + QStringLiteral(":c1"),
                       QStringLiteral("--console-secret"), secret}));
    QVERIFY(hub.wsPort != 0);
    QVERIFY(hub.httpPort != 0);
    QVERIFY(!hub.output.contains(secret.toUtf8())); // a given secret is never echoed

    HubTestClient console;
    QVERIFY(console.join(hub.wsPort, storeA, QStringLiteral("c1"), secret));

    Order order = HubTest::order(storeA, QStringLiteral("77"));
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/v1/stores/store-a/orders").arg(hub.httpPort)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Idempotency-Key", "order-77");
    std::unique_ptr<QNetworkReply> reply(
        network.post(request, QJsonDocument(order.toJson()).toJson(QJsonDocument::Compact)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.isValid());
    QVERIFY(reply->isFinished() || finished.wait(timeoutMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);

    QTRY_COMPARE_WITH_TIMEOUT(console.events(false).size(), 1, timeoutMs);
    QCOMPARE(console.events(false).constFirst().event.orderId, order.id);
    QCOMPARE(console.events(false).constFirst().seq, 1);
}

void TestOrderHub::generatedSecretIsPrintedOnce()
{
    const QString db = m_dir.filePath(QStringLiteral("b.sqlite"));
    QString generated;
    {
        RunningHub hub(hubPath);
        QVERIFY(hub.start({QStringLiteral("--db"), db, QStringLiteral("--add-console"),
                           storeA + QStringLiteral(":c2")}));
        static const QRegularExpression line(QStringLiteral("console store-a:c2 secret (\\S+)"));
        const QRegularExpressionMatch match = line.match(QString::fromUtf8(hub.output));
        QVERIFY2(match.hasMatch(), hub.output.constData());
        generated = match.captured(1);
        QVERIFY(generated.size() >= 32);
        HubTestClient console;
        QVERIFY(console.join(hub.wsPort, storeA, QStringLiteral("c2"), generated));
    }
    // The file holds only the hash.
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(generated.toUtf8()));
    // Restarting without --add-console prints no secret and still knows the console.
    RunningHub again(hubPath);
    QVERIFY(again.start({QStringLiteral("--db"), db}));
    QVERIFY(!again.output.contains("secret"));
    HubTestClient console;
    QVERIFY(console.join(again.wsPort, storeA, QStringLiteral("c2"), generated));
}

void TestOrderHub::simulatorPlacesOrders()
{
    RunningHub hub(hubPath);
    QVERIFY(hub.start({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("c.sqlite")),
                       QStringLiteral("--add-console"), storeA + QStringLiteral(":c1"),
                       QStringLiteral("--console-secret"), secret, QStringLiteral("--simulate"),
                       QStringLiteral("1200")}));
    HubTestClient console;
    QVERIFY(console.join(hub.wsPort, storeA, QStringLiteral("c1"), secret));
    QTRY_VERIFY_WITH_TIMEOUT(console.events(false).size() + console.events(true).size() >= 3,
                             timeoutMs);
    const QList<Protocol::SequencedEvent> live = console.events(false);
    for (const Protocol::SequencedEvent &event : live) {
        QCOMPARE(event.event.storeId, storeA);
        QCOMPARE(event.event.actor, Actor::platform());
    }
}

// The demo starts order-hub again over the log it kept, with the same store and console and this
// run's secret: that must start (the new secret replaces the old), and the simulator goes on from
// the log's highest ticket number under ids the first run never used.
void TestOrderHub::restartOverItsLogGoesOn()
{
    const QString db = m_dir.filePath(QStringLiteral("restart.sqlite"));
    const auto arguments = [&db](const QString &consoleSecret) {
        return QStringList {QStringLiteral("--db"),
                            db,
                            QStringLiteral("--add-store"),
                            storeA,
                            QStringLiteral("--add-console"),
                            storeA + QStringLiteral(":c1"),
                            QStringLiteral("--console-secret"),
                            consoleSecret,
                            QStringLiteral("--simulate"),
                            QStringLiteral("1200")};
    };
    QSet<QString> firstIds;
    qint64 highest = 0;
    qint64 head = 0;
    {
        RunningHub hub(hubPath);
        QVERIFY(hub.start(arguments(secret)));
        HubTestClient console;
        QVERIFY(console.join(hub.wsPort, storeA, QStringLiteral("c1"), secret));
        QTRY_VERIFY_WITH_TIMEOUT(placedOrders(console).size() >= 3, timeoutMs);
        hub.kill();
        ManualClock clock(HubTest::startMs());
        HubRecords records(std::make_unique<SqliteHubStorage>(db), clock);
        QVERIFY(records.open());
        for (const Order &order : records.log().orders(storeA)) {
            firstIds.insert(order.id);
            highest = qMax(highest, order.number.toLongLong());
        }
        head = records.log().head(storeA);
    }
    QVERIFY(firstIds.size() >= 3);

    RunningHub again(hubPath);
    const QString newSecret = QStringLiteral("this-run's-secret");
    QVERIFY2(again.start(arguments(newSecret)), again.output.constData());
    HubTestClient stale;
    QVERIFY(stale.open(again.wsPort));
    stale.send(Protocol::Hello {storeA, QStringLiteral("c1"), secret, head});
    QVERIFY(stale.waitDisconnected());
    QCOMPARE(stale.all<Protocol::Error>().constFirst().code, QStringLiteral("unauthorized"));
    HubTestClient console;
    QVERIFY(console.join(again.wsPort, storeA, QStringLiteral("c1"), newSecret, head));
    QTRY_VERIFY_WITH_TIMEOUT(!placedOrders(console).isEmpty(), timeoutMs);
    const Order next = placedOrders(console).constFirst();
    QCOMPARE(next.number, QString::number(highest + 1));
    QVERIFY(!firstIds.contains(next.id));
}

// --grant-manager and --grant-pos-relay are two rights, each on its own console, told at the
// welcome; a restart with --revoke-manager withdraws one and keeps the other.
void TestOrderHub::rightsAreGrantedAndWithdrawnOnTheCommandLine()
{
    const QString db = m_dir.filePath(QStringLiteral("rights.sqlite"));
    const QString c1 = storeA + QStringLiteral(":c1");
    const QString c2 = storeA + QStringLiteral(":c2");
    const Actor manager = Actor::manager(QStringLiteral("maria"));
    const Order order = HubTest::order(storeA, QStringLiteral("81"));
    const OrderEvent cancel =
        HubTest::transition(order, OrderState::Placed, OrderState::Cancelled, manager,
                            HubTest::startMs(), QStringLiteral("out of buns"));
    {
        RunningHub hub(hubPath);
        QVERIFY2(hub.start({QStringLiteral("--db"), db, QStringLiteral("--add-console"), c1,
                            QStringLiteral("--add-console"), c2, QStringLiteral("--console-secret"),
                            secret, QStringLiteral("--grant-manager"), c1,
                            QStringLiteral("--grant-pos-relay"), c2}),
                 hub.output.constData());
        HubTestClient first;
        HubTestClient second;
        QVERIFY(first.join(hub.wsPort, storeA, QStringLiteral("c1"), secret));
        QVERIFY(second.join(hub.wsPort, storeA, QStringLiteral("c2"), secret));
        QVERIFY(first.all<Protocol::Welcome>().constFirst().manager);
        QVERIFY(!first.all<Protocol::Welcome>().constFirst().posRelay);
        QVERIFY(!second.all<Protocol::Welcome>().constFirst().manager);
        QVERIFY(second.all<Protocol::Welcome>().constFirst().posRelay);

        // The manager's cancel from the console that holds the right reaches the other one.
        first.send(Protocol::Submit {{HubTest::placedAtCounter(order), cancel}});
        QVERIFY(first.waitFor<Protocol::Ack>(2));
        QTRY_COMPARE_WITH_TIMEOUT(second.events(false).size(), 2, timeoutMs);
        QCOMPARE(second.events(false).constLast().event, cancel);
    }

    RunningHub again(hubPath);
    QVERIFY2(again.start({QStringLiteral("--db"), db, QStringLiteral("--revoke-manager"), c1}),
             again.output.constData());
    HubTestClient first;
    HubTestClient second;
    QVERIFY(first.join(again.wsPort, storeA, QStringLiteral("c1"), secret, 2));
    QVERIFY(second.join(again.wsPort, storeA, QStringLiteral("c2"), secret, 2));
    QVERIFY(!first.all<Protocol::Welcome>().constFirst().manager);
    QVERIFY(second.all<Protocol::Welcome>().constFirst().posRelay); // another right, kept
    const Order other = HubTest::order(storeA, QStringLiteral("82"));
    first.send(Protocol::Submit {
        {HubTest::placedAtCounter(other),
         HubTest::transition(other, OrderState::Placed, OrderState::Cancelled, manager,
                             HubTest::startMs(), QStringLiteral("out of buns"))}});
    QVERIFY(first.waitFor<Protocol::Reject>(1));
    const QString reason = first.all<Protocol::Reject>().constFirst().reason;
    QVERIFY2(reason.contains(QLatin1String("order-hub --grant-manager store-a:c1")),
             qPrintable(reason));
}

void TestOrderHub::rightOptionsWantARegisteredConsole_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("console");
    QTest::addColumn<QString>("said");
    QTest::newRow("grant-manager without a console")
        << QStringLiteral("--grant-manager") << storeA
        << QStringLiteral("--grant-manager wants STORE:CONSOLE");
    QTest::newRow("revoke-manager, an unknown console")
        << QStringLiteral("--revoke-manager") << storeA + QStringLiteral(":nobody")
        << QStringLiteral("cannot --revoke-manager store-a:nobody");
    QTest::newRow("grant-pos-relay, an unknown console")
        << QStringLiteral("--grant-pos-relay") << storeA + QStringLiteral(":nobody")
        << QStringLiteral("cannot --grant-pos-relay store-a:nobody");
}

void TestOrderHub::rightOptionsWantARegisteredConsole()
{
    QFETCH(QString, option);
    QFETCH(QString, console);
    QFETCH(QString, said);
    QProcess process;
    process.start(hubPath,
                  {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("bad-right.sqlite")),
                   QStringLiteral("--add-store"), storeA, option, console});
    QVERIFY(process.waitForFinished(timeoutMs));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(said), qPrintable(error));
}

void TestOrderHub::helpNamesEveryRight()
{
    QProcess process;
    process.start(hubPath, {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(timeoutMs));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    for (const char *option :
         {"--grant-pos-relay <STORE:CONSOLE>", "--revoke-pos-relay <STORE:CONSOLE>",
          "--grant-manager <STORE:CONSOLE>", "--revoke-manager <STORE:CONSOLE>"})
        QVERIFY2(help.contains(QLatin1String(option)), qPrintable(help));
    // Wrapped to the terminal's width.
    QVERIFY2(help.simplified().contains(QLatin1String("act as its store's manager")),
             qPrintable(help));
}

void TestOrderHub::exitCodes()
{
    QCOMPARE(exitCodeOf({QStringLiteral("--no-such-option")}), 2);
    QCOMPARE(exitCodeOf({QStringLiteral("--ws-port"), QStringLiteral("seventy")}), 2);
    QCOMPARE(exitCodeOf({QStringLiteral("--db"), m_dir.path()}), 3); // a folder, not a file
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    QCOMPARE(exitCodeOf({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("d.sqlite")),
                         QStringLiteral("--ws-port"), QString::number(taken.serverPort())}),
             4);
}

// Two order-hub processes on one PostgreSQL database: one log, one seq per store, one answer per
// idempotency key whichever process a client reaches.
void TestOrderHub::processesShareAPostgresDatabase()
{
    QString error;
    PostgresCluster *cluster = m_backends.cluster(&error);
    QVERIFY2(cluster, qPrintable(error));
    const QString database = cluster->createDatabase(&error);
    QVERIFY2(!database.isEmpty(), qPrintable(error));
    const QString url = cluster->url(database);
    RunningHub first(hubPath);
    RunningHub second(hubPath);
    QVERIFY2(first.start({QStringLiteral("--database"), url, QStringLiteral("--add-console"),
                          storeA + QStringLiteral(":c1"), QStringLiteral("--console-secret"),
                          secret}),
             first.output.constData());
    QVERIFY2(second.start({QStringLiteral("--database"), url}), second.output.constData());

    QList<Order> orders;
    for (int i = 0; i < 4; ++i)
        orders.append(HubTest::order(storeA, QString::number(i)));
    for (const Order &order : std::as_const(orders)) {
        // The same placement, at both processes at once: one order, the same answer twice.
        const QList<HttpAnswer> answers =
                postToAll({first.httpPort, second.httpPort},
                          QStringLiteral("/v1/stores/%1/orders").arg(storeA), order.id.toUtf8(),
                          QJsonDocument(order.toJson()).toJson(QJsonDocument::Compact));
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers.at(0).status, 201);
        QCOMPARE(answers.at(1).status, 201);
        QCOMPARE(answers.at(1).body, answers.at(0).body);
        // A platform step under one key, at both at once: one of them ran it, both say so.
        const QList<HttpAnswer> cancels = postToAll(
                {first.httpPort, second.httpPort},
                QStringLiteral("/v1/stores/%1/orders/%2/cancel").arg(storeA, order.id),
                "cancel-" + order.id.toUtf8(), R"({"reason":"customer called"})");
        QCOMPARE(cancels.size(), 2);
        QCOMPARE(cancels.at(0).status, 200);
        QCOMPARE(cancels.at(1).status, 200);
        QCOMPARE(cancels.at(1).body, cancels.at(0).body);
    }

    // Read back through the other process: every order once, each cancelled once, seqs 1..8.
    HubTestClient console;
    QVERIFY(console.join(second.wsPort, storeA, QStringLiteral("c1"), secret));
    QTRY_COMPARE_WITH_TIMEOUT(console.events(true).size(), 2 * orders.size(), timeoutMs);
    QList<qint64> seqs;
    for (const Protocol::SequencedEvent &logged : console.events(true))
        seqs.append(logged.seq);
    QCOMPARE(seqs, QList<qint64>({1, 2, 3, 4, 5, 6, 7, 8}));
    QList<QString> placed;
    for (const Order &order : placedOrders(console))
        placed.append(order.id);
    QList<QString> expected;
    for (const Order &order : std::as_const(orders))
        expected.append(order.id);
    QCOMPARE(placed, expected);
}

void TestOrderHub::postgresAddressMistakesAreUsageErrors()
{
    QProcess helping;
    helping.start(hubPath, {QStringLiteral("--help")});
    QVERIFY(helping.waitForFinished(timeoutMs));
    const QString help = QString::fromUtf8(helping.readAllStandardOutput()).simplified();
    QVERIFY2(help.contains(QLatin1String("--database <URL>")), qPrintable(help));
    QVERIFY2(help.contains(QLatin1String("PGPASSWORD")), qPrintable(help));
    // A password on the command line would show in every process list.
    QCOMPARE(exitCodeOf({QStringLiteral("--database"),
                         QStringLiteral("postgresql://hub:hunter2@localhost/hub")}),
             2);
    QCOMPARE(exitCodeOf({QStringLiteral("--database"), QStringLiteral("postgresql://localhost")}),
             2); // no database
    QCOMPARE(exitCodeOf({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("e.sqlite")),
                         QStringLiteral("--database"),
                         QStringLiteral("postgresql://localhost/hub")}),
             2);
    // A server that is not there: the database error, said in words.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess process;
    process.start(hubPath, {QStringLiteral("--database"),
                            QStringLiteral("postgresql://kc@127.0.0.1:%1/hub").arg(port)});
    QVERIFY(process.waitForFinished(timeoutMs));
    QCOMPARE(process.exitCode(), 3);
    const QString said = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(said.contains(QStringLiteral("database hub on 127.0.0.1:%1 as kc").arg(port)),
             qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("cannot be reached")), qPrintable(said));
}

// Consoles of one store on two order-hub processes over one database: what reaches either
// process reaches both consoles, live, once each and in seq order.
void TestOrderHub::consolesOnTwoProcessesSeeEachOther()
{
    QString error;
    PostgresCluster *cluster = m_backends.cluster(&error);
    QVERIFY2(cluster, qPrintable(error));
    const QString database = cluster->createDatabase(&error);
    QVERIFY2(!database.isEmpty(), qPrintable(error));
    const QString url = cluster->url(database);
    RunningHub first(hubPath);
    RunningHub second(hubPath);
    QVERIFY2(first.start({QStringLiteral("--database"), url, QStringLiteral("--add-console"),
                          storeA + QStringLiteral(":c1"), QStringLiteral("--add-console"),
                          storeA + QStringLiteral(":c2"), QStringLiteral("--console-secret"),
                          secret}),
             first.output.constData());
    QVERIFY2(second.start({QStringLiteral("--database"), url}), second.output.constData());
    HubTestClient one;
    HubTestClient two;
    QVERIFY(one.join(first.wsPort, storeA, QStringLiteral("c1"), secret));
    QVERIFY(two.join(second.wsPort, storeA, QStringLiteral("c2"), secret));

    const Order a = HubTest::order(storeA, QStringLiteral("1"));
    const Order b = HubTest::order(storeA, QStringLiteral("2"));
    const Order c = HubTest::order(storeA, QStringLiteral("3"));
    QCOMPARE(first.placeOverHttp(storeA, a), a.id);
    QTRY_COMPARE_WITH_TIMEOUT(two.events(false).size(), 1, timeoutMs);
    QCOMPARE(second.placeOverHttp(storeA, b), b.id);
    QCOMPARE(first.placeOverHttp(storeA, c), c.id);
    for (HubTestClient *console : {&one, &two}) {
        QTRY_COMPARE_WITH_TIMEOUT(console->events(false).size(), 3, timeoutMs);
        QList<qint64> seqs;
        QList<QString> orders;
        for (const Protocol::SequencedEvent &live : console->events(false)) {
            seqs.append(live.seq);
            orders.append(live.event.orderId);
        }
        QCOMPARE(seqs, QList<qint64>({1, 2, 3}));
        QCOMPARE(orders, QList<QString>({a.id, b.id, c.id}));
    }
}

void TestOrderHub::stopSignalClosesSessionsGoingAway_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

// The documented stop: every console hears 1001 "hub stopping" (not the 1006 of a dropped link),
// what was committed stays in the log, and the process exits 0.
void TestOrderHub::stopSignalClosesSessionsGoingAway()
{
    QFETCH(int, signalNumber);
    const QString db = m_dir.filePath(QStringLiteral("stop-%1.sqlite").arg(signalNumber));
    RunningHub hub(hubPath);
    QVERIFY(
        hub.start({QStringLiteral("--db"), db, QStringLiteral("--add-console"),
                   storeA + QStringLiteral(":c1"), QStringLiteral("--add-console"),
                   storeA + QStringLiteral(":c2"), QStringLiteral("--console-secret"), secret}));
    HubTestClient c1;
    HubTestClient c2;
    QVERIFY(c1.join(hub.wsPort, storeA, QStringLiteral("c1"), secret));
    QVERIFY(c2.join(hub.wsPort, storeA, QStringLiteral("c2"), secret));
    const OrderEvent placed = OrderEvent::placed(HubTest::order(storeA, QStringLiteral("5")),
                                                 Actor::staff(QStringLiteral("ana")),
                                                 QStringLiteral("c1"), HubTest::startMs());
    c1.send(Protocol::Submit {{placed}});
    QVERIFY(c1.waitFor<Protocol::Ack>(1));

    QCOMPARE(::kill(pid_t(hub.process->processId()), signalNumber), 0);
    QVERIFY(c1.waitDisconnected(timeoutMs));
    QVERIFY(c2.waitDisconnected(timeoutMs));
    QCOMPARE(c1.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(c2.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(c1.socket().closeReason(), QStringLiteral("hub stopping"));
    // Often already over by now, which waitForFinished() would call a failure.
    QTRY_COMPARE_WITH_TIMEOUT(hub.process->state(), QProcess::NotRunning, timeoutMs);
    QCOMPARE(hub.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(hub.process->exitCode(), 0);
    const QByteArray output = hub.output + hub.process->readAllStandardOutput();
    QVERIFY2(output.contains("order-hub stopped"), output.constData());

    // The log was closed cleanly and holds what was acked.
    ManualClock clock(HubTest::startMs());
    HubRecords records(std::make_unique<SqliteHubStorage>(db), clock);
    const Result<void> opened = records.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(records.log().head(storeA), 1);
    QCOMPARE(records.log().lastEventOf(storeA, placed.orderId)->event, placed);
}

QTEST_GUILESS_MAIN(TestOrderHub)
#include "tst_orderhub.moc"
