// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopbackhub.h"
#include "testcertificate.h"

#include "common/clock.h"
#include "sync/platformlink.h"

#include <QSignalSpy>
#include <QStandardPaths>
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
    std::unique_ptr<PlatformLink> link(const std::optional<QSslConfiguration> &ssl);

    SystemClock m_clock;
    TestCertificate m_certificate;
    LoopbackHub m_hub {m_clock};
};

void TestWss::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_certificate.create());
    QVERIFY(m_hub.open());
    QVERIFY(m_hub.addConsole(QStringLiteral("s1"), QStringLiteral("c1"), "secret-c1"));
    HubServerConfig config;
    config.ssl = m_certificate.serverConfiguration();
    QVERIFY(m_hub.listen(config));
}

std::unique_ptr<PlatformLink> TestWss::link(const std::optional<QSslConfiguration> &ssl)
{
    LinkConfig config;
    config.url = m_hub.url();
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
    const auto console = link(m_certificate.trustingConfiguration());
    QSignalSpy authenticated(&m_hub.server(), &HubServer::sessionAuthenticated);
    QVERIFY(authenticated.isValid());
    QVERIFY(console->start());
    QTRY_COMPARE(console->state(), PlatformLink::State::Live);
    QCOMPARE(authenticated.count(), 1);
    console->stop();
}

void TestWss::untrustedHubIsRefused()
{
    // The system's CAs do not know the test CA: the TLS handshake must fail, every time.
    const auto console = link(std::nullopt);
    QSignalSpy authenticated(&m_hub.server(), &HubServer::sessionAuthenticated);
    QVERIFY(authenticated.isValid());
    QSignalSpy problems(console.get(), &PlatformLink::problem);
    QVERIFY(problems.isValid());
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
