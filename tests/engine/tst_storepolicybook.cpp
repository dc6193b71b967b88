// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "engine/orderengine.h"
#include "engine/storepolicybook.h"
#include "order/storepolicycodec.h"
#include "store/outbox.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace StoreTest;

// The store's rules against a real store: the log is where they live, whoever changed them.
class TestStorePolicyBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void freshStoreFollowsTheFallback();
    void changeIsLoggedAndSentToThePlatform();
    void refusedChangesWriteNothing();
    void restartReadsTheRulesFromTheLog();
    void followsAChangeFromAnotherConsole();
    void changeThePlatformRefusedIsUndone();

private:
    std::unique_ptr<StorePolicyBook> makeBook(const StorePolicy &fallback = {});
    QList<OrderEvent> policyEvents() const;
    static StorePolicy slowerKitchen();

    std::unique_ptr<EngineTestbed> m_bed;
    Store *m_store = nullptr;
    OrderEngine *m_engine = nullptr;
    const Actor m_manager = Actor::manager(QStringLiteral("console-1"));
};

void TestStorePolicyBook::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_store = &m_bed->store();
    m_engine = &m_bed->engine();
}

void TestStorePolicyBook::cleanup()
{
    m_bed.reset();
}

std::unique_ptr<StorePolicyBook> TestStorePolicyBook::makeBook(const StorePolicy &fallback)
{
    auto book = std::make_unique<StorePolicyBook>(*m_engine);
    book->setFallback(fallback);
    return book;
}

QList<OrderEvent> TestStorePolicyBook::policyEvents() const
{
    QList<OrderEvent> result;
    for (const OrderEvent &event : m_store->allEvents()) {
        if (event.kind == EventKind::StorePolicyChanged)
            result.append(event);
    }
    return result;
}

StorePolicy TestStorePolicyBook::slowerKitchen()
{
    StorePolicy policy;
    policy.warnAfterMinutes = 12;
    policy.lateAfterMinutes = 18;
    policy.stations = {QStringLiteral("wok"), QStringLiteral("grill")};
    policy.rejectReasons = {QStringLiteral("Out of rice")};
    return policy;
}

void TestStorePolicyBook::freshStoreFollowsTheFallback()
{
    StorePolicy fromSettings;
    fromSettings.warnAfterMinutes = 6;
    auto book = std::make_unique<StorePolicyBook>(*m_engine);
    QSignalSpy changed(book.get(), &StorePolicyBook::policyChanged);
    QVERIFY(changed.isValid());
    book->setFallback(fromSettings);
    QCOMPARE(book->policy().warnAfterMinutes, 6);
    QVERIFY(!book->lastChange());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(policyEvents().size(), 0); // following the settings writes nothing
}

void TestStorePolicyBook::changeIsLoggedAndSentToThePlatform()
{
    auto book = makeBook();
    QSignalSpy changed(book.get(), &StorePolicyBook::policyChanged);
    QVERIFY(changed.isValid());
    QSignalSpy appended(m_engine, &OrderEngine::storeEventAppended);
    QVERIFY(appended.isValid());

    const CommandResult result = book->change(slowerKitchen(), m_manager);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(book->policy() == slowerKitchen());
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.constFirst().constFirst().value<StorePolicy>() == slowerKitchen());
    QCOMPARE(appended.count(), 1);

    const QList<OrderEvent> events = policyEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().actor, m_manager);
    QCOMPARE(events.constFirst().origin, QStringLiteral("console-1"));
    QVERIFY(events.constFirst().orderId.isEmpty());
    const Result<StorePolicy> logged = StorePolicyCodec::fromJson(
            events.constFirst().payload.value(QStringLiteral("policy")).toObject());
    QVERIFY(logged);
    QVERIFY(*logged.toOptional() == slowerKitchen());
    QCOMPARE(book->lastChange()->id, events.constFirst().id);
    QCOMPARE(Outbox(*m_store).pendingCount(QStringLiteral("platform")), 1);
}

void TestStorePolicyBook::refusedChangesWriteNothing()
{
    auto book = makeBook();
    StorePolicy outOfBounds = slowerKitchen();
    outOfBounds.lateAfterMinutes = outOfBounds.warnAfterMinutes;
    const struct
    {
        StorePolicy policy;
        Actor actor;
    } attempts[] = {
            {slowerKitchen(), Actor::staff(QStringLiteral("ana"))}, // a cook, not a manager
            {outOfBounds, m_manager},
            {StorePolicy(), m_manager}, // the rules as they are
    };
    for (const auto &attempt : attempts) {
        const CommandResult result = book->change(attempt.policy, attempt.actor);
        QVERIFY(!result.ok);
        QVERIFY(!result.message.isEmpty());
    }
    QCOMPARE(policyEvents().size(), 0);
    QVERIFY(book->policy() == StorePolicy());
}

void TestStorePolicyBook::restartReadsTheRulesFromTheLog()
{
    QVERIFY(makeBook()->change(slowerKitchen(), m_manager).ok);
    StorePolicy oldSettings;
    oldSettings.warnAfterMinutes = 3;
    auto restarted = makeBook(oldSettings);
    QVERIFY(restarted->policy() == slowerKitchen()); // the log wins over a settings file
    QVERIFY(restarted->lastChange());
}

void TestStorePolicyBook::followsAChangeFromAnotherConsole()
{
    auto book = makeBook();
    QSignalSpy changed(book.get(), &StorePolicyBook::policyChanged);
    QVERIFY(changed.isValid());
    OrderEvent fromConsole2;
    fromConsole2.id = QUuid::createUuid();
    fromConsole2.storeId = storeId;
    fromConsole2.kind = EventKind::StorePolicyChanged;
    fromConsole2.actor = Actor::manager(QStringLiteral("console-2"));
    fromConsole2.origin = QStringLiteral("console-2");
    fromConsole2.occurredAt = t0;
    fromConsole2.payload = {{QStringLiteral("policy"), StorePolicyCodec::toJson(slowerKitchen())}};
    QVERIFY(m_store->appendIncoming(incoming(fromConsole2)).committed());

    book->restore();
    QVERIFY(book->policy() == slowerKitchen());
    QCOMPARE(book->lastChange()->origin, QStringLiteral("console-2"));
    QCOMPARE(changed.count(), 1);
    book->restore(); // nothing new: no second signal
    QCOMPARE(changed.count(), 1);
    QCOMPARE(Outbox(*m_store).pendingCount(QStringLiteral("platform")), 0); // not sent back
}

void TestStorePolicyBook::changeThePlatformRefusedIsUndone()
{
    StorePolicy fromSettings;
    fromSettings.warnAfterMinutes = 6;
    auto book = makeBook(fromSettings);
    const CommandResult result = book->change(slowerKitchen(), m_manager);
    QVERIFY(result.ok);
    QSignalSpy changed(book.get(), &StorePolicyBook::policyChanged);
    QVERIFY(changed.isValid());

    QVERIFY(m_store->markRejected(result.event.id, QStringLiteral("no manager right")).committed());
    book->restore();
    QVERIFY(book->policy() == fromSettings);
    QVERIFY(!book->lastChange());
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(TestStorePolicyBook)
#include "tst_storepolicybook.moc"
