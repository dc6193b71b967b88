// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The demo as a kitchen restarts it: kitchen-console --demo on a store file that lasts, twice.
// The demo's platform keeps its log beside the store, so the second run carries on where the
// first ended: the console syncs on from its cursor, and new orders get new numbers and ids.
#include "channels/channelregistry.h"
#include "common/clock.h"
#include "store/store.h"

#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int runTimeoutMs = 60'000;
const QString platformSource = QStringLiteral("platform");

/**
 * What the console's store holds after a run: each platform order's number by id, the cursor,
 * and the ids of the orders the demo's till rang up.
 */
struct StoreContents
{
    QHash<QString, QString> numbers;
    qint64 cursor = 0;
    QSet<QString> tillOrders;
    QStringList rights; // what the demo's platform lets this console do
};
} // namespace

class TestDemoHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restartGoesOnWithFreshOrders();

private:
    /** Runs the demo on the store for a few seconds; fails the test unless it ran and quit. */
    void runDemo(const QString &storePath, QString *stderrText);
    /** Reads the store as the console left it. */
    void read(const QString &storePath, StoreContents *contents);

    QTemporaryDir m_dir;
};

void TestDemoHub::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestDemoHub::runDemo(const QString &storePath, QString *stderrText)
{
    QProcess console;
    // 10 orders a second: some arrive in every run, however slowly the processes start.
    console.start(QStringLiteral(KC_CONSOLE_PATH),
                  {QStringLiteral("--demo"), QStringLiteral("--store"), storePath,
                   QStringLiteral("--settings"), m_dir.filePath(QStringLiteral("settings.ini")),
                   QStringLiteral("--order-hub"), QStringLiteral(ORDER_HUB_PATH),
                   QStringLiteral("--rate"), QStringLiteral("600"), QStringLiteral("--quit-after"),
                   QStringLiteral("6")});
    QVERIFY2(console.waitForFinished(runTimeoutMs), qPrintable(console.errorString()));
    *stderrText = QString::fromUtf8(console.readAllStandardError());
    QCOMPARE(console.exitStatus(), QProcess::NormalExit);
    QVERIFY2(console.exitCode() == 0, qPrintable(*stderrText));
    // The console synced with its demo hub, not with the in-process stand-in.
    QVERIFY2(!stderrText->contains(QLatin1String("demo without platform")),
             qPrintable(*stderrText));
}

void TestDemoHub::read(const QString &storePath, StoreContents *contents)
{
    Store store(storePath);
    const Result<void> opened = store.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    const QList<Order> orders = store.orders(false);
    for (const Order &order : orders) {
        if (order.source == platformSource)
            contents->numbers.insert(order.id, order.number);
        else if (order.source == QLatin1String("pos:square"))
            contents->tillOrders.insert(order.id);
    }
    contents->cursor = store.cursor(platformSource).toLongLong();
    const SystemClock clock;
    contents->rights = ChannelRegistry(store, clock, {}).platformRights();
}

void TestDemoHub::restartGoesOnWithFreshOrders()
{
    const QString storePath = m_dir.filePath(QStringLiteral("demo.sqlite"));
    QString firstErr;
    runDemo(storePath, &firstErr);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFileInfo::exists(storePath + QStringLiteral(".demo-hub")));
    StoreContents first;
    read(storePath, &first);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!first.numbers.isEmpty(), qPrintable(firstErr));
    QVERIFY(first.cursor > 0);
    QVERIFY2(!first.tillOrders.isEmpty(), qPrintable(firstErr)); // the counter's orders came in
    // The demo's hub trusts its console with the POS and with the manager's dashboard.
    QVERIFY(first.rights.contains(ChannelRegistry::posRelayRight));
    QVERIFY(first.rights.contains(ChannelRegistry::managerRight));

    QString secondErr;
    runDemo(storePath, &secondErr);
    if (QTest::currentTestFailed())
        return;
    StoreContents second;
    read(storePath, &second);
    if (QTest::currentTestFailed())
        return;
    // The platform's log went on: the console synced past its old cursor (a new log would have
    // refused it as ahead of the platform's history).
    QVERIFY2(second.cursor > first.cursor, qPrintable(secondErr));

    qint64 highestBefore = 0;
    for (const QString &number : std::as_const(first.numbers))
        highestBefore = qMax(highestBefore, number.toLongLong());
    int fresh = 0;
    for (auto it = second.numbers.cbegin(); it != second.numbers.cend(); ++it) {
        if (first.numbers.contains(it.key())) {
            QCOMPARE(it.value(), first.numbers.value(it.key()));
            continue;
        }
        ++fresh;
        QVERIFY2(it.value().toLongLong() > highestBefore, qPrintable(it.value()));
    }
    QVERIFY2(fresh > 0, qPrintable(secondErr));
    QCOMPARE(second.numbers.size(), first.numbers.size() + fresh);
    // One ticket number, one order: nothing came round twice.
    const QList<QString> numbers = second.numbers.values();
    QCOMPARE(QSet<QString>(numbers.cbegin(), numbers.cend()).size(), numbers.size());
    // The till of the second run rang up orders of its own, never one of the first run's again.
    QVERIFY2(second.tillOrders.size() > first.tillOrders.size(), qPrintable(secondErr));
    QVERIFY(second.tillOrders.contains(first.tillOrders));
}

QTEST_GUILESS_MAIN(TestDemoHub)
#include "tst_demohub.moc"
