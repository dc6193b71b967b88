// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs against a real Secret Service: ctest starts it under with-keyring.sh (CONVENTIONS.md).
#include "security/credentialstore.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {

constexpr int keyringTimeoutMs = 10'000;

// Every call answers with exactly one of four signals; this counts them all.
struct Answers
{
    explicit Answers(CredentialStore *store)
        : written(store, &CredentialStore::written)
        , readDone(store, &CredentialStore::readDone)
        , removed(store, &CredentialStore::removed)
        , failed(store, &CredentialStore::failed)
    { }
    bool isValid() const
    {
        return written.isValid() && readDone.isValid() && removed.isValid() && failed.isValid();
    }
    qsizetype count() const
    {
        return written.count() + readDone.count() + removed.count() + failed.count();
    }
    QByteArray lastFailure() const
    {
        return failed.isEmpty() ? QByteArray() : failed.last().at(1).toString().toUtf8();
    }

    QSignalSpy written;
    QSignalSpy readDone;
    QSignalSpy removed;
    QSignalSpy failed;
};

} // namespace

// Waits until the store has given n answers in all, whichever signals they were.
#define KC_AWAIT_ANSWERS(answers, n)                                                               \
    do {                                                                                           \
        QTRY_COMPARE_WITH_TIMEOUT((answers).count(), qsizetype(n), keyringTimeoutMs);              \
    } while (false)

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void consoleKeyNamesStoreAndConsole();
    void writeThenReadReturnsTheSecret();
    void overwriteReplacesTheSecret();
    void removeThenReadFailsClearly();
    void removingAnAbsentKeyIsHarmless();
    void keysAreIndependent();
    void answersComeInCallOrder();
    void destroyingTheStoreMidJobIsSafe();
    void secretsNeverReachTheLog();

private:
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Answers> m_answers;
};

void TestCredentialStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Never the user's own keyring: the wrapper gives a private bus, keyring and HOME.
    QVERIFY2(qEnvironmentVariableIsSet("KC_KEYRING_SANDBOX"),
             "run through tests/security/with-keyring.sh (ctest does), which starts a keyring");
}

void TestCredentialStore::init()
{
    m_store = std::make_unique<CredentialStore>(QStringLiteral("kitchen-console-test"));
    m_answers = std::make_unique<Answers>(m_store.get());
    QVERIFY(m_answers->isValid());
}

void TestCredentialStore::cleanup()
{
    m_answers.reset();
    m_store.reset();
}

void TestCredentialStore::consoleKeyNamesStoreAndConsole()
{
    QCOMPARE(CredentialStore::consoleKey(QStringLiteral("s1"), QStringLiteral("c1")),
             QStringLiteral("store/s1/console/c1"));
    QVERIFY(CredentialStore::consoleKey(QStringLiteral("s1"), QStringLiteral("c2"))
            != CredentialStore::consoleKey(QStringLiteral("s2"), QStringLiteral("c2")));
}

void TestCredentialStore::writeThenReadReturnsTheSecret()
{
    const QString key = CredentialStore::consoleKey(QStringLiteral("s1"), QStringLiteral("c1"));
    const QByteArray secret("binary\0secret\xff", 14);

    m_store->write(key, secret);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QVERIFY2(m_answers->failed.isEmpty(), m_answers->lastFailure().constData());
    QCOMPARE(m_answers->written.first().at(0).toString(), key);

    m_store->read(key);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QVERIFY2(m_answers->failed.isEmpty(), m_answers->lastFailure().constData());
    QCOMPARE(m_answers->readDone.first().at(0).toString(), key);
    QCOMPARE(m_answers->readDone.first().at(1).toByteArray(), secret);
}

void TestCredentialStore::overwriteReplacesTheSecret()
{
    const QString key =
        CredentialStore::consoleKey(QStringLiteral("s1"), QStringLiteral("rotated"));
    m_store->write(key, "first");
    m_store->write(key, "second");
    m_store->read(key);
    KC_AWAIT_ANSWERS(*m_answers, 3);
    QVERIFY2(m_answers->failed.isEmpty(), m_answers->lastFailure().constData());
    QCOMPARE(m_answers->written.count(), 2);
    QCOMPARE(m_answers->readDone.first().at(1).toByteArray(), QByteArray("second"));
}

void TestCredentialStore::removeThenReadFailsClearly()
{
    const QString key = CredentialStore::consoleKey(QStringLiteral("s7"), QStringLiteral("c3"));
    m_store->write(key, "doomed");
    m_store->remove(key);
    KC_AWAIT_ANSWERS(*m_answers, 2);
    QVERIFY2(m_answers->failed.isEmpty(), m_answers->lastFailure().constData());
    QCOMPARE(m_answers->removed.first().at(0).toString(), key);

    m_store->read(key);
    QVERIFY(m_answers->failed.wait(keyringTimeoutMs));
    QCOMPARE(m_answers->readDone.count(), 0);
    QCOMPARE(m_answers->failed.first().at(0).toString(), key);
    QCOMPARE(m_answers->failed.first().at(1).toString(),
             QStringLiteral("No credential stored for console c3 of store s7"));
    // Callers tell "nothing stored" from a keyring out of reach by the kind, not by the words.
    QCOMPARE(m_answers->failed.first().at(2).value<CredentialStore::FailureKind>(),
             CredentialStore::FailureKind::NotFound);
}

void TestCredentialStore::removingAnAbsentKeyIsHarmless()
{
    m_store->remove(QStringLiteral("never-written"));
    QVERIFY(m_answers->removed.wait(keyringTimeoutMs));
    QCOMPARE(m_answers->failed.count(), 0);
}

void TestCredentialStore::keysAreIndependent()
{
    const QString a = CredentialStore::consoleKey(QStringLiteral("storeA"), QStringLiteral("c1"));
    const QString b = CredentialStore::consoleKey(QStringLiteral("storeB"), QStringLiteral("c1"));
    m_store->write(a, "secret-a");
    m_store->write(b, "secret-b");
    m_store->remove(a);
    m_store->read(b);
    KC_AWAIT_ANSWERS(*m_answers, 4);
    QVERIFY2(m_answers->failed.isEmpty(), m_answers->lastFailure().constData());
    QCOMPARE(m_answers->readDone.first().at(0).toString(), b);
    QCOMPARE(m_answers->readDone.first().at(1).toByteArray(), QByteArray("secret-b"));

    m_store->read(a);
    QVERIFY(m_answers->failed.wait(keyringTimeoutMs));
    QCOMPARE(m_answers->failed.first().at(1).toString(),
             QStringLiteral("No credential stored for console c1 of store storeA"));
}

void TestCredentialStore::answersComeInCallOrder()
{
    QStringList order;
    connect(m_store.get(), &CredentialStore::written, this,
            [&order](const QString &key) { order << u"written " + key; });
    connect(m_store.get(), &CredentialStore::readDone, this,
            [&order](const QString &key, const QByteArray &secret) {
                order << u"read " + key + u'=' + QString::fromUtf8(secret);
            });
    m_store->write(QStringLiteral("k1"), "one");
    m_store->write(QStringLiteral("k2"), "two");
    m_store->read(QStringLiteral("k2"));
    m_store->read(QStringLiteral("k1"));
    KC_AWAIT_ANSWERS(*m_answers, 4);
    QCOMPARE(order,
             QStringList({QStringLiteral("written k1"), QStringLiteral("written k2"),
                          QStringLiteral("read k2=two"), QStringLiteral("read k1=one")}));
}

void TestCredentialStore::destroyingTheStoreMidJobIsSafe()
{
    const QString key = QStringLiteral("outlives-its-store");
    {
        CredentialStore shortLived(QStringLiteral("kitchen-console-test"));
        shortLived.write(key, "kept");
    } // the job runs on and reports to nobody

    m_store->read(key);
    KC_AWAIT_ANSWERS(*m_answers, 1);
    QVERIFY2(m_answers->failed.isEmpty(), m_answers->lastFailure().constData());
    QCOMPARE(m_answers->readDone.first().at(1).toByteArray(), QByteArray("kept"));
}

namespace {
QStringList *capturedLog = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog->append(message);
}
} // namespace

void TestCredentialStore::secretsNeverReachTheLog()
{
    const QString key = CredentialStore::consoleKey(QStringLiteral("s9"), QStringLiteral("c9"));
    const QByteArray secret("do-not-log-me-4242");
    QStringList log;
    capturedLog = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("kc.security.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    m_store->write(key, secret);
    m_store->read(key);
    m_store->remove(key);
    m_store->read(key); // fails: the failure is logged too
    const bool answered =
        QTest::qWaitFor([this] { return m_answers->count() == 4; }, keyringTimeoutMs);

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    capturedLog = nullptr;
    QVERIFY(answered);
    QCOMPARE(m_answers->readDone.first().at(1).toByteArray(), secret);
    QVERIFY(!log.isEmpty()); // the key names were logged
    for (const QString &line : std::as_const(log)) {
        QVERIFY2(!line.contains(QString::fromLatin1(secret)), qPrintable(line));
        QVERIFY2(!line.contains(QString::fromLatin1(secret.toBase64())), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
