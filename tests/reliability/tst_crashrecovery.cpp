// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "childlines.h"

#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storedatabase.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// A child applies commands in a loop and is killed with SIGKILL at random moments, many times over
// one store file. After every kill the store must open, verify, and hold every command the child
// reported committed exactly once.
class TestCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void survivesRepeatedKills();

private:
    struct ChildReport
    {
        QStringList eventIds;
        QString lastCursor;
        int lines = 0;
    };
    void runAndKill(const QString &storePath, quint32 seed, int killAfterLines, int extraDelayMs,
                    ChildReport *report);
};

void TestCrashRecovery::runAndKill(const QString &storePath, quint32 seed, int killAfterLines,
                                   int extraDelayMs, ChildReport *out)
{
    ChildReport &report = *out;
    QProcess child;
    bool killScheduled = false;
    ChildLines lines(child, [&](const QString &line) {
        const QStringList words = line.split(QLatin1Char(' '));
        ++report.lines;
        if (words.constFirst() == QLatin1String("committed")) {
            report.eventIds.append(words.at(1));
        } else if (words.constFirst() == QLatin1String("batch")) {
            report.lastCursor = words.at(1);
            report.eventIds.append(words.mid(2));
        }
        if (!killScheduled && report.lines >= killAfterLines) {
            killScheduled = true;
            // A random extra delay lands the kill anywhere inside the next commands.
            QTimer::singleShot(extraDelayMs, &child, [&child] { child.kill(); });
        }
    });
    child.start(QStringLiteral(KC_CRASHCHILD_PATH), {storePath, QString::number(seed)});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 60000);
    lines.readAvailable();
    QVERIFY2(child.exitStatus() == QProcess::CrashExit,
             qPrintable(QStringLiteral("the child was not killed but exited with %1: %2")
                                .arg(child.exitCode())
                                .arg(QString::fromUtf8(child.readAllStandardError()))));
}

void TestCrashRecovery::survivesRepeatedKills()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QRandomGenerator random(20261125);
    constexpr int runs = 40;
    QSet<QString> everReported;
    for (int run = 0; run < runs; ++run) {
        const int killAfter = 1 + random.bounded(60);
        const int extraDelayMs = random.bounded(8);
        ChildReport report;
        runAndKill(path, 1000 + run, killAfter, extraDelayMs, &report);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(report.lines >= killAfter, qPrintable(QStringLiteral("run %1").arg(run)));

        Store store(path);
        const Result<void> opened = store.open();
        QVERIFY2(opened, qPrintable(opened.error()));
        const VerifyReport verify = ProjectionVerifier(store).verify();
        QVERIFY2(verify.ok(), qPrintable(verify.problems.join(QLatin1Char('\n'))));
        QSqlQuery count(StoreDatabase::of(store));
        count.prepare(QStringLiteral("SELECT count(*) FROM events WHERE event_id = ?"));
        for (const QString &id : report.eventIds) {
            count.addBindValue(id);
            QVERIFY(count.exec() && count.next());
            QVERIFY2(count.value(0).toInt() == 1, qPrintable(QStringLiteral(
                    "run %1: reported event %2 is stored %3 times").arg(run).arg(id)
                    .arg(count.value(0).toInt())));
            count.finish();
            QVERIFY2(!everReported.contains(id), "an event was reported committed twice");
            everReported.insert(id);
        }
        // At most the one command in flight at the kill can be stored without its report.
        QVERIFY2(store.eventCount() - everReported.size() <= 5 * (run + 1),
                 "more unreported events than commands in flight");
        const QString cursor = store.cursor(QStringLiteral("platform"));
        if (!report.lastCursor.isEmpty()) {
            // The cursor is the reported one, or the next batch that committed unreported; never
            // behind what was reported.
            const QStringList reported = report.lastCursor.split(QLatin1Char('-'));
            const QStringList stored = cursor.split(QLatin1Char('-'));
            QCOMPARE(stored.constFirst(), reported.constFirst());
            QVERIFY(stored.constLast().toInt() >= reported.constLast().toInt());
        }
    }
    Store store(path);
    QVERIFY(store.open());
    QVERIFY(store.eventCount() >= everReported.size());
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
