// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "childlines.h"

#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storedatabase.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// A store held the way the console holds it (its own connection and the IncomingWriter's) keeps
// writing while others open the same file read-write: a connection in this process and a whole
// other process. Then the writer is killed with SIGKILL. Every event it reported committed must
// be in the file afterwards. SQLite's POSIX locks keep the others from checkpointing and
// deleting the live write-ahead log; if the writer ever dropped its locks (by opening and closing
// the file through anything but SQLite), the last commits would vanish with its WAL.
class TestSharedStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void othersOpeningTheLiveStoreLoseNothing();

private:
    void openAndCloseHere(const QString &path);
    void openAndCloseInAnotherProcess(const QString &path);
};

void TestSharedStore::openAndCloseHere(const QString &path)
{
    const QString name = QStringLiteral("tst-sharedstore-other");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM events")) && query.next());
        QVERIFY(query.value(0).toLongLong() > 0);
        query.finish();
        db.close(); // the last connection of this process: it checkpoints if it may
    }
    QSqlDatabase::removeDatabase(name);
}

void TestSharedStore::openAndCloseInAnotherProcess(const QString &path)
{
    QProcess peek;
    peek.start(QStringLiteral(KC_SHAREDSTORECHILD_PATH), {QStringLiteral("peek"), path});
    QVERIFY2(peek.waitForFinished(30'000), qPrintable(peek.errorString()));
    QVERIFY2(peek.exitStatus() == QProcess::NormalExit && peek.exitCode() == 0,
             qPrintable(QString::fromUtf8(peek.readAllStandardError())));
    QVERIFY(peek.readAllStandardOutput().startsWith("events "));
}

void TestSharedStore::othersOpeningTheLiveStoreLoseNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));

    QProcess writer;
    QStringList committed;
    bool ready = false;
    const ChildLines lines(writer, [&](const QString &line) {
        if (line == QLatin1String("ready"))
            ready = true;
        else if (line.startsWith(QLatin1String("committed ")))
            committed.append(line.mid(10));
    });
    writer.start(QStringLiteral(KC_SHAREDSTORECHILD_PATH), {QStringLiteral("write"), path});
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(ready && committed.size() >= 40, 30'000);

    openAndCloseHere(path);
    if (QTest::currentTestFailed())
        return;
    openAndCloseInAnotherProcess(path);
    if (QTest::currentTestFailed())
        return;

    // The writer goes on committing after both have come and gone, then dies mid-write.
    const qsizetype before = committed.size();
    QTRY_VERIFY_WITH_TIMEOUT(committed.size() >= before + 40, 30'000);
    writer.kill();
    QVERIFY(writer.waitForFinished(30'000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    writer.readAllStandardOutput(); // a line cut off by the kill was never committed for sure

    Store store(path);
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QSqlQuery find(StoreDatabase::of(store));
    find.prepare(QStringLiteral("SELECT count(*) FROM events WHERE event_id = ?"));
    QStringList missing;
    for (const QString &id : std::as_const(committed)) {
        find.addBindValue(id);
        QVERIFY(find.exec() && find.next());
        if (find.value(0).toInt() != 1)
            missing.append(id);
        find.finish();
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 committed events are gone, the first %3")
                            .arg(missing.size())
                            .arg(committed.size())
                            .arg(missing.value(0))));
    const VerifyReport verify = ProjectionVerifier(store).verify();
    QVERIFY2(verify.ok(), qPrintable(verify.problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestSharedStore)
#include "tst_sharedstore.moc"
