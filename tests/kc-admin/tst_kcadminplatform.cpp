// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// kc-admin verify --hub end to end: the real kc-admin and order-hub binaries, a real keyring
// (run under tests/security/with-keyring.sh) and a console store that synced with the hub.
#include "adminrun.h"
#include "runninghub.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "security/credentialstore.h"
#include "sim/ordergenerator.h"
#include "store/store.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString adminPath = QStringLiteral(KC_ADMIN_PATH);
const QString storeId = QStringLiteral("store-v");
const QString consoleId = QStringLiteral("grill-1");
const QByteArray secret = "verify-test-secret-7f3a";
constexpr qint64 hubEvents = 4; // 3 placed over HTTP, 1 accepted on the console
constexpr int waitMs = 20'000;

} // namespace

class TestKcAdminPlatform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void inStepWithThePlatformIsOk();
    void eventRefusedHereButLoggedThereIsReported();
    void orderThatDiffersFromThePlatformIsReported();
    void platformNotAskedExitsSix_data();
    void platformNotAskedExitsSix();
    void usageErrors_data();
    void usageErrors();

private:
    bool writeCredential(const QString &console, const QByteArray &credential);
    void syncConsoleStore();
    AdminRun verify(const QStringList &extra = {}, const QString &console = consoleId) const;
    QStringList hubArguments(const QString &console) const;

    QTemporaryDir m_dir;
    RunningHub m_hub {QStringLiteral(ORDER_HUB_PATH)};
    QString m_pristine; // the synced store, copied for each test
    QString m_storePath;
    QString m_acceptedOrder;
    QString m_acceptedNumber;
    QUuid m_acceptedEvent;
};

void TestKcAdminPlatform::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!qEnvironmentVariableIsEmpty("KC_KEYRING_SANDBOX"),
             "run under tests/security/with-keyring.sh: verify --hub reads a real keyring");
    QVERIFY2(m_hub.start({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("hub.sqlite")),
                          QStringLiteral("--add-console"), storeId + QLatin1Char(':') + consoleId,
                          QStringLiteral("--console-secret"), QString::fromUtf8(secret)}),
             m_hub.output.constData());
    QVERIFY(writeCredential(consoleId, secret));
    // A console the hub never heard of, with a credential: the platform refuses it.
    QVERIFY(writeCredential(QStringLiteral("stranger-9"), "made-up"));
    syncConsoleStore();
}

void TestKcAdminPlatform::init()
{
    // Each test tampers with its own copy of the synced store.
    m_storePath = m_dir.filePath(
        QStringLiteral("console-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_storePath);
    QVERIFY(QFile::copy(m_pristine, m_storePath));
}

void TestKcAdminPlatform::cleanupTestCase()
{
    m_hub.kill();
}

bool TestKcAdminPlatform::writeCredential(const QString &console, const QByteArray &credential)
{
    CredentialStore credentials(CredentialStore::consoleService());
    QSignalSpy written(&credentials, &CredentialStore::written);
    if (!written.isValid())
        return false;
    QSignalSpy failed(&credentials, &CredentialStore::failed);
    if (!failed.isValid())
        return false;
    credentials.write(CredentialStore::consoleKey(storeId, console), credential);
    return QTest::qWaitFor([&] { return !written.isEmpty() || !failed.isEmpty(); }, waitMs)
        && !written.isEmpty();
}

// A console that synced with the hub for real: orders from the platform, one accepted here.
void TestKcAdminPlatform::syncConsoleStore()
{
    m_pristine = m_dir.filePath(QStringLiteral("console.sqlite"));
    SystemClock clock;
    Store store(m_pristine, &clock);
    QVERIFY(store.open());
    EngineConfig engineConfig;
    engineConfig.storeId = storeId;
    engineConfig.consoleId = consoleId;
    OrderEngine engine(store, clock, engineConfig);
    LinkConfig linkConfig;
    linkConfig.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_hub.wsPort));
    linkConfig.storeId = storeId;
    linkConfig.consoleId = consoleId;
    PlatformLink link(linkConfig);
    link.setCredential(secret);
    SyncClient client(engine, store, link);
    QVERIFY(client.start());
    QTRY_COMPARE_WITH_TIMEOUT(link.state(), PlatformLink::State::Live, waitMs);

    OrderGenerator generator(storeId, 11);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_hub.placeOverHttp(storeId, generator.next(clock.nowMs()), waitMs).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(store.orders(true).size(), 3, waitMs);
    const Order accepted = store.orders(true).constFirst();
    TransitionDetails details;
    details.promisedAt = clock.nowMs() + 15 * 60 * 1000;
    QVERIFY(engine.advance(accepted.id, Actor::staff(QStringLiteral("ana")), details).ok);
    QTRY_VERIFY_WITH_TIMEOUT(client.health().pending == 0
                                 && store.cursor(QStringLiteral("platform")).toLongLong()
                                     == hubEvents,
                             waitMs);
    client.stop();
    m_acceptedOrder = accepted.id;
    m_acceptedNumber = accepted.number;
    const QHash<QUuid, EventVerdict> verdicts = store.verdicts();
    for (auto it = verdicts.cbegin(); it != verdicts.cend(); ++it) {
        if (it->hubSeq == hubEvents)
            m_acceptedEvent = it.key();
    }
    QVERIFY(!m_acceptedEvent.isNull());
    // The store closes here and SQLite folds its WAL back into the file, so one file is a copy.
}

QStringList TestKcAdminPlatform::hubArguments(const QString &console) const
{
    return {QStringLiteral("--hub"),        QStringLiteral("ws://127.0.0.1:%1").arg(m_hub.wsPort),
            QStringLiteral("--store-id"),   storeId,
            QStringLiteral("--console-id"), console};
}

AdminRun TestKcAdminPlatform::verify(const QStringList &extra, const QString &console) const
{
    QProcess process;
    AdminRun run = AdminRun::of(
            process, adminPath,
            QStringList {QStringLiteral("--store"), m_storePath, QStringLiteral("verify")}
                    + hubArguments(console) + extra,
            waitMs);
    // Whatever happens, the credential is never shown.
    if (run.out.contains(QString::fromUtf8(secret)) || run.err.contains(QString::fromUtf8(secret)))
        run.exitCode = -2;
    return run;
}

void TestKcAdminPlatform::inStepWithThePlatformIsOk()
{
    const AdminRun run = verify();
    qInfo().noquote() << "kc-admin said:\n" << run.out;
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("OK: 3 orders, 4 events\n")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("platform OK: 4 of the platform's 4 events, 3 orders")),
             qPrintable(run.out));
    QVERIFY(!run.out.contains(QLatin1String("platform: ")));
}

void TestKcAdminPlatform::eventRefusedHereButLoggedThereIsReported()
{
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(m_storePath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.prepare(QStringLiteral("UPDATE event_status SET rejected_reason = "
                                             "'someone else took it' WHERE event_id = ?")));
        query.addBindValue(m_acceptedEvent.toString(QUuid::WithoutBraces));
        QVERIFY(query.exec());
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    const AdminRun run = verify();
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
    const QString id = m_acceptedEvent.toString(QUuid::WithoutBraces);
    QVERIFY2(run.out.contains(QStringLiteral("platform: event %1 is refused here (someone else "
                                             "took it) but the platform logged it at 4")
                                  .arg(id)),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("platform FAILED:")));
}

void TestKcAdminPlatform::orderThatDiffersFromThePlatformIsReported()
{
    // This console believes the platform moved the order on (an event the platform never
    // logged): its log and projection agree with each other, but not with the platform.
    {
        SystemClock clock;
        Store store(m_storePath, &clock);
        QVERIFY(store.open());
        IncomingEvent incoming;
        incoming.source = QStringLiteral("platform");
        incoming.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        incoming.event = OrderEvent::transition(
            m_acceptedOrder, storeId, OrderState::Accepted, OrderState::Preparing,
            Actor::staff(QStringLiteral("ghost")), QStringLiteral("grill-2"), clock.nowMs());
        incoming.hubSeq = hubEvents + 1;
        const QList<AppendResult> results = store.appendIncomingBatch(
            {incoming}, SourceCursor {QStringLiteral("platform"), QString::number(hubEvents + 1)});
        QCOMPARE(results.size(), 1);
        QVERIFY(results.constFirst().applied());
        QCOMPARE(store.order(m_acceptedOrder)->state, OrderState::Preparing);
    }
    const AdminRun run = verify();
    qInfo().noquote() << "kc-admin said:\n" << run.out;
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("OK: 3 orders, 5 events\n")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("platform: order %1 is preparing here but accepted "
                                             "on the platform")
                                  .arg(m_acceptedNumber)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("platform: this console has read the platform's "
                                            "log up to 5, but the platform's log ends at 4")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("platform FAILED:")));
}

void TestKcAdminPlatform::platformNotAskedExitsSix_data()
{
    QTest::addColumn<QString>("console");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("says");
    QTest::newRow("no credential in the keyring")
        << QStringLiteral("nobody-3") << QStringList()
        << QStringLiteral("the keyring gave no credential");
    QTest::newRow("console the platform refuses")
        << QStringLiteral("stranger-9") << QStringList() << QStringLiteral("The platform refused");
    QTest::newRow("nothing listening")
        << consoleId << QStringList {QStringLiteral("--hub"), QStringLiteral("ws://127.0.0.1:1")}
        << QStringLiteral("Could not reach the platform");
}

void TestKcAdminPlatform::platformNotAskedExitsSix()
{
    QFETCH(QString, console);
    QFETCH(QStringList, extra);
    QFETCH(QString, says);
    const AdminRun run = verify(extra, console); // a later --hub wins over the first
    qInfo().noquote() << "kc-admin said:\n" << run.out << run.err;
    QVERIFY2(run.exitCode == 6, qPrintable(QString::number(run.exitCode) + run.out + run.err));
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("OK: 3 orders, 4 events\n")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("platform NOT CHECKED")), qPrintable(run.out));
}

void TestKcAdminPlatform::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("store-id without hub")
        << QStringList {QStringLiteral("verify"), QStringLiteral("--store-id"), storeId};
    QTest::newRow("hub without ids") << QStringList {
        QStringLiteral("verify"), QStringLiteral("--hub"), QStringLiteral("ws://127.0.0.1:9")};
    QTest::newRow("hub on another command") << QStringList {QStringLiteral("list"),
                                                            QStringLiteral("--hub"),
                                                            QStringLiteral("ws://127.0.0.1:9"),
                                                            QStringLiteral("--store-id"),
                                                            storeId,
                                                            QStringLiteral("--console-id"),
                                                            consoleId};
    QTest::newRow("plain ws to another machine") << QStringList {QStringLiteral("verify"),
                                                                 QStringLiteral("--hub"),
                                                                 QStringLiteral("ws://192.0.2.1:9"),
                                                                 QStringLiteral("--store-id"),
                                                                 storeId,
                                                                 QStringLiteral("--console-id"),
                                                                 consoleId};
    QTest::newRow("timeout not a number") << QStringList {QStringLiteral("verify"),
                                                          QStringLiteral("--hub"),
                                                          QStringLiteral("ws://127.0.0.1:9"),
                                                          QStringLiteral("--store-id"),
                                                          storeId,
                                                          QStringLiteral("--console-id"),
                                                          consoleId,
                                                          QStringLiteral("--hub-timeout"),
                                                          QStringLiteral("soon")};
    QTest::newRow("missing CA file") << QStringList {QStringLiteral("verify"),
                                                     QStringLiteral("--hub"),
                                                     QStringLiteral("wss://127.0.0.1:9"),
                                                     QStringLiteral("--store-id"),
                                                     storeId,
                                                     QStringLiteral("--console-id"),
                                                     consoleId,
                                                     QStringLiteral("--hub-ca"),
                                                     QStringLiteral("/nonexistent.pem")};
}

void TestKcAdminPlatform::usageErrors()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(adminPath, QStringList {QStringLiteral("--store"), m_storePath} + arguments);
    QVERIFY(process.waitForFinished(waitMs));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(!process.readAllStandardError().isEmpty());
}

QTEST_GUILESS_MAIN(TestKcAdminPlatform)
#include "tst_kcadminplatform.moc"
