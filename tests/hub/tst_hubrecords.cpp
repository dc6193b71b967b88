// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubRecords: the store registry, console credentials and idempotency keys, on every storage
// backend (HubLog has its own test).
#include "recordstestcase.h"

#include <QTest>

#include <memory>

class TestHubRecords : public HubTest::RecordsTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void storesAreRegisteredOnce();
    void consolesAuthenticateWithTheirOwnSecret();
    void unknownConsolesGetADecoy();
    void recordsSurviveReopen();
    void idempotencyKeysKeepTheFirstResponse();
    void idempotencyKeysExpire();
};

void TestHubRecords::storesAreRegisteredOnce()
{
    StoreRegistry &stores = records().stores();
    QVERIFY(stores.add(storeA)); // again: still there, not an error
    QVERIFY(stores.contains(storeA));
    QVERIFY(!stores.contains(QStringLiteral("store-c")));
    const Result<void> blank = stores.add(QStringLiteral("  "));
    QVERIFY(!blank);
    QVERIFY(!blank.error().isEmpty());
    QCOMPARE(stores.ids(), QStringList({storeA, storeB}));
}

void TestHubRecords::consolesAuthenticateWithTheirOwnSecret()
{
    ConsoleCredentials &credentials = records().credentials();
    const QByteArray secret = "correct horse battery staple";
    QVERIFY(credentials.add(storeA, QStringLiteral("c1"), secret));
    QVERIFY(credentials.authenticate(storeA, QStringLiteral("c1"), secret));
    QVERIFY(!credentials.authenticate(storeA, QStringLiteral("c1"), "wrong"));
    QVERIFY(!credentials.authenticate(storeB, QStringLiteral("c1"), secret));
    QVERIFY(!credentials.authenticate(storeA, QStringLiteral("c2"), secret));
    const Result<void> unknownStore =
        credentials.add(QStringLiteral("no-such-store"), QStringLiteral("c1"), secret);
    QVERIFY(!unknownStore);
    QVERIFY(unknownStore.error().contains(QStringLiteral("no-such-store")));
    QVERIFY(!credentials.add(storeA, QStringLiteral("c3"), {}));
    // A new secret replaces the old one.
    QVERIFY(credentials.add(storeA, QStringLiteral("c1"), "another"));
    QVERIFY(!credentials.authenticate(storeA, QStringLiteral("c1"), secret));
    QVERIFY(credentials.authenticate(storeA, QStringLiteral("c1"), "another"));
}

// An unknown console's hello is verified against a decoy of the same cost that matches nothing.
void TestHubRecords::unknownConsolesGetADecoy()
{
    ConsoleCredentials &credentials = records().credentials();
    QVERIFY(credentials.add(storeA, QStringLiteral("c1"), "s3cret"));
    const CredentialCheck known = credentials.check(storeA, QStringLiteral("c1"));
    const CredentialCheck unknown = credentials.check(storeA, QStringLiteral("nobody"));
    QVERIFY(known.known);
    QVERIFY(!unknown.known);
    QCOMPARE(unknown.hash.iterations, known.hash.iterations);
    QVERIFY(!SecretHasher::verify("s3cret", unknown.hash));
}

void TestHubRecords::recordsSurviveReopen()
{
    QVERIFY(records().credentials().add(storeA, QStringLiteral("c1"), "s3cret"));
    QVERIFY(records().idempotency().save(storeA, QStringLiteral("k1"), {"abc", 201, "{}"}));
    QVERIFY(bed().reopen());
    QVERIFY(records().credentials().authenticate(storeA, QStringLiteral("c1"), "s3cret"));
    QCOMPARE(records().stores().ids(), QStringList({storeA, storeB}));
    QCOMPARE(records().idempotency().response(storeA, QStringLiteral("k1"))->status, 201);
}

void TestHubRecords::idempotencyKeysKeepTheFirstResponse()
{
    IdempotencyKeys &keys = records().idempotency();
    QVERIFY(!keys.response(storeA, QStringLiteral("k1")));
    QVERIFY(keys.save(storeA, QStringLiteral("k1"), {"abc", 201, "{}"}));
    QVERIFY(!keys.save(storeA, QStringLiteral("k1"), {"def", 500, "x"}));
    const std::optional<IdempotentResponse> stored = keys.response(storeA, QStringLiteral("k1"));
    QVERIFY(stored);
    QCOMPARE(stored->requestHash, QByteArray("abc"));
    QCOMPARE(stored->status, 201);
    QCOMPARE(stored->body, QByteArray("{}"));
    QVERIFY(!keys.response(storeB, QStringLiteral("k1")));
}

void TestHubRecords::idempotencyKeysExpire()
{
    IdempotencyKeys &keys = records().idempotency();
    const qint64 first = bed().clock().nowMs();
    QVERIFY(keys.save(storeA, QStringLiteral("old"), {"abc", 201, "{}"}));
    bed().clock().advanceMs(1000);
    QVERIFY(keys.save(storeA, QStringLiteral("new"), {"def", 201, "{}"}));
    QCOMPARE(keys.pruneBefore(first), 0);
    QCOMPARE(keys.pruneBefore(first + 1), 1);
    QVERIFY(!keys.response(storeA, QStringLiteral("old")));
    QVERIFY(keys.response(storeA, QStringLiteral("new")));
    // The key is free again.
    QVERIFY(keys.save(storeA, QStringLiteral("old"), {"xyz", 200, "{}"}));
}

QTEST_GUILESS_MAIN(TestHubRecords)
#include "tst_hubrecords.moc"
