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
    QString error;
    QVERIFY2(connection.open(path(), SqliteConnection::Access::ReadWrite, 1234, &error),
             qPrintable(error));
    QVERIFY(connection.isOpen());
    QCOMPARE(pragma(connection, QStringLiteral("busy_timeout")).toInt(), 1234);
    QVERIFY2(connection.makeDurable(&error), qPrintable(error));
    QCOMPARE(pragma(connection, QStringLiteral("synchronous")).toInt(), 2); // FULL
    QCOMPARE(pragma(connection, QStringLiteral("foreign_keys")).toInt(), 1);
    QVERIFY2(connection.useWriteAheadLog(&error), qPrintable(error));
    QCOMPARE(pragma(connection, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
}

void TestSqliteConnection::stampTellsWhoseFileItIs()
{
    SqliteConnection connection(QStringLiteral("test"));
    QString error;
    QVERIFY(connection.open(path(), SqliteConnection::Access::ReadWrite, 0, &error));
    std::optional<SqliteFileStamp> stamp = connection.stamp(&error);
    QVERIFY2(stamp, qPrintable(error));
    QVERIFY(stamp->empty);
    QCOMPARE(stamp->applicationId, 0);
    QCOMPARE(stamp->version, 0);

    QVERIFY(connection.exec(QStringLiteral("CREATE TABLE t (x)"), &error));
    QVERIFY(connection.exec(QStringLiteral("PRAGMA application_id = 42"), &error));
    QVERIFY(connection.exec(QStringLiteral("PRAGMA user_version = 7"), &error));
    stamp = connection.stamp(&error);
    QVERIFY2(stamp, qPrintable(error));
    QVERIFY(!stamp->empty);
    QCOMPARE(stamp->applicationId, 42);
    QCOMPARE(stamp->version, 7);

    // A failed statement names itself.
    QVERIFY(!connection.exec(QStringLiteral("SELECT * FROM nowhere"), &error));
    QVERIFY2(error.contains(QStringLiteral("SELECT * FROM nowhere")), qPrintable(error));
}

void TestSqliteConnection::readOnlyNeverWrites()
{
    QString error;
    {
        SqliteConnection writer(QStringLiteral("test"));
        QVERIFY(writer.open(path(), SqliteConnection::Access::ReadWrite, 0, &error));
        QVERIFY(writer.exec(QStringLiteral("CREATE TABLE t (x)"), &error));
    }
    SqliteConnection reader(QStringLiteral("test"));
    QVERIFY2(reader.open(path(), SqliteConnection::Access::ReadOnly, 0, &error),
             qPrintable(error));
    QVERIFY(!reader.exec(QStringLiteral("INSERT INTO t VALUES (1)"), &error));
    QVERIFY(reader.stamp(&error));
}

void TestSqliteConnection::eachConnectionHasItsOwnName()
{
    const QStringList before = QSqlDatabase::connectionNames();
    QString error;
    {
        SqliteConnection a(QStringLiteral("test"));
        SqliteConnection b(QStringLiteral("test"));
        QVERIFY(a.open(path(), SqliteConnection::Access::ReadWrite, 0, &error));
        QVERIFY(b.open(path(), SqliteConnection::Access::ReadWrite, 0, &error));
        QVERIFY(a.database().connectionName() != b.database().connectionName());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        // Opening again replaces the connection, it does not add one.
        QVERIFY(a.open(path(), SqliteConnection::Access::ReadWrite, 0, &error));
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        b.close();
        QVERIFY(!b.isOpen());
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 1);
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

QTEST_GUILESS_MAIN(TestSqliteConnection)
#include "tst_sqliteconnection.moc"
