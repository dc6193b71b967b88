// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// kc-admin report, run as the real binary on a real store holding two days of orders: the day's
// three CSV files and its one-page PDF, where they go, the exit codes, and a store left as it
// was; with no display at all.
#include "adminrun.h"
#include "csvtestreader.h"
#include "pdfpages.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "sim/ordergenerator.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

namespace {
const QString storeId = QStringLiteral("store-1");
const qint64 startMs = 1'772'366'400'000; // 2026-03-01T12:00:00Z
const QString adminPath = QStringLiteral(KC_ADMIN_PATH);
const QString day = QStringLiteral("2026-03-01");

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}


// The day's orders (ids), and the one of the next day that the report must leave out.
struct Fixture
{
    QStringList dayOrders;
    QString rejected;
    QString nextDay;
};

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
        ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
        : QByteArray();
}

CsvTest::Table readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    CsvTest::Table table = CsvTest::read(file.readAll());
    if (!table.ok)
        qWarning().noquote() << path << table.error;
    return table;
}
} // namespace

class TestKcAdminReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void helpDocumentsReport();
    void writesTheDaysThreeFiles();
    void writesTheSummaryWithNoDisplay();
    void writesToTheCurrentFolderByDefault();
    void refusesABadDay_data();
    void refusesABadDay();
    void dayAndOutApplyOnlyToReport();
    void aFolderThatCannotBeWrittenExitsSeven();
    void aMissingStoreExitsThree();

private:
    AdminRun runAdmin(const QStringList &arguments, const QString &workingDirectory = {},
                      bool withoutDisplay = false) const;
    Fixture createStore(const QString &path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_storePath;
    Fixture m_fixture;
};

void TestKcAdminReport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("kc.store.info=false"));
    QVERIFY2(QFileInfo(adminPath).isExecutable(), qPrintable(adminPath));
}

void TestKcAdminReport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storePath = m_dir->filePath(QStringLiteral("store.kcdb"));
    m_fixture = createStore(m_storePath);
    QCOMPARE(m_fixture.dayOrders.size(), 3);
    QVERIFY(!m_fixture.nextDay.isEmpty());
}

// kc-admin in UTC, so that "the day" is the same wherever the test runs.
// withoutDisplay: as on a till, no platform chosen and no display to fall back on.
AdminRun TestKcAdminReport::runAdmin(const QStringList &arguments,
                                     const QString &workingDirectory, bool withoutDisplay) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    if (withoutDisplay) {
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            environment.remove(QString::fromLatin1(name));
    }
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory.isEmpty() ? m_dir->path() : workingDirectory);
    return AdminRun::of(process, adminPath, arguments, 30'000);
}

// Three orders on 2026-03-01 (one handed over after its grill was bumped, one still cooking, one
// rejected) and one the next morning, through the real engine; the store is closed after.
Fixture TestKcAdminReport::createStore(const QString &path) const
{
    Fixture fixture;
    ManualClock clock(startMs);
    Store store(path, &clock);
    if (const Result<void> opened = store.open(); !opened) {
        qWarning() << opened.error();
        return {};
    }
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-test");
    OrderEngine engine(store, clock, config);
    OrderGenerator generator(storeId, 7);
    const Actor cook = Actor::staff(QStringLiteral("ana"));
    TransitionDetails accept;
    accept.promisedAt = startMs + 20 * 60'000;

    const auto place = [&]() {
        Order order = generator.next(clock.nowMs());
        order.type = OrderType::Pickup;
        order.table.clear();
        const CommandResult result = engine.placeOrder(order, Actor::platform());
        clock.advanceMs(30'000);
        return result.ok ? result.order->id : QString();
    };
    const auto step = [&](const CommandResult &result) {
        clock.advanceMs(60'000);
        return result.ok;
    };

    const QString handedOver = place();
    const QString cooking = place();
    fixture.rejected = place();
    bool ok = step(engine.advance(handedOver, cook, accept))
        && step(engine.advance(cooking, cook, accept))
        && step(engine.reject(fixture.rejected, cook, QStringLiteral("Out of buns, sorry")));
    const std::optional<Order> order = store.order(handedOver);
    ok = ok && order && !order->items.isEmpty()
        && step(engine.bumpStation(handedOver, order->items.constFirst().station, cook));
    for (int i = 0; ok && i < 3 && store.order(handedOver)->state != OrderState::PickedUp; ++i)
        ok = step(engine.advance(handedOver, cook));
    if (!ok || store.order(handedOver)->state != OrderState::PickedUp)
        return {};
    fixture.dayOrders = {handedOver, cooking, fixture.rejected};

    clock.advanceMs(22 * 60 * 60'000); // 2026-03-02, in the morning
    fixture.nextDay = place();
    return fixture;
}

void TestKcAdminReport::helpDocumentsReport()
{
    const AdminRun run = runAdmin({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QLatin1String("report --day YYYY-MM-DD")));
    QVERIFY(run.out.contains(QLatin1String("  7  report:")));
}

void TestKcAdminReport::writesTheDaysThreeFiles()
{
    const QByteArray storeBefore = hashOf(m_storePath);
    const QString folder = m_dir->filePath(QStringLiteral("reports"));
    const AdminRun run = runAdmin({QStringLiteral("--store"), m_storePath, QStringLiteral("report"),
                                   QStringLiteral("--day"), day, QStringLiteral("--out"), folder});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));

    // One path a line, each an existing file named by the day.
    const QStringList paths = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString prefix =
        QDir(folder).absoluteFilePath(QStringLiteral("kitchen-report-2026-03-01-"));
    QCOMPARE(
        paths,
        QStringList({prefix + QStringLiteral("figures.csv"), prefix + QStringLiteral("orders.csv"),
                     prefix + QStringLiteral("items.csv"),
                     prefix + QStringLiteral("summary.pdf")}));
    for (const QString &path : paths)
        QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));

    const CsvTest::Table figures = readCsv(paths.at(0));
    QVERIFY(figures.ok);
    QString dayOrders;
    for (const QHash<QString, QString> &row : figures.rows()) {
        if (row.value(QStringLiteral("group")) == QLatin1String("all")
            && row.value(QStringLiteral("figure")) == QLatin1String("orders"))
            dayOrders = row.value(QStringLiteral("value"));
    }
    QCOMPARE(dayOrders, QStringLiteral("3"));

    const CsvTest::Table orders = readCsv(paths.at(1));
    QVERIFY(orders.ok);
    QStringList ids;
    QString reason;
    for (const QHash<QString, QString> &row : orders.rows()) {
        ids.append(row.value(QStringLiteral("order_id")));
        if (row.value(QStringLiteral("order_id")) == m_fixture.rejected)
            reason = row.value(QStringLiteral("end_reason"));
        QVERIFY(row.value(QStringLiteral("placed_at")).startsWith(QLatin1String("2026-03-01T")));
    }
    QCOMPARE(ids, m_fixture.dayOrders);
    QCOMPARE(reason, QStringLiteral("Out of buns, sorry"));

    const CsvTest::Table items = readCsv(paths.at(2));
    QVERIFY(items.ok);
    QVERIFY(!items.records.isEmpty()); // the grill's bump
    for (const QHash<QString, QString> &row : items.rows())
        QVERIFY(m_fixture.dayOrders.contains(row.value(QStringLiteral("order_id"))));

    const QByteArray pdf = contentsOf(paths.at(3));
    QVERIFY(pdf.startsWith("%PDF-"));
    QCOMPARE(pdfPageCount(pdf), 1);

    QCOMPARE(hashOf(m_storePath), storeBefore); // read-only: the store is as it was
}

void TestKcAdminReport::writesTheSummaryWithNoDisplay()
{
    const QString folder = m_dir->filePath(QStringLiteral("headless"));
    const AdminRun run = runAdmin({QStringLiteral("--store"), m_storePath, QStringLiteral("report"),
                                   QStringLiteral("--day"), day, QStringLiteral("--out"), folder},
                                  {}, true);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QString pdfPath =
        QDir(folder).absoluteFilePath(QStringLiteral("kitchen-report-2026-03-01-summary.pdf"));
    QVERIFY2(run.out.contains(pdfPath), qPrintable(run.out));
    const QByteArray pdf = contentsOf(pdfPath);
    QVERIFY(pdf.startsWith("%PDF-"));
    QCOMPARE(pdfPageCount(pdf), 1);
}

void TestKcAdminReport::writesToTheCurrentFolderByDefault()
{
    const QString here = m_dir->filePath(QStringLiteral("here"));
    QVERIFY(QDir().mkpath(here));
    const AdminRun run = runAdmin({QStringLiteral("--store"), m_storePath, QStringLiteral("report"),
                                   QStringLiteral("--day"), day},
                                  here);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QDir(here).entryList(QDir::Files, QDir::Name),
             QStringList({QStringLiteral("kitchen-report-2026-03-01-figures.csv"),
                          QStringLiteral("kitchen-report-2026-03-01-items.csv"),
                          QStringLiteral("kitchen-report-2026-03-01-orders.csv"),
                          QStringLiteral("kitchen-report-2026-03-01-summary.pdf")}));
}

void TestKcAdminReport::refusesABadDay_data()
{
    QTest::addColumn<QStringList>("dayArguments");
    QTest::newRow("no such day") << QStringList(
        {QStringLiteral("--day"), QStringLiteral("2026-02-30")});
    QTest::newRow("another format")
        << QStringList({QStringLiteral("--day"), QStringLiteral("01/03/2026")});
    QTest::newRow("no leading zeros")
        << QStringList({QStringLiteral("--day"), QStringLiteral("2026-3-1")});
    QTest::newRow("a word") << QStringList({QStringLiteral("--day"), QStringLiteral("yesterday")});
    QTest::newRow("no day") << QStringList();
}

void TestKcAdminReport::refusesABadDay()
{
    QFETCH(QStringList, dayArguments);
    const AdminRun run =
        runAdmin(QStringList {QStringLiteral("--store"), m_storePath, QStringLiteral("report")}
                 + dayArguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--day YYYY-MM-DD")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
             QStringList({QStringLiteral("store.kcdb")}));
}

void TestKcAdminReport::dayAndOutApplyOnlyToReport()
{
    const AdminRun run = runAdmin({QStringLiteral("--store"), m_storePath, QStringLiteral("list"),
                                   QStringLiteral("--day"), day});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("only to report")), qPrintable(run.err));
}

void TestKcAdminReport::aFolderThatCannotBeWrittenExitsSeven()
{
    // Under a file no folder can be made (the test may run as root, so no permission bits).
    const QString folder = m_storePath + QStringLiteral("/reports");
    const AdminRun run = runAdmin({QStringLiteral("--store"), m_storePath, QStringLiteral("report"),
                                   QStringLiteral("--day"), day, QStringLiteral("--out"), folder});
    QCOMPARE(run.exitCode, 7);
    QVERIFY2(run.err.contains(folder), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestKcAdminReport::aMissingStoreExitsThree()
{
    const AdminRun run =
        runAdmin({QStringLiteral("--store"), m_dir->filePath(QStringLiteral("no-such-store.kcdb")),
                  QStringLiteral("report"), QStringLiteral("--day"), day});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
             QStringList({QStringLiteral("store.kcdb")}));
}

QTEST_GUILESS_MAIN(TestKcAdminReport)
#include "tst_kcadminreport.moc"
