// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Whatever the hub accepts it can send (issue 10, defect 4): random large orders, some over the
// limits, go in through Hub::submitAll; a live console and a console replaying from cursor 0, over
// a real HubServer on 127.0.0.1, must then receive only frames a peer accepts (at most
// Protocol::maxFrameBytes, decodable), and every accepted event exactly once, in seq order.
#include "hubstoragebackends.h"
#include "hubtestclient.h"
#include "hubtestsupport.h"
#include "testjson.h"

#include "common/clock.h"
#include "hub/hub.h"
#include "hub/hubserver.h"
#include "order/orderlimits.h"
#include "protocol/framesplitter.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
const QString store = QStringLiteral("store-a");
const QString secretLive = QStringLiteral("secret-live");
const QString secretLate = QStringLiteral("secret-late");

/** Random orders and notes: mostly legal and large, now and then over a limit. */
class RandomTraffic final
{
public:
    explicit RandomTraffic(quint32 seed)
        : m_random(seed)
    { }

    QList<OrderEvent> next(qsizetype count)
    {
        QList<OrderEvent> events;
        while (events.size() < count) {
            const quint32 pick = m_random.bounded(20);
            if (pick < 12 || m_placed.isEmpty())
                events.append(placed());
            else if (pick < 18)
                events.append(note(m_placed.at(m_random.bounded(int(m_placed.size())))));
            else
                events.append(hostile());
        }
        return events;
    }

private:
    QString text(qsizetype length)
    {
        QString result(length, Qt::Uninitialized);
        for (QChar &c : result)
            c = QChar(u'a' + m_random.bounded(26));
        // Now and then something that must be escaped, or is not ASCII.
        if (length > 2)
            result[m_random.bounded(int(length))] = QChar(m_random.bounded(2) ? u'"' : u'é');
        return result;
    }

    // Sometimes one past a limit, so that the hub must refuse it.
    qsizetype length(qsizetype typical, qsizetype limit)
    {
        return m_random.bounded(50) == 0 ? limit + 1 : m_random.bounded(qsizetype(1), typical);
    }

    OrderEvent placed()
    {
        using namespace OrderLimits;
        Order order = HubTest::order(store, QString::number(++m_count));
        if (m_random.bounded(60) == 0)
            order.id = QString(maxIdLength + 1, QLatin1Char('i'));
        order.customerName = text(length(maxNameLength, maxNameLength));
        order.items.clear();
        const int items = 1 + m_random.bounded(60);
        for (int i = 0; i < items; ++i) {
            OrderItem item;
            item.name = text(length(maxNameLength, maxNameLength));
            item.quantity = 1 + m_random.bounded(5);
            for (int m = m_random.bounded(6); m > 0; --m)
                item.modifiers.append(text(length(maxNameLength, maxNameLength)));
            item.notes = text(m_random.bounded(600));
            item.station = QStringLiteral("grill");
            order.items.append(item);
        }
        for (int n = m_random.bounded(3); n > 0; --n)
            order.notes.append(text(length(maxTextLength, maxTextLength)));
        // Taken at the counter: what a console may submit as well as the platform.
        const OrderEvent event = HubTest::placedAtCounter(order);
        if (OrderLimits::eventProblem(event).isEmpty())
            m_placed.append(order);
        return event;
    }

    OrderEvent note(const Order &order)
    {
        OrderEvent event = HubTest::transition(order, OrderState::Placed, OrderState::Placed,
                                               Actor::staff(QStringLiteral("ana")));
        event.kind = EventKind::NoteAdded;
        event.from.reset();
        event.to.reset();
        event.payload = {};
        event.reason = text(length(OrderLimits::maxTextLength, OrderLimits::maxTextLength));
        return event;
    }

    // The shapes that bricked stores: deep payloads, numbers past 2^53, giant events.
    OrderEvent hostile()
    {
        const Order &order = m_placed.at(m_random.bounded(int(m_placed.size())));
        OrderEvent event = note(order);
        event.reason = QStringLiteral("hostile");
        switch (m_random.bounded(3)) {
        case 0: {
            // One level over an event's limit, still within a submit frame's: rejected by name.
            // (Deeper still breaks the frame itself, bad_json; a console's engine never writes
            // such an event.)
            QJsonObject deep;
            for (int level = 1; level < OrderLimits::maxEventDepth; ++level)
                deep = {{QStringLiteral("x"), deep}};
            event.payload = deep;
            break;
        }
        case 1:
            event.payload = {{QStringLiteral("n"), OrderLimits::maxSafeInteger + 2}};
            break;
        default:
            event.payload = {{QStringLiteral("pad"), text(OrderLimits::maxEventBytes)}};
            break;
        }
        return event;
    }

    QRandomGenerator m_random;
    QList<Order> m_placed; // orders whose placed event is within the limits
    int m_count = 0;
};

/** Records the size of every text frame a client receives. */
void recordSizes(HubTestClient &client, qsizetype *largest, int *frames)
{
    QObject::connect(&client.socket(), &QWebSocket::textMessageReceived, &client.socket(),
                     [largest, frames](const QString &text) {
                         *largest = qMax(*largest, text.toUtf8().size());
                         ++*frames;
                     });
}

/**
 * Sends batch as a console would, in submit frames cut by FrameSplitter, and collects the hub's
 * answers: an ack (with the seq it logged) or a reject for every event, in submit order.
 */
void submitThroughTheSocket(HubTestClient &console, const QList<OrderEvent> &batch,
                            QList<Protocol::SequencedEvent> *accepted, int *refused)
{
    const qsizetype answeredBefore =
        console.all<Protocol::Ack>().size() + console.all<Protocol::Reject>().size();
    const QList<QList<OrderEvent>> frames = FrameSplitter::split(batch);
    for (const QList<OrderEvent> &frame : frames) {
        const QByteArray text = ProtocolCodec::encode(Protocol::Body {Protocol::Submit {frame}});
        QVERIFY2(text.size() <= Protocol::maxFrameBytes, qPrintable(QString::number(text.size())));
        console.sendRaw(text);
    }
    QTRY_COMPARE_WITH_TIMEOUT(console.all<Protocol::Ack>().size()
                                  + console.all<Protocol::Reject>().size(),
                              answeredBefore + batch.size(), 10'000);
    QHash<QUuid, qint64> seqs;
    for (const Protocol::Ack &ack : console.all<Protocol::Ack>())
        seqs.insert(ack.eventId, ack.seq);
    for (const OrderEvent &event : batch) {
        if (seqs.contains(event.id))
            accepted->append({seqs.value(event.id), event});
        else
            ++*refused;
    }
}

void compareSequence(const QList<Protocol::SequencedEvent> &received,
                     const QList<Protocol::SequencedEvent> &accepted)
{
    QCOMPARE(received.size(), accepted.size());
    for (qsizetype i = 0; i < received.size(); ++i) {
        QCOMPARE(received.at(i).seq, accepted.at(i).seq);
        QVERIFY2(received.at(i).event == accepted.at(i).event,
                 qPrintable(QStringLiteral("event at seq %1 differs").arg(accepted.at(i).seq)));
    }
}
} // namespace

class TestHubSendable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptedIsSendable_data();
    void acceptedIsSendable();
    void submitOverALimitIsRejectedByName_data();
    void submitOverALimitIsRejectedByName();
};

void TestHubSendable::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHubSendable::acceptedIsSendable_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("events");
    QTest::addColumn<bool>("viaSocket"); // false: Hub::submitAll; true: a console's submit frames
    QTest::newRow("seed 1, Hub::submitAll") << 1u << 400 << false;
    QTest::newRow("seed 2, Hub::submitAll") << 2u << 400 << false;
    QTest::newRow("seed 3, Hub::submitAll") << 3u << 400 << false;
    QTest::newRow("seed 4, submit frames") << 4u << 400 << true;
    QTest::newRow("seed 5, submit frames") << 5u << 400 << true;
}

void TestHubSendable::acceptedIsSendable()
{
    QFETCH(quint32, seed);
    QFETCH(int, events);
    QFETCH(bool, viaSocket);

    ManualClock clock(HubTest::startMs());
    HubTest::SqliteBackend backend;
    const std::unique_ptr<HubRecords> records = HubTest::openRecords(backend, clock);
    QVERIFY(records);
    QVERIFY(records->stores().add(store));
    QVERIFY(records->credentials().add(store, QStringLiteral("live"), secretLive.toUtf8()));
    QVERIFY(records->credentials().add(store, QStringLiteral("late"), secretLate.toUtf8()));
    QVERIFY(records->credentials().add(store, QStringLiteral("submitter"), secretLate.toUtf8()));
    Hub hub(*records);
    HubServerConfig config;
    config.maxUnsentBytes = 64 * 1024 * 1024; // sizes are under test here, not back-pressure
    HubServer server(hub, config);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    HubTestClient live;
    qsizetype largestLive = 0;
    int liveFrames = 0;
    recordSizes(live, &largestLive, &liveFrames);
    QVERIFY(live.join(server.serverPort(), store, QStringLiteral("live"), secretLive));
    HubTestClient submitter;
    if (viaSocket)
        QVERIFY(submitter.join(server.serverPort(), store, QStringLiteral("submitter"), secretLate,
                               records->log().head(store)));

    RandomTraffic traffic(seed);
    QRandomGenerator batchSizes(seed);
    QList<Protocol::SequencedEvent> accepted;
    int refused = 0;
    while (accepted.size() + refused < events) {
        // One submit of up to 60 events: live deliveries of many events at once, too.
        const QList<OrderEvent> batch = traffic.next(1 + batchSizes.bounded(60));
        if (viaSocket) {
            submitThroughTheSocket(submitter, batch, &accepted, &refused);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(!submitter.isDisconnected());
        } else {
            const QList<SubmitOutcome> outcomes = hub.submitAll(batch);
            for (const SubmitOutcome &outcome : outcomes) {
                if (outcome.status == SubmitOutcome::Status::Accepted) {
                    accepted.append({outcome.seq, outcome.event});
                } else {
                    QCOMPARE(outcome.status, SubmitOutcome::Status::Rejected);
                    ++refused;
                }
            }
        }
        for (qsizetype i = accepted.size() - 1; i >= 0 && i >= accepted.size() - 60; --i)
            QVERIFY2(OrderLimits::eventProblem(accepted.at(i).event).isEmpty(),
                     "the hub accepted an event over a limit");
        // Reading as it goes, as a console does.
        QTRY_COMPARE_WITH_TIMEOUT(live.events(false).size(), accepted.size(), 10'000);
    }
    QVERIFY2(refused > 0, "the traffic should include events over the limits");
    QVERIFY(!live.isDisconnected());
    QCOMPARE(live.undecodable(), 0);
    QVERIFY2(largestLive <= Protocol::maxFrameBytes, qPrintable(QString::number(largestLive)));
    compareSequence(live.events(false), accepted);
    if (QTest::currentTestFailed())
        return;

    HubTestClient late;
    qsizetype largestReplay = 0;
    int replayFrames = 0;
    recordSizes(late, &largestReplay, &replayFrames);
    QVERIFY(late.join(server.serverPort(), store, QStringLiteral("late"), secretLate, 0));
    QTRY_COMPARE_WITH_TIMEOUT(late.events(true).size(), accepted.size(), 20'000);
    QVERIFY(late.roundTrip(7)); // nothing else was on its way
    QCOMPARE(late.undecodable(), 0);
    QVERIFY2(largestReplay <= Protocol::maxFrameBytes, qPrintable(QString::number(largestReplay)));
    compareSequence(late.events(true), accepted);
    const QList<Protocol::Events> frames = late.all<Protocol::Events>();
    // Split by size, not only by count: more frames than 200 events apiece would need.
    QVERIFY(frames.size()
            > (accepted.size() + Protocol::maxBatchEvents - 1) / Protocol::maxBatchEvents);
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QVERIFY(frames.at(i).replay);
        QCOMPARE(frames.at(i).more, i + 1 < frames.size());
    }
    QVERIFY(late.events(false).isEmpty());
}

void TestHubSendable::submitOverALimitIsRejectedByName_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("event over 64 KiB")
        << QStringLiteral("payload")
        << QJsonValue(QJsonObject {
               {QStringLiteral("pad"), QString(OrderLimits::maxEventBytes, QLatin1Char('p'))}})
        << QStringLiteral("the limit is 65536 bytes");
    QTest::newRow("number beyond 2^53-1")
        << QStringLiteral("payload")
        << QJsonValue(QJsonObject {{QStringLiteral("n"), OrderLimits::maxSafeInteger + 1}})
        << QStringLiteral("2^53-1");
    QJsonObject deep; // the payload at level 2 with 16 levels of its own: an event of 17
    for (int level = 1; level < OrderLimits::maxEventDepth; ++level)
        deep = {{QStringLiteral("x"), deep}};
    QTest::newRow("one level too deep") << QStringLiteral("payload") << QJsonValue(deep)
                                        << QStringLiteral("nested deeper than 16 levels");
    QTest::newRow("reason of 2001")
        << QStringLiteral("reason") << QJsonValue(QString(2001, QLatin1Char('r')))
        << QStringLiteral("reason is 2001 characters long");
    QTest::newRow("order id of 129")
        << QStringLiteral("order_id") << QJsonValue(QString(129, QLatin1Char('o')))
        << QStringLiteral("order_id must be 1 to 128 printable");
}

// Over the WebSocket, an event over a limit is rejected alone, by name; the frame and the session
// survive, so the console lets go of that event instead of resending it forever.
void TestHubSendable::submitOverALimitIsRejectedByName()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, mentions);

    ManualClock clock(HubTest::startMs());
    HubTest::SqliteBackend backend;
    const std::unique_ptr<HubRecords> records = HubTest::openRecords(backend, clock);
    QVERIFY(records);
    QVERIFY(records->stores().add(store));
    QVERIFY(records->credentials().add(store, QStringLiteral("live"), secretLive.toUtf8()));
    Hub hub(*records);
    HubServer server(hub);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const Order order = HubTest::order(store, QStringLiteral("5"));
    QVERIFY(hub.submit(HubTest::placed(order)).acked());

    HubTestClient console;
    QVERIFY(console.join(server.serverPort(), store, QStringLiteral("live"), secretLive, 1));
    OrderEvent note = HubTest::placed(order);
    note.id = QUuid::createUuid();
    note.kind = EventKind::NoteAdded;
    note.to.reset();
    note.payload = {};
    note.reason = QStringLiteral("fine");
    note.actor = Actor::staff(QStringLiteral("ana")); // all a console may claim
    QJsonObject bad = note.toJson();
    const QUuid badId = QUuid::createUuid();
    bad.insert(QStringLiteral("event_id"), badId.toString(QUuid::WithoutBraces));
    bad.insert(field, value);
    QJsonObject frame =
        TestJson::parse(ProtocolCodec::encode(Protocol::Body {Protocol::Submit {{note}}}));
    frame.insert(QStringLiteral("events"), QJsonArray {bad, note.toJson()});
    const QByteArray text = TestJson::compact(frame);
    QVERIFY(text.size() <= Protocol::maxFrameBytes);
    console.sendRaw(text);

    QVERIFY(console.waitFor<Protocol::Ack>(1));
    const QList<Protocol::Reject> rejects = console.all<Protocol::Reject>();
    QCOMPARE(rejects.size(), 1);
    QCOMPARE(rejects.constFirst().eventId, badId);
    QVERIFY2(rejects.constFirst().reason.contains(mentions),
             qPrintable(rejects.constFirst().reason));
    QCOMPARE(console.all<Protocol::Ack>().constFirst().eventId, note.id);
    QVERIFY(console.roundTrip(3));
    QVERIFY(!console.isDisconnected());
    QCOMPARE(records->log().head(store), 2);
}

QTEST_GUILESS_MAIN(TestHubSendable)
#include "tst_hubsendable.moc"
