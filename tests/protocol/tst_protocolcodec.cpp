// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderprinters.h"
#include "testjson.h"

#include "protocol/protocolcodec.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest/QTest>

#include <iterator>
#include <type_traits>
#include <variant>

using namespace Protocol;

namespace {

constexpr qint64 t0 = 1772452800000; // 2026-03-02T12:00:00Z: tests never read the wall clock
const char credentialValue[] = "s3cret-Cr3dential-9f2e71";

QUuid fixedId(int n)
{
    return QUuid(0x1b4e28ba, 0x2fa1, 0x11d2, 0x88, 0x3f, 0x00, 0x16, 0xd3, 0xcc, 0xa4,
                 static_cast<uchar>(n));
}

OrderEvent transition(int n, OrderState from, OrderState to)
{
    OrderEvent e;
    e.id = fixedId(n);
    e.orderId = QStringLiteral("ord-%1").arg(n);
    e.storeId = QStringLiteral("store-x");
    e.kind = EventKind::Transition;
    e.from = from;
    e.to = to;
    e.actor = Actor::staff(QStringLiteral("ana"));
    e.origin = QStringLiteral("console-1");
    e.occurredAt = t0 + n;
    return e;
}

OrderEvent cancelled()
{
    OrderEvent e = transition(90, OrderState::Accepted, OrderState::Cancelled);
    e.actor = Actor::platform();
    e.origin = QStringLiteral("hub");
    e.reason = QStringLiteral("customer cancelled");
    e.payload = {{QStringLiteral("note"), QStringLiteral("ünïcode ✓")}};
    return e;
}

OrderEvent storePaused()
{
    OrderEvent e;
    e.id = fixedId(91);
    e.storeId = QStringLiteral("store-x");
    e.kind = EventKind::StorePaused;
    e.actor = Actor::manager(QStringLiteral("m-7"));
    e.origin = QStringLiteral("console-2");
    e.occurredAt = t0 + 91;
    e.payload = {{QStringLiteral("until"), t0 + 30 * 60 * 1000}};
    return e;
}

Hello hello()
{
    return {QStringLiteral("store-x"), QStringLiteral("console-1"), QLatin1String(credentialValue),
            42};
}

QByteArray compact(const QJsonObject &json)
{
    return TestJson::compact(json);
}

/** The JSON of a valid frame, for tests that then break one field. */
QJsonObject frameJson(const Body &body)
{
    return TestJson::parse(ProtocolCodec::encode(Message {fixedId(1), body}));
}

QByteArray withField(const Body &body, const QString &key, const QJsonValue &value)
{
    QJsonObject json = frameJson(body);
    json.insert(key, value);
    return compact(json);
}

QByteArray withoutField(const Body &body, const QString &key)
{
    QJsonObject json = frameJson(body);
    json.remove(key);
    return compact(json);
}

QByteArray withEventField(const Body &body, int index, const QString &key, const QJsonValue &value)
{
    QJsonObject json = frameJson(body);
    QJsonArray events = json.value(QStringLiteral("events")).toArray();
    QJsonObject entry = events.at(index).toObject();
    entry.insert(key, value);
    events.replace(index, entry);
    json.insert(QStringLiteral("events"), events);
    return compact(json);
}

/** The raw text of a valid ping frame with something spliced into its id. */
QByteArray pingWith(const QByteArray &insideId)
{
    QByteArray frame = ProtocolCodec::encode(Message {fixedId(1), Ping {t0}});
    const qsizetype at = frame.indexOf("\"id\":\"") + 6;
    return frame.insert(at, insideId);
}

Events replayBatch()
{
    return {{{7, transition(1, OrderState::Placed, OrderState::Accepted)},
             {8, transition(2, OrderState::Accepted, OrderState::Preparing)}},
            true,
            true};
}

/** A frame of the hub's answer to a History request. */
Events historyAnswer(const QList<SequencedEvent> &events, bool more)
{
    Events frame {events, false, more};
    frame.history = true;
    return frame;
}

/** One valid message of every type, for the round trip and the mutation loop. */
QList<Message> everyMessage()
{
    return {
        {fixedId(10), hello()},
        {fixedId(11),
         Submit {{transition(1, OrderState::Placed, OrderState::Accepted), cancelled()}}},
        {fixedId(12), Submit {}},
        {fixedId(13), Welcome {1234}},
        {fixedId(14), replayBatch()},
        {fixedId(15), Events {{{99, cancelled()}, {100, storePaused()}}, false, false}},
        {fixedId(16), Ack {fixedId(1), 7}},
        {fixedId(17), Reject {fixedId(1), QStringLiteral("cancelled first"), cancelled()}},
        {fixedId(18), Reject {fixedId(2), QStringLiteral("no such order"), std::nullopt}},
        {fixedId(19), Error {QStringLiteral("wrong_store"), QStringLiteral("not your store")}},
        {fixedId(20), Ping {t0}},
        {fixedId(21), Pong {t0}},
        {fixedId(22), Welcome {5, true}},
        {fixedId(23), Welcome {6, false, true}},
        {fixedId(24), Welcome {7, true, true}},
        {fixedId(25), Hello {QStringLiteral("store-x"), QStringLiteral("console-1"),
                             QLatin1String(credentialValue), 42, 2000}},
        {fixedId(26), Welcome {8, false, false, 2000}},
        {fixedId(27), Progress {0}},
        {fixedId(28), Progress {5340}},
        {fixedId(29), Hello {QStringLiteral("store-x"), QStringLiteral("console-1"),
                             QLatin1String(credentialValue), 0, 2000, true}},
        {fixedId(30), Welcome {9, false, false, 2000, true}},
        {fixedId(31), Events {{{7, cancelled()}, {19, storePaused()}}, true, true, 19}},
        {fixedId(32), Events {{{25, cancelled()}}, true, false, 40}},
        {fixedId(33), Events {{}, true, false, 40}},
        {fixedId(34), History {0, 2012, 400}},
        {fixedId(35), History {400, 401, Protocol::maxHistoryPage}},
        {fixedId(36), historyAnswer({{401, cancelled()}, {402, storePaused()}}, true)},
        {fixedId(37), historyAnswer({}, false)},
        {fixedId(38), Pair {QStringLiteral("K7QP-4MZX")}},
        {fixedId(39), Paired {QStringLiteral("store-x"), QStringLiteral("grill-1"),
                              QLatin1String(credentialValue)}},
    };
}

// Field-by-field comparison per message type.
void compareBody(const Hello &a, const Hello &b)
{
    QCOMPARE(a.storeId, b.storeId);
    QCOMPARE(a.consoleId, b.consoleId);
    QCOMPARE(a.credential, b.credential);
    QCOMPARE(a.cursor, b.cursor);
    QCOMPARE(a.replayWindow, b.replayWindow);
    QCOMPARE(a.bootstrap, b.bootstrap);
}
void compareBody(const Submit &a, const Submit &b)
{
    QCOMPARE(a.events, b.events);
}
void compareBody(const Welcome &a, const Welcome &b)
{
    QCOMPARE(a.head, b.head);
    QCOMPARE(a.posRelay, b.posRelay);
    QCOMPARE(a.manager, b.manager);
    QCOMPARE(a.replayWindow, b.replayWindow);
    QCOMPARE(a.snapshot, b.snapshot);
}
void compareBody(const Events &a, const Events &b)
{
    QCOMPARE(a.events.size(), b.events.size());
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        QCOMPARE(a.events.at(i).seq, b.events.at(i).seq);
        QCOMPARE(a.events.at(i).event, b.events.at(i).event);
    }
    QCOMPARE(a.replay, b.replay);
    QCOMPARE(a.more, b.more);
    QCOMPARE(a.snapshotThrough, b.snapshotThrough);
    QCOMPARE(a.history, b.history);
}
void compareBody(const Ack &a, const Ack &b)
{
    QCOMPARE(a.eventId, b.eventId);
    QCOMPARE(a.seq, b.seq);
}
void compareBody(const Reject &a, const Reject &b)
{
    QCOMPARE(a.eventId, b.eventId);
    QCOMPARE(a.reason, b.reason);
    QCOMPARE(a.conflicting.has_value(), b.conflicting.has_value());
    if (a.conflicting)
        QCOMPARE(*a.conflicting, *b.conflicting);
}
void compareBody(const Error &a, const Error &b)
{
    QCOMPARE(a.code, b.code);
    QCOMPARE(a.message, b.message);
}
void compareBody(const Ping &a, const Ping &b)
{
    QCOMPARE(a.sentAt, b.sentAt);
}
void compareBody(const Pong &a, const Pong &b)
{
    QCOMPARE(a.sentAt, b.sentAt);
}
void compareBody(const Progress &a, const Progress &b)
{
    QCOMPARE(a.cursor, b.cursor);
}
void compareBody(const History &a, const History &b)
{
    QCOMPARE(a.after, b.after);
    QCOMPARE(a.through, b.through);
    QCOMPARE(a.limit, b.limit);
}

void compareBody(const Pair &a, const Pair &b)
{
    QCOMPARE(a.code, b.code);
}

void compareBody(const Paired &a, const Paired &b)
{
    QCOMPARE(a.storeId, b.storeId);
    QCOMPARE(a.consoleId, b.consoleId);
    QCOMPARE(a.credential, b.credential);
}

} // namespace

class TestProtocolCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wireForm();
    void freshIds();
    void frameAtTheLimit();
    void ignoresUnknownFields();
    void refused_data();
    void refused();
    void neverEchoesTheCredential_data();
    void neverEchoesTheCredential();
    void errorTextIsBounded();
    void depthLimit_data();
    void depthLimit();
    void eventLimits_data();
    void eventLimits();
    void garbageNeverCrashes();
    void wrongValuesNeverCrash();
};

void TestProtocolCodec::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<QString>("type");
    const QList<Message> messages = everyMessage();
    for (const Message &m : messages) {
        const QString type = ProtocolCodec::typeName(m.body);
        QTest::addRow("%s %d", qPrintable(type), int(m.id.data4[7])) << m << type;
    }
}

void TestProtocolCodec::roundTrip()
{
    QFETCH(Message, message);
    QFETCH(QString, type);

    const QByteArray frame = ProtocolCodec::encode(message);
    QVERIFY(frame.size() <= maxFrameBytes);
    const DecodedFrame decoded = ProtocolCodec::decode(frame);
    QVERIFY2(decoded.ok(), qPrintable(decoded.errorCode + QLatin1String(": ") + decoded.error));
    QVERIFY(decoded.errorCode.isEmpty());
    QVERIFY(decoded.error.isEmpty());
    QCOMPARE(decoded.message->id, message.id);
    QCOMPARE(decoded.message->body.index(), message.body.index());
    QCOMPARE(ProtocolCodec::typeName(decoded.message->body), type);
    std::visit(
        [&message](const auto &body) {
            using T = std::decay_t<decltype(body)>;
            compareBody(body, std::get<T>(message.body));
        },
        decoded.message->body);
    if (QTest::currentTestFailed())
        return;
    // Encoding is deterministic, so the decoded message writes the very same frame.
    QCOMPARE(ProtocolCodec::encode(*decoded.message), frame);
}

void TestProtocolCodec::wireForm()
{
    // The names other implementations rely on (docs/protocol.md).
    const QJsonObject json = TestJson::parse(ProtocolCodec::encode(Message {fixedId(3), hello()}));
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(
        keys,
        QStringList({QStringLiteral("console_id"), QStringLiteral("credential"),
                     QStringLiteral("cursor"), QStringLiteral("id"), QStringLiteral("store_id"),
                     QStringLiteral("type"), QStringLiteral("v")}));
    QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
    QCOMPARE(json.value(QStringLiteral("v")).toInt(), Protocol::version);
    QCOMPARE(json.value(QStringLiteral("id")).toString(),
             fixedId(3).toString(QUuid::WithoutBraces));
    QCOMPARE(json.value(QStringLiteral("cursor")).toInteger(), qint64(42));

    const QJsonObject events = frameJson(replayBatch());
    const QJsonObject first = events.value(QStringLiteral("events")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("seq")).toInteger(), qint64(7));
    QCOMPARE(first.value(QStringLiteral("event")).toObject(),
             transition(1, OrderState::Placed, OrderState::Accepted).toJson());
    QCOMPARE(events.value(QStringLiteral("replay")).toBool(), true);
    QCOMPARE(events.value(QStringLiteral("more")).toBool(), true);

    QVERIFY(!frameJson(Reject {fixedId(1), QStringLiteral("r"), std::nullopt})
                 .contains(QStringLiteral("conflicting")));
    // A console's rights are said only when held, as a hub from before them says nothing.
    const QJsonObject bare = frameJson(Welcome {4});
    QVERIFY(!bare.contains(QStringLiteral("pos_relay")));
    QVERIFY(!bare.contains(QStringLiteral("manager")));
    const QJsonObject both = frameJson(Welcome {4, true, true});
    QCOMPARE(both.value(QStringLiteral("pos_relay")), QJsonValue(true));
    QCOMPARE(both.value(QStringLiteral("manager")), QJsonValue(true));
    // A replay window is said only when asked for or kept, as sides from before it say nothing.
    QVERIFY(!bare.contains(QStringLiteral("replay_window")));
    QVERIFY(!json.contains(QStringLiteral("replay_window")));
    QCOMPARE(frameJson(Welcome {4, false, false, 600}).value(QStringLiteral("replay_window")),
             QJsonValue(600));
    Hello paced = hello();
    paced.replayWindow = 2000;
    QCOMPARE(frameJson(paced).value(QStringLiteral("replay_window")), QJsonValue(2000));
    // Bootstrap and snapshots are said only when asked for or sent (older peers say nothing).
    QVERIFY(!json.contains(QStringLiteral("bootstrap")));
    QVERIFY(!bare.contains(QStringLiteral("snapshot")));
    QVERIFY(!events.contains(QStringLiteral("snapshot_through")));
    Hello fresh = hello();
    fresh.bootstrap = true;
    QCOMPARE(frameJson(fresh).value(QStringLiteral("bootstrap")), QJsonValue(true));
    QCOMPARE(frameJson(Welcome {4, false, false, 0, true}).value(QStringLiteral("snapshot")),
             QJsonValue(true));
    QCOMPARE(frameJson(Events {{}, true, false, 4711}).value(QStringLiteral("snapshot_through")),
             QJsonValue(4711));
    const QJsonObject progress = frameJson(Progress {77});
    QCOMPARE(progress.value(QStringLiteral("type")).toString(), QStringLiteral("progress"));
    QCOMPARE(progress.value(QStringLiteral("cursor")).toInteger(), qint64(77));
    const QJsonObject history = frameJson(History {5, 90, 200});
    QCOMPARE(history.value(QStringLiteral("type")).toString(), QStringLiteral("history"));
    QCOMPARE(history.value(QStringLiteral("after")).toInteger(), qint64(5));
    QCOMPARE(history.value(QStringLiteral("through")).toInteger(), qint64(90));
    QCOMPARE(history.value(QStringLiteral("limit")).toInteger(), qint64(200));
    QCOMPARE(frameJson(historyAnswer({}, false)).value(QStringLiteral("history")), QJsonValue(true));
    QVERIFY(!events.contains(QStringLiteral("history")));
    // Compact: no whitespace between tokens.
    QVERIFY(!ProtocolCodec::encode(Ping {t0}).contains(' '));
    QVERIFY(!ProtocolCodec::encode(Ping {t0}).contains('\n'));
}

void TestProtocolCodec::freshIds()
{
    const DecodedFrame a = ProtocolCodec::decode(ProtocolCodec::encode(Body {Ping {t0}}));
    const DecodedFrame b = ProtocolCodec::decode(ProtocolCodec::encode(Body {Ping {t0}}));
    QVERIFY(a.ok());
    QVERIFY(b.ok());
    QVERIFY(!a.message->id.isNull());
    QVERIFY(a.message->id != b.message->id);
}

void TestProtocolCodec::frameAtTheLimit()
{
    const qsizetype base =
        ProtocolCodec::encode(Message {fixedId(1), Reject {fixedId(2), {}, {}}}).size();
    const QString reason(maxFrameBytes - base, QLatin1Char('x'));
    const QByteArray atLimit =
        ProtocolCodec::encode(Message {fixedId(1), Reject {fixedId(2), reason, {}}});
    QCOMPARE(qint64(atLimit.size()), maxFrameBytes);
    const DecodedFrame decoded = ProtocolCodec::decode(atLimit);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(std::get<Reject>(decoded.message->body).reason, reason);

    const QByteArray overLimit = ProtocolCodec::encode(
        Message {fixedId(1), Reject {fixedId(2), reason + QLatin1Char('x'), {}}});
    QCOMPARE(qint64(overLimit.size()), maxFrameBytes + 1);
    QCOMPARE(ProtocolCodec::decode(overLimit).errorCode, QStringLiteral("too_big"));
}

void TestProtocolCodec::ignoresUnknownFields()
{
    // Forward compatibility within a version: a newer peer may add fields.
    const DecodedFrame decoded =
        ProtocolCodec::decode(withField(hello(), QStringLiteral("locale"), QStringLiteral("de")));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    compareBody(std::get<Hello>(decoded.message->body), hello());
}

void TestProtocolCodec::refused_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("errorCode");
    const QString tooBig = QStringLiteral("too_big");
    const QString badJson = QStringLiteral("bad_json");
    const QString badFrame = QStringLiteral("bad_frame");
    const QString unsupported = QStringLiteral("unsupported_version");
    const QString unknownType = QStringLiteral("unknown_type");
    const QByteArray ping = ProtocolCodec::encode(Message {fixedId(1), Ping {t0}});

    QTest::newRow("empty") << QByteArray() << badJson;
    QTest::newRow("whitespace") << QByteArray(" \r\n\t ") << badJson;
    QTest::newRow("array") << QByteArray("[]") << badJson;
    QTest::newRow("null") << QByteArray("null") << badJson;
    QTest::newRow("string") << QByteArray("\"hello\"") << badJson;
    QTest::newRow("number") << QByteArray("1") << badJson;
    QTest::newRow("truncated") << ping.left(ping.size() / 2) << badJson;
    QTest::newRow("last brace missing") << ping.chopped(1) << badJson;
    QTest::newRow("garbage after the object") << ping + QByteArray("{}") << badJson;
    QTest::newRow("single quotes") << QByteArray("{'v':1}") << badJson;
    QTest::newRow("over the limit, and not JSON either")
        << QByteArray(maxFrameBytes + 1, '{') << tooBig;
    QTest::newRow("256 KiB + 1 of whitespace around a ping")
        << ping + QByteArray(maxFrameBytes + 1 - ping.size(), ' ') << tooBig;
    QTest::newRow("10,000 levels of [") << QByteArray(10000, '[') << badJson;
    QByteArray deep = QByteArray(10000, '[') + QByteArray(10000, ']');
    QTest::newRow("10,000 balanced levels") << deep << badJson;
    QTest::newRow("10,000 levels inside a valid frame")
        << ping.chopped(1) + ",\"x\":" + deep + '}' << badJson;
    QTest::newRow("NUL inside a string") << pingWith(QByteArray("\0", 1)) << badJson;
    QTest::newRow("NUL after the object") << ping + QByteArray("\0", 1) << badJson;
    QTest::newRow("raw control byte") << pingWith("\x1b[2J") << badJson;
    QTest::newRow("invalid UTF-8") << pingWith("\xff\xfe") << badJson;
    QTest::newRow("overlong UTF-8") << pingWith("\xc0\xaf") << badJson;
    QTest::newRow("UTF-8 surrogate") << pingWith("\xed\xa0\x80") << badJson;
    QTest::newRow("UTF-8 cut short") << pingWith("\xe2\x82") << badJson;

    QTest::newRow("missing v") << withoutField(Ping {t0}, QStringLiteral("v")) << badFrame;
    QTest::newRow("v null") << withField(Ping {t0}, QStringLiteral("v"), QJsonValue()) << badFrame;
    QTest::newRow("v \"1\"") << withField(Ping {t0}, QStringLiteral("v"), QStringLiteral("1"))
                             << badFrame;
    QTest::newRow("v 1.5") << withField(Ping {t0}, QStringLiteral("v"), 1.5) << badFrame;
    QTest::newRow("v true") << withField(Ping {t0}, QStringLiteral("v"), true) << badFrame;
    QTest::newRow("v 2") << withField(Ping {t0}, QStringLiteral("v"), 2) << unsupported;
    QTest::newRow("v 0") << withField(Ping {t0}, QStringLiteral("v"), 0) << unsupported;
    QTest::newRow("v 2 wins over a bad id")
        << withField(Ping {t0}, QStringLiteral("v"), 2)
               .replace(fixedId(1).toString(QUuid::WithoutBraces).toLatin1(), "nope")
        << unsupported;
    QTest::newRow("welcome's pos_relay a string")
            << withField(Welcome {1}, QStringLiteral("pos_relay"), QStringLiteral("yes"))
            << badFrame;
    QTest::newRow("welcome's manager a string")
            << withField(Welcome {1}, QStringLiteral("manager"), QStringLiteral("yes"))
            << badFrame;
    QTest::newRow("missing id") << withoutField(Ping {t0}, QStringLiteral("id")) << badFrame;
    QTest::newRow("bad uuid") << withField(Ping {t0}, QStringLiteral("id"), QStringLiteral("1234"))
                              << badFrame;
    QTest::newRow("null uuid") << withField(Ping {t0}, QStringLiteral("id"),
                                            QUuid().toString(QUuid::WithoutBraces))
                               << badFrame;
    QTest::newRow("id a number") << withField(Ping {t0}, QStringLiteral("id"), 7) << badFrame;
    QTest::newRow("unknown type") << withField(Ping {t0}, QStringLiteral("type"),
                                               QStringLiteral("shout"))
                                  << unknownType;
    QTest::newRow("type in capitals")
        << withField(Ping {t0}, QStringLiteral("type"), QStringLiteral("PING")) << unknownType;
    QTest::newRow("missing type") << withoutField(Ping {t0}, QStringLiteral("type")) << badFrame;
    QTest::newRow("type a number") << withField(Ping {t0}, QStringLiteral("type"), 3) << badFrame;

    QTest::newRow("hello without store_id")
        << withoutField(hello(), QStringLiteral("store_id")) << badFrame;
    QTest::newRow("hello with empty store_id")
        << withField(hello(), QStringLiteral("store_id"), QString()) << badFrame;
    QTest::newRow("hello with a 129-character store_id")
        << withField(hello(), QStringLiteral("store_id"), QString(129, QLatin1Char('s')))
        << badFrame;
    QTest::newRow("hello with a control character in console_id")
        << withField(hello(), QStringLiteral("console_id"), QStringLiteral("c\n1")) << badFrame;
    QTest::newRow("hello without credential")
        << withoutField(hello(), QStringLiteral("credential")) << badFrame;
    QTest::newRow("hello with cursor -1")
        << withField(hello(), QStringLiteral("cursor"), -1) << badFrame;
    QTest::newRow("hello with cursor \"7\"")
        << withField(hello(), QStringLiteral("cursor"), QStringLiteral("7")) << badFrame;
    QTest::newRow("hello with cursor 1e300")
        << withField(hello(), QStringLiteral("cursor"), 1e300) << badFrame;
    QTest::newRow("hello with cursor 2^60")
        << withField(hello(), QStringLiteral("cursor"), qint64(1) << 60) << badFrame;
    QTest::newRow("hello with cursor 1e300 as text")
        << withField(hello(), QStringLiteral("cursor"), 1)
               .replace("\"cursor\":1", "\"cursor\":1e300")
        << badFrame;

    QList<OrderEvent> tooMany;
    for (int i = 0; i <= maxBatchEvents; ++i)
        tooMany.append(transition(i, OrderState::Placed, OrderState::Accepted));
    QTest::newRow("submit with 201 events")
        << ProtocolCodec::encode(Body {Submit {tooMany}}) << badFrame;
    QJsonObject badState = transition(1, OrderState::Placed, OrderState::Accepted).toJson();
    badState.insert(QStringLiteral("to"), QStringLiteral("teleported"));
    QTest::newRow("submit with an unknown state")
        << withField(Submit {}, QStringLiteral("events"), QJsonArray {badState}) << badFrame;
    QTest::newRow("submit with events an object")
        << withField(Submit {}, QStringLiteral("events"), badState) << badFrame;
    QTest::newRow("submit with events missing")
        << withoutField(Submit {}, QStringLiteral("events")) << badFrame;
    QTest::newRow("submit with a number for an event")
        << withField(Submit {}, QStringLiteral("events"), QJsonArray {1}) << badFrame;

    QTest::newRow("events with seq 0")
        << withEventField(replayBatch(), 0, QStringLiteral("seq"), 0) << badFrame;
    QTest::newRow("events with seq -3")
        << withEventField(replayBatch(), 1, QStringLiteral("seq"), -3) << badFrame;
    QTest::newRow("events out of order")
        << withEventField(replayBatch(), 1, QStringLiteral("seq"), 7) << badFrame;
    QTest::newRow("events without event")
        << withEventField(replayBatch(), 0, QStringLiteral("event"), QJsonValue()) << badFrame;
    QTest::newRow("events entry not an object")
        << withField(replayBatch(), QStringLiteral("events"), QJsonArray {7}) << badFrame;
    QTest::newRow("events with replay \"yes\"")
        << withField(replayBatch(), QStringLiteral("replay"), QStringLiteral("yes")) << badFrame;
    QTest::newRow("events without more")
        << withoutField(replayBatch(), QStringLiteral("more")) << badFrame;
    QTest::newRow("live events with more")
        << withField(replayBatch(), QStringLiteral("replay"), false) << badFrame;

    QTest::newRow("hello with bootstrap \"yes\"")
        << withField(hello(), QStringLiteral("bootstrap"), QStringLiteral("yes")) << badFrame;
    QTest::newRow("welcome with snapshot 1")
        << withField(Welcome {4}, QStringLiteral("snapshot"), 1) << badFrame;
    QTest::newRow("events with snapshot_through 0")
        << withField(replayBatch(), QStringLiteral("snapshot_through"), 0) << badFrame;
    QTest::newRow("events with snapshot_through below the last seq")
        << withField(replayBatch(), QStringLiteral("snapshot_through"), 7) << badFrame;
    QTest::newRow("events with snapshot_through \"9\"")
        << withField(replayBatch(), QStringLiteral("snapshot_through"), QStringLiteral("9"))
        << badFrame;
    QTest::newRow("live events with snapshot_through")
        << withField(Events {{{99, cancelled()}}, false, false}, QStringLiteral("snapshot_through"),
                     120)
        << badFrame;
    QTest::newRow("hello with replay_window 0")
        << withField(hello(), QStringLiteral("replay_window"), 0) << badFrame;
    QTest::newRow("hello with replay_window -5")
        << withField(hello(), QStringLiteral("replay_window"), -5) << badFrame;
    QTest::newRow("hello with replay_window \"2000\"")
        << withField(hello(), QStringLiteral("replay_window"), QStringLiteral("2000")) << badFrame;
    QTest::newRow("welcome with replay_window 1.5")
        << withField(Welcome {3}, QStringLiteral("replay_window"), 1.5) << badFrame;
    QTest::newRow("history with through at after")
        << withField(History {5, 9, 10}, QStringLiteral("through"), 5) << badFrame;
    QTest::newRow("history with through 0")
        << withField(History {0, 9, 10}, QStringLiteral("through"), 0) << badFrame;
    QTest::newRow("history with after -1")
        << withField(History {0, 9, 10}, QStringLiteral("after"), -1) << badFrame;
    QTest::newRow("history with limit 0")
        << withField(History {0, 9, 10}, QStringLiteral("limit"), 0) << badFrame;
    QTest::newRow("history with limit over a page")
        << withField(History {0, 9, 10}, QStringLiteral("limit"), Protocol::maxHistoryPage + 1)
        << badFrame;
    QTest::newRow("history without limit")
        << withoutField(History {0, 9, 10}, QStringLiteral("limit")) << badFrame;
    QTest::newRow("events both replay and history")
        << withField(replayBatch(), QStringLiteral("history"), true) << badFrame;
    QTest::newRow("events with history \"yes\"")
        << withField(historyAnswer({}, false), QStringLiteral("history"), QStringLiteral("yes"))
        << badFrame;
    QTest::newRow("history answer with snapshot_through")
        << withField(historyAnswer({{9, cancelled()}}, false), QStringLiteral("snapshot_through"),
                     9)
        << badFrame;
    QTest::newRow("progress without cursor")
        << withoutField(Progress {3}, QStringLiteral("cursor")) << badFrame;
    QTest::newRow("progress with cursor -1")
        << withField(Progress {3}, QStringLiteral("cursor"), -1) << badFrame;
    QTest::newRow("welcome with head -1")
        << withField(Welcome {3}, QStringLiteral("head"), -1) << badFrame;
    QTest::newRow("ack with bad event_id")
        << withField(Ack {fixedId(1), 7}, QStringLiteral("event_id"), QStringLiteral("evt-1"))
        << badFrame;
    QTest::newRow("ack with seq 0")
        << withField(Ack {fixedId(1), 7}, QStringLiteral("seq"), 0) << badFrame;
    QTest::newRow("reject without reason")
        << withoutField(Reject {fixedId(1), QStringLiteral("r"), {}}, QStringLiteral("reason"))
        << badFrame;
    QTest::newRow("reject with a conflicting that is no event")
        << withField(Reject {fixedId(1), QStringLiteral("r"), {}}, QStringLiteral("conflicting"),
                     QJsonObject {{QStringLiteral("kind"), QStringLiteral("placed")}})
        << badFrame;
    QTest::newRow("error without code")
        << withoutField(Error {QStringLiteral("c"), QStringLiteral("m")}, QStringLiteral("code"))
        << badFrame;
    QTest::newRow("error with empty code") << withField(
        Error {QStringLiteral("c"), QStringLiteral("m")}, QStringLiteral("code"), QString())
                                           << badFrame;
    QTest::newRow("ping without sent_at")
        << withoutField(Ping {t0}, QStringLiteral("sent_at")) << badFrame;
    QTest::newRow("pong with sent_at \"now\"")
        << withField(Pong {t0}, QStringLiteral("sent_at"), QStringLiteral("now")) << badFrame;
}

void TestProtocolCodec::refused()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, errorCode);

    const DecodedFrame decoded = ProtocolCodec::decode(frame);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.errorCode, errorCode);
    QVERIFY(!decoded.error.isEmpty());
}

void TestProtocolCodec::neverEchoesTheCredential_data()
{
    QTest::addColumn<QByteArray>("frame");
    const QString credential = QLatin1String(credentialValue);
    QTest::newRow("no store_id") << withoutField(hello(), QStringLiteral("store_id"));
    QTest::newRow("empty console_id")
        << withField(hello(), QStringLiteral("console_id"), QString());
    QTest::newRow("cursor -1") << withField(hello(), QStringLiteral("cursor"), -1);
    QTest::newRow("cursor \"7\"") << withField(hello(), QStringLiteral("cursor"),
                                               QStringLiteral("7"));
    QTest::newRow("long credential")
        << withField(hello(), QStringLiteral("credential"), credential.repeated(100));
    QTest::newRow("version 2") << withField(hello(), QStringLiteral("v"), 2);
    QTest::newRow("bad id") << withField(hello(), QStringLiteral("id"), QStringLiteral("x"));
    const Paired paired {QStringLiteral("store-x"), QStringLiteral("grill-1"), credential};
    QTest::newRow("paired, long credential")
        << withField(paired, QStringLiteral("credential"), credential.repeated(100));
    QTest::newRow("paired, no console_id") << withoutField(paired, QStringLiteral("console_id"));
}

void TestProtocolCodec::neverEchoesTheCredential()
{
    QFETCH(QByteArray, frame);
    QVERIFY(frame.contains(credentialValue));

    const DecodedFrame decoded = ProtocolCodec::decode(frame);
    QVERIFY(!decoded.ok());
    QVERIFY(!decoded.error.isEmpty());
    QVERIFY2(!decoded.error.contains(QLatin1String(credentialValue)), qPrintable(decoded.error));
}

void TestProtocolCodec::errorTextIsBounded()
{
    // The caller logs error; an attacker's long string or line breaks must not reach the log.
    const QString huge = QString(QStringLiteral("x\ny") + QChar(0x2028)).repeated(20000);
    const DecodedFrame decoded =
        ProtocolCodec::decode(withField(Ping {t0}, QStringLiteral("type"), huge));
    QCOMPARE(decoded.errorCode, QStringLiteral("unknown_type"));
    QVERIFY(decoded.error.size() < 400);
    QVERIFY(!decoded.error.contains(QLatin1Char('\n')));
    QVERIFY(!decoded.error.contains(QChar(0x2028)));
}

/** A ping frame with an extra field holding depth - 1 levels of "open" (the frame is level 1). */
QByteArray pingNested(int depth, const QByteArray &open, const QByteArray &close)
{
    const QByteArray ping = ProtocolCodec::encode(Message {fixedId(1), Ping {t0}});
    return ping.chopped(1) + ",\"x\":" + open.repeated(depth - 1) + close.repeated(depth - 1)
        + '}';
}

/** The same with objects: {"a":{"a":…{}}}. */
QByteArray pingObjects(int depth)
{
    const QByteArray ping = ProtocolCodec::encode(Message {fixedId(1), Ping {t0}});
    return ping.chopped(1) + ",\"x\":" + QByteArray("{\"a\":").repeated(depth - 2) + "{}"
        + QByteArray("}").repeated(depth - 2) + '}';
}

void TestProtocolCodec::depthLimit_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("ok");
    QTest::newRow("objects at the limit") << pingObjects(maxFrameDepth) << true;
    QTest::newRow("objects one over") << pingObjects(maxFrameDepth + 1) << false;
    QTest::newRow("lists at the limit") << pingNested(maxFrameDepth, "[", "]") << true;
    QTest::newRow("lists one over") << pingNested(maxFrameDepth + 1, "[", "]") << false;
    QTest::newRow("1,025 levels") << pingNested(1025, "[", "]") << false;
    // Brackets inside strings are text, escaped quotes do not end a string.
    QTest::newRow("brackets in a string")
        << withField(Ping {t0}, QStringLiteral("x"), QString(5000, QLatin1Char('['))) << true;
    QTest::newRow("escaped quote then brackets")
        << withField(Ping {t0}, QStringLiteral("x"),
                     QString(QStringLiteral("\\\"") + QString(5000, QLatin1Char('{'))))
        << true;
}

void TestProtocolCodec::depthLimit()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, ok);
    const DecodedFrame decoded = ProtocolCodec::decode(frame);
    QCOMPARE(decoded.ok(), ok);
    if (!ok) {
        QCOMPARE(decoded.errorCode, QStringLiteral("bad_json"));
        QVERIFY2(decoded.error.contains(QStringLiteral("nested deeper than")),
                 qPrintable(decoded.error));
    }
}

void TestProtocolCodec::eventLimits_data()
{
    QTest::addColumn<QJsonObject>("event");
    OrderEvent longReason = transition(1, OrderState::Placed, OrderState::Rejected);
    longReason.reason = QString(2001, QLatin1Char('r'));
    QTest::newRow("reason over 2000") << longReason.toJson();
    OrderEvent bigNumber = transition(2, OrderState::Placed, OrderState::Accepted);
    bigNumber.payload = {{QStringLiteral("promised_at"), qint64(1) << 54}};
    QTest::newRow("number beyond 2^53-1") << bigNumber.toJson();
    QJsonObject longId = transition(3, OrderState::Placed, OrderState::Accepted).toJson();
    longId.insert(QStringLiteral("order_id"), QString(129, QLatin1Char('o')));
    QTest::newRow("order id of 129") << longId;
    OrderEvent big = transition(4, OrderState::Placed, OrderState::Accepted);
    big.payload = {{QStringLiteral("pad"), QString(OrderLimits::maxEventBytes, QLatin1Char('p'))}};
    QTest::newRow("event over 64 KiB") << big.toJson();
}

// Over a limit, an event in a submit reaches the hub, which rejects that one event by name; the
// same event sent by the hub (events, conflicting) breaks the frame.
void TestProtocolCodec::eventLimits()
{
    QFETCH(QJsonObject, event);
    const DecodedFrame submit = ProtocolCodec::decode(
        withField(Submit {}, QStringLiteral("events"), QJsonArray {event}));
    QVERIFY2(submit.ok(), qPrintable(submit.error));
    QCOMPARE(std::get<Submit>(submit.message->body).events.size(), 1);
    QVERIFY(!OrderLimits::eventProblem(std::get<Submit>(submit.message->body).events.first())
                 .isEmpty());

    const QJsonObject entry {{QStringLiteral("seq"), 1}, {QStringLiteral("event"), event}};
    const DecodedFrame events = ProtocolCodec::decode(
        withField(replayBatch(), QStringLiteral("events"), QJsonArray {entry}));
    QCOMPARE(events.errorCode, QStringLiteral("bad_frame"));
    const DecodedFrame reject = ProtocolCodec::decode(
        withField(Reject {fixedId(1), QStringLiteral("r"), {}}, QStringLiteral("conflicting"), event));
    QCOMPARE(reject.errorCode, QStringLiteral("bad_frame"));
}

void TestProtocolCodec::garbageNeverCrashes()
{
    QList<QByteArray> seeds;
    const QList<Message> messages = everyMessage();
    for (const Message &m : messages)
        seeds.append(ProtocolCodec::encode(m));

    QRandomGenerator random(20260302);
    QElapsedTimer timer;
    timer.start();
    int accepted = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray frame = seeds.at(random.bounded(int(seeds.size())));
        const int mutations = 1 + random.bounded(3);
        for (int m = 0; m < mutations && !frame.isEmpty(); ++m) {
            const int at = random.bounded(int(frame.size()));
            switch (random.bounded(5)) {
            case 0: // flip bits of one byte
                frame[at] = char(frame.at(at) ^ (1 << random.bounded(8)));
                break;
            case 1: // a random byte
                frame[at] = char(random.bounded(256));
                break;
            case 2: // truncate
                frame.truncate(at);
                break;
            case 3: { // duplicate a slice in place
                const int length = random.bounded(int(frame.size()) - at) + 1;
                frame.insert(at, frame.mid(at, length));
                break;
            }
            default: // drop a slice
                frame.remove(at, random.bounded(int(frame.size()) - at) + 1);
                break;
            }
        }
        const DecodedFrame decoded = ProtocolCodec::decode(frame);
        if (decoded.ok()) {
            ++accepted;
            QVERIFY(decoded.errorCode.isEmpty());
            // Whatever was accepted encodes to a frame that is accepted again.
            QVERIFY2(ProtocolCodec::decode(ProtocolCodec::encode(*decoded.message)).ok(),
                     frame.constData());
        } else {
            QVERIFY2(!decoded.errorCode.isEmpty(), frame.constData());
            QVERIFY2(!decoded.error.isEmpty(), frame.constData());
        }
    }
    qInfo("%d of 2000 mutated frames were still valid; %lld ms", accepted, qint64(timer.elapsed()));
    QVERIFY(timer.elapsed() < 10000);
}

void TestProtocolCodec::wrongValuesNeverCrash()
{
    // Well-formed JSON with hostile values in random places, down to the fields of an event.
    const QJsonValue hostile[] = {QJsonValue(),
                                  -1,
                                  0,
                                  1e300,
                                  9007199254740993.0,
                                  0.5,
                                  true,
                                  QString(),
                                  QStringLiteral("x"),
                                  QString(3000, QLatin1Char('y')),
                                  QJsonArray(),
                                  QJsonArray {1, 2},
                                  QJsonObject(),
                                  QJsonObject {{QStringLiteral("seq"), 1}}};
    const QList<Message> messages = everyMessage();
    QRandomGenerator random(7);
    for (int round = 0; round < 2000; ++round) {
        QJsonObject json = frameJson(messages.at(random.bounded(int(messages.size()))).body);
        const QJsonValue value = hostile[random.bounded(int(std::size(hostile)))];
        const auto replaceIn = [&random, &value](QJsonObject object) {
            const QStringList keys = object.keys();
            object.insert(keys.at(random.bounded(int(keys.size()))), value);
            return object;
        };
        QJsonArray events = json.value(QStringLiteral("events")).toArray();
        if (!events.isEmpty() && random.bounded(2) == 0) {
            QJsonObject entry = events.at(0).toObject();
            if (entry.contains(QStringLiteral("seq")) && random.bounded(2) == 0)
                entry.insert(QStringLiteral("event"),
                             replaceIn(entry.value(QStringLiteral("event")).toObject()));
            else
                entry = replaceIn(entry);
            events.replace(0, entry);
            json.insert(QStringLiteral("events"), events);
        } else {
            json = replaceIn(json);
        }
        const QByteArray frame = compact(json);
        const DecodedFrame decoded = ProtocolCodec::decode(frame);
        if (decoded.ok()) {
            QVERIFY(decoded.errorCode.isEmpty());
            QVERIFY2(ProtocolCodec::decode(ProtocolCodec::encode(*decoded.message)).ok(),
                     frame.constData());
        } else {
            QVERIFY2(!decoded.errorCode.isEmpty(), frame.constData());
            QVERIFY2(!decoded.error.isEmpty(), frame.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestProtocolCodec)
#include "tst_protocolcodec.moc"
