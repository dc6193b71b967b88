// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetestbed.h"
#include "storetestsupport.h"

#include "channels/channeldispatcher.h"
#include "channels/orderchannel.h"
#include "common/clock.h"
#include "engine/feedmonitor.h"
#include "engine/kitchenalerts.h"
#include "engine/orderengine.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StoreTest;

namespace {
constexpr qint64 minute = 60 * 1000;

KitchenAlert alertAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).constFirst().value<KitchenAlert>();
}

OrderEvent modifiedEvent(const QString &orderId, const QList<OrderItem> &items, qint64 at)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.orderId = orderId;
    event.storeId = storeId;
    event.kind = EventKind::Modified;
    event.actor = Actor::platform();
    event.origin = QStringLiteral("test-platform");
    event.occurredAt = at;
    QJsonArray array;
    for (const OrderItem &item : items)
        array.append(item.toJson());
    event.payload.insert(QStringLiteral("items"), array);
    return event;
}
OrderEvent etaEvent(const QString &orderId, qint64 promisedAt, qint64 at)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.orderId = orderId;
    event.storeId = storeId;
    event.kind = EventKind::EtaChanged;
    event.actor = Actor::platform();
    event.origin = QStringLiteral("test-platform");
    event.occurredAt = at;
    event.payload.insert(QStringLiteral("promised_at"), promisedAt);
    return event;
}

QString hhmm(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(QStringLiteral("HH:mm"));
}

// A POS that only receives (its answers are receipts): offline until a test brings it back.
class ReceiptChannel final : public OrderChannel
{
public:
    QString destination() const override { return QStringLiteral("pos:square"); }
    State state() const override { return m_state; }
    qsizetype send(const QList<OrderEvent> &events) override
    {
        for (const OrderEvent &event : events) {
            // Answered later, as from a network, never inside send().
            QTimer::singleShot(0, this, [this, id = event.id] { Q_EMIT accepted(id, 0); });
        }
        return events.size();
    }
    void setState(State state)
    {
        m_state = state;
        Q_EMIT stateChanged(state);
    }

private:
    State m_state = State::Offline;
};

IncomingEvent fromHub(const OrderEvent &event, qint64 hubSeq)
{
    IncomingEvent in = incoming(event);
    in.hubSeq = hubSeq;
    return in;
}
} // namespace

namespace {
/** arrived orders placed (numbers from 1000, ids prefix-0…), all but the last stillOpen cancelled. */
QList<IncomingEvent> arrivals(const QString &prefix, int arrived, int stillOpen)
{
    QList<IncomingEvent> events;
    for (int i = 0; i < arrived; ++i) {
        const Order order = sampleOrder(prefix + QString::number(i), QString::number(1000 + i));
        events.append(incoming(placedEvent(order)));
        if (i < arrived - stillOpen)
            events.append(
                    incoming(transitionEvent(order.id, OrderState::Placed, OrderState::Cancelled)));
    }
    return events;
}
} // namespace

class TestKitchenAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void openOrdersAtStartAreNotNew();
    void oneNewOrderNamesItsItems();
    void placementsInOneTurnMakeOneAlert();
    void aReplayedBurstMakesOneAlert();
    void changesInProgressAreListedLineByLine_data();
    void changesInProgressAreListedLineByLine();
    void aMovedReadyTimeIsAChange();
    void cancelInProgressSaysStopAndWhy();
    void aCancelThatOvertookOfflineWorkIsOneAlert();
    void newAndCancelledInOneBurstIsSilent();
    void aReplayedBacklogIsSummedUp_data();
    void aReplayedBacklogIsSummedUp();
    void aConsoleJoiningSaysWhatIsOpen_data();
    void aConsoleJoiningSaysWhatIsOpen();
    void aNewOrderIsAnnouncedAsItIsAtTheEndOfTheBurst();
    void platformRefusalIsForwarded();
    void lateIsRaisedOncePerOrder();
    void lateTimerChecksByItself();
    void quietFeedRaisesAnAlert();
    void aFeedThatSpeaksAgainWithdrawsItsAlarmAndSaysSo();
    void backOnlineCountsTheChangesSentToTheFeed();
    void aClosingStoreEndsTheAlarmWithoutBackOnline();
    void ownCommandsRaiseNothing_data();
    void ownCommandsRaiseNothing();
    void theSameChangeFromThePlatformIsAlerted();
    void lateOrdersTogetherMakeOneAlert();

private:
    QString place(const QString &number);
    /** Places an order and has the cook bump it bumps times; its id, or empty if a step failed. */
    QString placeAndBump(const QString &number, int bumps);
    void applyAndDrain(const QList<IncomingEvent> &events);
    TransitionDetails promise() const;

    std::unique_ptr<EngineTestbed> m_bed;
    ManualClock *m_clock = nullptr;
    Store *m_store = nullptr;
    OrderEngine *m_engine = nullptr;
    const Actor m_cook = Actor::staff(QStringLiteral("ana"));
};

void TestKitchenAlerts::init()
{
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = QStringLiteral("console-1");
    m_bed = std::make_unique<EngineTestbed>(t0, config);
    QVERIFY(m_bed->open());
    m_clock = &m_bed->clock();
    m_store = &m_bed->store();
    m_engine = &m_bed->engine();
}

void TestKitchenAlerts::cleanup()
{
    m_bed.reset();
}

QString TestKitchenAlerts::place(const QString &number)
{
    const Order order = sampleOrder(QStringLiteral("o-") + number, number);
    const CommandResult result = m_engine->placeOrder(order, Actor::platform());
    if (!result.ok)
        qWarning() << result.message;
    return order.id;
}

QString TestKitchenAlerts::placeAndBump(const QString &number, int bumps)
{
    const QString id = place(number);
    if (!m_engine->order(id))
        return {};
    for (int i = 0; i < bumps; ++i) {
        const CommandResult bumped = m_engine->advance(id, m_cook, promise());
        if (!bumped.ok) {
            qWarning() << "bump" << i + 1 << "of" << number << "failed:" << bumped.message;
            return {};
        }
    }
    return id;
}

void TestKitchenAlerts::applyAndDrain(const QList<IncomingEvent> &events)
{
    QSignalSpy drained(m_engine, &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    m_engine->applyIncoming(events);
    QVERIFY(drained.wait());
}

TransitionDetails TestKitchenAlerts::promise() const
{
    TransitionDetails details;
    details.promisedAt = m_clock->nowMs() + 15 * minute;
    return details;
}

void TestKitchenAlerts::openOrdersAtStartAreNotNew()
{
    place(QStringLiteral("101"));
    place(QStringLiteral("102"));
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QCoreApplication::processEvents();
    QCOMPARE(raised.count(), 0);
    // A change to a known order is not a new order either.
    QVERIFY(m_engine->advance(QStringLiteral("o-101"), m_cook, promise()).ok);
    QCoreApplication::processEvents();
    QCOMPARE(raised.count(), 0);
}

void TestKitchenAlerts::oneNewOrderNamesItsItems()
{
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    m_clock->advanceMs(5000);
    place(QStringLiteral("201"));
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::NewOrder);
    QCOMPARE(alert.orderId, QStringLiteral("o-201"));
    QCOMPARE(alert.orderNumber, QStringLiteral("201"));
    QCOMPARE(alert.title, QStringLiteral("New order 201"));
    QCOMPARE(alert.details,
             QStringList({QStringLiteral("2× Cheeseburger: no onions; allergens: gluten, dairy"),
                          QStringLiteral("1× Fries")}));
    QCOMPARE(alert.raisedAt, t0 + 5000);
}

void TestKitchenAlerts::placementsInOneTurnMakeOneAlert()
{
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    for (const char *number : {"301", "302", "303"})
        place(QString::fromLatin1(number));
    QCOMPARE(raised.count(), 0); // not before the turn ends
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::NewOrder);
    QCOMPARE(alert.title, QStringLiteral("3 new orders: 301, 302, 303"));
    QVERIFY(alert.orderId.isEmpty());
    QCOMPARE(alert.orderNumbers,
             QStringList({QStringLiteral("301"), QStringLiteral("302"), QStringLiteral("303")}));
    QCOMPARE(alert.orderIds.size(), 3); // so the board can merge it with the next burst
    QCOMPARE(alert.details.size(), 3);
    QCOMPARE(alert.details.constFirst(), QStringLiteral("301: 2× Cheeseburger, 1× Fries"));
    // The next order is news again.
    place(QStringLiteral("304"));
    QTRY_COMPARE(raised.count(), 2);
    QCOMPARE(alertAt(raised, 1).title, QStringLiteral("New order 304"));
}

void TestKitchenAlerts::aReplayedBurstMakesOneAlert()
{
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QList<IncomingEvent> burst;
    for (int i = 0; i < 250; ++i)
        burst.append(incoming(placedEvent(sampleOrder(QStringLiteral("b-%1").arg(i),
                                                      QString::number(1000 + i)))));
    // The engine applies 100 per event-loop turn; the alert waits for the whole burst.
    applyAndDrain(burst);
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::NewOrder);
    // A few named and the rest counted: the text stays one short line however big the replay.
    QCOMPARE(alert.title,
             QStringLiteral("250 new orders: 1000, 1001, 1002, 1003, 1004 and 245 more"));
    QCOMPARE(alert.details.size(), KitchenAlert::maxNamedOrders); // not 250 lines
    QCOMPARE(alert.orderIds.size(), 250);
    QCoreApplication::processEvents();
    QCOMPARE(raised.count(), 1);
}

void TestKitchenAlerts::changesInProgressAreListedLineByLine_data()
{
    QTest::addColumn<int>("bumps"); // 0: placed, 1: accepted, 2: preparing, 3: ready
    QTest::addColumn<bool>("alerts");
    QTest::newRow("placed: the board just shows it") << 0 << false;
    QTest::newRow("accepted") << 1 << true;
    QTest::newRow("preparing") << 2 << true;
    QTest::newRow("ready") << 3 << true;
}

void TestKitchenAlerts::changesInProgressAreListedLineByLine()
{
    QFETCH(int, bumps);
    QFETCH(bool, alerts);
    const QString id = placeAndBump(QStringLiteral("401"), bumps);
    QVERIFY(!id.isEmpty());
    KitchenAlerts kitchen(*m_engine, *m_clock);
    QSignalSpy raised(&kitchen, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());

    QList<OrderItem> items = m_engine->order(id)->items;
    items[0].quantity = 3;
    items.removeLast();
    m_clock->advanceMs(minute);
    applyAndDrain({incoming(modifiedEvent(id, items, m_clock->nowMs()))});
    QCOMPARE(m_engine->order(id)->items, items);
    QCoreApplication::processEvents();
    if (!alerts) {
        QCOMPARE(raised.count(), 0);
        return;
    }
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::Changed);
    QCOMPARE(alert.orderNumber, QStringLiteral("401"));
    QCOMPARE(alert.title, QStringLiteral("Order 401 changed while in progress"));
    QCOMPARE(alert.details, QStringList({QStringLiteral("Cheeseburger: quantity 2 → 3"),
                                         QStringLiteral("Removed 1× Fries")}));
}

void TestKitchenAlerts::cancelInProgressSaysStopAndWhy()
{
    const QString id = placeAndBump(QStringLiteral("501"), 2); // preparing
    QVERIFY(!id.isEmpty());
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    OrderEvent cancel = OrderEvent::transition(id, storeId, OrderState::Preparing,
                                               OrderState::Cancelled, Actor::platform(),
                                               QStringLiteral("test-platform"), t0 + 1000,
                                               QStringLiteral("Customer changed their mind"));
    applyAndDrain({incoming(cancel)});
    QCOMPARE(m_engine->order(id)->state, OrderState::Cancelled);
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::Cancelled);
    QCOMPARE(alert.orderId, id);
    QCOMPARE(alert.title, QStringLiteral("Order 501 cancelled: stop preparing it"));
    QCOMPARE(alert.details, QStringList{QStringLiteral("Reason: Customer changed their mind")});
    // A cancelled order is no longer watched: it cannot turn late.
    m_clock->advanceMs(60 * minute);
    alerts.checkLate();
    QCOMPARE(raised.count(), 1);
}

void TestKitchenAlerts::aMovedReadyTimeIsAChange()
{
    const QString id = placeAndBump(QStringLiteral("451"), 1); // accepted, with a ready time
    QVERIFY(!id.isEmpty());
    const qint64 promised = m_engine->order(id)->promisedAt;
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    const qint64 later = promised + 10 * minute;
    applyAndDrain({incoming(etaEvent(id, later, t0 + minute))});
    QCOMPARE(m_engine->order(id)->promisedAt, later);
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::Changed);
    QCOMPARE(alert.title, QStringLiteral("Order 451: ready time moved"));
    QCOMPARE(alert.details, QStringList{QStringLiteral("Ready time moved from %1 to %2")
                                                .arg(hhmm(promised), hhmm(later))});
}

void TestKitchenAlerts::aCancelThatOvertookOfflineWorkIsOneAlert()
{
    const Order order = sampleOrder(QStringLiteral("x-1"), QStringLiteral("123"));
    applyAndDrain({fromHub(placedEvent(order), 1),
                   fromHub(transitionEvent(order.id, OrderState::Placed, OrderState::Accepted,
                                           t0 + 500),
                           2)});
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QSignalSpy engineAlerts(m_engine, &OrderEngine::alert);
    QVERIFY(engineAlerts.isValid());
    // Offline, the kitchen starts the order; meanwhile the customer cancelled on the platform.
    QVERIFY(m_engine->advance(order.id, m_cook).ok);
    OrderEvent cancel = transitionEvent(order.id, OrderState::Accepted, OrderState::Cancelled,
                                        t0 + 2000);
    cancel.actor = Actor::platform();
    cancel.reason = QStringLiteral("Customer cancelled");
    applyAndDrain({fromHub(cancel, 3)});
    QCOMPARE(engineAlerts.count(), 1);
    QTRY_COMPARE(raised.count(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::Cancelled);
    QCOMPARE(alert.title, QStringLiteral("Order 123 cancelled: stop preparing it"));
    QCOMPARE(alert.details, QStringList({QStringLiteral("Reason: Customer cancelled"),
                                         engineAlerts.constFirst().at(1).toString()}));
}

void TestKitchenAlerts::newAndCancelledInOneBurstIsSilent()
{
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    const Order gone = sampleOrder(QStringLiteral("c-1"), QStringLiteral("601"));
    const Order kept = sampleOrder(QStringLiteral("c-2"), QStringLiteral("602"));
    applyAndDrain({incoming(placedEvent(gone)), incoming(placedEvent(kept)),
                   incoming(transitionEvent(gone.id, OrderState::Placed, OrderState::Cancelled))});
    QTRY_COMPARE(raised.count(), 1);
    QCOMPARE(alertAt(raised, 0).title, QStringLiteral("New order 602"));
    QCoreApplication::processEvents();
    QCOMPARE(raised.count(), 1);
}

void TestKitchenAlerts::aReplayedBacklogIsSummedUp_data()
{
    QTest::addColumn<int>("arrived");
    QTest::addColumn<int>("stillOpen");
    QTest::addColumn<QString>("title");
    QTest::newRow("some still open") << 12 << 3
                                     << QStringLiteral("12 orders arrived while offline: 3 still "
                                                       "open (1009, 1010, 1011)");
    QTest::newRow("none still open") << 8 << 0
                                     << QStringLiteral("8 orders arrived while offline: none still "
                                                       "open");
    QTest::newRow("thousands, most gone")
            << 1204 << 37
            << QStringLiteral("1,204 orders arrived while offline: 37 still open (2167, 2168, "
                              "2169, 2170, 2171 and 32 more)");
}

void TestKitchenAlerts::aReplayedBacklogIsSummedUp()
{
    QFETCH(int, arrived);
    QFETCH(int, stillOpen);
    QFETCH(QString, title);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    // What a console away for a while catches up on: orders placed, and most of them long gone.
    const QList<IncomingEvent> backlog = arrivals(QStringLiteral("h-"), arrived, stillOpen);
    QSignalSpy settled(&alerts, &KitchenAlerts::settled);
    QVERIFY(settled.isValid());
    applyAndDrain(backlog);
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::NewOrder);
    QCOMPARE(alert.title, title);
    // Each order that came and went is said to be settled, so the banner can let go of it.
    QCOMPARE(settled.count(), arrived - stillOpen);
    if (arrived > stillOpen)
        QCOMPARE(settled.constFirst().at(0).toString(), QStringLiteral("h-0"));
    // The board can still mark the ones that are open, and only those.
    QCOMPARE(alert.orderIds.size(), stillOpen);
    QCOMPARE(alert.details.size(), std::min(stillOpen, KitchenAlert::maxNamedOrders));
    QCoreApplication::processEvents();
    QCOMPARE(raised.count(), 1);
    QLocale::setDefault(QLocale::c());
}

void TestKitchenAlerts::aConsoleJoiningSaysWhatIsOpen_data()
{
    QTest::addColumn<int>("arrived");
    QTest::addColumn<int>("stillOpen");
    QTest::addColumn<QString>("title");
    QTest::newRow("a few open") << 12 << 3
                                << QStringLiteral("Joined the store: 3 orders open (1009, 1010, "
                                                  "1011)");
    QTest::newRow("none open") << 8 << 0 << QStringLiteral("Joined the store: no orders open");
}

// A console new to its store was never offline from it: its first catch-up (a snapshot, or the
// whole log) says what it found open, and then alerts go on as usual.
void TestKitchenAlerts::aConsoleJoiningSaysWhatIsOpen()
{
    QFETCH(int, arrived);
    QFETCH(int, stillOpen);
    QFETCH(QString, title);
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    alerts.holdWhileCatchingUp(true, true);
    applyAndDrain(arrivals(QStringLiteral("j-"), arrived, stillOpen));
    QCOMPARE(raised.count(), 0); // held until the whole of it is in
    alerts.holdWhileCatchingUp(false);
    QTRY_COMPARE(raised.count(), 1);
    QCOMPARE(alertAt(raised, 0).title, title);
    QCOMPARE(alertAt(raised, 0).orderIds.size() + (alertAt(raised, 0).orderId.isEmpty() ? 0 : 1),
             stillOpen);

    const Order next = sampleOrder(QStringLiteral("j-next"), QStringLiteral("2000"));
    applyAndDrain({incoming(placedEvent(next))});
    QTRY_COMPARE(raised.count(), 2);
    QCOMPARE(alertAt(raised, 1).title, QStringLiteral("New order 2000"));
}

void TestKitchenAlerts::aNewOrderIsAnnouncedAsItIsAtTheEndOfTheBurst()
{
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    const Order order = sampleOrder(QStringLiteral("m-1"), QStringLiteral("611"));
    QList<OrderItem> items = order.items;
    items.removeFirst();
    applyAndDrain({incoming(placedEvent(order)), incoming(modifiedEvent(order.id, items, t0 + 10))});
    QTRY_COMPARE(raised.count(), 1);
    QCOMPARE(alertAt(raised, 0).title, QStringLiteral("New order 611"));
    QCOMPARE(alertAt(raised, 0).details, QStringList{QStringLiteral("1× Fries")});
}

void TestKitchenAlerts::platformRefusalIsForwarded()
{
    const QString id = place(QStringLiteral("701"));
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    const CommandResult accepted = m_engine->advance(id, m_cook, promise());
    QVERIFY(accepted.ok);
    m_engine->rejectByPlatform(accepted.event.id, QStringLiteral("the customer cancelled"));
    QTRY_COMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::Overtaken);
    QCOMPARE(alert.orderId, id);
    QVERIFY2(alert.title.contains(QStringLiteral("701")), qPrintable(alert.title));
    QVERIFY2(alert.title.contains(QStringLiteral("the customer cancelled")), qPrintable(alert.title));
}

void TestKitchenAlerts::lateIsRaisedOncePerOrder()
{
    KitchenAlerts alerts(*m_engine, *m_clock);
    alerts.setLateAfterMs(12 * minute);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    const QString slow = place(QStringLiteral("801"));
    const QString done = place(QStringLiteral("802"));
    QTRY_COMPARE(raised.count(), 1); // the new-orders alert
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_engine->advance(done, m_cook, promise()).ok); // ready: no longer the kitchen's
    m_clock->advanceMs(12 * minute - 1);
    alerts.checkLate();
    QCOMPARE(raised.count(), 1);
    m_clock->advanceMs(1);
    alerts.checkLate();
    QCOMPARE(raised.count(), 2);
    const KitchenAlert late = alertAt(raised, 1);
    QCOMPARE(late.kind, KitchenAlert::Kind::Late);
    QCOMPARE(late.orderId, slow);
    QCOMPARE(late.title, QStringLiteral("Order 801 is late: placed 12 min ago"));
    QCOMPARE(late.details.size(), 2);
    m_clock->advanceMs(30 * minute);
    alerts.checkLate();
    QCOMPARE(raised.count(), 2);
}

void TestKitchenAlerts::lateTimerChecksByItself()
{
    place(QStringLiteral("901"));
    KitchenAlerts alerts(*m_engine, *m_clock);
    QCOMPARE(alerts.lateAfterMs(), KitchenAlerts::defaultLateAfterMs);
    alerts.setLateCheckIntervalMs(5);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    m_clock->advanceMs(KitchenAlerts::defaultLateAfterMs);
    QVERIFY(raised.wait());
    QCOMPARE(alertAt(raised, 0).kind, KitchenAlert::Kind::Late);
    QCOMPARE(alertAt(raised, 0).orderNumber, QStringLiteral("901"));
}

void TestKitchenAlerts::quietFeedRaisesAnAlert()
{
    FeedMonitor feeds(*m_clock);
    feeds.setQuietLimitMs(10 * minute);
    KitchenAlerts alerts(*m_engine, *m_clock);
    alerts.watchFeeds(feeds);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    feeds.heard(QStringLiteral("pos:square"));
    m_clock->advanceMs(11 * minute);
    feeds.check();
    QCOMPARE(raised.count(), 1);
    const KitchenAlert alert = alertAt(raised, 0);
    QCOMPARE(alert.kind, KitchenAlert::Kind::FeedQuiet);
    QCOMPARE(alert.title,
             QStringLiteral("Square has been quiet for 11 min: orders may not be arriving"));
    QCOMPARE(alert.source, QStringLiteral("pos:square"));
}

void TestKitchenAlerts::aFeedThatSpeaksAgainWithdrawsItsAlarmAndSaysSo()
{
    FeedMonitor feeds(*m_clock);
    feeds.setQuietLimitMs(10 * minute);
    KitchenAlerts alerts(*m_engine, *m_clock);
    alerts.watchFeeds(feeds);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QSignalSpy withdrawn(&alerts, &KitchenAlerts::withdrawn);
    QVERIFY(withdrawn.isValid());
    feeds.heard(QStringLiteral("pos:square"));
    m_clock->advanceMs(11 * minute);
    feeds.check();
    QCOMPARE(raised.count(), 1);
    QCOMPARE(withdrawn.count(), 0);

    m_clock->advanceMs(2 * minute);
    feeds.heard(QStringLiteral("pos:square"));
    QCOMPARE(withdrawn.count(), 1);
    QCOMPARE(withdrawn.constFirst().at(0).value<KitchenAlert::Kind>(),
             KitchenAlert::Kind::FeedQuiet);
    QCOMPARE(withdrawn.constFirst().at(1).toString(), QStringLiteral("pos:square"));
    // Nothing waited to be sent to it: back online is said at once.
    QCOMPARE(raised.count(), 2);
    const KitchenAlert back = alertAt(raised, 1);
    QCOMPARE(back.kind, KitchenAlert::Kind::FeedBack);
    QCOMPARE(back.source, QStringLiteral("pos:square"));
    QCOMPARE(back.title, QStringLiteral("Square back online"));
    QCOMPARE(back.details,
             QStringList {QStringLiteral("Nothing was heard from it between %1 and %2.")
                              .arg(hhmm(t0), hhmm(t0 + 13 * minute))});
    // Heard again while not alarming: nothing more.
    feeds.heard(QStringLiteral("pos:square"));
    QCOMPARE(raised.count(), 2);
    QCOMPARE(withdrawn.count(), 1);
}

void TestKitchenAlerts::backOnlineCountsTheChangesSentToTheFeed()
{
    ReceiptChannel square;
    m_engine->channels().add(square);
    // The cook keeps working while the POS is away: every change waits in its queue.
    const QString first = place(QStringLiteral("921"));
    const QString second = place(QStringLiteral("922"));
    QVERIFY(m_engine->advance(first, m_cook, promise()).ok);
    QVERIFY(m_engine->advance(second, m_cook, promise()).ok);
    ChannelDispatcher *dispatcher = m_engine->channels().dispatcher(square.destination());
    QVERIFY(dispatcher);
    QCOMPARE(dispatcher->health().pending, 4);

    FeedMonitor feeds(*m_clock);
    feeds.setQuietLimitMs(10 * minute);
    KitchenAlerts alerts(*m_engine, *m_clock);
    alerts.watchFeeds(feeds);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QSignalSpy withdrawn(&alerts, &KitchenAlerts::withdrawn);
    QVERIFY(withdrawn.isValid());
    feeds.heard(square.destination());
    m_clock->advanceMs(11 * minute);
    feeds.check();
    QCOMPARE(raised.count(), 1);

    // It speaks: the alarm goes at once; "back" waits until what it was owed has reached it.
    feeds.heard(square.destination());
    QCOMPARE(withdrawn.count(), 1);
    QCOMPARE(raised.count(), 1);
    square.setState(OrderChannel::State::Live);
    QTRY_COMPARE(raised.count(), 2);
    QCOMPARE(dispatcher->health().pending, 0);
    const KitchenAlert back = alertAt(raised, 1);
    QCOMPARE(back.kind, KitchenAlert::Kind::FeedBack);
    QCOMPARE(back.title, QStringLiteral("Square back online, 4 changes sent"));
}

void TestKitchenAlerts::aClosingStoreEndsTheAlarmWithoutBackOnline()
{
    FeedMonitor feeds(*m_clock);
    feeds.setQuietLimitMs(10 * minute);
    KitchenAlerts alerts(*m_engine, *m_clock);
    alerts.watchFeeds(feeds);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QSignalSpy withdrawn(&alerts, &KitchenAlerts::withdrawn);
    QVERIFY(withdrawn.isValid());
    feeds.heard(QStringLiteral("platform"));
    m_clock->advanceMs(11 * minute);
    feeds.check();
    QCOMPARE(raised.count(), 1);
    feeds.setStoreOpen(false); // closing time: the silence is no longer an alarm, nor news
    QCOMPARE(withdrawn.count(), 1);
    QCOMPARE(raised.count(), 1);
}

void TestKitchenAlerts::ownCommandsRaiseNothing_data()
{
    QTest::addColumn<int>("bumps"); // how far the cook has taken it first
    QTest::addColumn<bool>("delay"); // then the cook's own delay, or one more bump
    QTest::newRow("delay an accepted order") << 1 << true;
    QTest::newRow("delay while preparing") << 2 << true;
    QTest::newRow("bump to ready") << 2 << false;
    QTest::newRow("hand over") << 3 << false;
}

void TestKitchenAlerts::ownCommandsRaiseNothing()
{
    QFETCH(int, bumps);
    QFETCH(bool, delay);
    const QString id = placeAndBump(QStringLiteral("931"), bumps);
    QVERIFY(!id.isEmpty());
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    const qint64 promised = m_engine->order(id)->promisedAt;
    const CommandResult done =
        delay ? m_engine->delay(id, 10, m_cook) : m_engine->advance(id, m_cook, promise());
    QVERIFY2(done.ok, qPrintable(done.message));
    if (delay)
        QCOMPARE(done.order->promisedAt, promised + 10 * minute);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(raised.count(), 0);
}

void TestKitchenAlerts::theSameChangeFromThePlatformIsAlerted()
{
    // The cook's own delay is silent (above); the very same move made on the platform is news.
    const QString id = placeAndBump(QStringLiteral("941"), 1);
    QVERIFY(!id.isEmpty());
    const qint64 promised = m_engine->order(id)->promisedAt;
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    QVERIFY(m_engine->delay(id, 10, m_cook).ok);
    applyAndDrain({incoming(etaEvent(id, promised + 20 * minute, m_clock->nowMs()))});
    QTRY_COMPARE(raised.count(), 1);
    QCOMPARE(alertAt(raised, 0).kind, KitchenAlert::Kind::Changed);
    QCOMPARE(alertAt(raised, 0).details,
             QStringList {QStringLiteral("Ready time moved from %1 to %2")
                              .arg(hhmm(promised + 10 * minute), hhmm(promised + 20 * minute))});
}

void TestKitchenAlerts::lateOrdersTogetherMakeOneAlert()
{
    for (int i = 0; i < 7; ++i)
        place(QString::number(951 + i));
    KitchenAlerts alerts(*m_engine, *m_clock);
    QSignalSpy raised(&alerts, &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    m_clock->advanceMs(KitchenAlerts::defaultLateAfterMs);
    alerts.checkLate();
    QCOMPARE(raised.count(), 1);
    const KitchenAlert late = alertAt(raised, 0);
    QCOMPARE(late.kind, KitchenAlert::Kind::Late);
    QVERIFY(late.orderId.isEmpty());
    QVERIFY2(late.title.startsWith(QStringLiteral("7 orders late: 95")), qPrintable(late.title));
    QVERIFY2(late.title.endsWith(QStringLiteral(" and 2 more")), qPrintable(late.title));
    QCOMPARE(late.details.size(), KitchenAlert::maxNamedOrders);
    alerts.checkLate();
    QCOMPARE(raised.count(), 1); // each order once
}

QTEST_GUILESS_MAIN(TestKitchenAlerts)
#include "tst_kitchenalerts.moc"
