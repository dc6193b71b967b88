// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What every fake vendor shares (FakeVendorServer), seen through the Square fake on a real
// loopback server: the fault script (fail next N, 429 storm, latency, disconnect), going away and
// coming back on the same port, and the control paths that drive it all over HTTP.
#include "fakes/square/squarefake.h"
#include "fakeclient.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
const QString search = QStringLiteral("/v2/orders/search");
const QString locations = QStringLiteral("/v2/locations");

QJsonObject searchAll()
{
    return {{QStringLiteral("location_ids"), QJsonArray {QStringLiteral("LOC1")}}};
}
} // namespace

class TestFakeVendorServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void failsTheNextNOfAPathWithTheVendorsBody_data();
    void failsTheNextNOfAPathWithTheVendorsBody();
    void rateLimitStormAnswers429WithRetryAfter();
    void latencyAnswersLaterWithoutBlockingOthers();
    void disconnectDropsTheConnectionUnanswered();
    void aRuleForOneMethodLeavesTheOthersAlone();
    void goesAwayAndComesBackOnTheSamePort();
    void controlPathsScriptFaultsAndReadTheLedger();
    void controlGoAwayComesBackByItself();
    void faultRulesFromJsonAreChecked();

private:
    std::unique_ptr<SquareFake> m_fake;
    std::unique_ptr<FakeClient> m_client;
};

void TestFakeVendorServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFakeVendorServer::init()
{
    m_fake = std::make_unique<SquareFake>();
    QVERIFY(m_fake->listen(0));
    QVERIFY(m_fake->port() != 0);
    m_client = std::make_unique<FakeClient>(m_fake->port(), SquareFake::defaultToken);
}

void TestFakeVendorServer::cleanup()
{
    m_client.reset();
    m_fake.reset();
}

void TestFakeVendorServer::failsTheNextNOfAPathWithTheVendorsBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QString>("expectedCategory");
    QTest::newRow("503") << 503 << QString() << QStringLiteral("SERVICE_UNAVAILABLE")
                         << QStringLiteral("API_ERROR");
    QTest::newRow("500") << 500 << QString() << QStringLiteral("INTERNAL_SERVER_ERROR")
                         << QStringLiteral("API_ERROR");
    QTest::newRow("403 with a code") << 403 << QStringLiteral("INSUFFICIENT_SCOPES")
                                     << QStringLiteral("INSUFFICIENT_SCOPES")
                                     << QStringLiteral("AUTHENTICATION_ERROR");
}

void TestFakeVendorServer::failsTheNextNOfAPathWithTheVendorsBody()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, expectedCode);
    QFETCH(QString, expectedCategory);
    m_fake->failNext(2, status, search, code);

    // Another path is not touched.
    QCOMPARE(m_client->call("GET", locations).status, 200);
    for (int i = 0; i < 2; ++i) {
        const FakeAnswer failed = m_client->call("POST", search, searchAll());
        QCOMPARE(failed.status, status);
        QCOMPARE(failed.firstError("code"), expectedCode);
        QCOMPARE(failed.firstError("category"), expectedCategory);
    }
    QCOMPARE(m_client->call("POST", search, searchAll()).status, 200);
    QVERIFY(m_fake->faults().rules().isEmpty());
}

void TestFakeVendorServer::rateLimitStormAnswers429WithRetryAfter()
{
    m_fake->rateLimitNext(3, 7);
    for (int i = 0; i < 3; ++i) {
        const FakeAnswer limited = m_client->call("POST", search, searchAll());
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("7"));
        QCOMPARE(limited.firstError("code"), QStringLiteral("RATE_LIMITED"));
        QCOMPARE(limited.firstError("category"), QStringLiteral("RATE_LIMIT_ERROR"));
    }
    QCOMPARE(m_client->call("POST", search, searchAll()).status, 200);
    QCOMPARE(m_fake->exchanges().size(), 4);
    QCOMPARE(m_fake->exchanges().at(0).status, 429);
}

void TestFakeVendorServer::latencyAnswersLaterWithoutBlockingOthers()
{
    constexpr int delayMs = 300;
    m_fake->delayNext(1, delayMs, search);
    FakeClient other(m_fake->port(), SquareFake::defaultToken);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *slow = m_client->start("POST", search, searchAll());
    QSignalSpy slowDone(slow, &QNetworkReply::finished);
    QVERIFY(slowDone.isValid());
    // While the slow one waits, another connection is answered at once.
    const FakeAnswer quick = other.call("GET", locations);
    QCOMPARE(quick.status, 200);
    QCOMPARE(slowDone.count(), 0);
    QVERIFY(slowDone.wait(5000));
    QVERIFY2(clock.elapsed() >= delayMs - 10, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(FakeClient::finish(slow).status, 200);
    // Only the next one was slow.
    QElapsedTimer again;
    again.start();
    QCOMPARE(m_client->call("POST", search, searchAll()).status, 200);
    QVERIFY(again.elapsed() < delayMs);
}

void TestFakeVendorServer::disconnectDropsTheConnectionUnanswered()
{
    // Until cleared: QNetworkAccessManager itself resends a request whose connection closed
    // before any answer, so one dropped connection alone would not reach the caller.
    m_fake->disconnectNext(-1, search);
    const FakeAnswer dropped = m_client->call("POST", search, searchAll());
    QCOMPARE(dropped.status, 0);
    QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
    QVERIFY(!m_fake->exchanges().isEmpty());
    QCOMPARE(m_fake->exchanges().constLast().status, 0);
    m_fake->clearFaults();
    QCOMPARE(m_client->call("POST", search, searchAll()).status, 200);
}

void TestFakeVendorServer::aRuleForOneMethodLeavesTheOthersAlone()
{
    FaultRule rule;
    rule.kind = FaultRule::Kind::Fail;
    rule.status = 503;
    rule.pathPrefix = QStringLiteral("/v2/");
    rule.method = QStringLiteral("POST");
    m_fake->faults().add(rule);
    QCOMPARE(m_client->call("GET", locations).status, 200); // same prefix, other method
    QCOMPARE(m_fake->faults().rules().size(), 1);
    QCOMPARE(m_client->call("POST", search, searchAll()).status, 503);
    QVERIFY(m_fake->faults().rules().isEmpty());
    QCOMPARE(m_client->call("POST", search, searchAll()).status, 200);
}

void TestFakeVendorServer::goesAwayAndComesBackOnTheSamePort()
{
    const quint16 port = m_fake->port();
    QCOMPARE(m_client->call("GET", locations).status, 200); // a kept-alive connection
    m_fake->goAway();
    QVERIFY(!m_fake->isListening());
    const FakeAnswer refused = m_client->call("GET", locations);
    QCOMPARE(refused.status, 0);
    QCOMPARE(refused.error, QNetworkReply::ConnectionRefusedError);

    QVERIFY(m_fake->comeBack());
    QCOMPARE(m_fake->port(), port);
    QCOMPARE(m_client->call("GET", locations).status, 200);
}

void TestFakeVendorServer::controlPathsScriptFaultsAndReadTheLedger()
{
    FakeClient control(m_fake->port()); // control paths need no token
    const FakeAnswer added = control.call(
        "POST", QStringLiteral("/__fake/fault"),
        {{QStringLiteral("kind"), QStringLiteral("fail")},
         {QStringLiteral("count"), 1},
         {QStringLiteral("status"), 502},
         {QStringLiteral("path_prefix"), QStringLiteral("/v2/orders")}});
    QCOMPARE(added.status, 200);
    QCOMPARE(m_fake->faults().rules().size(), 1);
    const FakeAnswer failed = m_client->call("POST", search, searchAll());
    QCOMPARE(failed.status, 502);
    QCOMPARE(failed.firstError("code"), QStringLiteral("BAD_GATEWAY"));

    const QJsonObject create {
        {QStringLiteral("idempotency_key"), QStringLiteral("ledger-1")},
        {QStringLiteral("order"),
         QJsonObject {{QStringLiteral("location_id"), QStringLiteral("LOC1")}}}};
    QCOMPARE(m_client->call("POST", QStringLiteral("/v2/orders"), create).status, 200);
    const FakeAnswer ledger =
        control.call("GET", QStringLiteral("/__fake/ledger?idempotency_key=ledger-1"));
    QCOMPARE(ledger.status, 200);
    QCOMPARE(ledger.json.value(QStringLiteral("count")).toInt(), 1);
    const QJsonObject write =
        ledger.json.value(QStringLiteral("writes")).toArray().at(0).toObject();
    QCOMPARE(write.value(QStringLiteral("path")).toString(), QStringLiteral("/v2/orders"));
    QCOMPARE(write.value(QStringLiteral("version")).toInt(), 1);

    const FakeAnswer requests = control.call("GET", QStringLiteral("/__fake/requests"));
    const QJsonArray seen = requests.json.value(QStringLiteral("requests")).toArray();
    QCOMPARE(seen.size(), 2); // control requests are not recorded
    QCOMPARE(seen.at(1).toObject().value(QStringLiteral("headers")).toObject()
                 .value(QStringLiteral("square-version")).toString(),
             QStringLiteral("2026-09-16"));

    QCOMPARE(control.call("POST", QStringLiteral("/__fake/fault"),
                          {{QStringLiteral("kind"), QStringLiteral("latency")},
                           {QStringLiteral("count"), -1},
                           {QStringLiteral("delay_ms"), 10}}).status,
             200);
    QCOMPARE(control.call("POST", QStringLiteral("/__fake/faults/clear")).status, 200);
    QVERIFY(m_fake->faults().rules().isEmpty());
}

void TestFakeVendorServer::controlGoAwayComesBackByItself()
{
    FakeClient control(m_fake->port());
    const FakeAnswer asked = control.call("POST", QStringLiteral("/__fake/go-away"),
                                          {{QStringLiteral("for_ms"), 200}});
    QCOMPARE(asked.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!m_fake->isListening(), 2000);
    QCOMPARE(m_client->call("GET", locations).error, QNetworkReply::ConnectionRefusedError);
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->isListening(), 5000);
    QCOMPARE(m_client->call("GET", locations).status, 200);
}

void TestFakeVendorServer::faultRulesFromJsonAreChecked()
{
    QString error;
    QVERIFY(!FaultRule::fromJson({{QStringLiteral("kind"), QStringLiteral("melt")}}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!FaultRule::fromJson({{QStringLiteral("kind"), QStringLiteral("fail")},
                                  {QStringLiteral("count"), 0}},
                                 &error));
    const std::optional<FaultRule> storm =
        FaultRule::fromJson({{QStringLiteral("kind"), QStringLiteral("rate_limit")},
                             {QStringLiteral("count"), 5},
                             {QStringLiteral("retry_after_s"), 2}},
                            &error);
    QVERIFY(storm);
    QCOMPARE(storm->status, 429);
    QCOMPARE(storm->remaining, 5);
    QCOMPARE(storm->retryAfterS, 2);
    QVERIFY(storm->method.isEmpty());

    const std::optional<FaultRule> creates =
        FaultRule::fromJson({{QStringLiteral("kind"), QStringLiteral("latency")},
                             {QStringLiteral("method"), QStringLiteral("post")},
                             {QStringLiteral("delay_ms"), 50}},
                            &error);
    QVERIFY(creates);
    QCOMPARE(creates->method, QStringLiteral("POST"));
    QCOMPARE(creates->toJson().value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
}

QTEST_GUILESS_MAIN(TestFakeVendorServer)
#include "tst_fakevendorserver.moc"
