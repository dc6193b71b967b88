// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "childlines.h"
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"

#include <QDir>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

// The real kitchen-console started on a store file that went bad while it was off: a damaged
// one is set aside (kept byte for byte) and replaced by what could be read, and the console runs;
// a file that is not a store at all is refused and left alone.
class TestDamagedStoreStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void consoleStartsOnABadStoreFile_data();
    void consoleStartsOnABadStoreFile();

private:
    /** Runs a writer on the store and kills it once it has reported commits; gives their ids. */
    void commitUntilKilled(const QString &path, int commits, QStringList *ids);
};

void TestDamagedStoreStart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("kc.store.info=false"));
}

void TestDamagedStoreStart::consoleStartsOnABadStoreFile_data()
{
    QTest::addColumn<bool>("damaged"); // pages of a real store, or a text file
    QTest::addColumn<bool>("hotWal"); // a writer was killed before the damage: its -wal remains
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    const QString rebuilt = QStringLiteral("The order database was damaged and has been rebuilt");
    QTest::newRow("damaged pages") << true << false << 0 << rebuilt;
    QTest::newRow("damaged pages, a writer's -wal beside") << true << true << 0 << rebuilt;
    QTest::newRow("not a store") << false << false << 3 << "not an SQLite file";
}

void TestDamagedStoreStart::commitUntilKilled(const QString &path, int commits, QStringList *ids)
{
    QProcess writer;
    QStringList &committed = *ids;
    const ChildLines lines(writer, [&](const QString &line) {
        if (line.startsWith(QLatin1String("committed ")))
            committed.append(line.mid(10));
    });
    writer.start(QStringLiteral(KC_SHAREDSTORECHILD_PATH), {QStringLiteral("write"), path});
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(committed.size() >= commits, 30'000);
    writer.kill();
    QVERIFY(writer.waitForFinished(30'000));
    writer.readAllStandardOutput(); // a line cut off by the kill may not have committed
}

void TestDamagedStoreStart::consoleStartsOnABadStoreFile()
{
    QFETCH(bool, damaged);
    QFETCH(bool, hotWal);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const QString wal = path + QStringLiteral("-wal");
    if (damaged) {
        ManualClock clock(t0);
        Store store(path, &clock);
        QVERIFY(store.open());
        for (int i = 0; i < 150; ++i) {
            const QString id = QStringLiteral("o-%1").arg(i);
            QVERIFY(store.append(placedEvent(sampleOrder(id, QString::number(100 + i))), {})
                        .committed());
            QVERIFY(store
                        .append(transitionEvent(id, OrderState::Placed, OrderState::Accepted),
                                {QStringLiteral("platform")})
                        .committed());
        }
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Monday: order more onions.\n");
    }
    // Commits that live only in the -wal of a writer that died (a power cut, a kill).
    QStringList inWal;
    if (hotWal) {
        commitUntilKilled(path, 20, &inWal);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFileInfo(wal).size() > 0);
    }
    if (damaged)
        QVERIFY(damagePages(path, pageCount(path) / 2, 6));
    const QByteArray before = fileBytes(path);
    const QByteArray walBefore = fileBytes(wal);

    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    console.setProcessEnvironment(environment);
    console.start(QStringLiteral(KC_CONSOLE_PATH),
                  {QStringLiteral("--store"), path, QStringLiteral("--settings"),
                   dir.filePath(QStringLiteral("settings.ini")), QStringLiteral("--quit-after"),
                   QStringLiteral("1")});
    QVERIFY2(console.waitForFinished(60'000), qPrintable(console.errorString()));
    const QString err = QString::fromUtf8(console.readAllStandardError());
    QCOMPARE(console.exitStatus(), QProcess::NormalExit);
    QVERIFY2(console.exitCode() == exitCode, qPrintable(err));
    QVERIFY2(err.contains(stderrHas), qPrintable(err));

    const QStringList asides =
        QDir(dir.path()).entryList({QStringLiteral("store.sqlite.damaged-*")}, QDir::Files);
    if (!damaged) {
        QCOMPARE(asides, QStringList());
        QCOMPARE(fileBytes(path), before);
        return;
    }
    // The damaged file with SQLite's companions beside it, the file itself as it was.
    QVERIFY2(asides.size() >= 1 && asides.size() <= 3, qPrintable(asides.join(QLatin1Char(' '))));
    const QString aside = dir.filePath(asides.constFirst());
    QCOMPARE(fileBytes(aside), before);
    // Never checkpointed into the damaged file: its -wal went aside with it, as it was.
    if (hotWal)
        QVERIFY(fileBytes(aside + QStringLiteral("-wal")) == walBefore);
    Store store(path);
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QVERIFY(ProjectionVerifier(store).verify().ok());
    QVERIFY(store.eventCount() > 0);
    QVERIFY(Outbox(store).pendingCount() > 0);
    QCOMPARE(store.cursor(QStringLiteral("platform")), QString());
    // What only the -wal held was salvaged too (the damage was in older pages).
    for (const QString &id : std::as_const(inWal))
        QVERIFY2(store.hasEvent(QUuid::fromString(id)), qPrintable(id));
}

QTEST_GUILESS_MAIN(TestDamagedStoreStart)
#include "tst_damagedstorestart.moc"
