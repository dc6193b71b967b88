// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storeschema.h"

#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

// Opening files: fresh, older, newer, foreign and broken ones.
class TestStoreSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsLatestSchemaInEmptyFile();
    void migratesFromEveryOlderVersion_data();
    void migratesFromEveryOlderVersion();
    void refusesNewerSchemaWithoutTouchingIt();
    void refusesFilesThatAreNotStores_data();
    void refusesFilesThatAreNotStores();
    void refusesMissingDirectory();
    void readOnlyRefusesFileNeedingMigration();
    void refusesReadOnlyFolder();
};

void TestStoreSchema::createsLatestSchemaInEmptyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QFile empty(path);
    QVERIFY(empty.open(QIODevice::WriteOnly)); // a zero-byte file is a new SQLite database
    empty.close();
    Store store(path);
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(store.schemaVersion(), StoreSchema::latestVersion);
    QCOMPARE(Store::latestSchemaVersion, StoreSchema::latestVersion);
}

void TestStoreSchema::migratesFromEveryOlderVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int version = 0; version < StoreSchema::latestVersion; ++version)
        QTest::addRow("from version %d", version) << version;
}

void TestStoreSchema::migratesFromEveryOlderVersion()
{
    QFETCH(int, fromVersion);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const Order order = sampleOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    {
        // Build the file as that older release left it, with an order in it where it could hold one.
        RawConnection raw(path);
        QSqlDatabase db = raw.db();
        const Result<void> migrated = StoreSchema::migrate(db, fromVersion);
        QVERIFY2(migrated, qPrintable(migrated.error()));
        const Result<int> version = StoreSchema::version(db);
        QVERIFY2(version, qPrintable(version.error()));
        QCOMPARE(*version, fromVersion);
    }
    if (fromVersion >= 1) {
        // Write through a store limited to the old tables: the event and projection of v1.
        RawConnection raw(path);
        const OrderEvent placed = placedEvent(order);
        QSqlQuery insert(raw.db());
        QVERIFY(insert.prepare(QStringLiteral(
                "INSERT INTO events (event_id, order_id, store_id, kind, to_state, actor, origin, "
                "occurred_at, payload, recorded_at) VALUES (?, ?, ?, 'placed', 'placed', "
                "'platform', 'test', ?, ?, ?)")));
        insert.addBindValue(placed.id.toString(QUuid::WithoutBraces));
        insert.addBindValue(order.id);
        insert.addBindValue(order.storeId);
        insert.addBindValue(placed.occurredAt);
        insert.addBindValue(QString::fromUtf8(QJsonDocument(placed.payload).toJson()));
        insert.addBindValue(placed.occurredAt);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }

    Store store(path);
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(store.schemaVersion(), StoreSchema::latestVersion);
    if (fromVersion >= 1) {
        // The old file had an event but no projection row: rebuild makes it whole.
        QCOMPARE(store.eventCount(), 1);
        ProjectionVerifier verifier(store);
        QVERIFY(!verifier.verify().ok());
        const Result<void> rebuilt = verifier.rebuild();
        QVERIFY2(rebuilt, qPrintable(rebuilt.error()));
        QVERIFY(verifier.verify().ok());
        QCOMPARE(store.order(order.id)->items, order.items);
    }
    // Every table of the latest schema is usable after the upgrade.
    const AppendResult placed = fromVersion >= 1
            ? store.append(transitionEvent(order.id, OrderState::Placed, OrderState::Accepted),
                           {QStringLiteral("platform")})
            : store.append(placedEvent(order), {QStringLiteral("platform")});
    QVERIFY2(placed.committed(), qPrintable(placed.error));
    QVERIFY(store.appendIncomingBatch({}, SourceCursor{QStringLiteral("platform"),
                                                       QStringLiteral("1")})
                    .isEmpty());
    QCOMPARE(store.cursor(QStringLiteral("platform")), QStringLiteral("1"));
}

void TestStoreSchema::refusesNewerSchemaWithoutTouchingIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    {
        Store store(path);
        QVERIFY(store.open());
        QVERIFY(store.append(placedEvent(sampleOrder(QStringLiteral("o-1"), QStringLiteral("101"))),
                             {})
                        .committed());
    }
    {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = fileBytes(path);

    Store store(path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("schema version 99")));
    const Result<void> opened = store.open();
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QStringLiteral("newer")), qPrintable(opened.error()));
    QVERIFY(opened.error().contains(QStringLiteral("99")));
    QVERIFY(!store.isOpen());
    QCOMPARE(fileBytes(path), before);
}

void TestStoreSchema::refusesFilesThatAreNotStores_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("foreignSqlite");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << QByteArray("order 101: 2x burger\n") << false
                               << "not an SQLite file";
    QTest::newRow("truncated header") << QByteArray("SQLite form") << false << "not an SQLite file";
    QTest::newRow("another program's SQLite") << QByteArray() << true
                                              << "not a Kitchen Console store";
}

void TestStoreSchema::refusesFilesThatAreNotStores()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, foreignSqlite);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    if (foreignSqlite) {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO recipes VALUES ('soup')")));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QByteArray before = fileBytes(path);
    Store store(path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(expected)));
    const Result<void> opened = store.open();
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(expected), qPrintable(opened.error()));
    QCOMPARE(fileBytes(path), before);
}

void TestStoreSchema::refusesMissingDirectory()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/store.sqlite"));
    Store store(missing);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("does not exist")));
    const Result<void> opened = store.open();
    QVERIFY(!opened);
    QVERIFY(opened.error().contains(QStringLiteral("does not exist")));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("no"))).exists());

    Store readOnly(dir.filePath(QStringLiteral("absent.sqlite")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no store")));
    QVERIFY(!readOnly.open(Store::OpenMode::ReadOnly));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.sqlite"))));
}

void TestStoreSchema::readOnlyRefusesFileNeedingMigration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    {
        RawConnection raw(path);
        QSqlDatabase db = raw.db();
        QVERIFY(StoreSchema::migrate(db, 1));
    }
    const QByteArray before = fileBytes(path);
    Store store(path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("needs an upgrade")));
    const Result<void> opened = store.open(Store::OpenMode::ReadOnly);
    QVERIFY(!opened);
    QVERIFY(opened.error().contains(QStringLiteral("needs an upgrade")));
    QCOMPARE(fileBytes(path), before);
}

void TestStoreSchema::refusesReadOnlyFolder()
{
    // /proc refuses new files even to root, who ignores a folder's permission bits.
    const QString path = QStringLiteral("/proc/kc-store-test.sqlite");
    Store store(path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot")));
    const Result<void> opened = store.open();
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(path), qPrintable(opened.error()));
    QVERIFY(!store.isOpen());
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "tst_storeschema.moc"
