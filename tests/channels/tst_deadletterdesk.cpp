// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The manager's dead-letter queue over a real store on a simulated clock: dead letters made by a
// fake POS that fails or refuses, their first and last errors, redrive (one, all) and discard as
// audited store-level events, the dispatcher woken at once, the parked events going on, the
// payload masked, the store's failures in words, and a store from before the first error was kept.
#include "channels/channeldispatcher.h"
#include "testcards.h"
#include "channels/channelregistry.h"
#include "channels/deadletterdesk.h"
#include "common/clock.h"
#include "fakechannel.h"
#include "faultydisk.h"
#include "order/orderlimits.h"
#include "store/outbox.h"
#include "store/store.h"
#include "store/storeschema.h"
#include "storetestsupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace StoreTest;

namespace {
const QString pos = QStringLiteral("pos:fake");
const QString origin = QStringLiteral("k1");
const Actor maria = Actor::manager(QStringLiteral("maria"));
constexpr qint64 minute = 60 * 1000;
// A test card number (Luhn-valid on purpose: what is tested here is that it never shows).
const QString card = TestCards::number("visa_spaced");

RetryPolicy testPolicy()
{
    RetryPolicy policy;
    policy.baseMs = 1000;
    policy.capMs = 4000;
    policy.maxAttempts = 3;
    policy.seed = 7;
    return policy;
}
} // namespace

class TestDeadLetterDesk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theFirstAndTheLastErrorAreKept();
    void aRedriveGoesOutAtOnceAndItsOrderFollows();
    void redriveAllSendsEveryOneAgain();
    void aDiscardNeedsAReason_data();
    void aDiscardNeedsAReason();
    void aDiscardIsLoggedWithItsReasonAndTheOrderGoesOn();
    void storeFailuresComeBackInWords();
    void whatAManagerSeesIsMasked_data();
    void whatAManagerSeesIsMasked();
    void aStoreFromVersionFourKeepsItsRows();

private:
    void startChannel();
    void stopChannel();
    /** A fresh registry, dispatcher, fake and desk over the same store: no timer of the old. */
    void restartChannel();
    /** Queues one order's next event for the POS: placed, then accepted, then preparing. */
    QUuid queue(const QString &orderId);
    bool driveUntil(const std::function<bool()> &done, qint64 stepMs = 1000, int steps = 200);
    void settle();
    /** Dead-letters order a's first event with two more parked behind it; their ids. */
    QList<QUuid> parkOrderA();
    qint64 onlyLetterId() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<FakeChannel> m_fake;
    std::unique_ptr<ChannelRegistry> m_registry;
    std::unique_ptr<DeadLetterDesk> m_desk;
    ChannelDispatcher *m_dispatcher = nullptr;
    QHash<QString, int> m_steps;
};

void TestDeadLetterDesk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(FaultyDisk::install()); // before any store opens
}

void TestDeadLetterDesk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(t0);
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("s.sqlite")), m_clock.get());
    const Result<void> opened = m_store->open();
    QVERIFY2(opened, qPrintable(opened.error()));
    startChannel();
}

void TestDeadLetterDesk::cleanup()
{
    FaultyDisk::heal();
    stopChannel();
    m_store.reset();
    m_dir.reset();
    m_steps.clear();
}

void TestDeadLetterDesk::startChannel()
{
    m_fake = std::make_unique<FakeChannel>(pos, m_clock.get());
    m_registry = std::make_unique<ChannelRegistry>(*m_store, *m_clock, QStringList {pos});
    m_dispatcher = &m_registry->add(*m_fake, testPolicy());
    m_desk = std::make_unique<DeadLetterDesk>(*m_store, *m_registry, origin);
}

void TestDeadLetterDesk::stopChannel()
{
    m_desk.reset();
    m_registry.reset();
    m_fake.reset();
    m_dispatcher = nullptr;
}

void TestDeadLetterDesk::restartChannel()
{
    stopChannel();
    startChannel();
    m_fake->setState(OrderChannel::State::Live);
    settle();
}

QUuid TestDeadLetterDesk::queue(const QString &orderId)
{
    const int step = m_steps.value(orderId);
    m_steps.insert(orderId, step + 1);
    const qint64 now = m_clock->nowMs();
    const OrderEvent event = step == 0
            ? placedEvent(sampleOrder(orderId, orderId.toUpper()), now)
            : transitionEvent(orderId, step == 1 ? OrderState::Placed : OrderState::Accepted,
                              step == 1 ? OrderState::Accepted : OrderState::Preparing, now);
    const AppendResult appended = m_store->append(event, {pos});
    if (!appended.committed())
        qWarning() << "not queued:" << appended.error;
    m_dispatcher->dispatchSoon();
    return event.id;
}

void TestDeadLetterDesk::settle()
{
    for (int turn = 0; turn < 8; ++turn)
        QCoreApplication::processEvents();
}

bool TestDeadLetterDesk::driveUntil(const std::function<bool()> &done, qint64 stepMs, int steps)
{
    settle();
    for (int step = 0; step < steps && !done(); ++step) {
        m_clock->advanceMs(stepMs);
        m_dispatcher->dispatchSoon();
        settle();
    }
    return done();
}

QList<QUuid> TestDeadLetterDesk::parkOrderA()
{
    const QList<QUuid> ids {queue(QStringLiteral("a")), queue(QStringLiteral("a")),
                            queue(QStringLiteral("a"))};
    m_fake->poison(ids.at(0), FakeChannel::Mode::Failing);
    m_fake->setState(OrderChannel::State::Live);
    if (!driveUntil([this] { return m_dispatcher->health().parkedEvents == 2; }))
        qWarning("order a was not parked");
    // Its retries' timers gone with the old dispatcher: only a wake can send anything now.
    restartChannel();
    return ids;
}

qint64 TestDeadLetterDesk::onlyLetterId() const
{
    return m_desk->letters().size() == 1 ? m_desk->letters().constFirst().id : -1;
}

void TestDeadLetterDesk::theFirstAndTheLastErrorAreKept()
{
    const QUuid placed = queue(QStringLiteral("a"));
    m_fake->setMode(FakeChannel::Mode::Failing);
    m_fake->setAnswerText(QStringLiteral("HTTP 503: the till is asleep"));
    m_fake->setState(OrderChannel::State::Live);
    QVERIFY(driveUntil([&] { return m_fake->attemptsOf(placed) == 1; }));
    const qint64 firstAt = m_fake->attemptTimes().constFirst().at;
    m_fake->setAnswerText(QStringLiteral("HTTP 500: the till crashed"));
    QSignalSpy changed(m_desk.get(), &DeadLetterDesk::changed);
    QVERIFY(changed.isValid());
    QVERIFY(driveUntil([this] { return m_dispatcher->health().deadLetters == 1; }));
    const qint64 deadAt = m_clock->nowMs();
    QVERIFY(firstAt < deadAt);

    // The desk hears of it from the dispatcher, without being asked.
    QTRY_COMPARE(m_desk->letters().size(), 1);
    QVERIFY(!changed.isEmpty());
    const DeadLetterSummary letter = m_desk->letters().constFirst();
    QCOMPARE(letter.eventId, placed);
    QCOMPARE(letter.destination, pos);
    QCOMPARE(letter.orderId, QStringLiteral("a"));
    QCOMPARE(letter.orderNumber, QStringLiteral("A"));
    QCOMPARE(letter.kind, EventKind::Placed);
    QCOMPARE(letter.attempts, testPolicy().maxAttempts);
    QVERIFY(letter.firstErrorRecorded());
    QCOMPARE(letter.firstError, QStringLiteral("HTTP 503: the till is asleep"));
    QCOMPARE(letter.firstErrorAt, firstAt);
    QCOMPARE(letter.lastError, QStringLiteral("HTTP 500: the till crashed"));
    QCOMPARE(letter.deadAt, deadAt);
    QCOMPARE(m_desk->letter(letter.id)->eventId, placed);
    QVERIFY(!m_desk->letter(letter.id + 1));
    QVERIFY(m_desk->readProblem().isEmpty());
}

void TestDeadLetterDesk::aRedriveGoesOutAtOnceAndItsOrderFollows()
{
    const QList<QUuid> ids = parkOrderA();
    QCOMPARE(m_desk->letters().size(), 1);
    QVERIFY(m_fake->receivedIds().isEmpty());
    m_clock->advanceMs(minute);
    QSignalSpy changed(m_desk.get(), &DeadLetterDesk::changed);
    QVERIFY(changed.isValid());

    const Result<void> sent =
            m_desk->redrive(onlyLetterId(), maria, QStringLiteral("  the till is fixed "));
    QVERIFY2(sent, qPrintable(sent.error()));
    QCOMPARE(changed.count(), 1);
    QVERIFY(m_desk->letters().isEmpty());
    // Audited: who, when, why, and which event.
    const OrderEvent logged = m_store->allEvents().constLast();
    QCOMPARE(logged.kind, EventKind::DeadLetterRedriven);
    QCOMPARE(logged.actor, maria);
    QCOMPARE(logged.origin, origin);
    QCOMPARE(logged.occurredAt, m_clock->nowMs());
    QCOMPARE(logged.reason, QStringLiteral("the till is fixed"));
    QCOMPARE(logged.payload.value(QLatin1String("event_id")).toString(),
             ids.at(0).toString(QUuid::WithoutBraces));
    QCOMPARE(logged.payload.value(QLatin1String("first_error")).toString(),
             QStringLiteral("POS busy"));
    // No clock moved and no poll came: the redrive woke the dispatcher. Its order follows.
    QTRY_COMPARE(m_fake->receivedIds(), ids);
    QCOMPARE(m_fake->attemptsOf(ids.at(0)), 1);
}

void TestDeadLetterDesk::redriveAllSendsEveryOneAgain()
{
    const QUuid a = queue(QStringLiteral("a"));
    const QUuid b = queue(QStringLiteral("b"));
    const QUuid c = queue(QStringLiteral("c"));
    m_fake->poison(a, FakeChannel::Mode::Refusing);
    m_fake->poison(b, FakeChannel::Mode::Refusing);
    m_fake->setState(OrderChannel::State::Live);
    QVERIFY(driveUntil([&] { return m_fake->deliveriesOf(c) == 1; }));
    restartChannel();
    QCOMPARE(m_desk->letters().size(), 2);
    const qint64 events = m_store->eventCount();

    // Another destination's: none of these.
    const Result<int> none = m_desk->redriveAll(QStringLiteral("pos:other"), maria);
    QVERIFY2(none, qPrintable(none.error()));
    QCOMPARE(*none, 0);
    QCOMPARE(m_store->eventCount(), events);

    const Result<int> all = m_desk->redriveAll({}, maria);
    QVERIFY2(all, qPrintable(all.error()));
    QCOMPARE(*all, 2);
    QVERIFY(m_desk->letters().isEmpty());
    QVERIFY(Outbox(*m_store).deadLetters().isEmpty());
    // One audited decision each, in the manager's name.
    const QList<OrderEvent> logged = m_store->allEvents().mid(events);
    QCOMPARE(logged.size(), 2);
    QStringList redriven;
    for (const OrderEvent &event : logged) {
        QCOMPARE(event.kind, EventKind::DeadLetterRedriven);
        QCOMPARE(event.actor, maria);
        QCOMPARE(event.occurredAt, m_clock->nowMs());
        redriven.append(event.payload.value(QLatin1String("event_id")).toString());
    }
    QCOMPARE(redriven, (QStringList {a.toString(QUuid::WithoutBraces),
                                     b.toString(QUuid::WithoutBraces)}));
    QTRY_COMPARE(m_fake->receivedIds(), (QList<QUuid> {a, b}));
}

void TestDeadLetterDesk::aDiscardNeedsAReason_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("none") << QString();
    QTest::newRow("only spaces") << QStringLiteral("  \t ");
    QTest::newRow("too long") << QString(OrderLimits::maxTextLength + 1, QLatin1Char('x'));
}

void TestDeadLetterDesk::aDiscardNeedsAReason()
{
    QFETCH(QString, reason);
    parkOrderA();
    const qint64 events = m_store->eventCount();
    const Result<void> discarded = m_desk->discard(onlyLetterId(), maria, reason);
    QVERIFY(!discarded);
    QVERIFY(!discarded.error().isEmpty());
    QCOMPARE(discarded.error(), DeadLetterDesk::discardReasonProblem(reason));
    QCOMPARE(m_store->eventCount(), events);
    QCOMPARE(Outbox(*m_store).deadLetters().size(), 1);
    // The store refuses it too, whoever asks.
    QCOMPARE(m_store->discardDeadLetter(onlyLetterId(), maria, origin, reason).status,
             AppendResult::Status::Refused);
    QCOMPARE(m_store->eventCount(), events);
}

void TestDeadLetterDesk::aDiscardIsLoggedWithItsReasonAndTheOrderGoesOn()
{
    const QList<QUuid> ids = parkOrderA();
    m_clock->advanceMs(minute);
    const Result<void> discarded =
            m_desk->discard(onlyLetterId(), maria, QStringLiteral(" rung up at the till by hand "));
    QVERIFY2(discarded, qPrintable(discarded.error()));
    QVERIFY(m_desk->letters().isEmpty());
    const OrderEvent logged = m_store->allEvents().constLast();
    QCOMPARE(logged.kind, EventKind::DeadLetterDiscarded);
    QCOMPARE(logged.actor, maria);
    QCOMPARE(logged.occurredAt, m_clock->nowMs());
    QCOMPARE(logged.reason, QStringLiteral("rung up at the till by hand"));
    // The parked events go on without it, at once.
    QTRY_COMPARE(m_fake->receivedIds(), ids.mid(1));
    QCOMPARE(m_fake->attemptsOf(ids.at(0)), 0);
    // Decided once: a second decision is refused, in words.
    const Result<void> again = m_desk->redrive(logged.payload.value(QLatin1String("dead_letter"))
                                                       .toInteger(),
                                               maria);
    QVERIFY(!again);
    QVERIFY2(again.error().contains(QLatin1String("no longer waiting")), qPrintable(again.error()));
}

void TestDeadLetterDesk::storeFailuresComeBackInWords()
{
    parkOrderA();
    const qint64 id = onlyLetterId();
    const QString diskFull = StoreFaults::forStaff(StoreFault::DiskFull);
    FaultyDisk::fail(m_dir->path(), FaultyDisk::Fault::Full);
    const Result<void> redriven = m_desk->redrive(id, maria);
    QVERIFY(!redriven);
    QCOMPARE(redriven.error(), diskFull);
    const Result<int> all = m_desk->redriveAll({}, maria);
    QVERIFY(!all);
    QCOMPARE(all.error(), diskFull);
    const Result<void> discarded = m_desk->discard(id, maria, QStringLiteral("gone"));
    QVERIFY(!discarded);
    QCOMPARE(discarded.error(), diskFull);
    FaultyDisk::heal();
    // Nothing of it was written; it can be decided on once the disk has room.
    m_desk->refresh();
    QCOMPARE(onlyLetterId(), id);
    QVERIFY(m_desk->redrive(id, maria));
    QVERIFY(m_desk->letters().isEmpty());
}

void TestDeadLetterDesk::whatAManagerSeesIsMasked_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QJsonValue>("shown");
    const QJsonValue masked(QStringLiteral("••••••"));
    QTest::newRow("card in text") << QStringLiteral("note") << QJsonValue(card + QStringLiteral(" exp 12/30"))
                                  << QJsonValue(QStringLiteral("•••• 1111 exp 12/30"));
    QTest::newRow("card as number") << QStringLiteral("tender") << QJsonValue(TestCards::number("visa").toDouble())
                                    << QJsonValue(QStringLiteral("•••• 1111"));
    QTest::newRow("access_token") << QStringLiteral("access_token")
                                  << QJsonValue(QStringLiteral("EAAAl0ng")) << masked;
    QTest::newRow("refreshToken") << QStringLiteral("refreshToken")
                                  << QJsonValue(QStringLiteral("r-1")) << masked;
    QTest::newRow("X-Api-Key") << QStringLiteral("X-Api-Key") << QJsonValue(QStringLiteral("k"))
                               << masked;
    QTest::newRow("clientSecret") << QStringLiteral("clientSecret") << QJsonValue(12345)
                                  << masked;
    QTest::newRow("Authorization") << QStringLiteral("Authorization")
                                   << QJsonValue(QStringLiteral("Bearer abc")) << masked;
    QTest::newRow("signature") << QStringLiteral("webhook_signature")
                               << QJsonValue(QStringLiteral("sha256=ab")) << masked;
    QTest::newRow("password") << QStringLiteral("password") << QJsonValue(QStringLiteral("hunter2"))
                              << masked;
    QTest::newRow("a secret object, whole")
            << QStringLiteral("auth")
            << QJsonValue(QJsonObject {{QStringLiteral("user"), QStringLiteral("u")}}) << masked;
    QTest::newRow("customer_name") << QStringLiteral("customer_name")
                                   << QJsonValue(QStringLiteral("Maria Gonzalez"))
                                   << QJsonValue(QStringLiteral("M••• G•••"));
    QTest::newRow("phone") << QStringLiteral("phone")
                           << QJsonValue(QStringLiteral("+1 555 123 4567"))
                           << QJsonValue(QStringLiteral("+• ••• ••• ••67"));
    QTest::newRow("customer object")
            << QStringLiteral("customer")
            << QJsonValue(QJsonObject {{QStringLiteral("name"), QStringLiteral("Maria Gonzalez")},
                                       {QStringLiteral("email"), QStringLiteral("maria@example.com")},
                                       {QStringLiteral("mobile"), QStringLiteral("5551234567")},
                                       {QStringLiteral("id"), QStringLiteral("c-9")}})
            << QJsonValue(QJsonObject {{QStringLiteral("name"), QStringLiteral("M••• G•••")},
                                       {QStringLiteral("email"), QStringLiteral("m•••@example.com")},
                                       {QStringLiteral("mobile"), QStringLiteral("••••••••67")},
                                       {QStringLiteral("id"), QStringLiteral("c-9")}});
    const QJsonValue items(QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Fries")},
                                                    {QStringLiteral("quantity"), 2}}});
    QTest::newRow("an item's name stays") << QStringLiteral("items") << items << items;
    QTest::newRow("a word ending in key stays") << QStringLiteral("monkey")
                                                << QJsonValue(QStringLiteral("bread"))
                                                << QJsonValue(QStringLiteral("bread"));
}

void TestDeadLetterDesk::whatAManagerSeesIsMasked()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QJsonValue, shown);
    QVERIFY(m_store->append(placedEvent(sampleOrder(QStringLiteral("a"), QStringLiteral("7"))), {})
                    .committed());
    OrderEvent note;
    note.id = QUuid::createUuid();
    note.orderId = QStringLiteral("a");
    note.storeId = storeId;
    note.kind = EventKind::NoteAdded;
    note.actor = Actor::staff(QStringLiteral("ana"));
    note.origin = origin;
    note.occurredAt = m_clock->nowMs();
    note.reason = QStringLiteral("paid with ") + card;
    note.payload = {{key, value}};
    QVERIFY(m_store->append(note, {pos}).committed());
    m_fake->setMode(FakeChannel::Mode::Refusing);
    m_fake->setAnswerText(QStringLiteral("declined ") + card);
    m_fake->setState(OrderChannel::State::Live);
    QTRY_COMPARE(m_desk->letters().size(), 1);

    const DeadLetterSummary letter = m_desk->letters().constFirst();
    QCOMPARE(letter.payload.value(key), shown);
    QCOMPARE(letter.reason, QStringLiteral("paid with •••• 1111"));
    QCOMPARE(letter.lastError, QStringLiteral("declined •••• 1111"));
    QCOMPARE(letter.firstError, letter.lastError); // refused at its first attempt
    QCOMPARE(letter.orderNumber, QStringLiteral("7"));
    // The log keeps what happened; only the manager's view is masked.
    QCOMPARE(m_store->events(QStringLiteral("a")).constLast().payload.value(key), value);
}

void TestDeadLetterDesk::aStoreFromVersionFourKeepsItsRows()
{
    const QString path = m_dir->filePath(QStringLiteral("old.sqlite"));
    const OrderEvent dead = placedEvent(sampleOrder(QStringLiteral("o-1"), QStringLiteral("101")));
    const OrderEvent waiting =
            placedEvent(sampleOrder(QStringLiteral("o-2"), QStringLiteral("102")), t0 + 1);
    {
        // The file as the release before left it: no first errors anywhere.
        RawConnection raw(path);
        QSqlDatabase db = raw.db();
        QVERIFY(StoreSchema::migrate(db, 4));
        for (const OrderEvent &event : {dead, waiting}) {
            QSqlQuery insert(db);
            QVERIFY(insert.prepare(QStringLiteral(
                    "INSERT INTO events (event_id, order_id, store_id, kind, to_state, actor, "
                    "origin, occurred_at, payload, recorded_at) VALUES (?, ?, ?, 'placed', "
                    "'placed', 'platform', 'test', ?, ?, ?)")));
            insert.addBindValue(event.id.toString(QUuid::WithoutBraces));
            insert.addBindValue(event.orderId);
            insert.addBindValue(event.storeId);
            insert.addBindValue(event.occurredAt);
            insert.addBindValue(QString::fromUtf8(QJsonDocument(event.payload).toJson()));
            insert.addBindValue(event.occurredAt);
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO dead_letters (event_id, destination, "
                                        "attempts, last_error, dead_at) VALUES ('%1', '%2', 3, "
                                        "'HTTP 500 before the upgrade', %3)")
                                 .arg(dead.id.toString(QUuid::WithoutBraces), pos)
                                 .arg(t0)));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO outbox (event_id, destination, attempts, "
                                        "next_attempt_at, last_error, created_at) VALUES ('%1', "
                                        "'%2', 2, 0, 'HTTP 503 before the upgrade', %3)")
                                 .arg(waiting.id.toString(QUuid::WithoutBraces), pos)
                                 .arg(t0)));
    }
    Store old(path, m_clock.get());
    const Result<void> opened = old.open();
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(old.schemaVersion(), Store::latestSchemaVersion);
    ChannelRegistry registry(old, *m_clock, {pos});
    DeadLetterDesk desk(old, registry, origin);
    QCOMPARE(desk.letters().size(), 1);
    const DeadLetterSummary before = desk.letters().constFirst();
    QCOMPARE(before.eventId, dead.id);
    QCOMPARE(before.attempts, 3);
    QCOMPARE(before.lastError, QStringLiteral("HTTP 500 before the upgrade"));
    QVERIFY(!before.firstErrorRecorded());
    QVERIFY(before.firstError.isEmpty());
    QCOMPARE(before.orderNumber, QStringLiteral("101")); // from its placing: no projection row

    // The old waiting row fails again: that is not its first failure, so none is recorded.
    Outbox outbox(old);
    QCOMPARE(outbox.pendingCount(pos), 1);
    QVERIFY(outbox.recordFailure(waiting.id, pos, QStringLiteral("HTTP 500 after"), 0));
    QVERIFY(outbox.moveToDeadLetter(waiting.id, pos, QStringLiteral("HTTP 500 after"),
                                    m_clock->nowMs()));
    desk.refresh();
    QCOMPARE(desk.letters().size(), 2);
    const DeadLetterSummary after = desk.letters().constLast();
    QCOMPARE(after.attempts, 3);
    QVERIFY(!after.firstErrorRecorded());
    QCOMPARE(after.lastError, QStringLiteral("HTTP 500 after"));
    // Old rows are decided on as new ones are.
    QVERIFY(desk.redrive(before.id, maria));
    QVERIFY(desk.discard(after.id, maria, QStringLiteral("sent by hand")));
    QVERIFY(desk.letters().isEmpty());
}

QTEST_GUILESS_MAIN(TestDeadLetterDesk)
#include "tst_deadletterdesk.moc"
