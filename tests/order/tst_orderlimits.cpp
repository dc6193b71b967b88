// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// OrderLimits: the bounds every reader of events and orders enforces, so whatever is accepted can
// be sent again (docs/protocol.md, Limits).
#include "order/orderlimits.h"

#include "ordertestsupport.h"
#include "testjson.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace OrderFixtures;

namespace {
/** The compact JSON of event with "value" spliced in raw as the payload's "n". */
QByteArray withRawNumber(const QByteArray &number)
{
    OrderEvent event = makeEvent(EventKind::NoteAdded);
    event.reason = QStringLiteral("note");
    event.payload = {{QStringLiteral("n"), 0}};
    return TestJson::compact(event.toJson())
        .replace("\"n\":0", QByteArray("\"n\":").append(number));
}

/** A payload {"x":{"x":…{}}} that makes an event depth levels deep (the event is level 1). */
QJsonObject nested(int depth)
{
    QJsonObject inner;
    for (int level = 3; level <= depth; ++level)
        inner = QJsonObject {{QStringLiteral("x"), inner}};
    return inner;
}

/** A note event padded so that its encoded size is exactly bytes. */
OrderEvent eventOfSize(qsizetype bytes)
{
    OrderEvent event = makeEvent(EventKind::NoteAdded);
    event.reason = QStringLiteral("note");
    event.payload = {{QStringLiteral("pad"), QString()}};
    const qsizetype base = OrderLimits::encodedSize(event);
    event.payload = {{QStringLiteral("pad"), QString(bytes - base, QLatin1Char('p'))}};
    return event;
}

QJsonObject orderWith(const QString &key, const QJsonValue &value)
{
    return TestJson::with(order(OrderState::Placed).toJson(), key, value);
}

QJsonObject orderWithItemField(const QString &key, const QJsonValue &value)
{
    return orderWith(QStringLiteral("items"),
                     QJsonArray {TestJson::with(burger().toJson(), key, value)});
}

QJsonArray strings(int count, qsizetype length)
{
    QJsonArray array;
    for (int i = 0; i < count; ++i)
        array.append(QString(length, QLatin1Char('m')));
    return array;
}
} // namespace

class TestOrderLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ids_data();
    void ids();
    void integers_data();
    void integers();
    void payloadNumbers_data();
    void payloadNumbers();
    void depth_data();
    void depth();
    void eventSize_data();
    void eventSize();
    void eventIds_data();
    void eventIds();
    void orderFields_data();
    void orderFields();
    void limitsLaterDefersOnlyTheLimits();
};

void TestOrderLimits::ids_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain") << QStringLiteral("ord-1") << true;
    QTest::newRow("128 characters") << QString(128, QLatin1Char('i')) << true;
    QTest::newRow("unicode and an emoji") << QStringLiteral("café-🍔") << true;
    QTest::newRow("inner space") << QStringLiteral("order 12") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("129 characters") << QString(129, QLatin1Char('i')) << false;
    QTest::newRow("2 MiB") << QString(2 * 1024 * 1024, QLatin1Char('i')) << false;
    QTest::newRow("newline") << QStringLiteral("ord\n1") << false;
    QTest::newRow("NUL") << QString(QStringLiteral("ord") + QChar(0)) << false;
    QTest::newRow("escape") << QStringLiteral("\x1b[2J") << false;
    QTest::newRow("DEL") << QString(QStringLiteral("ord") + QChar(0x7f)) << false;
    QTest::newRow("C1 control") << QString(QStringLiteral("ord") + QChar(0x85)) << false;
    QTest::newRow("bidi override") << QString(QChar(0x202e) + QStringLiteral("1-dro")) << false;
    QTest::newRow("line separator") << QString(QStringLiteral("a") + QChar(0x2028)) << false;
    QTest::newRow("lone surrogate") << QString(QStringLiteral("a") + QChar(0xd800)) << false;
}

void TestOrderLimits::ids()
{
    QFETCH(QString, id);
    QFETCH(bool, ok);
    const QString problem = OrderLimits::idProblem(QStringLiteral("order_id"), id);
    QCOMPARE(problem.isEmpty(), ok);
    if (!ok)
        QVERIFY2(problem.contains(QStringLiteral("1 to 128 printable characters")),
                 qPrintable(problem));

    // The same rule holds where orders and events are read.
    Order o = order(OrderState::Placed);
    o.id = id;
    QCOMPARE(Order::fromJson(o.toJson()).ok(), ok);
    OrderEvent event = makeEvent(EventKind::Transition);
    event.from = OrderState::Placed;
    event.to = OrderState::Accepted;
    event.orderId = id;
    // An empty order_id is a different refusal (the kind needs one); still refused.
    QCOMPARE(OrderEvent::fromJson(event.toJson()).ok(), ok);
}

void TestOrderLimits::integers_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("mentions");
    const QString beyond = QStringLiteral("beyond ±(2^53-1)");
    const QString notInteger = QStringLiteral("must be an integer");
    QTest::newRow("2^53 - 1") << QByteArray("9007199254740991") << true << QString();
    QTest::newRow("2^53") << QByteArray("9007199254740992") << false << beyond;
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << false << beyond;
    QTest::newRow("2^53 written as a fraction")
        << QByteArray("9007199254740992.0") << false << beyond;
    QTest::newRow("2^63 - 1") << QByteArray("9223372036854775807") << false << beyond;
    QTest::newRow("2^64") << QByteArray("18446744073709551616") << false << notInteger;
    QTest::newRow("1e300") << QByteArray("1e300") << false << notInteger;
    QTest::newRow("1.5") << QByteArray("1.5") << false << notInteger;
    QTest::newRow("1.0 is an integer") << QByteArray("1772452860000.0") << true << QString();
}

// occurred_at stands for every integer field: they are all read through JsonFields.
void TestOrderLimits::integers()
{
    QFETCH(QByteArray, number);
    QFETCH(bool, ok);
    QFETCH(QString, mentions);
    OrderEvent event = makeEvent(EventKind::NoteAdded);
    event.reason = QStringLiteral("note");
    event.occurredAt = 1234;
    const QByteArray text = TestJson::compact(event.toJson()).replace("1234", number);
    const Result<OrderEvent> parsed = OrderEvent::fromJson(TestJson::parse(text));
    const QString &error = parsed.error();
    QCOMPARE(parsed.ok(), ok);
    if (ok)
        QCOMPARE(double(parsed->occurredAt), number.toDouble());
    else
        QVERIFY2(error.contains(mentions) && error.contains(QStringLiteral("occurred_at")),
                 qPrintable(error));
}

void TestOrderLimits::payloadNumbers_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<bool>("ok");
    QTest::newRow("2^53 - 1") << QByteArray("9007199254740991") << true;
    QTest::newRow("-(2^53 - 1)") << QByteArray("-9007199254740991") << true;
    QTest::newRow("a price") << QByteArray("12.5") << true;
    QTest::newRow("2^53") << QByteArray("9007199254740992") << false;
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << false;
    QTest::newRow("-(2^53 + 1)") << QByteArray("-9007199254740993") << false;
    QTest::newRow("1e300") << QByteArray("1e300") << false;
    QTest::newRow("inside a list") << QByteArray("[1,[2,9007199254740993]]") << false;
    QTest::newRow("inside an object") << QByteArray("{\"a\":{\"b\":-1e20}}") << false;
}

void TestOrderLimits::payloadNumbers()
{
    QFETCH(QByteArray, number);
    QFETCH(bool, ok);
    const Result<OrderEvent> parsed =
        OrderEvent::fromJson(TestJson::parse(withRawNumber(number)));
    const QString &error = parsed.error();
    QCOMPARE(parsed.ok(), ok);
    if (!ok)
        QVERIFY2(error.contains(QStringLiteral("2^53-1")), qPrintable(error));
}

void TestOrderLimits::depth_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("ok");
    QTest::newRow("a placed order's 5 levels") << 5 << true;
    QTest::newRow("at the limit") << OrderLimits::maxEventDepth << true;
    QTest::newRow("one over") << OrderLimits::maxEventDepth + 1 << false;
    QTest::newRow("1,024 levels") << 1024 << false;
}

void TestOrderLimits::depth()
{
    QFETCH(int, depth);
    QFETCH(bool, ok);
    OrderEvent event = makeEvent(EventKind::NoteAdded);
    event.reason = QStringLiteral("note");
    event.payload = nested(depth);
    QCOMPARE(OrderLimits::eventProblem(event).isEmpty(), ok);
    const Result<OrderEvent> parsed = OrderEvent::fromJson(event.toJson());
    const QString &error = parsed.error();
    QCOMPARE(parsed.ok(), ok);
    if (!ok)
        QVERIFY2(error.contains(QStringLiteral("deeper than")), qPrintable(error));
}

void TestOrderLimits::eventSize_data()
{
    QTest::addColumn<qsizetype>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::newRow("at the limit") << OrderLimits::maxEventBytes << true;
    QTest::newRow("one byte over") << OrderLimits::maxEventBytes + 1 << false;
    QTest::newRow("261 KB") << qsizetype(261'000) << false;
}

void TestOrderLimits::eventSize()
{
    QFETCH(qsizetype, bytes);
    QFETCH(bool, ok);
    const OrderEvent event = eventOfSize(bytes);
    QCOMPARE(OrderLimits::encodedSize(event), bytes);
    const QString problem = OrderLimits::eventProblem(event);
    QCOMPARE(problem.isEmpty(), ok);
    if (!ok)
        QVERIFY2(problem.contains(QStringLiteral("the limit is 65536 bytes")), qPrintable(problem));
    QCOMPARE(OrderEvent::fromJson(event.toJson()).ok(), ok);
}

void TestOrderLimits::eventIds_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("mentions");
    const QString longId(129, QLatin1Char('i'));
    QTest::newRow("store_id too long")
        << QStringLiteral("store_id") << longId << QStringLiteral("store_id must be 1 to 128");
    QTest::newRow("store_id with a tab") << QStringLiteral("store_id") << QStringLiteral("s\t1")
                                         << QStringLiteral("store_id must be 1 to 128");
    QTest::newRow("origin too long")
        << QStringLiteral("origin") << longId << QStringLiteral("origin must be 1 to 128");
    QTest::newRow("empty origin") << QStringLiteral("origin") << QString()
                                  << QStringLiteral("origin must be 1 to 128");
    QTest::newRow("actor id too long")
        << QStringLiteral("actor") << QString(QStringLiteral("staff:") + longId)
        << QStringLiteral("actor's id must be 1 to 128");
    QTest::newRow("actor id with a newline")
        << QStringLiteral("actor") << QStringLiteral("staff:a\nb")
        << QStringLiteral("actor's id must be 1 to 128");
    QTest::newRow("reason of 2001") << QStringLiteral("reason") << QString(2001, QLatin1Char('r'))
                                    << QStringLiteral("reason is 2001 characters long");
}

void TestOrderLimits::eventIds()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, mentions);
    OrderEvent event = makeEvent(EventKind::NoteAdded);
    event.reason = QStringLiteral("note");
    QJsonObject json = event.toJson();
    json.insert(field, value);
    const Result<OrderEvent> parsed = OrderEvent::fromJson(json);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));
}

void TestOrderLimits::orderFields_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("mentions"); // empty: accepted
    using namespace OrderLimits;
    const auto text = [](qsizetype length) { return QString(length, QLatin1Char('t')); };
    QTest::newRow("customer name at the limit")
        << orderWith(QStringLiteral("customer_name"), text(maxNameLength)) << QString();
    QTest::newRow("customer name one over")
        << orderWith(QStringLiteral("customer_name"), text(maxNameLength + 1))
        << QStringLiteral("customer_name is 201 characters long; the limit is 200");
    QTest::newRow("2 MiB customer name")
        << orderWith(QStringLiteral("customer_name"), text(2 * 1024 * 1024))
        << QStringLiteral("customer_name is 2097152 characters long");
    QTest::newRow("number of 65") << orderWith(QStringLiteral("number"), text(65))
                                  << QStringLiteral("number is 65");
    QTest::newRow("table of 65") << orderWith(QStringLiteral("table"), text(65))
                                 << QStringLiteral("table is 65");
    QTest::newRow("a note of 2000")
        << orderWith(QStringLiteral("notes"), strings(3, 2000)) << QString();
    QTest::newRow("a note of 2001") << orderWith(QStringLiteral("notes"), strings(1, 2001))
                                    << QStringLiteral("notes entry is 2001");
    QTest::newRow("store_id with a newline")
        << orderWith(QStringLiteral("store_id"), QStringLiteral("s\n"))
        << QStringLiteral("store_id");
    QTest::newRow("item name of 201") << orderWithItemField(QStringLiteral("name"), text(201))
                                      << QStringLiteral("item: name is 201");
    QTest::newRow("item notes of 2001") << orderWithItemField(QStringLiteral("notes"), text(2001))
                                        << QStringLiteral("item: notes is 2001");
    QTest::newRow("item station of 65") << orderWithItemField(QStringLiteral("station"), text(65))
                                        << QStringLiteral("item: station is 65");
    QTest::newRow("50 modifiers") << orderWithItemField(QStringLiteral("modifiers"),
                                                        strings(50, 200))
                                  << QString();
    QTest::newRow("51 modifiers") << orderWithItemField(QStringLiteral("modifiers"), strings(51, 5))
                                  << QStringLiteral("modifiers has 51 entries; the limit is 50");
    QTest::newRow("a modifier of 201")
        << orderWithItemField(QStringLiteral("modifiers"), strings(1, 201))
        << QStringLiteral("modifiers entry is 201");
    QTest::newRow("51 allergens") << orderWithItemField(QStringLiteral("allergens"), strings(51, 5))
                                  << QStringLiteral("allergens has 51 entries");
    QJsonArray items;
    for (qsizetype i = 0; i < maxItems; ++i)
        items.append(fries().toJson());
    QTest::newRow("500 items") << orderWith(QStringLiteral("items"), items) << QString();
    items.append(fries().toJson());
    QTest::newRow("501 items") << orderWith(QStringLiteral("items"), items)
                               << QStringLiteral("501 items (allowed 1 to 500)");
    QTest::newRow("placed_at 2^53 + 1")
        << TestJson::parse(TestJson::compact(orderWith(QStringLiteral("placed_at"), 1234))
                               .replace("1234", "9007199254740993"))
        << QStringLiteral("\"placed_at\" is beyond");
    QTest::newRow("quantity 1.5") << orderWithItemField(QStringLiteral("quantity"), 1.5)
                                  << QStringLiteral("\"quantity\" must be an integer");
}

void TestOrderLimits::orderFields()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, mentions);
    const Result<Order> parsed = Order::fromJson(json);
    QCOMPARE(parsed.ok(), mentions.isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));
}

void TestOrderLimits::limitsLaterDefersOnlyTheLimits()
{
    const OrderEvent big = eventOfSize(OrderLimits::maxEventBytes + 1);
    QVERIFY(!OrderEvent::fromJson(big.toJson()));
    QCOMPARE(OrderEvent::fromJson(big.toJson(), OrderEvent::Limits::Later).toOptional(),
             std::optional<OrderEvent>(big));
    // The shape is still checked: that is not a limit.
    QJsonObject broken = big.toJson();
    broken.insert(QStringLiteral("kind"), QStringLiteral("teleported"));
    QVERIFY(!OrderEvent::fromJson(broken, OrderEvent::Limits::Later));
}

QTEST_GUILESS_MAIN(TestOrderLimits)
#include "tst_orderlimits.moc"
