// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteConnection: the one way the store and the hub open their SQLite files.
#include "common/sqliteconnection.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <memory>

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

private:
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
    QCOMPARE(pragma(connection, QStringLiteral("busy_timeout")).toInt(), 1234);
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

QTEST_GUILESS_MAIN(TestSqliteConnection)
#include "tst_sqliteconnection.moc"
