// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteConnection: the one way the store and the hub open their SQLite files.
#include "common/sqliteconnection.h"
#include "lockholder.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <memory>
#include <thread>

namespace {
QVariant pragma(const SqliteConnection &connection, const QString &name)
{
    QSqlQuery query(connection.database());
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return {};
    return query.value(0);
}
} // namespace

class TestSqliteConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void opensDurableWithWriteAheadLog();
    void stampTellsWhoseFileItIs();
    void readOnlyNeverWrites();
    void eachConnectionHasItsOwnName();
    void aWriteWaitsOutAnotherProgramsLock();
    void aWriteGivesUpWhenTheLockOutlastsItsTimeout();

private:
    /** A store-like file with one table, closed again. */
    void createTable();

    QString path() const { return m_dir->filePath(QStringLiteral("file.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSqliteConnection::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSqliteConnection::opensDurableWithWriteAheadLog()
{
    SqliteConnection connection(QStringLiteral("test"));
    const Result<void> opened = connection.open(path(), SqliteConnection::Access::ReadWrite, 1234);
    QVERIFY2(opened, qPrintable(opened.error()));
    QVERIFY(connection.isOpen());
    const Result<void> durable = connection.makeDurable();
    QVERIFY2(durable, qPrintable(durable.error()));
    QCOMPARE(pragma(connection, QStringLiteral("synchronous")).toInt(), 2); // FULL
    QCOMPARE(pragma(connection, QStringLiteral("foreign_keys")).toInt(), 1);
    const Result<void> wal = connection.useWriteAheadLog();
    QVERIFY2(wal, qPrintable(wal.error()));
    QCOMPARE(pragma(connection, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
}

void TestSqliteConnection::stampTellsWhoseFileItIs()
{
    SqliteConnection connection(QStringLiteral("test"));
    QVERIFY(connection.open(path(), SqliteConnection::Access::ReadWrite, 0));
    Result<SqliteFileStamp> stamp = connection.stamp();
    QVERIFY2(stamp, qPrintable(stamp.error()));
    QVERIFY(stamp->empty);
    QCOMPARE(stamp->applicationId, 0);
    QCOMPARE(stamp->version, 0);

    QVERIFY(connection.exec(QStringLiteral("CREATE TABLE t (x)")));
    QVERIFY(connection.exec(QStringLiteral("PRAGMA application_id = 42")));
    QVERIFY(connection.exec(QStringLiteral("PRAGMA user_version = 7")));
    stamp = connection.stamp();
    QVERIFY2(stamp, qPrintable(stamp.error()));
    QVERIFY(!stamp->empty);
    QCOMPARE(stamp->applicationId, 42);
    QCOMPARE(stamp->version, 7);

    // A failed statement names itself.
    const Result<void> failed = connection.exec(QStringLiteral("SELECT * FROM nowhere"));
    QVERIFY(!failed);
    QVERIFY2(failed.error().contains(QStringLiteral("SELECT * FROM nowhere")),
             qPrintable(failed.error()));
}

void TestSqliteConnection::readOnlyNeverWrites()
{
    {
        SqliteConnection writer(QStringLiteral("test"));
        QVERIFY(writer.open(path(), SqliteConnection::Access::ReadWrite, 0));
        QVERIFY(writer.exec(QStringLiteral("CREATE TABLE t (x)")));
    }
    SqliteConnection reader(QStringLiteral("test"));
    const Result<void> opened = reader.open(path(), SqliteConnection::Access::ReadOnly, 0);
    QVERIFY2(opened, qPrintable(opened.error()));
    QVERIFY(!reader.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    QVERIFY(reader.stamp());
}

void TestSqliteConnection::eachConnectionHasItsOwnName()
{
    const QStringList before = QSqlDatabase::connectionNames();
    {
        SqliteConnection a(QStringLiteral("test"));
        SqliteConnection b(QStringLiteral("test"));
        QVERIFY(a.open(path(), SqliteConnection::Access::ReadWrite, 0));
        QVERIFY(b.open(path(), SqliteConnection::Access::ReadWrite, 0));
        QVERIFY(a.database().connectionName() != b.database().connectionName());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        // Opening again replaces the connection, it does not add one.
        QVERIFY(a.open(path(), SqliteConnection::Access::ReadWrite, 0));
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        b.close();
        QVERIFY(!b.isOpen());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 1);
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void TestSqliteConnection::createTable()
{
    SqliteConnection creator(QStringLiteral("test"));
    QVERIFY(creator.open(path(), SqliteConnection::Access::ReadWrite, 0));
    QVERIFY(creator.useWriteAheadLog());
    QVERIFY(creator.exec(QStringLiteral("CREATE TABLE t (x)")));
}

void TestSqliteConnection::aWriteWaitsOutAnotherProgramsLock()
{
    createTable();
    LockHolder holder(QStringLiteral(KC_LOCKHOLDER_PATH));
    QVERIFY(holder.lock(path()));

    // The write runs on a thread of its own, as the incoming writer's do; this thread lets the
    // lock go once the writer is seen waiting for it.
    SqliteConnection waiting(QStringLiteral("test"));
    Result<void> written = Failure {QStringLiteral("never ran")};
    std::thread writer([&] {
        if (Result<void> opened = waiting.open(path(), SqliteConnection::Access::ReadWrite, 30'000);
            !opened) {
            written = opened;
            return;
        }
        written = waiting.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        waiting.close();
    });
    const bool sawWaiting = QTest::qWaitFor([&] { return waiting.busyRetries() > 0; }, 10'000);
    QVERIFY(holder.release());
    writer.join();
    QVERIFY(sawWaiting);
    QVERIFY2(written, qPrintable(written.error()));

    SqliteConnection reader(QStringLiteral("test"));
    QVERIFY(reader.open(path(), SqliteConnection::Access::ReadOnly, 0));
    QSqlQuery count(reader.database());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM t")) && count.next());
    QCOMPARE(count.value(0).toInt(), 1);
}

void TestSqliteConnection::aWriteGivesUpWhenTheLockOutlastsItsTimeout()
{
    createTable();
    LockHolder holder(QStringLiteral(KC_LOCKHOLDER_PATH));
    QVERIFY(holder.lock(path()));

    constexpr int timeoutMs = 200;
    SqliteConnection waiting(QStringLiteral("test"));
    QVERIFY(waiting.open(path(), SqliteConnection::Access::ReadWrite, timeoutMs));
    QElapsedTimer waited;
    waited.start();
    const Result<void> written = waiting.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
    QVERIFY(!written);
    // SQLite's own words for it, which StoreFaults classifies as busy.
    QVERIFY2(written.error().contains(QStringLiteral("locked")), qPrintable(written.error()));
    QVERIFY(waiting.busyRetries() > 0);
    QVERIFY(waited.elapsed() >= timeoutMs);

    // Once the other program lets go, the same connection writes.
    QVERIFY(holder.release());
    QVERIFY(waiting.exec(QStringLiteral("INSERT INTO t VALUES (2)")));
}

QTEST_GUILESS_MAIN(TestSqliteConnection)
#include "tst_sqliteconnection.moc"
