// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PostgresAddress: the forms --database takes, and the password it never does.
#include "hub/storage/postgresaddress.h"

#include <QTest>

class TestPostgresAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryForm_data();
    void readsEveryForm();
    void refusesWhatItCannotUse_data();
    void refusesWhatItCannotUse();
    void displayNamesNoSecret();
};

void TestPostgresAddress::readsEveryForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::newRow("url") << "postgresql://hub@db.example:6543/orderhub"
                         << "db.example" << 6543 << "orderhub"
                         << "hub";
    QTest::newRow("short scheme, defaults") << "postgres:///orderhub"
                                            << "localhost" << 5432 << "orderhub"
                                            << "";
    QTest::newRow("socket folder") << "postgresql:///orderhub?host=/run/postgresql&user=hub"
                                   << "/run/postgresql" << 5432 << "orderhub"
                                   << "hub";
    QTest::newRow("keywords") << "host=10.0.0.5 port=5433 dbname=hub user=kc"
                              << "10.0.0.5" << 5433 << "hub"
                              << "kc";
}

void TestPostgresAddress::readsEveryForm()
{
    QFETCH(QString, text);
    const Result<PostgresAddress> address = PostgresAddress::parse(text);
    QVERIFY2(address, qPrintable(address.error()));
    QTEST(address->host, "host");
    QTEST(address->port, "port");
    QTEST(address->database, "database");
    QTEST(address->user, "user");
}

void TestPostgresAddress::refusesWhatItCannotUse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("said");
    QTest::newRow("password in url") << "postgresql://hub:hunter2@db/orderhub"
                                     << "PGPASSWORD";
    QTest::newRow("password keyword") << "dbname=hub password=hunter2"
                                      << "PGPASSWORD";
    QTest::newRow("no database") << "postgresql://db.example"
                                 << "no database";
    QTest::newRow("bad port") << "dbname=hub port=99999"
                              << "port";
    QTest::newRow("unknown key") << "dbname=hub sslmode=require"
                                 << "sslmode";
    QTest::newRow("not key=value") << "dbname=hub oops"
                                   << "oops";
}

void TestPostgresAddress::refusesWhatItCannotUse()
{
    QFETCH(QString, text);
    QFETCH(QString, said);
    const Result<PostgresAddress> address = PostgresAddress::parse(text);
    QVERIFY(!address);
    QVERIFY2(address.error().contains(said), qPrintable(address.error()));
    QVERIFY(!address.error().contains(QStringLiteral("hunter2")));
}

void TestPostgresAddress::displayNamesNoSecret()
{
    const PostgresAddress tcp {QStringLiteral("db"), 5433, QStringLiteral("hub"),
                               QStringLiteral("kc")};
    QCOMPARE(tcp.display(), QStringLiteral("database hub on db:5433 as kc"));
    const PostgresAddress socket {
        QStringLiteral("/run/postgresql"), 5432, QStringLiteral("hub"), {}};
    QCOMPARE(socket.display(),
             QStringLiteral("database hub on socket /run/postgresql/.s.PGSQL.5432"));
}

QTEST_GUILESS_MAIN(TestPostgresAddress)
#include "tst_postgresaddress.moc"
