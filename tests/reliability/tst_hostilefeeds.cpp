// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The hostile corpus (tests/data/hostile) against what a console takes in: frames a hub sends
// (a scripted hub on 127.0.0.1 in front of a real console) and Toast webhooks POSTed to the
// console's webhook listener. One row per file: nothing is stored that should not be, what is
// stored reads back as sent and shows as the literal text on the board, the console keeps
// working afterwards, and its store stays whole.
#include "guitestsupport.h"
#include "hostilecorpus.h"
#include "synctestbed.h"

#include "pos/posfeed.h"
#include "pos/poshttp.h"
#include "pos/poswebhooklistener.h"
#include "pos/toast/toastvendor.h"
#include "protocol/protocolcodec.h"
#include "store/projectionverifier.h"

#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace HostileCorpus;

namespace {
const QString store1 = QStringLiteral("store-1");
const QStringList consoleTables {QStringLiteral("events"), QStringLiteral("event_status"),
                                 QStringLiteral("orders"), QStringLiteral("outbox"),
                                 QStringLiteral("inbox")};

/** A hub that welcomes every hello (head 0), answers pings, and sends what the test says. */
class ScriptedHub final
{
public:
    ScriptedHub()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QWebSocketServer::newConnection, &m_server, [this] {
            QWebSocket *socket = m_server.nextPendingConnection();
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [this, socket](const QString &text) { onFrame(socket, text); });
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort())); }
    /** Frames sent right after the first welcome, as they are. */
    QList<QByteArray> firstFrames;
    /** Welcomes so far (a console that dropped the link says hello again). */
    int welcomes = 0;
    /** Sends to the console's latest session. */
    void send(const QByteArray &frame)
    {
        if (m_live)
            m_live->sendTextMessage(QString::fromUtf8(frame));
    }

private:
    void onFrame(QWebSocket *socket, const QString &text)
    {
        const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
        if (!frame.ok())
            return;
        if (std::holds_alternative<Protocol::Hello>(frame.message->body)) {
            m_live = socket;
            socket->sendTextMessage(
                    QString::fromUtf8(ProtocolCodec::encode(Protocol::Welcome {0})));
            if (welcomes++ == 0) {
                for (const QByteArray &first : std::as_const(firstFrames))
                    socket->sendTextMessage(QString::fromUtf8(first));
            }
        } else if (const auto *ping = std::get_if<Protocol::Ping>(&frame.message->body)) {
            socket->sendTextMessage(
                    QString::fromUtf8(ProtocolCodec::encode(Protocol::Pong {ping->sentAt})));
        }
    }

    QWebSocketServer m_server {QStringLiteral("scripted-hub"), QWebSocketServer::NonSecureMode};
    QPointer<QWebSocket> m_live;
};

ToastVendor::Config toastConfig()
{
    ToastVendor::Config config;
    config.restaurantGuid = QStringLiteral("6b5f1b0e-2d3c-4e8a-9f10-0000000000a1");
    config.webhookSecret = "webhook-secret";
    config.diningOptionGuid = QStringLiteral("d1a2b3c4-0000-4000-8000-0000000000a0");
    config.menuItemGuid = QStringLiteral("1e3a0000-0000-4000-8000-000000000001");
    return config;
}

void checkStoreWhole(Store &store)
{
    const VerifyReport report = ProjectionVerifier(store).verify();
    QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
    const QString problem = databaseProblem(store.path(), consoleTables);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}
} // namespace

class TestHostileFeeds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hubFrames_data();
    void hubFrames();
    void webhooks_data();
    void webhooks();
};

void TestHostileFeeds::hubFrames_data()
{
    addRows(QStringLiteral("frames/hub"));
}

void TestHostileFeeds::hubFrames()
{
    QFETCH(QJsonObject, row);
    const QByteArray frame =
            read(QStringLiteral("frames/hub"), row);
    const QJsonObject expect = row.value(QLatin1String("expect")).toObject();
    const int stored = expect.value(QLatin1String("stored")).toInt();
    SystemClock clock;
    ScriptedHub hub;
    for (int i = 0; i < row.value(QLatin1String("repeat")).toInt(1); ++i)
        hub.firstFrames.append(frame);
    SyncTest::Console console(store1, QStringLiteral("console-1"), hub.url(), clock);
    const std::unique_ptr<MainWindow> window = showBoard(console.session());
    QVERIFY(console.client().start());
    QTRY_VERIFY(hub.welcomes >= 1);

    const QString orderId = row.value(QLatin1String("order")).toString();
    if (!orderId.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(console.store().order(orderId).has_value(), 5000);
        const QJsonObject sent = QJsonDocument::fromJson(frame)
                                         .object()
                                         .value(QLatin1String("events"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QLatin1String("event"))
                                         .toObject()
                                         .value(QLatin1String("payload"))
                                         .toObject();
        QCOMPARE(textsOf(*console.store().order(orderId)), textsOf(sent));
        QTRY_VERIFY(!ticketText(*window, orderId).isEmpty());
        const QString painted = squeezed(ticketText(*window, orderId));
        const QStringList texts = textsOf(sent);
        for (const QString &text : texts.mid(1))
            QVERIFY2(painted.contains(squeezed(text).left(12)), qPrintable(painted));
    }
    // Then a good frame (the next seq) is stored: the console kept or remade its link.
    const Order good = HubTest::order(store1, QStringLiteral("900"));
    const qint64 nextSeq = stored + 1;
    QTRY_VERIFY(console.isLive());
    hub.send(ProtocolCodec::encode(
            Protocol::Events {{{nextSeq, HubTest::placed(good, clock.nowMs())}}, false, false}));
    QTRY_VERIFY_WITH_TIMEOUT(console.store().order(good.id).has_value(), 5000);
    QCOMPARE(console.store().orders(false).size(), stored + 1);
    QCOMPARE(console.client().cursor(), nextSeq);
    const QString rich = richTextProblem(*window);
    QVERIFY2(rich.isEmpty(), qPrintable(rich));
    checkStoreWhole(console.store());
}

void TestHostileFeeds::webhooks_data()
{
    addRows(QStringLiteral("webhooks/toast"));
}

void TestHostileFeeds::webhooks()
{
    QFETCH(QJsonObject, row);
    QByteArray body =
            read(QStringLiteral("webhooks/toast"), row);
    const QJsonObject expect = row.value(QLatin1String("expect")).toObject();
    if (row.value(QLatin1String("pad_over_limit")).toBool())
        body += QByteArray(PosWebhookListener::maxBodyBytes + 1 - body.size(), ' ');
    const QJsonValue sign = row.value(QLatin1String("sign"));
    const QByteArray secret = sign == QLatin1String("wrong") ? "another-secret" : "webhook-secret";
    const QByteArray timestamp = QJsonDocument::fromJson(body)
                                         .object()
                                         .value(QLatin1String("timestamp"))
                                         .toString()
                                         .toUtf8();
    const QByteArray signature =
            QMessageAuthenticationCode::hash(body + timestamp, secret, QCryptographicHash::Sha256)
                    .toBase64();

    BoardFixture fixture;
    QVERIFY(fixture.open());
    ToastVendor vendor(toastConfig());
    PosHttp http(vendor, fixture.clock()); // never configured: no call leaves for Toast
    PosFeed::Config config;
    config.storeId = store1;
    PosFeed feed(vendor, http, fixture.engine(), fixture.store(), fixture.clock(), config);
    PosWebhookListener listener;
    QVERIFY(listener.listen());
    listener.route(QStringLiteral("/pos/toast"), &feed);
    const std::unique_ptr<MainWindow> window = showBoard(fixture.session());
    const qsizetype before = fixture.store().orders(false).size();

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, listener.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /pos/toast HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Toast-Signature: " + signature + "\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).size() >= 12, 5000);
    QCOMPARE(answer.mid(9, 3).toInt(), expect.value(QLatin1String("status")).toInt());

    const int stored = expect.value(QLatin1String("stored")).toInt();
    QTRY_COMPARE(fixture.store().orders(false).size(), before + stored);
    if (stored > 0) {
        const Order order = fixture.store().orders(false).constLast();
        QCOMPARE(order.number, QStringLiteral("<b>71</b>"));
        QCOMPARE(order.items.constFirst().name, QStringLiteral("<i>Cheeseburger</i> \x1b[5m"));
        QTRY_VERIFY(!ticketText(*window, order.id).isEmpty());
        const QString painted = ticketText(*window, order.id);
        QVERIFY2(painted.contains(QLatin1String("<i>Cheeseburger</i>")), qPrintable(painted));
    }
    const QString rich = richTextProblem(*window);
    QVERIFY2(rich.isEmpty(), qPrintable(rich));
    checkStoreWhole(fixture.store());
}

QTEST_MAIN(TestHostileFeeds)
#include "tst_hostilefeeds.moc"
