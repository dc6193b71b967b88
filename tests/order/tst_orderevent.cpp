// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/orderevent.h"

#include "ordertestsupport.h"
#include "testjson.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace OrderFixtures;

namespace {
OrderEvent transition(OrderState from, OrderState to)
{
    OrderEvent e = makeEvent(EventKind::Transition);
    e.from = from;
    e.to = to;
    return e;
}

OrderEvent storeEvent(EventKind kind)
{
    OrderEvent e = makeEvent(kind);
    e.orderId.clear();
    e.actor = Actor::manager(QStringLiteral("m-7"));
    return e;
}
} // namespace

class TestOrderEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wireForm();
    void pausedUntilIsAPausesEnd();
    void acceptedEdges_data();
    void acceptedEdges();
    void invalid_data();
    void invalid();
};

void TestOrderEvent::roundTrip_data()
{
    QTest::addColumn<OrderEvent>("event");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<bool>("storeLevel");

    OrderEvent placed = makeEvent(EventKind::Placed);
    placed.actor = Actor::platform();
    placed.origin = QStringLiteral("hub");
    placed.payload = order(OrderState::Placed).toJson();
    QTest::newRow("placed") << placed << QStringLiteral("placed") << false;

    OrderEvent accept = transition(OrderState::Placed, OrderState::Accepted);
    accept.payload = {{QStringLiteral("promised_at"), t0 + 20 * minuteMs}};
    QTest::newRow("transition") << accept << QStringLiteral("transition") << false;

    OrderEvent cancel = transition(OrderState::Ready, OrderState::Cancelled);
    cancel.actor = Actor::pos(QStringLiteral("square"));
    cancel.reason = QStringLiteral("customer left \"early\"");
    QTest::newRow("transition with reason") << cancel << QStringLiteral("transition") << false;

    OrderEvent recall = transition(OrderState::Ready, OrderState::Preparing);
    recall.kind = EventKind::Recall;
    QTest::newRow("recall") << recall << QStringLiteral("recall") << false;

    OrderEvent modified = makeEvent(EventKind::Modified);
    modified.payload = {{QStringLiteral("items"), QJsonArray {burger().toJson()}}};
    QTest::newRow("modified") << modified << QStringLiteral("modified") << false;

    OrderEvent eta = makeEvent(EventKind::EtaChanged);
    eta.actor = Actor::autoAccept();
    eta.payload = {{QStringLiteral("promised_at"), t0 + 30 * minuteMs}};
    QTest::newRow("eta_changed") << eta << QStringLiteral("eta_changed") << false;

    OrderEvent note = makeEvent(EventKind::NoteAdded);
    note.reason = QStringLiteral("allergy: sesame");
    QTest::newRow("note_added") << note << QStringLiteral("note_added") << false;

    OrderEvent paused = storeEvent(EventKind::StorePaused);
    paused.payload = {{QStringLiteral("until"), t0 + 45 * minuteMs}};
    QTest::newRow("store_paused") << paused << QStringLiteral("store_paused") << true;

    OrderEvent resumed = storeEvent(EventKind::StoreResumed);
    resumed.actor = Actor::system();
    QTest::newRow("store_resumed") << resumed << QStringLiteral("store_resumed") << true;

    const QJsonObject letter{{QStringLiteral("dead_letter"), 3},
                             {QStringLiteral("event_id"),
                              QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427")},
                             {QStringLiteral("destination"), QStringLiteral("pos:square")},
                             {QStringLiteral("attempts"), 10},
                             {QStringLiteral("last_error"), QStringLiteral("HTTP 400")}};
    OrderEvent redriven = storeEvent(EventKind::DeadLetterRedriven);
    redriven.payload = letter;
    QTest::newRow("dead_letter_redriven")
            << redriven << QStringLiteral("dead_letter_redriven") << true;
    OrderEvent discarded = storeEvent(EventKind::DeadLetterDiscarded);
    discarded.payload = letter;
    QTest::newRow("dead_letter_discarded")
            << discarded << QStringLiteral("dead_letter_discarded") << true;
}

void TestOrderEvent::roundTrip()
{
    QFETCH(OrderEvent, event);
    QFETCH(QString, wire);
    QFETCH(bool, storeLevel);

    QCOMPARE(EventKinds::toString(event.kind), wire);
    QCOMPARE(EventKinds::fromString(wire), std::optional<EventKind>(event.kind));
    QCOMPARE(EventKinds::isStoreLevel(event.kind), storeLevel);
    // A dead letter's fate is this console's own record; everything else goes to the platform.
    QCOMPARE(EventKinds::travels(event.kind), !wire.startsWith(QLatin1String("dead_letter_")));

    const QJsonObject json = event.toJson();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), wire);
    const Result<OrderEvent> parsed = OrderEvent::fromJson(json);
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QCOMPARE(*parsed, event);

    QCOMPARE(OrderEvent::fromJson(TestJson::throughText(json)).toOptional(),
             std::optional<OrderEvent>(event));
}

void TestOrderEvent::wireForm()
{
    OrderEvent e = transition(OrderState::Ready, OrderState::OutForDelivery);
    e.id = QUuid::fromString(QStringLiteral("{1b4e28ba-2fa1-11d2-883f-0016d3cca427}"));
    const QJsonObject json = e.toJson();
    QCOMPARE(json.value(QStringLiteral("event_id")).toString(),
             QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
    QCOMPARE(json.value(QStringLiteral("order_id")).toString(), QStringLiteral("ord-abc"));
    QCOMPARE(json.value(QStringLiteral("store_id")).toString(), QStringLiteral("store-x"));
    QCOMPARE(json.value(QStringLiteral("from")).toString(), QStringLiteral("ready"));
    QCOMPARE(json.value(QStringLiteral("to")).toString(), QStringLiteral("out_for_delivery"));
    QCOMPARE(json.value(QStringLiteral("actor")).toString(), QStringLiteral("staff:ana"));
    QCOMPARE(json.value(QStringLiteral("origin")).toString(), QStringLiteral("console-1"));
    QCOMPARE(json.value(QStringLiteral("occurred_at")).toInteger(), t0 + minuteMs);
    for (const char *key : {"reason", "payload"})
        QVERIFY2(!json.contains(QLatin1String(key)), key);
}

void TestOrderEvent::pausedUntilIsAPausesEnd()
{
    const qint64 until = t0 + 45 * minuteMs;
    OrderEvent paused = storeEvent(EventKind::StorePaused);
    paused.payload = {{QStringLiteral("until"), until}};
    QCOMPARE(paused.pausedUntil(), until);
    // The audit trail of a resume names the pause it ended; that is no pause of its own.
    OrderEvent resumed = storeEvent(EventKind::StoreResumed);
    resumed.payload = {{QStringLiteral("paused_until"), until}};
    QCOMPARE(resumed.pausedUntil(), 0);
    QCOMPARE(transition(OrderState::Placed, OrderState::Accepted).pausedUntil(), 0);
}

void TestOrderEvent::acceptedEdges_data()
{
    QTest::addColumn<QJsonObject>("json");

    const QJsonObject good = transition(OrderState::Placed, OrderState::Rejected).toJson();
    const auto with = [&good](const QString &key, const QJsonValue &value) {
        return TestJson::with(good, key, value);
    };
    QTest::newRow("reason of 2000 characters")
        << with(QStringLiteral("reason"), QString(2000, QLatin1Char('x')));
    QTest::newRow("id in braces") << with(QStringLiteral("event_id"),
                                          QStringLiteral("{1b4e28ba-2fa1-11d2-883f-0016d3cca427}"));
    QTest::newRow("occurred_at 1 ms") << with(QStringLiteral("occurred_at"), 1);
    QTest::newRow("occurred_at as a whole double") << with(QStringLiteral("occurred_at"), 1e12);
    QTest::newRow("null reason reads as none") << with(QStringLiteral("reason"), QJsonValue());
}

void TestOrderEvent::acceptedEdges()
{
    QFETCH(QJsonObject, json);

    const Result<OrderEvent> parsed = OrderEvent::fromJson(json);
    QVERIFY2(parsed, qPrintable(parsed.error()));
}

void TestOrderEvent::invalid_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("mentions");

    const QJsonObject good = transition(OrderState::Accepted, OrderState::Preparing).toJson();
    const auto with = [&good](const QString &key, const QJsonValue &value) {
        return TestJson::with(good, key, value);
    };
    const auto without = [&good](const QString &key) { return TestJson::without(good, key); };
    QJsonObject noteWithoutOrder = makeEvent(EventKind::NoteAdded).toJson();
    noteWithoutOrder.remove(QStringLiteral("order_id"));
    QJsonObject recallWithoutFrom = with(QStringLiteral("kind"), QStringLiteral("recall"));
    recallWithoutFrom.remove(QStringLiteral("from"));

    QTest::newRow("no event_id") << without(QStringLiteral("event_id"))
                                 << QStringLiteral("\"event_id\" is missing");
    QTest::newRow("event_id not a UUID") << with(QStringLiteral("event_id"), QStringLiteral("abc"))
                                         << QStringLiteral("event_id \"abc\" is not a UUID");
    QTest::newRow("nil UUID") << with(QStringLiteral("event_id"),
                                      QStringLiteral("00000000-0000-0000-0000-000000000000"))
                              << QStringLiteral("is not a UUID");
    QTest::newRow("event_id a number")
        << with(QStringLiteral("event_id"), 42) << QStringLiteral("\"event_id\" must be a string");
    QTest::newRow("unknown kind") << with(QStringLiteral("kind"), QStringLiteral("teleported"))
                                  << QStringLiteral("unknown kind \"teleported\"");
    QTest::newRow("kind a number")
        << with(QStringLiteral("kind"), 1) << QStringLiteral("\"kind\" must be a string");
    QTest::newRow("unknown from state") << with(QStringLiteral("from"), QStringLiteral("raw"))
                                        << QStringLiteral("unknown state \"raw\"");
    QTest::newRow("unknown to state") << with(QStringLiteral("to"), QStringLiteral("burnt"))
                                      << QStringLiteral("unknown state \"burnt\"");
    QTest::newRow("to a list") << with(QStringLiteral("to"), QJsonArray {QStringLiteral("ready")})
                               << QStringLiteral("\"to\" must be a string");
    QTest::newRow("unknown actor role") << with(QStringLiteral("actor"), QStringLiteral("chef:ana"))
                                        << QStringLiteral("actor \"chef:ana\"");
    QTest::newRow("staff without id") << with(QStringLiteral("actor"), QStringLiteral("staff"))
                                      << QStringLiteral("actor \"staff\"");
    QTest::newRow("actor an object") << with(QStringLiteral("actor"), QJsonObject())
                                     << QStringLiteral("\"actor\" must be a string");
    QTest::newRow("transition without from")
        << without(QStringLiteral("from")) << QStringLiteral("transition needs both from and to");
    QTest::newRow("transition without to")
        << without(QStringLiteral("to")) << QStringLiteral("transition needs both from and to");
    QTest::newRow("recall without from")
        << recallWithoutFrom << QStringLiteral("recall needs both from and to");
    QTest::newRow("transition without order_id")
        << without(QStringLiteral("order_id")) << QStringLiteral("transition needs an order_id");
    QTest::newRow("note without order_id")
        << noteWithoutOrder << QStringLiteral("note_added needs an order_id");
    QTest::newRow("empty order_id")
        << with(QStringLiteral("order_id"), QString()) << QStringLiteral("needs an order_id");
    QTest::newRow("no store_id") << without(QStringLiteral("store_id"))
                                 << QStringLiteral("\"store_id\" is missing");
    QTest::newRow("empty store_id")
        << with(QStringLiteral("store_id"), QString()) << QStringLiteral("store_id is empty");
    QTest::newRow("no origin") << without(QStringLiteral("origin"))
                               << QStringLiteral("\"origin\" is missing");
    QTest::newRow("no occurred_at")
        << without(QStringLiteral("occurred_at")) << QStringLiteral("\"occurred_at\" is missing");
    QTest::newRow("occurred_at fractional") << with(QStringLiteral("occurred_at"), 1.5)
                                            << QStringLiteral("\"occurred_at\" must be an integer");
    QTest::newRow("occurred_at a string")
        << with(QStringLiteral("occurred_at"), QStringLiteral("1772452800000"))
        << QStringLiteral("\"occurred_at\" must be an integer");
    QTest::newRow("occurred_at beyond 2^53")
        << with(QStringLiteral("occurred_at"), 1e300)
        << QStringLiteral("\"occurred_at\" must be an integer");
    QTest::newRow("occurred_at negative") << with(QStringLiteral("occurred_at"), -5)
                                          << QStringLiteral("occurred_at must be a positive");
    QTest::newRow("occurred_at zero") << with(QStringLiteral("occurred_at"), 0)
                                      << QStringLiteral("occurred_at must be a positive");
    QTest::newRow("reason of 2001 characters")
        << with(QStringLiteral("reason"), QString(2001, QLatin1Char('x')))
        << QStringLiteral("reason is 2001 characters long; the limit is 2000");
    QTest::newRow("reason a bool")
        << with(QStringLiteral("reason"), true) << QStringLiteral("\"reason\" must be a string");
    QTest::newRow("payload a list") << with(QStringLiteral("payload"), QJsonArray())
                                    << QStringLiteral("\"payload\" must be an object");

    OrderEvent redriven = storeEvent(EventKind::DeadLetterRedriven);
    redriven.payload = {{QStringLiteral("event_id"), QStringLiteral("not-a-uuid")},
                        {QStringLiteral("destination"), QStringLiteral("pos:square")}};
    QTest::newRow("redriven without the dead letter's event")
            << redriven.toJson() << QStringLiteral("needs the dead letter's \"event_id\"");
    OrderEvent discarded = storeEvent(EventKind::DeadLetterDiscarded);
    discarded.payload = {{QStringLiteral("event_id"),
                          QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427")}};
    QTest::newRow("discarded without a destination")
            << discarded.toJson() << QStringLiteral("needs the dead letter's \"destination\"");
}

void TestOrderEvent::invalid()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, mentions);

    const Result<OrderEvent> parsed = OrderEvent::fromJson(json);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));
}

QTEST_GUILESS_MAIN(TestOrderEvent)
#include "tst_orderevent.moc"
