// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubloadtraffic.h"

#include "fanoutsupport.h"

#include "order/order.h"
#include "protocol/protocolcodec.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>

namespace {
constexpr qint64 nsPerMs = 1'000'000;
constexpr int stragglerWaitMs = 15'000;

QByteArray orderBody(const QString &orderId, const QString &storeId, int number)
{
    Order order;
    order.id = orderId;
    order.storeId = storeId;
    order.number = QString::number(number);
    order.type = OrderType::Pickup;
    order.source = QStringLiteral("bench");
    OrderItem item;
    item.name = QStringLiteral("Cheeseburger");
    item.station = QStringLiteral("grill");
    order.items = {item};
    return QJsonDocument(order.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

struct PlacementTraffic::Connection
{
    QTcpSocket socket;
    QByteArray buffer;
    int hub = 0;
};

PlacementTraffic::PlacementTraffic(QList<HubEndpoint> hubs, QList<ListenerLogin> listeners,
                                   QObject *parent)
    : QObject(parent)
    , m_hubs(std::move(hubs))
    , m_logins(std::move(listeners))
    , m_runId(QUuid::createUuid().toString(QUuid::Id128).left(8))
{
    m_clock.start();
}

QString PlacementTraffic::orderId(int serial) const
{
    return QStringLiteral("bench-%1-%2").arg(m_runId).arg(serial);
}

PlacementTraffic::~PlacementTraffic()
{
    qDeleteAll(m_connections);
    qDeleteAll(m_listeners);
}

bool PlacementTraffic::listen(int timeoutMs)
{
    for (qsizetype i = 0; i < m_logins.size(); ++i) {
        const ListenerLogin login = m_logins.at(i);
        auto *socket = new QWebSocket;
        m_listeners.append(socket);
        connect(socket, &QWebSocket::connected, this, [socket, login] {
            socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(Protocol::Hello {
                    login.storeId, login.consoleId, QString::fromLatin1(login.secret), 0})));
        });
        connect(socket, &QWebSocket::textMessageReceived, this, &PlacementTraffic::onFrame);
        socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1")
                                  .arg(m_hubs.at(i % m_hubs.size()).wsPort)));
    }
    return FanoutSupport::waitUntil([this] { return m_welcomed == m_logins.size(); }, timeoutMs);
}

void PlacementTraffic::onFrame(const QString &text)
{
    const qint64 heard = nowNs();
    const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
    if (!frame.ok())
        return;
    if (std::holds_alternative<Protocol::Welcome>(frame.message->body)) {
        ++m_welcomed;
        return;
    }
    const auto *events = std::get_if<Protocol::Events>(&frame.message->body);
    if (!events)
        return;
    for (const Protocol::SequencedEvent &event : events->events) {
        if (event.event.kind == EventKind::Placed && !m_heardNs.contains(event.event.orderId)) {
            m_heardNs.insert(event.event.orderId, heard);
            m_unheard.remove(event.event.orderId);
        }
    }
}

PlacementTraffic::Level PlacementTraffic::run(int connections, int durationMs, int perSecond)
{
    qDeleteAll(m_connections);
    m_connections.clear();
    for (int i = 0; i < connections; ++i) {
        auto *connection = new Connection;
        connection->hub = i % int(m_hubs.size());
        connect(&connection->socket, &QTcpSocket::readyRead, this,
                [this, connection] { onAnswer(*connection); });
        connection->socket.connectToHost(QHostAddress::LocalHost,
                                         m_hubs.at(connection->hub).httpPort);
        m_connections.append(connection);
    }
    const bool connected = FanoutSupport::waitUntil(
            [this] {
                return std::all_of(m_connections.cbegin(), m_connections.cend(),
                                   [](const Connection *connection) {
                                       return connection->socket.state()
                                               == QAbstractSocket::ConnectedState;
                                   });
            },
            10'000);
    Level level;
    level.connections = connections;
    if (!connected) {
        level.failures = connections;
        return level;
    }
    const qint64 startNs = nowNs();
    m_runEndsNs = startNs + qint64(durationMs) * nsPerMs;
    m_intervalNs = perSecond > 0 ? 1'000'000'000 / perSecond : 0;
    m_nextSendNs = startNs;
    m_answered = 0;
    m_failures = 0;
    m_inFlight = 0;
    m_unheard.clear();
    const int firstSerial = m_serial;
    for (Connection *connection : std::as_const(m_connections))
        placeNext(*connection);
    FanoutSupport::waitUntil([this] { return nowNs() >= m_runEndsNs && m_inFlight == 0; },
              durationMs + stragglerWaitMs);
    const int lastSerial = m_serial;
    const auto orderIdOf = [this](int serial) { return orderId(serial); };
    FanoutSupport::waitUntil([this] { return m_unheard.isEmpty(); }, stragglerWaitMs);
    QList<double> fanoutMs;
    int unheard = 0;
    for (int serial = firstSerial; serial < lastSerial; ++serial) {
        const QString id = orderIdOf(serial);
        if (!m_heardNs.contains(id)) {
            ++unheard;
            continue;
        }
        fanoutMs.append(double(m_heardNs.value(id) - m_sentNs.value(id)) / double(nsPerMs));
    }
    level.placementsPerS = double(m_answered) * 1000.0 / double(durationMs);
    level.p50FanoutMs = FanoutSupport::percentile(fanoutMs, 50);
    level.p99FanoutMs = FanoutSupport::percentile(fanoutMs, 99);
    level.samples = int(fanoutMs.size());
    level.failures = m_failures + unheard;
    return level;
}

void PlacementTraffic::placeNext(Connection &connection)
{
    const qint64 now = nowNs();
    if (now >= m_runEndsNs)
        return;
    if (m_intervalNs > 0) {
        // Paced: the next slot of the whole run, whichever connection is free for it.
        if (now < m_nextSendNs) {
            QTimer::singleShot(int((m_nextSendNs - now) / nsPerMs), Qt::PreciseTimer, this,
                               [this, &connection] { placeNext(connection); });
            return;
        }
        m_nextSendNs += m_intervalNs;
    }
    const int serial = m_serial++;
    const QString orderId = this->orderId(serial);
    const QString storeId = m_logins.at(serial % m_logins.size()).storeId;
    const QByteArray body = orderBody(orderId, storeId, serial);
    QByteArray request = "POST /v1/stores/" + storeId.toUtf8()
            + "/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              "Idempotency-Key: "
            + orderId.toUtf8() + "\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body;
    m_sentNs.insert(orderId, nowNs());
    if (!m_heardNs.contains(orderId))
        m_unheard.insert(orderId);
    ++m_inFlight;
    connection.socket.write(request);
}

void PlacementTraffic::onAnswer(Connection &connection)
{
    connection.buffer += connection.socket.readAll();
    for (;;) {
        const qsizetype headEnd = connection.buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = connection.buffer.left(headEnd).split('\n');
        const QList<QByteArray> statusLine = lines.constFirst().split(' ');
        const int status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (connection.buffer.size() < headEnd + 4 + length)
            return;
        connection.buffer.remove(0, headEnd + 4 + length);
        --m_inFlight;
        if (status != 201)
            ++m_failures;
        else if (nowNs() <= m_runEndsNs)
            ++m_answered;
        placeNext(connection);
    }
}
