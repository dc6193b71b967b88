// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A console's POS as main() builds it: settings, secrets in a real keyring (with-keyring.sh), the
// session's PosConnection with its channel and feed, and "test connection", against the Square
// and Clover fakes on 127.0.0.1.
#include "enginetestbed.h"
#include "squaretill.h"

#include "fakes/clover/cloverfake.h"
#include "fakes/square/squarefake.h"
#include "pos/posfeed.h"
#include "security/credentialstore.h"
#include "session/posconnection.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
const QString storeId = QStringLiteral("store-1");
const Actor cook = Actor::staff(QStringLiteral("cook-1"));
} // namespace

class TestPosConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void testConnectionSaysWhatFailed();
    void missingSecretsAreSaidNotCrashed();
    void aConnectionFromTheKeychainTakesTillOrdersAndWritesSteps();
    void aRenewedCloverSignInIsKeptInTheKeychain();
    void aDeadLetterIsSaidForTheBoard();

private:
    PosSettings squareSettings() const;
    PosSecrets squareSecrets() const;
    /** Runs the probe and waits for its verdict: empty when connected, else its words. */
    QString probe(const PosSettings &settings, const PosSecrets &secrets);
    bool writeSecrets(const PosSecrets &secrets);

    std::unique_ptr<EngineTestbed> m_bed;
    std::unique_ptr<SquareFake> m_square;
    std::unique_ptr<CredentialStore> m_keychain;
    std::unique_ptr<PosConnection> m_connection;
};

void TestPosConnection::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    ManualClock &clock = m_bed->clock();
    m_square = std::make_unique<SquareFake>();
    m_square->setClock([&clock] { return clock.nowMs(); });
    QVERIFY(m_square->listen());
    m_keychain = std::make_unique<CredentialStore>(QStringLiteral("kitchen-console-test-pos"));
}

void TestPosConnection::cleanup()
{
    m_connection.reset();
    m_keychain.reset();
    m_square.reset();
    m_bed.reset();
}

PosSettings TestPosConnection::squareSettings() const
{
    PosSettings settings;
    settings.vendor = QStringLiteral("square");
    settings.baseUrl = m_square->baseUrl();
    settings.locationId = QString::fromLatin1(SquareFake::defaultLocation);
    return settings;
}

PosSecrets TestPosConnection::squareSecrets() const
{
    PosSecrets secrets;
    secrets.token = QByteArray(SquareFake::defaultToken);
    secrets.webhookKey = m_square->signatureKey().toUtf8();
    return secrets;
}

QString TestPosConnection::probe(const PosSettings &settings, const PosSecrets &secrets)
{
    std::optional<Result<void>> verdict;
    QObject context;
    PosProbe::run(settings, secrets, m_bed->clock(), &context,
                  [&verdict](const Result<void> &judged) { verdict = judged; });
    if (!QTest::qWaitFor([&verdict] { return verdict.has_value(); }, 10'000))
        return QStringLiteral("(no verdict)");
    return *verdict ? QString() : verdict->error();
}

bool TestPosConnection::writeSecrets(const PosSecrets &secrets)
{
    QSignalSpy written(m_keychain.get(), &CredentialStore::written);
    if (!written.isValid())
        return false;
    m_keychain->write(PosSecrets::keychainKey(storeId), secrets.toJson());
    return written.wait(10'000);
}

void TestPosConnection::testConnectionSaysWhatFailed()
{
    QCOMPARE(probe(squareSettings(), squareSecrets()), QString());

    PosSecrets wrongToken = squareSecrets();
    wrongToken.token = "not-a-token";
    QVERIFY2(probe(squareSettings(), wrongToken).contains(QStringLiteral("access token")),
             qPrintable(probe(squareSettings(), wrongToken)));

    PosSettings wrongLocation = squareSettings();
    wrongLocation.locationId = QStringLiteral("NOWHERE");
    const QString location = probe(wrongLocation, squareSecrets());
    QVERIFY2(location.contains(QStringLiteral("location NOWHERE")), qPrintable(location));

    m_square->failNext(1, 503);
    const QString down = probe(squareSettings(), squareSecrets());
    QVERIFY2(down.contains(QStringLiteral("is down")), qPrintable(down));

    m_square->goAway();
    const QString away = probe(squareSettings(), squareSecrets());
    QVERIFY2(away.contains(QStringLiteral("cannot be reached")), qPrintable(away));
}

void TestPosConnection::missingSecretsAreSaidNotCrashed()
{
    m_connection = std::make_unique<PosConnection>(m_bed->engine(), m_bed->store(),
                                                   m_bed->clock(), squareSettings(),
                                                   PosConnection::Context {storeId, 15, {}, {}});
    QSignalSpy problems(m_connection.get(), &PosConnection::problem);
    QVERIFY(problems.isValid());
    QVERIFY(!m_connection->startWithSecrets({}));
    QVERIFY(!m_connection->isRunning());
    QVERIFY(problems.constLast().constFirst().toString().contains(QStringLiteral("token")));

    std::optional<Result<void>> verdict;
    m_connection->testConnection([&verdict](const Result<void> &judged) { verdict = judged; });
    QVERIFY(verdict && !*verdict);
    QVERIFY(verdict->error().contains(QStringLiteral("token")));
}

void TestPosConnection::aConnectionFromTheKeychainTakesTillOrdersAndWritesSteps()
{
    QVERIFY(writeSecrets(squareSecrets()));
    m_connection = std::make_unique<PosConnection>(m_bed->engine(), m_bed->store(),
                                                   m_bed->clock(), squareSettings(),
                                                   PosConnection::Context {storeId, 15, {}, {}});
    m_connection->startFromKeyring(*m_keychain);
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->isRunning(), 10'000);

    // The poll brings the till's order to the board; the kitchen's accept reaches Square.
    const QString id = m_square->createCounterOrder(SquareTill::counterOrder(QStringLiteral("Ana")));
    m_connection->feed()->pollNow();
    QTRY_VERIFY(m_bed->engine().order(id));
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    QTRY_COMPARE(m_square->order(id)
                         ->value(QLatin1String("fulfillments"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QLatin1String("state"))
                         .toString(),
                 QStringLiteral("RESERVED"));

    std::optional<Result<void>> verdict;
    m_connection->testConnection([&verdict](const Result<void> &judged) { verdict = judged; });
    QTRY_VERIFY(verdict.has_value());
    QVERIFY(*verdict);
}

void TestPosConnection::aRenewedCloverSignInIsKeptInTheKeychain()
{
    CloverFake clover;
    ManualClock &clock = m_bed->clock();
    clover.setClock([&clock] { return clock.nowMs(); });
    QVERIFY(clover.listen());
    PosSettings settings;
    settings.vendor = QStringLiteral("clover");
    settings.baseUrl = clover.baseUrl();
    settings.locationId = clover.merchantId();
    settings.appId = clover.appId();
    PosSecrets secrets;
    const QJsonObject issued = clover.issueTokens().toJson();
    secrets.oauth = QJsonDocument(issued).toJson(QJsonDocument::Compact);
    secrets.webhookKey = clover.webhookAuthCode().toUtf8();
    QVERIFY(writeSecrets(secrets));

    m_connection = std::make_unique<PosConnection>(m_bed->engine(), m_bed->store(), clock,
                                                   settings,
                                                   PosConnection::Context {storeId, 15, {}, {}});
    QSignalSpy renewed(m_connection.get(), &PosConnection::secretsRenewed);
    QSignalSpy kept(m_keychain.get(), &CredentialStore::written);
    QVERIFY(renewed.isValid() && kept.isValid());
    m_connection->startFromKeyring(*m_keychain);
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->isRunning(), 10'000);

    // Clover lets the access token lapse: the next call is refused, the one after renews it.
    QVERIFY(clover.expireAccessToken(issued.value(QLatin1String("access_token")).toString()));
    std::optional<Result<void>> verdict;
    const auto test = [this, &verdict] {
        verdict.reset();
        m_connection->testConnection([&verdict](const Result<void> &judged) { verdict = judged; });
        return QTest::qWaitFor([&verdict] { return verdict.has_value(); }, 10'000);
    };
    QVERIFY(test());
    QVERIFY(!*verdict);
    QVERIFY(test());
    QVERIFY2(*verdict, qPrintable(verdict->error()));
    QCOMPARE(renewed.size(), 1);
    QVERIFY(kept.wait(10'000) || !kept.isEmpty());

    // What the keychain holds now is the new pair, and it opens Clover.
    QSignalSpy read(m_keychain.get(), &CredentialStore::readDone);
    QVERIFY(read.isValid());
    m_keychain->read(PosSecrets::keychainKey(storeId));
    QVERIFY(read.wait(10'000));
    const PosSecrets stored = PosSecrets::fromJson(read.constFirst().at(1).toByteArray());
    QVERIFY(stored.oauth != secrets.oauth);
    QCOMPARE(stored.webhookKey, secrets.webhookKey);
    QCOMPARE(probe(settings, stored), QString());
}

void TestPosConnection::aDeadLetterIsSaidForTheBoard()
{
    PosConnection::Context context {storeId, 15, {}, {}};
    context.retry.maxAttempts = 1;
    m_connection = std::make_unique<PosConnection>(m_bed->engine(), m_bed->store(),
                                                   m_bed->clock(), squareSettings(), context);
    QSignalSpy problems(m_connection.get(), &PosConnection::problem);
    QVERIFY(problems.isValid());
    QVERIFY(m_connection->startWithSecrets(squareSecrets()));
    const QString id = m_square->createCounterOrder(SquareTill::counterOrder(QStringLiteral("Ana")));
    m_connection->feed()->pollNow();
    QTRY_VERIFY(m_bed->engine().order(id));

    m_square->failNext(1000, 500, QStringLiteral("/v2/orders/") + id);
    TransitionDetails accept;
    accept.promisedAt = t0 + 15 * 60'000;
    QVERIFY(m_bed->engine().transition(id, OrderState::Accepted, cook, accept).ok);
    QVERIFY(m_bed->engine().advance(id, cook).ok); // preparing: nothing to write
    QVERIFY(m_bed->engine().advance(id, cook).ok); // ready: parked behind the accept
    QTRY_VERIFY(!problems.isEmpty()
                && problems.constLast().constFirst().toString().contains(
                        QStringLiteral("wait for a manager; 1 order(s) wait behind them")));
    QVERIFY(problems.constLast().constFirst().toString().startsWith(QStringLiteral("1 change(s)")));
}

QTEST_GUILESS_MAIN(TestPosConnection)
#include "tst_posconnection.moc"
