// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PairingDesk: one-time pairing codes on every storage backend. A code is good once, for a few
// minutes, for the console it was issued for; wrong tries are limited per address and overall.
#include "recordstestcase.h"

#include "hub/pairingdesk.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Protocol;

class TestPairingDesk : public HubTest::RecordsTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void aCodeIsTradedOnceForAWorkingCredential();
    void aCodeCanBeTypedLoosely();
    void anExpiredCodeIsRefused();
    void wrongCodesAreRefusedAndLimitedPerAddress();
    void wrongCodesFromEverywhereAreLimitedToo();
    void codesAreKeptHashedAndSurviveARestart();
    void aCodeIsOnlyIssuedForARegisteredStore();
    void pairingAgainReplacesTheOldCredential();

private:
    static inline const QString grill = QStringLiteral("grill-1");
    static inline const QString peer = QStringLiteral("192.0.2.7");

    IssuedPairingCode issue(const QString &consoleId = grill)
    {
        const Result<IssuedPairingCode> issued = records().pairing().issue(storeA, consoleId);
        [&] { QVERIFY2(issued, qPrintable(issued.error())); }();
        return issued ? *issued : IssuedPairingCode {};
    }
    static QString refusal(const std::variant<Paired, Error> &answer)
    {
        const auto *error = std::get_if<Error>(&answer);
        return error ? error->code : QStringLiteral("(paired)");
    }
};

void TestPairingDesk::aCodeIsTradedOnceForAWorkingCredential()
{
    const IssuedPairingCode issued = issue();
    QVERIFY(QRegularExpression(QStringLiteral("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"))
                    .match(issued.code)
                    .hasMatch());
    QCOMPARE(issued.expiresAtMs, bed().clock().nowMs() + PairingDesk::defaultLifetimeMs);

    const auto answer = records().pairing().redeem(issued.code, peer);
    const auto *paired = std::get_if<Paired>(&answer);
    QVERIFY2(paired, qPrintable(refusal(answer)));
    QCOMPARE(paired->storeId, storeA);
    QCOMPARE(paired->consoleId, grill);
    QVERIFY(paired->credential.size() >= 40);
    // The credential says hello as that console, and as no other.
    ConsoleCredentials &credentials = records().credentials();
    QVERIFY(credentials.authenticate(storeA, grill, paired->credential.toUtf8()));
    QVERIFY(!credentials.authenticate(storeB, grill, paired->credential.toUtf8()));

    QCOMPARE(refusal(records().pairing().redeem(issued.code, peer)), PairingError::used);
    QVERIFY(credentials.authenticate(storeA, grill, paired->credential.toUtf8()));
}

void TestPairingDesk::aCodeCanBeTypedLoosely()
{
    const IssuedPairingCode issued = issue();
    const QString typed = QStringLiteral("  ") + issued.code.toLower().replace(u'-', u' ');
    QVERIFY(std::holds_alternative<Paired>(records().pairing().redeem(typed, peer)));
}

void TestPairingDesk::anExpiredCodeIsRefused()
{
    const IssuedPairingCode issued = issue();
    bed().clock().advanceMs(PairingDesk::defaultLifetimeMs);
    QCOMPARE(refusal(records().pairing().redeem(issued.code, peer)), PairingError::expired);
    QVERIFY(!records().credentials().authenticate(storeA, grill, QByteArray()));
    QVERIFY(records().credentials().check(storeA, grill).known == false);
}

void TestPairingDesk::wrongCodesAreRefusedAndLimitedPerAddress()
{
    const IssuedPairingCode issued = issue();
    PairingDesk &desk = records().pairing();
    for (int i = 0; i < PairingDesk::maxFailuresPerPeer; ++i)
        QCOMPARE(refusal(desk.redeem(QStringLiteral("2222-2222"), peer)), PairingError::unknown);
    // Locked out: even the right code is refused from there, and the code stays good.
    const auto locked = desk.redeem(issued.code, peer);
    QCOMPARE(refusal(locked), PairingError::tooManyTries);
    QVERIFY(std::get<Error>(locked).message.contains(QStringLiteral("10 min")));
    // Another address is not held up by this one.
    QCOMPARE(refusal(desk.redeem(QStringLiteral("nonsense"), QStringLiteral("192.0.2.8"))),
             PairingError::unknown);
    // Once the oldest wrong try leaves the window, the address may try again.
    bed().clock().advanceMs(PairingDesk::failureWindowMs - 60'000);
    QCOMPARE(refusal(desk.redeem(issued.code, peer)), PairingError::tooManyTries);
    bed().clock().advanceMs(60'000);
    const IssuedPairingCode fresh = issue(); // the first one expired meanwhile
    QVERIFY(std::holds_alternative<Paired>(desk.redeem(fresh.code, peer)));
}

void TestPairingDesk::wrongCodesFromEverywhereAreLimitedToo()
{
    const IssuedPairingCode issued = issue();
    PairingDesk &desk = records().pairing();
    for (int i = 0; i < PairingDesk::maxFailuresOverall; ++i)
        QCOMPARE(refusal(desk.redeem(QStringLiteral("2222-2222"),
                                     QStringLiteral("198.51.100.%1").arg(i))),
                 PairingError::unknown);
    QCOMPARE(refusal(desk.redeem(issued.code, peer)), PairingError::tooManyTries);
}

void TestPairingDesk::codesAreKeptHashedAndSurviveARestart()
{
    const IssuedPairingCode issued = issue();
    // A hub restarted (or another process over the same log, as order-hub --pair) honours it.
    QVERIFY(bed().reopen());
    QVERIFY(std::holds_alternative<Paired>(records().pairing().redeem(issued.code, peer)));
    QVERIFY(bed().reopen());
    QCOMPARE(refusal(records().pairing().redeem(issued.code, peer)), PairingError::used);
    // The log's file never holds the code itself, only its hash (the same code runs over
    // PostgreSQL; the bytes of a file are what can be read here).
    const auto *sqlite = dynamic_cast<HubTest::SqliteBackend *>(&bed().backend());
    if (!sqlite)
        return;
    bed().close();
    QByteArray bytes;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(sqlite->path() + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    QVERIFY(bytes.contains("pairing_codes"));
    QVERIFY(!bytes.contains(PairingDesk::normalised(issued.code).toLatin1()));
    QVERIFY(!bytes.contains(issued.code.toLatin1()));
}

void TestPairingDesk::aCodeIsOnlyIssuedForARegisteredStore()
{
    const Result<IssuedPairingCode> none =
            records().pairing().issue(QStringLiteral("store-x"), grill);
    QVERIFY(!none);
    QVERIFY(none.error().contains(QStringLiteral("store-x")));
    QVERIFY(!records().pairing().issue(storeA, QStringLiteral("bad\nid")));
}

void TestPairingDesk::pairingAgainReplacesTheOldCredential()
{
    const auto first = records().pairing().redeem(issue().code, peer);
    const auto second = records().pairing().redeem(issue().code, peer);
    QVERIFY(std::holds_alternative<Paired>(first) && std::holds_alternative<Paired>(second));
    ConsoleCredentials &credentials = records().credentials();
    QVERIFY(!credentials.authenticate(storeA, grill, std::get<Paired>(first).credential.toUtf8()));
    QVERIFY(credentials.authenticate(storeA, grill, std::get<Paired>(second).credential.toUtf8()));
}

QTEST_GUILESS_MAIN(TestPairingDesk)
#include "tst_pairingdesk.moc"
