// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubsession.h"

#include "hub.h"
#include "hublog.h"
#include "hublogging.h"

#include "sync/protocolcodec.h"

#include <QWebSocket>

namespace {
// A peer that never answers our close frame is dropped after this long.
constexpr int closeGraceMs = 5000;

QWebSocketProtocol::CloseCode closeCodeFor(const QString &decodeError)
{
    if (decodeError == QLatin1String("too_big"))
        return QWebSocketProtocol::CloseCodeTooMuchData;
    if (decodeError == QLatin1String("unsupported_version"))
        return QWebSocketProtocol::CloseCodeDatatypeNotSupported;
    return QWebSocketProtocol::CloseCodeProtocolError;
}
} // namespace

HubSession::HubSession(QWebSocket *socket, Hub &hub, int helloTimeoutMs, int idleTimeoutMs,
                       QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_hub(hub)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &HubSession::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &HubSession::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &HubSession::onDisconnected);
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, &HubSession::onHelloTimeout);
    m_helloTimer.start(helloTimeoutMs);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &HubSession::onIdleTimeout);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, m_socket, &QWebSocket::abort);
}

HubSession::~HubSession() = default;

QString HubSession::describe() const
{
    const QString peer =
        QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort());
    if (m_storeId.isEmpty())
        return QStringLiteral("session from %1").arg(peer);
    return QStringLiteral("console %1 of store %2 (%3)").arg(m_consoleId, m_storeId, peer);
}

void HubSession::send(const Protocol::Body &body)
{
    m_socket->sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(body)));
}

void HubSession::refuse(const QString &code, const QString &message,
                        QWebSocketProtocol::CloseCode closeCode)
{
    if (m_phase == Phase::Closing)
        return;
    qCWarning(lcHubSession).noquote()
        << describe() << "refused:" << code << "-" << message << "(close" << int(closeCode) << ")";
    send(Protocol::Error {code, message});
    m_phase = Phase::Closing;
    m_helloTimer.stop();
    m_idleTimer.stop();
    m_socket->close(closeCode, code);
    m_closeTimer.start(closeGraceMs);
}

void HubSession::closeSession(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_phase == Phase::Closing)
        return;
    m_phase = Phase::Closing;
    m_helloTimer.stop();
    m_idleTimer.stop();
    m_socket->close(code, reason);
    m_closeTimer.start(closeGraceMs);
}

void HubSession::onDisconnected()
{
    qCInfo(lcHubSession).noquote() << describe() << "disconnected, close code"
                                   << int(m_socket->closeCode()) << m_socket->closeReason();
    m_phase = Phase::Closing;
    m_helloTimer.stop();
    m_idleTimer.stop();
    m_closeTimer.stop();
    Q_EMIT finished(this);
}

void HubSession::onHelloTimeout()
{
    refuse(QStringLiteral("hello_timeout"), QStringLiteral("no hello in time"),
           QWebSocketProtocol::CloseCodePolicyViolated);
}

// A half-open link carries nothing; consoles ping well within the idle timeout (protocol.md).
void HubSession::onIdleTimeout()
{
    qCWarning(lcHubSession).noquote()
        << describe() << "silent for" << m_idleTimer.interval() << "ms; dropping it";
    closeSession(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("idle"));
}

void HubSession::onBinaryMessage(const QByteArray &data)
{
    if (m_phase == Phase::Closing)
        return;
    refuse(QStringLiteral("bad_frame"),
           QStringLiteral("binary frames are not part of the protocol (%1 bytes)").arg(data.size()),
           QWebSocketProtocol::CloseCodeDatatypeNotSupported);
}

void HubSession::onTextMessage(const QString &text)
{
    if (m_phase == Phase::Closing)
        return;
    if (m_idleTimer.interval() > 0 && m_phase != Phase::AwaitingHello)
        m_idleTimer.start();
    const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
    if (!frame.ok()) {
        refuse(frame.errorCode.isEmpty() ? QStringLiteral("bad_frame") : frame.errorCode,
               frame.error, closeCodeFor(frame.errorCode));
        return;
    }
    const Protocol::Body &body = frame.message->body;
    if (m_phase == Phase::AwaitingHello) {
        if (const auto *hello = std::get_if<Protocol::Hello>(&body)) {
            handleHello(*hello);
            return;
        }
        refuse(QStringLiteral("hello_required"),
               QStringLiteral("the first frame must be hello, not %1")
                   .arg(ProtocolCodec::typeName(body)),
               QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    if (const auto *submit = std::get_if<Protocol::Submit>(&body)) {
        handleSubmit(*submit);
    } else if (const auto *ping = std::get_if<Protocol::Ping>(&body)) {
        send(Protocol::Pong {ping->sentAt});
    } else if (std::holds_alternative<Protocol::Pong>(body)) {
        // An answer to nothing we asked; harmless.
    } else if (const auto *error = std::get_if<Protocol::Error>(&body)) {
        qCInfo(lcHubSession).noquote() << describe() << "reports" << error->code << error->message;
    } else if (std::holds_alternative<Protocol::Hello>(body)) {
        refuse(QStringLiteral("bad_frame"), QStringLiteral("hello was already accepted"),
               QWebSocketProtocol::CloseCodePolicyViolated);
    } else {
        refuse(
            QStringLiteral("unexpected_type"),
            QStringLiteral("%1 is sent by the hub, not to it").arg(ProtocolCodec::typeName(body)),
            QWebSocketProtocol::CloseCodeProtocolError);
    }
}

void HubSession::handleHello(const Protocol::Hello &hello)
{
    m_helloTimer.stop();
    HubLog &log = m_hub.log();
    // Never log the credential; the ids say who tried.
    if (!log.authenticate(hello.storeId, hello.consoleId, hello.credential.toUtf8())) {
        qCWarning(lcHubSession).noquote()
            << "bad credential for console" << hello.consoleId << "of store" << hello.storeId
            << "from" << m_socket->peerAddress().toString();
        refuse(QStringLiteral("unauthorized"), QStringLiteral("unknown console or bad credential"),
               QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    m_storeId = hello.storeId;
    m_consoleId = hello.consoleId;
    m_replayCursor = qMax<qint64>(0, hello.cursor);
    const qint64 head = log.head(m_storeId);
    qCInfo(lcHubSession).noquote()
        << describe() << "joined at cursor" << hello.cursor << "(head" << head << ")";
    if (hello.cursor > head)
        qCWarning(lcHubSession).noquote()
            << describe() << "is ahead of the hub's log (" << hello.cursor << ">" << head << ")";
    m_phase = Phase::Replaying;
    if (m_idleTimer.interval() > 0)
        m_idleTimer.start();
    send(Protocol::Welcome {head});
    Q_EMIT authenticated(this);
    sendNextReplayBatch();
}

// One batch per event-loop turn, so a long catch-up never starves the other sessions. Live events
// are not sent meanwhile: the replay reads the log up to its head, which includes them.
void HubSession::sendNextReplayBatch()
{
    if (m_phase != Phase::Replaying)
        return;
    HubLog &log = m_hub.log();
    const QList<Protocol::SequencedEvent> batch =
        log.eventsAfter(m_storeId, m_replayCursor, Protocol::maxBatchEvents);
    if (batch.isEmpty()) {
        m_phase = Phase::Live;
        return;
    }
    m_replayCursor = batch.constLast().seq;
    const bool more = m_replayCursor < log.head(m_storeId);
    send(Protocol::Events {batch, true, more});
    if (more)
        QTimer::singleShot(0, this, &HubSession::sendNextReplayBatch);
    else
        m_phase = Phase::Live;
}

void HubSession::deliver(const QList<Protocol::SequencedEvent> &events)
{
    if (m_phase != Phase::Live)
        return;
    // What one submit appended goes out as few frames as the batch limit allows.
    for (qsizetype first = 0; first < events.size(); first += Protocol::maxBatchEvents)
        send(Protocol::Events {events.mid(first, Protocol::maxBatchEvents), false, false});
}

void HubSession::handleSubmit(const Protocol::Submit &submit)
{
    QList<OrderEvent> own;
    for (const OrderEvent &event : submit.events) {
        if (event.storeId == m_storeId)
            own.append(event);
    }
    // One transaction for the frame; accepted events are fanned out before the answers go.
    const QList<SubmitOutcome> outcomes = m_hub.submitAll(own);
    qsizetype next = 0;
    for (const OrderEvent &event : submit.events) {
        if (m_phase == Phase::Closing)
            return;
        if (event.storeId != m_storeId) {
            qCWarning(lcHubSession).noquote()
                << describe() << "submitted event" << event.id.toString(QUuid::WithoutBraces)
                << "for store" << event.storeId << "; rejected";
            send(Protocol::Reject {
                event.id,
                QStringLiteral("wrong store: this console belongs to store %1").arg(m_storeId),
                std::nullopt});
            continue;
        }
        const SubmitOutcome &outcome = outcomes.at(next++);
        switch (outcome.status) {
        case SubmitOutcome::Status::Accepted:
        case SubmitOutcome::Status::Duplicate:
            send(Protocol::Ack {event.id, outcome.seq});
            break;
        case SubmitOutcome::Status::Rejected:
            send(Protocol::Reject {event.id, outcome.reason, outcome.conflicting});
            break;
        case SubmitOutcome::Status::Failed:
            // Not a verdict on the event: no ack, so the console resends this and what follows.
            send(Protocol::Error {QStringLiteral("internal_error"), outcome.reason});
            return;
        }
    }
}
