// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two screens of one store on a real hub (127.0.0.1): the store's rules a manager sets at one
// reach the other through the platform, and where the platform does not take a manager's word
// from that console, the change is refused, undone and said in words, and the other screen never
// follows it.
#include "synctestbed.h"

#include "engine/kitchenalerts.h"
#include "engine/storepolicybook.h"
#include "hub/submitter.h"
#include "order/storepolicycodec.h"
#include "store/outbox.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const QString storeId = QStringLiteral("store-rules");
const QString officeId = QStringLiteral("office");
const QString grillId = QStringLiteral("grill");

StorePolicy lunchRules()
{
    StorePolicy policy;
    policy.warnAfterMinutes = 6;
    policy.lateAfterMinutes = 10;
    policy.stations = {QStringLiteral("wok"), QStringLiteral("grill"), QStringLiteral("pass")};
    policy.rejectReasons = {QStringLiteral("Out of rice")};
    return policy;
}
} // namespace

class TestStoreRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aManagersRulesReachEveryScreen();
    void withoutTheRightTheRulesAreRefusedAndUndone();
    void thePlatformsOrdersFollowTheStoresRoutes();

private:
    void startConsoles(bool managerGranted);

    SystemClock m_clock;
    std::unique_ptr<SyncTest::HubBed> m_hub;
    std::unique_ptr<SyncTest::Console> m_office;
    std::unique_ptr<SyncTest::Console> m_grill;
};

void TestStoreRules::init()
{
    m_hub = std::make_unique<SyncTest::HubBed>(m_clock);
    QVERIFY(m_hub->start({{storeId, {officeId, grillId}}}));
}

void TestStoreRules::cleanup()
{
    m_grill.reset();
    m_office.reset();
    m_hub.reset();
}

void TestStoreRules::startConsoles(bool managerGranted)
{
    QVERIFY(m_hub->records().credentials().setRight(storeId, officeId, Submitter::managerRight,
                                                   managerGranted));
    m_office = m_hub->console(storeId, officeId);
    m_grill = m_hub->console(storeId, grillId);
    m_office->session().startKitchenServices();
    m_grill->session().startKitchenServices();
    QTRY_VERIFY_WITH_TIMEOUT(m_office->isLive() && m_grill->isLive(), 10'000);
    QTRY_COMPARE(m_office->engine().channels().mayActAsManager(), managerGranted);
}

void TestStoreRules::aManagersRulesReachEveryScreen()
{
    startConsoles(true);
    StorePolicyBook &grillRules = m_grill->session().storePolicy();
    QSignalSpy followed(&grillRules, &StorePolicyBook::policyChanged);
    QVERIFY(followed.isValid());

    const CommandResult changed = m_office->session().storePolicy().change(
            lunchRules(), Actor::manager(officeId));
    QVERIFY2(changed.ok, qPrintable(changed.message));

    QTRY_VERIFY_WITH_TIMEOUT(grillRules.policy() == lunchRules(), 10'000);
    QCOMPARE(followed.count(), 1);
    QCOMPARE(grillRules.lastChange()->origin, officeId);
    QCOMPARE(grillRules.lastChange()->actor, Actor::manager(officeId));
    // The grill's services follow too, and the change is in the platform's log, once.
    QCOMPARE(m_grill->session().kitchenAlerts().lateAfterMs(), lunchRules().lateAfterMs());
    const std::optional<Protocol::SequencedEvent> logged = m_hub->hub().log().lastStoreEvent(
            storeId, {EventKind::StorePolicyChanged});
    QVERIFY(logged);
    QCOMPARE(logged->event.id, changed.event.id);
    QTRY_COMPARE(Outbox(m_office->store()).pendingCount(QStringLiteral("platform")), 0);
    QVERIFY(m_office->session().storePolicy().policy() == lunchRules()); // acked, not undone
}

void TestStoreRules::withoutTheRightTheRulesAreRefusedAndUndone()
{
    startConsoles(false);
    StorePolicyBook &officeRules = m_office->session().storePolicy();
    QSignalSpy alert(&m_office->engine(), &OrderEngine::alert);
    QVERIFY(alert.isValid());

    QVERIFY(officeRules.change(lunchRules(), Actor::manager(officeId)).ok); // held locally first
    QVERIFY(officeRules.policy() == lunchRules());

    QTRY_VERIFY_WITH_TIMEOUT(officeRules.policy() == StorePolicy(), 10'000); // undone
    QVERIFY(!officeRules.lastChange());
    QVERIFY(!alert.isEmpty());
    const QString said = alert.constLast().at(1).toString();
    QVERIFY2(said.contains(QStringLiteral("rules")) && said.contains(QStringLiteral("--grant-manager")),
             qPrintable(said));
    QVERIFY(m_grill->session().storePolicy().policy() == StorePolicy());
    QVERIFY(!m_grill->session().storePolicy().lastChange());
}

void TestStoreRules::thePlatformsOrdersFollowTheStoresRoutes()
{
    startConsoles(true);
    StorePolicy rules = lunchRules();
    rules.routes = {{QStringLiteral("shake"), QStringLiteral("pass")},
                    {QStringLiteral("noodle"), QStringLiteral("wok")}};
    QVERIFY(m_office->session().storePolicy().change(rules, Actor::manager(officeId)).ok);
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->session().storePolicy().policy() == rules, 10'000);

    // The platform's order, as a customer's app sends it: stations of its own, or none.
    const auto line = [](const char *name, const char *station) {
        OrderItem item;
        item.name = QString::fromLatin1(name);
        item.station = QString::fromLatin1(station);
        return item;
    };
    Order order;
    order.id = QStringLiteral("routed-1");
    order.storeId = storeId;
    order.number = QStringLiteral("41");
    order.source = QStringLiteral("platform");
    order.items = {line("Chocolate SHAKE", "cold"), line("Noodle bowl", ""), line("Fries", "fry")};
    const SubmitOutcome placed = m_hub->hub().submit(
            OrderEvent::placed(order, Actor::platform(), QStringLiteral("http"), m_clock.nowMs()));
    QVERIFY(placed.acked());

    // Routed once, where the order entered the log: the hub and every screen agree.
    const QStringList expected {QStringLiteral("pass"), QStringLiteral("wok"), QStringLiteral("fry")};
    const auto stations = [](const std::optional<Order> &held) {
        QStringList result;
        if (held) {
            for (const OrderItem &item : held->items)
                result.append(item.station);
        }
        return result;
    };
    QCOMPARE(stations(m_hub->hub().log().order(storeId, order.id)), expected);
    QTRY_COMPARE_WITH_TIMEOUT(stations(m_grill->store().order(order.id)), expected, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(stations(m_office->store().order(order.id)), expected, 10'000);

    // Rules changed later leave the orders already in the log as they were.
    rules.routes.clear();
    QVERIFY(m_office->session().storePolicy().change(rules, Actor::manager(officeId)).ok);
    QTRY_VERIFY_WITH_TIMEOUT(m_grill->session().storePolicy().policy() == rules, 10'000);
    QCOMPARE(stations(m_grill->store().order(order.id)), expected);
    Order next = order;
    next.id = QStringLiteral("routed-2");
    next.number = QStringLiteral("42");
    QVERIFY(m_hub->hub()
                    .submit(OrderEvent::placed(next, Actor::platform(), QStringLiteral("http"),
                                               m_clock.nowMs()))
                    .acked());
    const QStringList asSent {QStringLiteral("cold"), QString(), QStringLiteral("fry")};
    QCOMPARE(stations(m_hub->hub().log().order(storeId, next.id)), asSent);
    QTRY_COMPARE_WITH_TIMEOUT(stations(m_grill->store().order(next.id)), asSent, 10'000);
}

QTEST_GUILESS_MAIN(TestStoreRules)
#include "tst_storerules.moc"
