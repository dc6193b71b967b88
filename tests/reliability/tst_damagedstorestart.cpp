// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../store/storetestsupport.h"

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
};

void TestDamagedStoreStart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("kc.store.info=false"));
}

void TestDamagedStoreStart::consoleStartsOnABadStoreFile_data()
{
    QTest::addColumn<bool>("damaged"); // pages of a real store, or a text file
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("damaged pages")
        << true << 0 << "The order database was damaged and has been rebuilt";
    QTest::newRow("not a store") << false << 3 << "not an SQLite file";
}

void TestDamagedStoreStart::consoleStartsOnABadStoreFile()
{
    QFETCH(bool, damaged);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
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
    if (damaged)
        QVERIFY(damagePages(path, pageCount(path) / 2, 6));
    const QByteArray before = fileBytes(path);

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
    QCOMPARE(fileBytes(dir.filePath(asides.constFirst())), before);
    Store store(path);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QVERIFY(ProjectionVerifier(store).verify().ok());
    QVERIFY(store.eventCount() > 0);
    QVERIFY(Outbox(store).pendingCount() > 0);
    QCOMPARE(store.cursor(QStringLiteral("platform")), QString());
}

QTEST_GUILESS_MAIN(TestDamagedStoreStart)
#include "tst_damagedstorestart.moc"
