// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real kc-admin binary against real store files: its output, its exit codes (a contract
// with scripts and runbooks) and its promise never to change a file it only inspects.
#include "adminrun.h"
#include "common/clock.h"
#include "lockholder.h"
#include "engine/orderengine.h"
#include "sim/ordergenerator.h"
#include "store/outbox.h"
#include "store/store.h"
#include "store/storearchiver.h"
#include "store/storeschema.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

namespace {
const QString storeId = QStringLiteral("store-1");
const qint64 startMs = 1'772'366'400'000; // 2026-03-01T12:00:00Z
const QString adminPath = QStringLiteral(KC_ADMIN_PATH);


// The orders the fixture store holds, and what the tests look for.
struct Fixture
{
    Order ready; // placed → accepted → preparing → ready (open)
    Order placed; // only placed (open); its placed event is dead-lettered
    Order pickedUp; // handed over (closed)
    int eventCount = 0;
};

// What a file looks like on disk, to prove a command left it alone.
struct FileSnapshot
{
    QByteArray sha256;
    QDateTime modified;
    qint64 size = -1;

    static FileSnapshot of(const QString &path)
    {
        FileSnapshot snapshot;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            snapshot.sha256 = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        const QFileInfo info(path);
        snapshot.modified = info.lastModified();
        snapshot.size = info.size();
        return snapshot;
    }
    friend bool operator==(const FileSnapshot &a, const FileSnapshot &b)
    {
        return a.sha256 == b.sha256 && a.modified == b.modified && a.size == b.size;
    }
};

// A store a release ago: every migration but the last, as an older console left it.
QString createOlderStore(const QString &path)
{
    const QString name = QStringLiteral("tst-kcadmin-older");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        const Result<void> migrated = db.open()
                ? StoreSchema::migrate(db, StoreSchema::latestVersion - 1)
                : Result<void>(Failure {db.lastError().text()});
        ok = migrated.ok();
        if (!ok)
            qWarning() << "cannot create an older store:" << migrated.error();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok ? path : QString();
}

// Runs SQL on the file through a connection of its own, as an outside tool (or damage) would.
bool execOnFile(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("tst-kcadmin-direct");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                qWarning() << "SQL failed:" << query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
// Writes garbage over every page but the first (which holds the header and the schema) of a
// closed store, as a failing disk would; SQLite still reads it as a database, a damaged one.
bool damageStore(const QString &path)
{
    constexpr qint64 pageSize = 4096;
    // Garbage over the pages that hold the log and the orders (their tables' root pages: a small
    // store's rows are all there), not the schema's: SQLite's check can then say what it finds,
    // and every other use of the file is refused.
    QList<qint64> pages;
    {
        const QString name = QStringLiteral("kc-admin-test-damage");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QSqlQuery roots(db);
            if (db.open()
                && roots.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name IN "
                                             "('events', 'orders', 'outbox')"))) {
                while (roots.next())
                    pages.append(roots.value(0).toLongLong());
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
    QFile file(path);
    if (pages.size() != 3 || !file.open(QIODevice::ReadWrite))
        return false;
    QRandomGenerator random(11);
    for (const qint64 page : std::as_const(pages)) {
        QByteArray garbage(pageSize, Qt::Uninitialized);
        for (char &byte : garbage)
            byte = char(random.bounded(256));
        if (!file.seek((page - 1) * pageSize) || file.write(garbage) != pageSize)
            return false;
    }
    return true;
}
} // namespace

class TestKcAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void help();
    void listShowsOpenOrders();
    void listAllShowsClosedOrders();
    void listJsonLines();
    void eventsShowTransitionsInOrder_data();
    void eventsShowTransitionsInOrder();
    void eventsJsonLines();
    void eventsOfAnArchivedOrderComeFromItsArchive();
    void archiveMovesWhatIsFinishedAndSettled();
    void archiveStopsWhileAnotherProgramHoldsTheStore();
    void verifyPassesOnAConsistentStore();
    void verifyFindsATamperedProjectionAndRebuildFixesIt();
    void outboxShowsPendingAndDeadLetters();
    void redriveAndDiscardDecideInTheManagersName();
    void checkRunsSQLitesIntegrityCheck();
    void exitCodes_data();
    void exitCodes();
    void inspectionLeavesTheFileAlone_data();
    void inspectionLeavesTheFileAlone();

private:
    AdminRun runAdmin(const QStringList &arguments) const;
    AdminRun runOnStore(const QStringList &arguments) const;
    Fixture createStore(const QString &path) const;
    QString fixturePath(const QString &kind);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_storePath;
    Fixture m_fixture;
};

void TestKcAdmin::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Each fixture store logs its migrations; keep the test log to what matters.
    QLoggingCategory::setFilterRules(QStringLiteral("kc.store.info=false"));
    QVERIFY2(QFileInfo(adminPath).isExecutable(), qPrintable(adminPath));
}

void TestKcAdmin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storePath = m_dir->filePath(QStringLiteral("store.kcdb"));
    m_fixture = createStore(m_storePath);
    QVERIFY(!m_fixture.ready.id.isEmpty());
}

AdminRun TestKcAdmin::runAdmin(const QStringList &arguments) const
{
    QProcess process;
    return AdminRun::of(process, adminPath, arguments, 30'000);
}

// kc-admin --store <the fixture store> arguments…
AdminRun TestKcAdmin::runOnStore(const QStringList &arguments) const
{
    return runAdmin(QStringList{QStringLiteral("--store"), m_storePath} + arguments);
}

// Builds the store through the real engine, then closes it so the file is complete on its own.
Fixture TestKcAdmin::createStore(const QString &path) const
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

    const auto place = [&](OrderType type) {
        Order order = generator.next(clock.nowMs());
        order.type = type;
        order.table.clear(); // a dine-in table only where the type says so
        const CommandResult result = engine.placeOrder(order, Actor::platform());
        clock.advanceMs(30'000);
        return result.ok ? *result.order : Order();
    };
    const auto advance = [&](const Order &order, int steps) {
        bool ok = true;
        for (int i = 0; i < steps; ++i) {
            ok = ok && engine.advance(order.id, cook, i == 0 ? accept : TransitionDetails()).ok;
            clock.advanceMs(60'000);
        }
        return ok;
    };
    fixture.ready = place(OrderType::Pickup);
    fixture.placed = place(OrderType::Delivery);
    fixture.pickedUp = place(OrderType::Pickup);
    if (!advance(fixture.ready, 3) || !advance(fixture.pickedUp, 4))
        return {};
    fixture.eventCount = 3 + 4 + 3;

    Outbox outbox(store);
    const QList<OrderEvent> placedEvents = store.events(fixture.placed.id);
    if (placedEvents.isEmpty()
        || !outbox.moveToDeadLetter(placedEvents.constFirst().id, QStringLiteral("platform"),
                                    QStringLiteral("HTTP 500 from the platform"), clock.nowMs()))
        return {};
    return fixture;
}

// A file of the given kind in the test's folder: a good store, or one kc-admin must refuse.
QString TestKcAdmin::fixturePath(const QString &kind)
{
    if (kind == QLatin1String("store"))
        return m_storePath;
    if (kind == QLatin1String("missing"))
        return m_dir->filePath(QStringLiteral("no-such-store.kcdb"));
    if (kind == QLatin1String("text")) {
        const QString path = m_dir->filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write("These are not the orders you are looking for.\n");
        return path;
    }
    if (kind == QLatin1String("newer")) {
        if (!execOnFile(m_storePath, QStringLiteral("PRAGMA user_version = 99")))
            return {};
        return m_storePath;
    }
    if (kind == QLatin1String("damaged"))
        return damageStore(m_storePath) ? m_storePath : QString();
    if (kind == QLatin1String("older"))
        return createOlderStore(m_dir->filePath(QStringLiteral("old-store.kcdb")));
    return {};
}

void TestKcAdmin::help()
{
    const AdminRun run = runAdmin({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QLatin1String("Exit codes:")));
    for (const char *command :
         {"list", "events", "verify", "rebuild", "outbox", "check", "redrive", "discard",
          "report", "archive", "pin-reset"})
        QVERIFY2(run.out.contains(QLatin1String(command)), command);
}

void TestKcAdmin::listShowsOpenOrders()
{
    const AdminRun run = runOnStore({QStringLiteral("list")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY(run.out.contains(m_fixture.ready.id));
    QVERIFY(run.out.contains(m_fixture.placed.id));
    QVERIFY(!run.out.contains(m_fixture.pickedUp.id));

    // One line per order after the header: number first, then state, type and placed time.
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QStringList first = lines.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(first.at(0), m_fixture.ready.number);
    QCOMPARE(first.at(1), QStringLiteral("ready"));
    QCOMPARE(first.at(2), QStringLiteral("pickup"));
    QCOMPARE(first.at(3), QStringLiteral("2026-03-01T12:00:00Z"));
    QCOMPARE(first.constLast(), m_fixture.ready.id);
    QVERIFY(lines.at(2).startsWith(m_fixture.placed.number));
}

void TestKcAdmin::listAllShowsClosedOrders()
{
    const AdminRun run = runOnStore({QStringLiteral("list"), QStringLiteral("--all")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(m_fixture.pickedUp.id));
    QVERIFY(run.out.contains(QLatin1String("picked_up")));
}

void TestKcAdmin::listJsonLines()
{
    const AdminRun run = runOnStore(
            {QStringLiteral("list"), QStringLiteral("--all"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QStringList numbers;
    for (const QString &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        QVERIFY2(document.isObject(), qPrintable(line));
        numbers.append(document.object().value(QLatin1String("number")).toString());
    }
    QCOMPARE(numbers, QStringList({m_fixture.ready.number, m_fixture.placed.number,
                                   m_fixture.pickedUp.number}));
    const QJsonObject first = QJsonDocument::fromJson(lines.constFirst().toUtf8()).object();
    QCOMPARE(first.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
    QCOMPARE(first.value(QLatin1String("placed_at")).toString(),
             QStringLiteral("2026-03-01T12:00:00.000Z"));
    QCOMPARE(first.value(QLatin1String("order_id")).toString(), m_fixture.ready.id);
}

void TestKcAdmin::eventsShowTransitionsInOrder_data()
{
    QTest::addColumn<bool>("byNumber");
    QTest::newRow("by order id") << false;
    QTest::newRow("by ticket number") << true;
}

void TestKcAdmin::eventsShowTransitionsInOrder()
{
    QFETCH(bool, byNumber);
    const QString ref = byNumber ? m_fixture.ready.number : m_fixture.ready.id;
    const AdminRun run = runOnStore({QStringLiteral("events"), ref});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY(run.out.contains(m_fixture.ready.id));
    QVERIFY(!run.out.contains(m_fixture.placed.id));

    const QStringList changes{QStringLiteral("- → placed"), QStringLiteral("placed → accepted"),
                              QStringLiteral("accepted → preparing"),
                              QStringLiteral("preparing → ready")};
    qsizetype previous = -1;
    for (const QString &change : changes) {
        const qsizetype at = run.out.indexOf(change);
        QVERIFY2(at > previous, qPrintable(change));
        previous = at;
    }
    QVERIFY(run.out.contains(QLatin1String("2026-03-01T12:01:30Z"))); // the first bump
    QVERIFY(run.out.contains(QLatin1String("staff:ana")));
    QVERIFY(run.out.contains(QLatin1String("console-test")));
}

void TestKcAdmin::eventsJsonLines()
{
    const AdminRun run = runOnStore(
            {QStringLiteral("events"), m_fixture.pickedUp.number, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QStringList targets;
    QStringList kinds;
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(event.value(QLatin1String("order_id")).toString(), m_fixture.pickedUp.id);
        QVERIFY(event.value(QLatin1String("occurred_at")).toString().endsWith(QLatin1Char('Z')));
        targets.append(event.value(QLatin1String("to")).toString());
        kinds.append(event.value(QLatin1String("kind")).toString());
    }
    QCOMPARE(targets, QStringList({QStringLiteral("placed"), QStringLiteral("accepted"),
                                   QStringLiteral("preparing"), QStringLiteral("ready"),
                                   QStringLiteral("picked_up")}));
    QCOMPARE(kinds.constFirst(), QStringLiteral("placed"));
    QCOMPARE(kinds.constLast(), QStringLiteral("transition"));
}

// Once the platform took all of it and 35 days went by, the handed-over order leaves the store for
// its month's archive file; kc-admin still shows its whole trail, by id or by number.
void TestKcAdmin::eventsOfAnArchivedOrderComeFromItsArchive()
{
    const AdminRun before = runOnStore(
            {QStringLiteral("events"), m_fixture.pickedUp.id, QStringLiteral("--json")});
    QCOMPARE(before.exitCode, 0);
    {
        ManualClock clock(startMs + 40LL * 24 * 60 * 60 * 1000);
        Store store(m_storePath, &clock);
        QVERIFY(store.open());
        for (const OrderEvent &event : store.events(m_fixture.pickedUp.id))
            QVERIFY(Outbox(store).acknowledge(event.id, QStringLiteral("platform")));
        const Result<ArchiveReport> report = StoreArchiver(store.path(), clock, {}).run();
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->orders, 1);
    }
    const AdminRun after = runOnStore(
            {QStringLiteral("events"), m_fixture.pickedUp.id, QStringLiteral("--json")});
    QCOMPARE(after.exitCode, 0);
    QCOMPARE(after.out, before.out);
    const AdminRun text = runOnStore({QStringLiteral("events"), m_fixture.pickedUp.id});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QLatin1String("archived, 5 events")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("ready → picked_up")), qPrintable(text.out));
    // By its ticket number too, as the staff know it: the archive's orders are searched when
    // the live store has none with that number.
    const AdminRun byNumber = runOnStore(
            {QStringLiteral("events"), m_fixture.pickedUp.number, QStringLiteral("--json")});
    QCOMPARE(byNumber.exitCode, 0);
    QCOMPARE(byNumber.out, before.out);
    QVERIFY2(byNumber.err.isEmpty(), qPrintable(byNumber.err));
    QCOMPARE(runOnStore({QStringLiteral("events"), QStringLiteral("no-such-number")}).exitCode,
             4); // not found

    // The month's file gone (a disk replaced, a file moved by hand): said, in both ways of asking.
    QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("store.archive-2026-03.sqlite"))));
    const AdminRun lostById = runOnStore({QStringLiteral("events"), m_fixture.pickedUp.id});
    QCOMPARE(lostById.exitCode, 3); // the store (its archive) cannot be read
    QVERIFY2(lostById.err.contains(QLatin1String("is archived, but its archive cannot be read")),
             qPrintable(lostById.err));
    const AdminRun lostByNumber =
            runOnStore({QStringLiteral("events"), m_fixture.pickedUp.number});
    QCOMPARE(lostByNumber.exitCode, 4);
    QVERIFY2(lostByNumber.err.contains(QLatin1String("Cannot read the archive")),
             qPrintable(lostByNumber.err));
    QVERIFY2(lostByNumber.err.contains(QLatin1String("store.archive-2026-03.sqlite")),
             qPrintable(lostByNumber.err));
}

void TestKcAdmin::archiveMovesWhatIsFinishedAndSettled()
{
    // The fixture's orders finished in March; kc-admin reads today's clock. The picked-up order
    // still waits for the platform's ack, so it stays.
    AdminRun run = runOnStore({QStringLiteral("archive")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("Nothing to archive: no order finished over 35 days")),
             qPrintable(run.out));
    {
        SystemClock clock;
        Store store(m_storePath, &clock);
        QVERIFY(store.open());
        for (const OrderEvent &event : store.events(m_fixture.pickedUp.id))
            QVERIFY(Outbox(store).acknowledge(event.id, QStringLiteral("platform")));
    }
    const AdminRun trail = runOnStore({QStringLiteral("events"), m_fixture.pickedUp.id});
    QCOMPARE(trail.exitCode, 0);

    run = runOnStore({QStringLiteral("archive"), QStringLiteral("--after-days"),
                      QStringLiteral("31")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(),
             QStringLiteral("Archived orders: 1 (5 events), finished over 31 days ago, to "
                            "store.archive-2026-03.sqlite."));
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("store.archive-2026-03.sqlite"))));
    // The order left the live store whole; its trail reads the same from the archive.
    run = runOnStore({QStringLiteral("list"), QStringLiteral("--all")});
    QVERIFY2(!run.out.contains(m_fixture.pickedUp.id), qPrintable(run.out));
    QVERIFY2(run.out.contains(m_fixture.ready.id), qPrintable(run.out));
    run = runOnStore({QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(),
             QStringLiteral("OK: 2 orders, %1 events").arg(m_fixture.eventCount - 5));
    run = runOnStore({QStringLiteral("events"), m_fixture.pickedUp.id});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("archived, 5 events")), qPrintable(run.out));
    // Run again: nothing is left to move, and nothing moves twice.
    run = runOnStore({QStringLiteral("archive"), QStringLiteral("--after-days"),
                      QStringLiteral("31")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("Nothing to archive")), qPrintable(run.out));
}

void TestKcAdmin::archiveStopsWhileAnotherProgramHoldsTheStore()
{
    {
        SystemClock clock;
        Store store(m_storePath, &clock);
        QVERIFY(store.open());
        for (const OrderEvent &event : store.events(m_fixture.pickedUp.id))
            QVERIFY(Outbox(store).acknowledge(event.id, QStringLiteral("platform")));
    }
    const QString logBefore = runOnStore({QStringLiteral("events"), m_fixture.pickedUp.id}).out;
    LockHolder holder(QStringLiteral(KC_LOCKHOLDER_PATH));
    QVERIFY(holder.lock(m_storePath));
    AdminRun run = runOnStore({QStringLiteral("archive")});
    QCOMPARE(run.exitCode, 3); // the store cannot be written
    QVERIFY2(run.err.contains(QLatin1String("locked")), qPrintable(run.err));
    QVERIFY(holder.release());
    // Nothing moved: the order's trail is where it was. Once the lock is gone, the run works.
    QCOMPARE(runOnStore({QStringLiteral("events"), m_fixture.pickedUp.id}).out, logBefore);
    run = runOnStore({QStringLiteral("archive")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("Archived orders: 1 (5 events)")), qPrintable(run.out));
}

void TestKcAdmin::verifyPassesOnAConsistentStore()
{
    const AdminRun run = runOnStore({QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(),
             QStringLiteral("OK: 3 orders, %1 events").arg(m_fixture.eventCount));
}

void TestKcAdmin::verifyFindsATamperedProjectionAndRebuildFixesIt()
{
    QVERIFY(execOnFile(m_storePath,
                       QStringLiteral("UPDATE orders SET state = 'ready' WHERE order_id = '%1'")
                               .arg(m_fixture.placed.id)));

    AdminRun run = runOnStore({QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(m_fixture.placed.id), qPrintable(run.out));
    QVERIFY(!run.out.contains(m_fixture.ready.id));
    QVERIFY(run.out.contains(QLatin1String("FAILED")));

    run = runOnStore({QStringLiteral("rebuild")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("3 orders")), qPrintable(run.out));

    run = runOnStore({QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QLatin1String("OK: 3 orders")));
    run = runOnStore({QStringLiteral("list")});
    QVERIFY(run.out.contains(QLatin1String("placed")));
}

void TestKcAdmin::outboxShowsPendingAndDeadLetters()
{
    const AdminRun run = runOnStore({QStringLiteral("outbox")});
    QCOMPARE(run.exitCode, 0);
    // One row per event for the one destination, less the one dead-lettered.
    QVERIFY2(run.out.contains(QStringLiteral("Pending: %1").arg(m_fixture.eventCount - 1)),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("Oldest pending: 2026-03-01T12:00:00Z")));
    QVERIFY(run.out.contains(QLatin1String("Dead letters: 1")));
    QVERIFY(run.out.contains(m_fixture.placed.id));
    QVERIFY(run.out.contains(QLatin1String("HTTP 500 from the platform")));
    // The dead order has no later events, so nothing waits behind it.
    QVERIFY2(run.out.contains(QLatin1String("Parked: 0 entries of 0 orders")), qPrintable(run.out));
}

void TestKcAdmin::redriveAndDiscardDecideInTheManagersName()
{
    // The ready order's first event gives up too: its three later events wait behind it.
    qint64 parkingLetter = 0;
    {
        Store store(m_storePath);
        QVERIFY(store.open());
        Outbox outbox(store);
        QVERIFY(outbox.moveToDeadLetter(store.events(m_fixture.ready.id).constFirst().id,
                                        QStringLiteral("platform"), QStringLiteral("HTTP 400"),
                                        startMs));
        parkingLetter = outbox.deadLetters().constLast().id;
    }
    const QString firstLetter = QString::number(parkingLetter - 1);
    const QString secondLetter = QString::number(parkingLetter);
    AdminRun run = runOnStore({QStringLiteral("outbox")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("Parked: 3 entries of 1 order,")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("Dead letters: 2")));
    QVERIFY(run.out.contains(QLatin1Char('#') + secondLetter));

    // Who decides is part of the log, so it must be said; an unknown letter is not found.
    run = runOnStore({QStringLiteral("redrive"), secondLetter});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--manager")), qPrintable(run.err));
    run = runOnStore({QStringLiteral("redrive"), QStringLiteral("99"), QStringLiteral("--manager"),
                      QStringLiteral("maria")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QLatin1String("No dead letter #99")), qPrintable(run.err));

    run = runOnStore({QStringLiteral("redrive"), QLatin1Char('#') + secondLetter,
                      QStringLiteral("--manager"), QStringLiteral("maria")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("redriven by manager:maria")), qPrintable(run.out));
    QVERIFY(run.out.contains(m_fixture.ready.id));
    run = runOnStore({QStringLiteral("outbox")});
    QVERIFY2(run.out.contains(QLatin1String("Parked: 0 entries")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("Dead letters: 1")));

    // Letting one go needs a reason, kept in the log; --reason belongs to these two only.
    run = runOnStore({QStringLiteral("discard"), firstLetter, QStringLiteral("--manager"),
                      QStringLiteral("maria")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--reason")), qPrintable(run.err));
    run = runOnStore({QStringLiteral("discard"), firstLetter, QStringLiteral("--manager"),
                      QStringLiteral("maria"), QStringLiteral("--reason"), QStringLiteral("  ")});
    QCOMPARE(run.exitCode, 2);
    run = runOnStore({QStringLiteral("outbox"), QStringLiteral("--reason"), QStringLiteral("x")});
    QCOMPARE(run.exitCode, 2);
    run = runOnStore({QStringLiteral("discard"), firstLetter, QStringLiteral("--manager"),
                      QStringLiteral("maria"), QStringLiteral("--reason"),
                      QStringLiteral("rung up at the till by hand")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("discarded by manager:maria")), qPrintable(run.out));
    QVERIFY(runOnStore({QStringLiteral("outbox")}).out.contains(QLatin1String("Dead letters: 0")));
    run = runOnStore({QStringLiteral("discard"), firstLetter, QStringLiteral("--manager"),
                      QStringLiteral("maria"), QStringLiteral("--reason"), QStringLiteral("again")});
    QCOMPARE(run.exitCode, 4); // decided once

    // Both decisions are in the log, in the manager's name; the projection still verifies.
    {
        Store store(m_storePath);
        QVERIFY(store.open(Store::OpenMode::ReadOnly));
        const QList<OrderEvent> events = store.allEvents();
        QCOMPARE(events.size(), m_fixture.eventCount + 2);
        QCOMPARE(events.at(events.size() - 2).kind, EventKind::DeadLetterRedriven);
        QCOMPARE(events.constLast().kind, EventKind::DeadLetterDiscarded);
        for (const OrderEvent &decision : events.mid(events.size() - 2)) {
            QCOMPARE(decision.actor, Actor::manager(QStringLiteral("maria")));
            QCOMPARE(decision.origin, QStringLiteral("kc-admin"));
        }
        QVERIFY(events.at(events.size() - 2).reason.isEmpty()); // a redrive's is optional
        QCOMPARE(events.constLast().reason, QStringLiteral("rung up at the till by hand"));
        QCOMPARE(events.constLast().payload.value(QStringLiteral("event_id")).toString(),
                 store.events(m_fixture.placed.id).constFirst().id.toString(QUuid::WithoutBraces));
        QCOMPARE(Outbox(store).pendingCount(), m_fixture.eventCount - 1);
    }
    QCOMPARE(runOnStore({QStringLiteral("verify")}).exitCode, 0);
}

void TestKcAdmin::checkRunsSQLitesIntegrityCheck()
{
    AdminRun run = runOnStore({QStringLiteral("check")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("OK")), qPrintable(run.out));

    QVERIFY(damageStore(m_storePath));
    run = runOnStore({QStringLiteral("check")});
    QCOMPARE(run.exitCode, 5);
    // SQLite's own findings, one per line, then a verdict for people.
    QVERIFY2(run.out.contains(QLatin1String("Page ")), qPrintable(run.out + run.err));
    QVERIFY2(run.out.trimmed().split(QLatin1Char('\n')).constLast().startsWith(
                     QLatin1String("DAMAGED")),
             qPrintable(run.out));
}

void TestKcAdmin::exitCodes_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("arguments"); // "@STORE" stands for the fixture's path
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");

    const QString store = QStringLiteral("@STORE");
    const auto args = [&](std::initializer_list<const char *> rest) {
        QStringList list{QStringLiteral("--store"), store};
        for (const char *arg : rest)
            list.append(QString::fromLatin1(arg));
        return list;
    };
    QTest::newRow("unknown command") << "store" << args({"frobnicate"}) << 2 << "Unknown command";
    QTest::newRow("no command") << "store" << args({}) << 2 << "No command";
    QTest::newRow("no --store") << "store" << QStringList{QStringLiteral("list")} << 2 << "--store";
    QTest::newRow("unknown option") << "store" << args({"list", "--colour"}) << 2 << "colour";
    QTest::newRow("events without order") << "store" << args({"events"}) << 2 << "events needs";
    QTest::newRow("too many arguments") << "store" << args({"verify", "now"}) << 2 << "Too many";
    QTest::newRow("--all on verify") << "store" << args({"verify", "--all"}) << 2 << "--all";
    QTest::newRow("missing file: list") << "missing" << args({"list"}) << 3 << "no store";
    QTest::newRow("missing file: rebuild") << "missing" << args({"rebuild"}) << 3 << "no store";
    QTest::newRow("text file: verify") << "text" << args({"verify"}) << 3 << "not an SQLite";
    QTest::newRow("text file: rebuild") << "text" << args({"rebuild"}) << 3 << "not an SQLite";
    QTest::newRow("newer schema: list") << "newer" << args({"list"}) << 3 << "schema version 99";
    QTest::newRow("newer schema: verify") << "newer" << args({"verify"}) << 3 << "newer";
    QTest::newRow("newer schema: rebuild") << "newer" << args({"rebuild"}) << 3 << "newer";
    QTest::newRow("older schema: list") << "older" << args({"list"}) << 3 << "upgrade";
    QTest::newRow("older schema: rebuild") << "older" << args({"rebuild"}) << 3 << "upgrade";
    // A damaged store is never read as if it were whole: every command refuses it.
    for (const char *command : {"list", "verify", "outbox", "rebuild"}) {
        QTest::addRow("damaged: %s", command) << "damaged" << args({command}) << 5 << "damaged";
    }
    QTest::newRow("damaged: events") << "damaged" << args({"events", "101"}) << 5 << "damaged";
    QTest::newRow("damaged: check") << "damaged" << args({"check"}) << 5 << "";
    QTest::newRow("unknown order id") << "store" << args({"events", "no-such-order"}) << 4
                                      << "no-such-order";
    QTest::newRow("unknown number") << "store" << args({"events", "999"}) << 4 << "999";
    QTest::newRow("redrive without id") << "store" << args({"redrive", "--manager", "maria"}) << 2
                                        << "needs a dead letter's ID";
    QTest::newRow("redrive of a word") << "store" << args({"redrive", "first", "--manager", "m"})
                                       << 2 << "not \"first\"";
    QTest::newRow("discard without manager") << "store" << args({"discard", "1"}) << 2
                                             << "--manager NAME";
    QTest::newRow("--manager on list") << "store" << args({"list", "--manager", "maria"}) << 2
                                       << "--manager applies only";
    QTest::newRow("--after-days on list") << "store" << args({"list", "--after-days", "40"}) << 2
                                          << "--after-days applies only to archive";
    QTest::newRow("archive sooner than a month")
            << "store" << args({"archive", "--after-days", "30"}) << 2 << "31 to 3650";
    QTest::newRow("archive after a word")
            << "store" << args({"archive", "--after-days", "soon"}) << 2 << "whole number of days";
    QTest::newRow("missing file: archive") << "missing" << args({"archive"}) << 3 << "no store";
    QTest::newRow("newer schema: archive") << "newer" << args({"archive"}) << 3 << "newer";
    QTest::newRow("damaged: archive") << "damaged" << args({"archive"}) << 5 << "damaged";
    QTest::newRow("missing file: redrive") << "missing" << args({"redrive", "1", "--manager", "m"})
                                           << 3 << "no store";
    QTest::newRow("damaged: discard")
            << "damaged" << args({"discard", "1", "--manager", "m", "--reason", "r"}) << 5
            << "damaged";
    QTest::newRow("discard without reason") << "store" << args({"discard", "1", "--manager", "m"})
                                            << 2 << "--reason TEXT";
    QTest::newRow("--reason on events") << "store" << args({"events", "1", "--reason", "r"}) << 2
                                        << "--reason applies only";
}

void TestKcAdmin::exitCodes()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);

    const QString path = fixturePath(fixture);
    QVERIFY(!path.isEmpty());
    arguments.replaceInStrings(QStringLiteral("@STORE"), path);
    const bool existed = QFileInfo::exists(path);
    const FileSnapshot before = FileSnapshot::of(path);

    const AdminRun run = runAdmin(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(stderrHas), qPrintable(run.err));
    // Refusing is all it does: a missing store is not created, a foreign or newer one not touched.
    QCOMPARE(QFileInfo::exists(path), existed);
    QVERIFY(FileSnapshot::of(path) == before);
}

void TestKcAdmin::inspectionLeavesTheFileAlone_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("list") << QStringList{QStringLiteral("list")};
    QTest::newRow("list --all --json") << QStringList{QStringLiteral("list"),
                                                      QStringLiteral("--all"),
                                                      QStringLiteral("--json")};
    QTest::newRow("events") << QStringList{QStringLiteral("events"), QStringLiteral("@READY")};
    QTest::newRow("verify") << QStringList{QStringLiteral("verify")};
    QTest::newRow("outbox") << QStringList{QStringLiteral("outbox")};
    QTest::newRow("check") << QStringList{QStringLiteral("check")};
}

void TestKcAdmin::inspectionLeavesTheFileAlone()
{
    QFETCH(QStringList, arguments);
    arguments.replaceInStrings(QStringLiteral("@READY"), m_fixture.ready.number);
    const FileSnapshot before = FileSnapshot::of(m_storePath);
    // The -wal and -shm files may appear beside it; the store file itself must not change.
    const AdminRun run = runOnStore(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(FileSnapshot::of(m_storePath) == before);
}

QTEST_GUILESS_MAIN(TestKcAdmin)
#include "tst_kcadmin.moc"
