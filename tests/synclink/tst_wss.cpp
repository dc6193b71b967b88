// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"
#include "engine/orderengine.h"
#include "hub/hub.h"
#include "hub/hubrecords.h"
#include "hub/hubserver.h"
#include "hub/storage/sqlitehubstorage.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// wss:// with certificate checks: a CA and a server certificate are made for the run with
// openssl; a console that trusts the CA goes live, one that does not never sends its credential.
class TestWss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trustedHubGoesLive();
    void untrustedHubIsRefused();

private:
    bool openssl(const QStringList &arguments);
    std::unique_ptr<PlatformLink> link(const std::optional<QSslConfiguration> &ssl);

    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<HubRecords> m_records;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<HubServer> m_server;
    QSslCertificate m_ca;
};

bool TestWss::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' ')) << "failed:"
                             << process.readAllStandardError();
        return false;
    }
    return true;
}

void TestWss::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    QVERIFY(openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                    + QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                  QStringLiteral("-out"), QStringLiteral("ca.pem"),
                                  QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=kc-test-ca")}));
    QVERIFY(openssl(QStringList{QStringLiteral("req")} + ec
                    + QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                  QStringLiteral("-out"), QStringLiteral("server.csr"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}));
    QFile extensions(m_dir.filePath(QStringLiteral("ext.cnf")));
    QVERIFY(extensions.open(QIODevice::WriteOnly));
    extensions.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    extensions.close();
    QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                     QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                     QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                     QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                     QStringLiteral("server.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                     QStringLiteral("-extfile"), QStringLiteral("ext.cnf")}));

    const QList<QSslCertificate> ca =
            QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ca.pem")));
    const QList<QSslCertificate> server =
            QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("server.pem")));
    QFile keyFile(m_dir.filePath(QStringLiteral("server.key")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslKey key(&keyFile, QSsl::Ec);
    QCOMPARE(ca.size(), 1);
    QCOMPARE(server.size(), 1);
    QVERIFY(!key.isNull());
    m_ca = ca.constFirst();

    m_records = std::make_unique<HubRecords>(
        std::make_unique<SqliteHubStorage>(m_dir.filePath(QStringLiteral("hub.sqlite"))), m_clock,
        10'000);
    QVERIFY(m_records->open());
    QVERIFY(m_records->stores().add(QStringLiteral("s1")));
    QVERIFY(m_records->credentials().add(QStringLiteral("s1"), QStringLiteral("c1"), "secret-c1"));
    m_hub = std::make_unique<Hub>(*m_records);
    HubServerConfig config;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(server.constFirst());
    ssl.setPrivateKey(key);
    config.ssl = ssl;
    m_server = std::make_unique<HubServer>(*m_hub, config);
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
}

std::unique_ptr<PlatformLink> TestWss::link(const std::optional<QSslConfiguration> &ssl)
{
    LinkConfig config;
    config.url = QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_server->serverPort()));
    config.storeId = QStringLiteral("s1");
    config.consoleId = QStringLiteral("c1");
    config.ssl = ssl;
    config.backoffBaseMs = 50;
    config.backoffCapMs = 200;
    auto result = std::make_unique<PlatformLink>(config);
    result->setCredential("secret-c1");
    return result;
}

void TestWss::trustedHubGoesLive()
{
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates({m_ca});
    const auto console = link(trusting);
    QSignalSpy authenticated(m_server.get(), &HubServer::sessionAuthenticated);
    QVERIFY(console->start());
    QTRY_COMPARE(console->state(), PlatformLink::State::Live);
    QCOMPARE(authenticated.count(), 1);
    console->stop();
}

void TestWss::untrustedHubIsRefused()
{
    // The system's CAs do not know the test CA: the TLS handshake must fail, every time.
    const auto console = link(std::nullopt);
    QSignalSpy authenticated(m_server.get(), &HubServer::sessionAuthenticated);
    QSignalSpy problems(console.get(), &PlatformLink::problem);
    QVERIFY(console->start());
    QTRY_VERIFY(console->failedAttempts() >= 3);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.constFirst().constFirst().toString().contains(QStringLiteral("certificate")),
             qPrintable(problems.constFirst().constFirst().toString()));
    QCOMPARE(console->state() == PlatformLink::State::Live, false);
    QCOMPARE(authenticated.count(), 0);
    console->stop();
}

QTEST_GUILESS_MAIN(TestWss)
#include "tst_wss.moc"
