// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The hostile corpus (tests/data/hostile) against the hub's doors: order bodies POSTed to its
// HTTP API and frames a console sends over its WebSocket, one row per file. Each is refused as
// its index says, with nothing stored, or accepted and then kept byte for byte in the hub's log
// and a console's store, and shown as the literal text on that console's board; the hub's door
// stays usable and its database whole.
#include "hostilecorpus.h"
#include "hubtestclient.h"
#include "synctestbed.h"

#include "hub/hubhttpapi.h"
#include "store/projectionverifier.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace HostileCorpus;

namespace {
const QString store1 = QStringLiteral("store-1");
const QStringList hubTables {QStringLiteral("events"), QStringLiteral("stores"),
                             QStringLiteral("consoles"), QStringLiteral("idempotency")};
const QStringList consoleTables {QStringLiteral("events"), QStringLiteral("event_status"),
                                 QStringLiteral("orders"), QStringLiteral("outbox"),
                                 QStringLiteral("inbox")};

struct HttpAnswer
{
    int status = 0;
    QJsonObject body;
};

Order normalOrder(const QString &id)
{
    Order order = HubTest::order(store1, id);
    order.id = id;
    return order;
}
} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void httpBodies_data();
    void httpBodies();
    void consoleFrames_data();
    void consoleFrames();

private:
    HttpAnswer post(const QString &store, const QString &key, const QByteArray &body);
    /** orderId reached the watching console whole, and its board shows the literal text. */
    void checkShownAsWritten(const QString &orderId, const QStringList &texts);
    void checkDatabases();

    SystemClock m_clock;
    std::unique_ptr<SyncTest::HubBed> m_hub;
    std::unique_ptr<HubHttpApi> m_api;
    std::unique_ptr<SyncTest::Console> m_watcher;
    std::unique_ptr<MainWindow> m_window;
    QNetworkAccessManager m_network;
};

void TestHostileInput::init()
{
    m_hub = std::make_unique<SyncTest::HubBed>(m_clock);
    QVERIFY(m_hub->start({{store1, {QStringLiteral("console-1"), QStringLiteral("watcher")}},
                          {QStringLiteral("store-2"), {QStringLiteral("console-9")}}}));
    m_api = std::make_unique<HubHttpApi>(m_hub->hub(), m_clock);
    QVERIFY(m_api->listen());
    m_network.setProxy(QNetworkProxy::NoProxy);
    // A console of the store with its board up before anything arrives, as in service: new
    // orders raise their notices on it.
    m_watcher = m_hub->console(store1, QStringLiteral("watcher"));
    m_window = showBoard(m_watcher->session());
    QTRY_VERIFY(m_watcher->isLive());
}

void TestHostileInput::cleanup()
{
    m_window.reset();
    m_watcher.reset();
    m_api.reset();
    m_hub.reset();
}

HttpAnswer TestHostileInput::post(const QString &store, const QString &key, const QByteArray &body)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/stores/%2/orders")
                                         .arg(m_api->serverPort())
                                         .arg(store)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Idempotency-Key", key.toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.isValid() || !finished.wait(5000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

void TestHostileInput::checkShownAsWritten(const QString &orderId, const QStringList &texts)
{
    QTRY_VERIFY_WITH_TIMEOUT(m_watcher->store().order(orderId).has_value(), 5000);
    const Order local = *m_watcher->store().order(orderId);
    QCOMPARE(textsOf(local), texts);
    QTRY_VERIFY(!ticketText(*m_window, orderId).isEmpty());
    const QString painted = squeezed(ticketText(*m_window, orderId));
    // The number always shows; text without control characters shows as it was written (a
    // "<b>" in a name is the four characters, not bold).
    QVERIFY2(painted.contains(squeezed(local.number.left(2))), qPrintable(painted));
    for (const QString &text : texts.mid(1)) { // the number may be elided in the header
        const bool plain = std::none_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
        });
        if (plain)
            QVERIFY2(painted.contains(squeezed(text).left(12)),
                     qPrintable(text + QStringLiteral(" not in ") + painted));
    }
    const QString rich = richTextProblem(*m_window);
    QVERIFY2(rich.isEmpty(), qPrintable(rich));
}

void TestHostileInput::checkDatabases()
{
    const QString hub = databaseProblem(m_hub->databasePath(), hubTables);
    QVERIFY2(hub.isEmpty(), qPrintable(hub));
    {
        const VerifyReport report = ProjectionVerifier(m_watcher->store()).verify();
        QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
        const QString console =
                databaseProblem(m_watcher->store().path(), consoleTables);
        QVERIFY2(console.isEmpty(), qPrintable(console));
    }
}

void TestHostileInput::httpBodies_data()
{
    addRows(QStringLiteral("http"));
}

void TestHostileInput::httpBodies()
{
    QFETCH(QJsonObject, row);
    const QByteArray body = read(QStringLiteral("http"), row);
    const QJsonObject expect = row.value(QLatin1String("expect")).toObject();
    const QString store = row.value(QLatin1String("store")).toString(store1);

    const HttpAnswer answer = post(store, QStringLiteral("hostile-key"), body);
    QCOMPARE(answer.status, expect.value(QLatin1String("status")).toInt());
    if (answer.status != 201) {
        // Refused with a reason that names what is wrong, and nothing stored or remembered.
        QCOMPARE(answer.body.value(QLatin1String("error")).toString(),
                 expect.value(QLatin1String("error")).toString());
        QVERIFY(!answer.body.value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(m_hub->log().eventCount(), 0);
    } else {
        const QJsonObject sent = QJsonDocument::fromJson(body).object();
        const QString orderId = sent.value(QLatin1String("id")).toString();
        const std::optional<Order> logged = m_hub->log().order(store1, orderId);
        QVERIFY(logged);
        QCOMPARE(textsOf(*logged), textsOf(sent));
        checkShownAsWritten(orderId, textsOf(sent));
        if (QTest::currentTestFailed())
            return;
    }
    // The door still works: a normal order with the same key's neighbour is placed.
    const QByteArray normal =
            QJsonDocument(normalOrder(QStringLiteral("after")).toJson()).toJson();
    QCOMPARE(post(store1, QStringLiteral("normal-key"), normal).status, 201);
    checkDatabases();
}

void TestHostileInput::consoleFrames_data()
{
    addRows(QStringLiteral("frames/console"));
}

void TestHostileInput::consoleFrames()
{
    QFETCH(QJsonObject, row);
    const QByteArray frame =
            read(QStringLiteral("frames/console"), row);
    const QJsonObject expect = row.value(QLatin1String("expect")).toObject();
    const int repeat = row.value(QLatin1String("repeat")).toInt(1);
    const Order base = normalOrder(QStringLiteral("base"));
    QVERIFY(m_hub->hub().submit(HubTest::placed(base, m_clock.nowMs())).acked());

    HubTestClient console;
    QVERIFY(console.join(m_hub->port(), store1, QStringLiteral("console-1"),
                         QString::fromUtf8(SyncTest::secretOf(QStringLiteral("console-1")))));
    for (int i = 0; i < repeat; ++i) {
        if (row.value(QLatin1String("binary")).toBool())
            console.sendBinary(frame);
        else
            console.sendRaw(frame);
    }

    if (expect.contains(QLatin1String("error"))) {
        QVERIFY(console.waitFor<Protocol::Error>(1));
        QCOMPARE(console.all<Protocol::Error>().constFirst().code,
                 expect.value(QLatin1String("error")).toString());
        QVERIFY(console.waitDisconnected());
        QCOMPARE(int(console.closeCode()), expect.value(QLatin1String("close")).toInt());
        QCOMPARE(m_hub->log().eventCount(), 1);
        checkDatabases();
        return;
    }
    if (expect.contains(QLatin1String("reject"))) {
        const QJsonArray reasons = expect.value(QLatin1String("reject")).toArray();
        QVERIFY(console.waitFor<Protocol::Reject>(reasons.size()));
        const QList<Protocol::Reject> rejects = console.all<Protocol::Reject>();
        for (qsizetype i = 0; i < reasons.size(); ++i) {
            QVERIFY2(rejects.at(i).reason.contains(reasons.at(i).toString()),
                     qPrintable(rejects.at(i).reason));
            QVERIFY(!rejects.at(i).reason.isEmpty());
        }
        QCOMPARE(m_hub->log().eventCount(), 1);
        QCOMPARE(m_hub->log().order(store1, base.id)->state, OrderState::Placed);
    } else {
        QVERIFY(console.waitFor<Protocol::Ack>(repeat));
        const QList<Protocol::Ack> acks = console.all<Protocol::Ack>();
        QVERIFY(std::all_of(acks.cbegin(), acks.cend(),
                            [&](const Protocol::Ack &ack) { return ack.seq == 2; }));
        QCOMPARE(m_hub->log().eventCount(), 2);
        const QJsonObject sent = QJsonDocument::fromJson(frame)
                                         .object()
                                         .value(QLatin1String("events"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QLatin1String("payload"))
                                         .toObject();
        const QString orderId = row.value(QLatin1String("stored")).toString();
        QCOMPARE(textsOf(*m_hub->log().order(store1, orderId)), textsOf(sent));
        checkShownAsWritten(orderId, textsOf(sent));
        if (QTest::currentTestFailed())
            return;
    }
    // The session is still usable: a normal order from the same console is acked.
    const qsizetype acked = console.all<Protocol::Ack>().size();
    console.send(Protocol::Submit {
            {OrderEvent::placed(normalOrder(QStringLiteral("after")),
                                Actor::staff(QStringLiteral("ana")), QStringLiteral("console-1"),
                                m_clock.nowMs())}});
    QVERIFY(console.waitFor<Protocol::Ack>(acked + 1));
    QVERIFY(!console.isDisconnected());
    checkDatabases();
}

QTEST_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
