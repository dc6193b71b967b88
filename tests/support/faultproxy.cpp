// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultproxy.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>

// One relayed connection: the accepted client socket and its own upstream socket. Each direction
// keeps a queue of chunks with the time each may leave, so Delay holds data without reordering it
// and a mode change applies to what is still queued.
class FaultProxyLink final : public QObject
{
public:
    FaultProxyLink(FaultProxy *proxy, QTcpSocket *client);

    void connectUpstream(const QHostAddress &host, quint16 port);
    void modeChanged();
    void cut();

private:
    struct Chunk
    {
        QByteArray data;
        QDeadlineTimer due;
    };
    struct Direction
    {
        QTcpSocket *from = nullptr;
        QTcpSocket *to = nullptr;
        bool toClient = false;
        std::deque<Chunk> queue;
        QTimer timer;
    };

    void wire(QTcpSocket *socket);
    void onReadyRead(Direction &direction);
    void onUnconnected(QTcpSocket *socket);
    void flush(Direction &direction);
    void dropQueue(Direction &direction);
    void cutAfterBudget();
    void maybeFinish();
    static bool isOpen(const QTcpSocket *socket)
    {
        return socket->state() != QAbstractSocket::UnconnectedState;
    }

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    Direction m_up; // client → server
    Direction m_down; // server → client
    qint64 m_budget = 0;
    bool m_finished = false;
};

FaultProxyLink::FaultProxyLink(FaultProxy *proxy, QTcpSocket *client)
    : QObject(proxy)
    , m_proxy(proxy)
    , m_client(client)
    , m_upstream(new QTcpSocket(this))
    , m_budget(proxy->m_dropAfter)
{
    m_client->setParent(this);
    m_up.from = m_client;
    m_up.to = m_upstream;
    m_down.from = m_upstream;
    m_down.to = m_client;
    m_down.toClient = true;
    for (Direction *direction : {&m_up, &m_down}) {
        direction->timer.setSingleShot(true);
        direction->timer.setTimerType(Qt::PreciseTimer);
        connect(&direction->timer, &QTimer::timeout, this,
                [this, direction] { flush(*direction); });
    }
    wire(m_client);
    wire(m_upstream);
    connect(m_upstream, &QTcpSocket::connected, this, [this] { flush(m_up); });
}

void FaultProxyLink::wire(QTcpSocket *socket)
{
    Direction &outgoing = socket == m_client ? m_up : m_down;
    connect(socket, &QTcpSocket::readyRead, this, [this, &outgoing] { onReadyRead(outgoing); });
    connect(socket, &QTcpSocket::stateChanged, this,
            [this, socket](QAbstractSocket::SocketState s) {
                if (s == QAbstractSocket::UnconnectedState)
                    onUnconnected(socket);
            });
}

void FaultProxyLink::connectUpstream(const QHostAddress &host, quint16 port)
{
    m_upstream->connectToHost(host, port); // asynchronous: client data queues until connected()
}

void FaultProxyLink::onReadyRead(Direction &direction)
{
    const QByteArray data = direction.from->readAll();
    if (data.isEmpty())
        return;
    if (m_proxy->m_mode == FaultProxy::Mode::BlackHole) {
        m_proxy->m_bytesDropped += data.size();
        return;
    }
    const auto hold = m_proxy->m_mode == FaultProxy::Mode::Delay ? m_proxy->m_delay
                                                                 : std::chrono::milliseconds(0);
    direction.queue.push_back({data, QDeadlineTimer(hold, Qt::PreciseTimer)});
    flush(direction);
}

void FaultProxyLink::flush(Direction &direction)
{
    if (direction.to->state() != QAbstractSocket::ConnectedState)
        return; // upstream still connecting (connected() flushes), or the receiver is gone
    while (!direction.queue.empty() && direction.queue.front().due.hasExpired()) {
        const QByteArray data = std::move(direction.queue.front().data);
        direction.queue.pop_front();
        if (m_proxy->m_mode == FaultProxy::Mode::BlackHole) {
            m_proxy->m_bytesDropped += data.size();
            continue;
        }
        if (direction.toClient && m_proxy->m_mode == FaultProxy::Mode::DropAfterBytes) {
            const qint64 n = qMin(m_budget, qint64(data.size()));
            direction.to->write(data.left(n));
            m_budget -= n;
            m_proxy->m_bytesToClient += n;
            m_proxy->m_bytesDropped += data.size() - n;
            if (m_budget == 0) {
                cutAfterBudget();
                return;
            }
            continue;
        }
        direction.to->write(data);
        (direction.toClient ? m_proxy->m_bytesToClient : m_proxy->m_bytesToServer) += data.size();
    }
    if (!direction.queue.empty())
        direction.timer.start(std::chrono::milliseconds(
            qMax<qint64>(0, direction.queue.front().due.remainingTime())));
    maybeFinish();
}

// The n bytes must reach the client before it sees the close, so its side closes gracefully
// (Qt writes its buffer first); the server's side is simply cut.
void FaultProxyLink::cutAfterBudget()
{
    dropQueue(m_up);
    dropQueue(m_down);
    m_client->disconnectFromHost();
    m_upstream->abort();
}

void FaultProxyLink::dropQueue(Direction &direction)
{
    for (const Chunk &chunk : direction.queue)
        m_proxy->m_bytesDropped += chunk.data.size();
    direction.queue.clear();
    direction.timer.stop();
}

void FaultProxyLink::onUnconnected(QTcpSocket *socket)
{
    // Nothing can reach a closed socket any more; what it sent still drains towards the other side.
    dropQueue(socket == m_client ? m_down : m_up);
    maybeFinish();
}

void FaultProxyLink::maybeFinish()
{
    if (m_finished)
        return;
    const bool clientOpen = isOpen(m_client);
    const bool upstreamOpen = isOpen(m_upstream);
    if (!clientOpen && !upstreamOpen) {
        m_finished = true;
        m_proxy->onLinkFinished(this);
        return;
    }
    if (m_proxy->m_mode == FaultProxy::Mode::BlackHole)
        return; // a half-open link: neither peer hears that the other has gone
    if (!clientOpen && m_up.queue.empty())
        m_upstream->disconnectFromHost();
    if (!upstreamOpen && m_down.queue.empty())
        m_client->disconnectFromHost();
}

void FaultProxyLink::modeChanged()
{
    m_budget = m_proxy->m_dropAfter;
    flush(m_up);
    if (!m_finished)
        flush(m_down);
}

void FaultProxyLink::cut()
{
    dropQueue(m_up);
    dropQueue(m_down);
    m_client->abort();
    m_upstream->abort();
}

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen(const QHostAddress &targetHost, quint16 targetPort)
{
    setTarget(targetHost, targetPort);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::setTarget(const QHostAddress &targetHost, quint16 targetPort)
{
    m_targetHost = targetHost;
    m_targetPort = targetPort;
}

quint16 FaultProxy::port() const
{
    return m_server->serverPort();
}

QUrl FaultProxy::url(const QString &scheme) const
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void FaultProxy::setPass()
{
    setMode(Mode::Pass);
}

void FaultProxy::setDropAfterBytes(qint64 bytes)
{
    m_dropAfter = qMax<qint64>(0, bytes);
    setMode(Mode::DropAfterBytes);
}

void FaultProxy::setDelay(std::chrono::milliseconds delay)
{
    m_delay = delay;
    setMode(Mode::Delay);
}

void FaultProxy::setBlackHole()
{
    setMode(Mode::BlackHole);
}

void FaultProxy::setRefuse()
{
    setMode(Mode::Refuse);
}

void FaultProxy::setMode(Mode mode)
{
    m_mode = mode;
    const auto links = m_links; // a link may finish while it catches up
    for (FaultProxyLink *link : links)
        link->modeChanged();
}

void FaultProxy::disconnectAll()
{
    const auto links = m_links;
    for (FaultProxyLink *link : links)
        link->cut();
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        if (m_mode == Mode::Refuse) {
            ++m_refused;
            client->abort();
            client->deleteLater();
            Q_EMIT connectionRefused();
            continue;
        }
        ++m_accepted;
        auto *link = new FaultProxyLink(this, client);
        m_links.append(link);
        link->connectUpstream(m_targetHost, m_targetPort);
        Q_EMIT connectionAccepted();
    }
}

void FaultProxy::onLinkFinished(FaultProxyLink *link)
{
    m_links.removeOne(link);
    link->deleteLater(); // called from one of its sockets' signals
    Q_EMIT connectionClosed();
}
