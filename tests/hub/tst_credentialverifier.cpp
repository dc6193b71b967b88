// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// CredentialVerifier: PBKDF2 checks on worker threads, verdicts back on the caller's thread.
#include "hub/credentialverifier.h"

#include <QTest>
#include <QThread>

#include <memory>

namespace {
struct Verdict
{
    bool matches = false;
    QThread *thread = nullptr;
};

SecretHash hashOf(const QByteArray &secret)
{
    return SecretHasher::hash(secret, SecretHasher::minIterations);
}
} // namespace

class TestCredentialVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdictsArriveLaterOnTheCallersThread();
    void severalVerifyAtOnce();
    void deletedReceiverGetsNoVerdict();
    void destroyedVerifierDropsVerdicts();
};

void TestCredentialVerifier::verdictsArriveLaterOnTheCallersThread()
{
    CredentialVerifier verifier(1);
    const SecretHash hash = hashOf("right");
    QObject receiver;
    QList<Verdict> verdicts;
    const auto record = [&](bool matches) {
        verdicts.append({matches, QThread::currentThread()});
    };
    verifier.verify("right", hash, &receiver, record);
    verifier.verify("wrong", hash, &receiver, record);
    QVERIFY(verdicts.isEmpty()); // never within verify(): the event loop stays free
    QTRY_COMPARE(verdicts.size(), 2);
    QCOMPARE(verdicts.at(0).matches, true);
    QCOMPARE(verdicts.at(1).matches, false);
    QCOMPARE(verdicts.at(0).thread, QThread::currentThread());
    QCOMPARE(verdicts.at(1).thread, QThread::currentThread());
}

void TestCredentialVerifier::severalVerifyAtOnce()
{
    constexpr int count = 8;
    CredentialVerifier verifier(4);
    QObject receiver;
    QList<SecretHash> hashes;
    for (int i = 0; i < count; ++i)
        hashes.append(hashOf(QByteArray::number(i)));
    QHash<int, bool> verdicts;
    // Every secret against its own hash (a match) and its neighbour's (none), all in flight.
    for (int i = 0; i < count; ++i) {
        verifier.verify(QByteArray::number(i), hashes.at(i), &receiver,
                        [&verdicts, i](bool matches) { verdicts.insert(2 * i, matches); });
        verifier.verify(QByteArray::number(i), hashes.at((i + 1) % count), &receiver,
                        [&verdicts, i](bool matches) { verdicts.insert(2 * i + 1, matches); });
    }
    QVERIFY(verdicts.isEmpty());
    QTRY_COMPARE(verdicts.size(), 2 * count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(verdicts.value(2 * i), true);
        QCOMPARE(verdicts.value(2 * i + 1), false);
    }
}

void TestCredentialVerifier::deletedReceiverGetsNoVerdict()
{
    CredentialVerifier verifier(1); // one thread: verdicts come back in request order
    const SecretHash hash = hashOf("right");
    auto gone = std::make_unique<QObject>();
    bool goneHeard = false;
    verifier.verify("right", hash, gone.get(), [&](bool) { goneHeard = true; });
    gone.reset();
    QObject stays;
    bool staysHeard = false;
    verifier.verify("right", hash, &stays, [&](bool) { staysHeard = true; });
    QTRY_VERIFY(staysHeard);
    QVERIFY(!goneHeard);
}

void TestCredentialVerifier::destroyedVerifierDropsVerdicts()
{
    const SecretHash hash = hashOf("right");
    QObject receiver;
    int heard = 0;
    {
        CredentialVerifier verifier(2);
        for (int i = 0; i < 4; ++i)
            verifier.verify("right", hash, &receiver, [&](bool) { ++heard; });
    } // waits for its threads
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(heard, 0);
}

QTEST_GUILESS_MAIN(TestCredentialVerifier)
#include "tst_credentialverifier.moc"
