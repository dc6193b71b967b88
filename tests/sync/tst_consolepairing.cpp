// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ConsolePairing against a real hub on 127.0.0.1 and a real keyring (with-keyring.sh): a code
// typed at the console becomes a credential in the keyring that the hub accepts; wrong, expired
// and reused codes, too many tries and an unreachable platform are refused in words for staff;
// the credential never shows in the log.
#include "loopbackhub.h"
#include "testcertificate.h"

#include "security/credentialstore.h"
#include "session/consolepairing.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

namespace {
const QString store = QStringLiteral("store-7");
const QString grill = QStringLiteral("grill-1");

// Everything logged while a test runs, to show what never appears there.
QStringList logged;
void keepMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    logged.append(message);
}
} // namespace

class TestConsolePairing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void aCodeBecomesACredentialInTheKeyring();
    void badCodesAreRefusedInWordsForStaff();
    void tooManyWrongCodesLockTheAddressOut();
    void anUnreachablePlatformIsSaidSo();
    void plainWsIsOnlyForThisMachine();
    void overTlsOnlyATrustedPlatformGetsTheCode();

private:
    QString pairExpectingFailure(const QString &code);

    ManualClock m_clock {1'800'000'000'000};
    std::unique_ptr<LoopbackHub> m_hub;
    std::unique_ptr<CredentialStore> m_keyring;
    QtMessageHandler m_previousHandler = nullptr;
};

void TestConsolePairing::init()
{
    m_hub = std::make_unique<LoopbackHub>(m_clock);
    QVERIFY(m_hub->open());
    QVERIFY(m_hub->records().stores().add(store));
    QVERIFY(m_hub->listen());
    m_keyring = std::make_unique<CredentialStore>(QStringLiteral("kc-test-pairing"));
    logged.clear();
    m_previousHandler = qInstallMessageHandler(keepMessage);
}

void TestConsolePairing::cleanup()
{
    qInstallMessageHandler(m_previousHandler);
    m_keyring.reset();
    m_hub.reset();
}

QString TestConsolePairing::pairExpectingFailure(const QString &code)
{
    ConsolePairing pairing(*m_keyring);
    QSignalSpy failed(&pairing, &ConsolePairing::failed);
    QSignalSpy paired(&pairing, &ConsolePairing::paired);
    if (!failed.isValid() || !paired.isValid())
        return QStringLiteral("(spies not valid)");
    pairing.pair(m_hub->url(), code);
    if ((failed.isEmpty() && !failed.wait(10'000)) || !paired.isEmpty())
        return QStringLiteral("(no failure)");
    return failed.constFirst().constFirst().toString();
}

void TestConsolePairing::aCodeBecomesACredentialInTheKeyring()
{
    const Result<IssuedPairingCode> issued = m_hub->records().pairing().issue(store, grill);
    QVERIFY(issued);
    ConsolePairing pairing(*m_keyring);
    QSignalSpy paired(&pairing, &ConsolePairing::paired);
    QVERIFY(paired.isValid());
    QSignalSpy failed(&pairing, &ConsolePairing::failed);
    QVERIFY(failed.isValid());
    pairing.pair(m_hub->url(), issued->code.toLower());
    QVERIFY(pairing.isBusy());
    QVERIFY2(paired.wait(10'000), failed.isEmpty() ? "no answer"
                                                   : qPrintable(failed.constFirst().constFirst()
                                                                        .toString()));
    QCOMPARE(paired.constFirst(), QVariantList({store, grill}));
    QVERIFY(!pairing.isBusy());

    // The keyring holds the credential the hub now accepts for that console.
    QSignalSpy read(m_keyring.get(), &CredentialStore::readDone);
    QVERIFY(read.isValid());
    m_keyring->read(CredentialStore::consoleKey(store, grill));
    QVERIFY(read.wait(10'000));
    const QByteArray credential = read.constFirst().at(1).toByteArray();
    QVERIFY(m_hub->records().credentials().authenticate(store, grill, credential));
    QVERIFY(std::none_of(logged.cbegin(), logged.cend(), [&](const QString &line) {
        return line.contains(QString::fromLatin1(credential))
                || line.contains(PairingDesk::normalised(issued->code));
    }));
    // Said in the log, so support can see when and as whom this console paired.
    QVERIFY(std::any_of(logged.cbegin(), logged.cend(), [](const QString &line) {
        return line.contains(QStringLiteral("paired as console grill-1 of store store-7"));
    }));
}

void TestConsolePairing::badCodesAreRefusedInWordsForStaff()
{
    PairingDesk &desk = m_hub->records().pairing();
    QCOMPARE(pairExpectingFailure(QStringLiteral("ABCD-2345")),
             QStringLiteral("That pairing code is not right. Check it and type it again."));

    const QString expired = desk.issue(store, grill)->code;
    m_clock.advanceMs(PairingDesk::defaultLifetimeMs + 1);
    QCOMPARE(pairExpectingFailure(expired),
             QStringLiteral("That pairing code has expired. Ask for a new one."));

    const QString once = desk.issue(store, grill)->code;
    QVERIFY(std::holds_alternative<Protocol::Paired>(
            desk.redeem(once, QStringLiteral("198.51.100.1"))));
    QCOMPARE(pairExpectingFailure(once),
             QStringLiteral("That pairing code was used already. Ask for a new one."));
    QCOMPARE(pairExpectingFailure(QStringLiteral("  ")),
             QStringLiteral("Type the pairing code first."));
}

void TestConsolePairing::tooManyWrongCodesLockTheAddressOut()
{
    const QString good = m_hub->records().pairing().issue(store, grill)->code;
    for (int i = 0; i < PairingDesk::maxFailuresPerPeer; ++i)
        QVERIFY(pairExpectingFailure(QStringLiteral("WXYZ-%1").arg(2222 + i))
                        .startsWith(QStringLiteral("That pairing code is not right")));
    QCOMPARE(pairExpectingFailure(good),
             QStringLiteral("Too many wrong codes were tried. Wait a few minutes, then try "
                            "again."));
    QVERIFY(!m_hub->records().credentials().check(store, grill).known);
}

void TestConsolePairing::anUnreachablePlatformIsSaidSo()
{
    // A port nobody listens on: taken, then given back.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ConsolePairing pairing(*m_keyring);
    QSignalSpy failed(&pairing, &ConsolePairing::failed);
    QVERIFY(failed.isValid());
    pairing.pair(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)), QStringLiteral("ABCD-EFGH"));
    QVERIFY(failed.wait(10'000));
    QVERIFY(failed.constFirst().constFirst().toString().startsWith(
            QStringLiteral("Cannot reach the platform")));
    QCOMPARE(failed.size(), 1);
}

void TestConsolePairing::plainWsIsOnlyForThisMachine()
{
    ConsolePairing pairing(*m_keyring);
    QSignalSpy failed(&pairing, &ConsolePairing::failed);
    QVERIFY(failed.isValid());
    pairing.pair(QUrl(QStringLiteral("ws://192.0.2.1:8765")), QStringLiteral("ABCD-EFGH"));
    QCOMPARE(failed.size(), 1); // at once: nothing was sent anywhere
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("wss://")));
}

// A platform whose certificate the console cannot check never sees the code: the handshake
// fails first, so the code stays good for the platform the console does trust.
void TestConsolePairing::overTlsOnlyATrustedPlatformGetsTheCode()
{
    TestCertificate certificate;
    QVERIFY(certificate.create());
    HubServerConfig config;
    config.ssl = certificate.serverConfiguration();
    QVERIFY(m_hub->listen(config));
    QCOMPARE(m_hub->url().scheme(), QStringLiteral("wss"));
    const QString code = m_hub->records().pairing().issue(store, grill)->code;
    {
        ConsolePairing doubting(*m_keyring);
        QSignalSpy failed(&doubting, &ConsolePairing::failed);
        QVERIFY(failed.isValid());
        doubting.pair(m_hub->url(), code);
        QVERIFY(failed.wait(10'000));
        QVERIFY2(failed.constFirst().constFirst().toString().startsWith(
                         QStringLiteral("The platform's certificate was not accepted")),
                 qPrintable(failed.constFirst().constFirst().toString()));
    }
    ConsolePairing trusting(*m_keyring);
    QSignalSpy paired(&trusting, &ConsolePairing::paired);
    QVERIFY(paired.isValid());
    trusting.pair(m_hub->url(), code, certificate.trustingConfiguration());
    QVERIFY(paired.wait(10'000));
    QCOMPARE(paired.constFirst(), QVariantList({store, grill}));
}

QTEST_GUILESS_MAIN(TestConsolePairing)
#include "tst_consolepairing.moc"
