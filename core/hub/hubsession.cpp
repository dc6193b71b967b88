// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubsession.h"

#include "credentialverifier.h"
#include "historypage.h"
#include "hub.h"
#include "hublogging.h"
#include "hubrecords.h"

#include "protocol/framesplitter.h"
#include "protocol/protocolcodec.h"

#include <QSslSocket>
#include <QWebSocket>

#include <algorithm>
#include <utility>

namespace {
// A peer that never answers our close frame is dropped after this long.
constexpr int closeGraceMs = 5000;
// Frames a console may pipeline behind its hello before the verdict; a real one sends a submit
// or a ping at most.
constexpr int maxFramesBeforeVerdict = 8;

QWebSocketProtocol::CloseCode closeCodeFor(const QString &decodeError)
{
    if (decodeError == QLatin1String("too_big"))
        return QWebSocketProtocol::CloseCodeTooMuchData;
    if (decodeError == QLatin1String("unsupported_version"))
        return QWebSocketProtocol::CloseCodeDatatypeNotSupported;
    return QWebSocketProtocol::CloseCodeProtocolError;
}
} // namespace

HubSession::HubSession(QWebSocket *socket, QSslSocket *tls, Hub &hub,
                       CredentialVerifier &verifier, const HubSessionLimits &limits,
                       QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_tls(tls)
    , m_hub(hub)
    , m_verifier(verifier)
    , m_maxUnsentBytes(qMax(limits.maxUnsentBytes, minUnsentBytesLimit))
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &HubSession::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &HubSession::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &HubSession::onDisconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this, &HubSession::onBytesWritten);
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, &HubSession::onHelloTimeout);
    m_helloTimer.start(limits.helloTimeoutMs);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(limits.idleTimeoutMs);
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

void HubSession::stopTimers()
{
    m_helloTimer.stop();
    m_idleTimer.stop();
}

// QSslSocket::bytesToWrite() counts only what still waits to be encrypted, and it encrypts all
// of it at the next chance: under wss:// the backlog is its encrypted bytes.
qint64 HubSession::unsentBytes() const
{
    return m_socket->bytesToWrite() + (m_tls ? m_tls->encryptedBytesToWrite() : 0);
}

void HubSession::send(const Protocol::Body &body)
{
    if (m_phase == Phase::Closing)
        return;
    const QByteArray frame = ProtocolCodec::encode(body);
    // Cannot happen for events the log accepted (OrderLimits, FrameSplitter). Sent anyway, the
    // console would refuse it, reconnect at its cursor and get it again, forever.
    if (frame.size() > Protocol::maxFrameBytes) {
        qCCritical(lcHubSession).noquote()
            << describe() << "would be sent a" << ProtocolCodec::typeName(body) << "frame of"
            << frame.size() << "bytes, over the limit of" << Protocol::maxFrameBytes
            << "; closing the session instead";
        closeSession(QWebSocketProtocol::CloseCodeBadOperation, // 1011
                     QStringLiteral("internal_error"));
        return;
    }
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    if (unsentBytes() > m_maxUnsentBytes)
        dropSlowConsumer();
}

// Without a limit, a console that stops reading makes the hub buffer its store's traffic forever.
// It reconnects by itself and has what it missed replayed from its cursor.
void HubSession::dropSlowConsumer()
{
    qCWarning(lcHubSession).noquote()
        << describe() << "has" << unsentBytes() << "bytes unsent (limit"
        << m_maxUnsentBytes << "); closing it (1008" << Protocol::slowConsumerReason << ")";
    closeSession(QWebSocketProtocol::CloseCodePolicyViolated, Protocol::slowConsumerReason);
    Q_EMIT overloaded(this);
}

void HubSession::refuse(const QString &code, const QString &message,
                        QWebSocketProtocol::CloseCode closeCode)
{
    if (m_phase == Phase::Closing)
        return;
    qCWarning(lcHubSession).noquote()
        << describe() << "refused:" << code << "-" << message << "(close" << int(closeCode) << ")";
    send(Protocol::Error {code, message});
    closeSession(closeCode, code);
}

void HubSession::closeSession(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_phase == Phase::Closing)
        return;
    m_phase = Phase::Closing;
    m_framesBeforeVerdict.clear();
    stopTimers();
    m_socket->close(code, reason);
    m_closeTimer.start(closeGraceMs);
}

void HubSession::onDisconnected()
{
    qCInfo(lcHubSession).noquote() << describe() << "disconnected, close code"
                                   << int(m_socket->closeCode()) << m_socket->closeReason();
    m_phase = Phase::Closing;
    m_framesBeforeVerdict.clear();
    stopTimers();
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
    refuse(QStringLiteral("bad_frame"),
           QStringLiteral("binary frames are not part of the protocol (%1 bytes)").arg(data.size()),
           QWebSocketProtocol::CloseCodeDatatypeNotSupported);
}

void HubSession::onTextMessage(const QString &text)
{
    if (m_phase == Phase::Closing)
        return;
    if (m_phase == Phase::Authenticating) {
        // Nothing may overtake the hello: these wait for its verdict, in order.
        if (m_framesBeforeVerdict.size() >= maxFramesBeforeVerdict) {
            refuse(QStringLiteral("hello_required"),
                   QStringLiteral("more than %1 frames before the hello was accepted")
                       .arg(maxFramesBeforeVerdict),
                   QWebSocketProtocol::CloseCodePolicyViolated);
            return;
        }
        m_framesBeforeVerdict.append(text);
        return;
    }
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
        if (const auto *hello = std::get_if<Protocol::Hello>(&body))
            handleHello(*hello);
        else if (const auto *pair = std::get_if<Protocol::Pair>(&body))
            pairConsole(*pair);
        else
            refuse(QStringLiteral("hello_required"),
                   QStringLiteral("the first frame must be hello, not %1")
                           .arg(ProtocolCodec::typeName(body)),
                   QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    handleFrame(body);
}

void HubSession::handleFrame(const Protocol::Body &body)
{
    if (const auto *submit = std::get_if<Protocol::Submit>(&body)) {
        handleSubmit(*submit);
    } else if (const auto *progress = std::get_if<Protocol::Progress>(&body)) {
        onProgress(*progress);
    } else if (const auto *history = std::get_if<Protocol::History>(&body)) {
        // Between the replay's and live frames, as it comes: a console has one page in flight.
        for (const Protocol::Events &frame : HistoryPage::answer(m_hub.log(), m_storeId, *history))
            send(frame);
    } else if (const auto *ping = std::get_if<Protocol::Ping>(&body)) {
        send(Protocol::Pong {ping->sentAt});
    } else if (std::holds_alternative<Protocol::Pong>(body)) {
        // An answer to nothing we asked; harmless.
    } else if (const auto *error = std::get_if<Protocol::Error>(&body)) {
        qCInfo(lcHubSession).noquote() << describe() << "reports" << error->code << error->message;
    } else if (std::holds_alternative<Protocol::Hello>(body)
               || std::holds_alternative<Protocol::Pair>(body)) {
        refuse(QStringLiteral("bad_frame"), QStringLiteral("hello was already accepted"),
               QWebSocketProtocol::CloseCodePolicyViolated);
    } else {
        refuse(
            QStringLiteral("unexpected_type"),
            QStringLiteral("%1 is sent by the hub, not to it").arg(ProtocolCodec::typeName(body)),
            QWebSocketProtocol::CloseCodeProtocolError);
    }
}

void HubSession::pairConsole(const Protocol::Pair &pair)
{
    const auto answer =
            m_hub.records().pairing().redeem(pair.code, m_socket->peerAddress().toString());
    if (const auto *error = std::get_if<Protocol::Error>(&answer))
        return refuse(error->code, error->message, QWebSocketProtocol::CloseCodePolicyViolated);
    send(std::get<Protocol::Paired>(answer));
    closeSession(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("paired"));
}

// PBKDF2 costs milliseconds per hello: the log is read here, the hash is checked on the
// verifier's threads, and the verdict comes back to onVerdict().
void HubSession::handleHello(const Protocol::Hello &hello)
{
    m_helloTimer.stop();
    m_phase = Phase::Authenticating;
    const CredentialCheck check =
        m_hub.records().credentials().check(hello.storeId, hello.consoleId);
    const bool known = check.known;
    m_verifier.verify(hello.credential.toUtf8(), check.hash, this,
                      [this, hello, known](bool matches) { onVerdict(hello, known && matches); });
}

void HubSession::onVerdict(const Protocol::Hello &hello, bool matches)
{
    if (m_phase != Phase::Authenticating)
        return; // closed meanwhile
    // Never log the credential; the ids say who tried.
    if (!matches) {
        qCWarning(lcHubSession).noquote()
            << "bad credential for console" << hello.consoleId << "of store" << hello.storeId
            << "from" << m_socket->peerAddress().toString();
        refuse(QStringLiteral("unauthorized"), QStringLiteral("unknown console or bad credential"),
               QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    HubLog &log = m_hub.log();
    m_storeId = hello.storeId;
    m_consoleId = hello.consoleId;
    m_rights = m_hub.records().credentials().rights(m_storeId, m_consoleId);
    m_replayCursor = qMax<qint64>(0, hello.cursor);
    m_storedCursor = m_replayCursor;
    // A console that asks for a window gets one within bounds (at least a whole batch, so the
    // replay always moves); one that does not is paced by its socket alone, as before.
    m_replayWindow = hello.replayWindow > 0
            ? std::clamp(hello.replayWindow, Protocol::minReplayWindow, Protocol::maxReplayWindow)
            : 0;
    const qint64 head = log.head(m_storeId);
    // The console has applied seqs this log never had (a hub restored from an older copy). Live
    // events numbered up to its cursor would look to it like ones it already has and be dropped:
    // refused before welcome, so nothing is lost silently and people are told (protocol.md).
    if (hello.cursor > head) {
        refuse(QStringLiteral("cursor_ahead"),
               QStringLiteral("This console has applied the platform's history up to %1, but "
                              "the platform's history ends at %2: the platform's history is "
                              "behind this console. Nothing was replayed or accepted.")
                   .arg(hello.cursor)
                   .arg(head),
               QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    // A fresh console of a store with history starts from what it needs, not the whole log.
    if (hello.bootstrap && hello.cursor == 0 && head > 0)
        m_snapshot = HubSnapshot(log.snapshotSeqs(m_storeId, head), head);
    qCInfo(lcHubSession).noquote()
        << describe() << "joined at cursor" << hello.cursor << "(head" << head << ")"
        << (m_snapshot.isOpen() ? "with a snapshot" : "");
    m_phase = Phase::Replaying;
    send(Protocol::Welcome {head, m_rights.contains(Submitter::posRelayRight),
                            m_rights.contains(Submitter::managerRight), m_replayWindow,
                            m_snapshot.isOpen()});
    Q_EMIT authenticated(this);
    sendNextReplayBatch();
    const QStringList pending = std::exchange(m_framesBeforeVerdict, {});
    for (const QString &text : pending) {
        if (m_phase == Phase::Closing)
            return;
        onTextMessage(text);
    }
    if (m_idleTimer.interval() > 0 && m_phase != Phase::Closing)
        m_idleTimer.start();
}

// One frame per event-loop turn, so a long catch-up never starves the other sessions, and only
// once the socket has drained below a low-water mark, so a slow console holds at most about one
// frame of its replay in the hub's memory. The log is read maxBatchEvents at a time and cut into
// frames by size; the frames not yet sent wait in m_replayFrames. Live events are not sent
// meanwhile: the replay reads the log up to its head, which includes them.
void HubSession::sendNextReplayBatch()
{
    if (m_phase != Phase::Replaying)
        return;
    if (unsentBytes() > m_maxUnsentBytes / 4) {
        m_replayWaitsForDrain = true; // onBytesWritten() resumes
        return;
    }
    if (replayRoom() <= 0) {
        m_replayWaitsForProgress = true; // onProgress() resumes
        return;
    }
    HubLog &log = m_hub.log();
    const bool fromSnapshot = m_snapshot.isOpen();
    if (m_replayFrames.isEmpty()) {
        // Within the window exactly: the console never holds more than it asked for.
        const QList<Protocol::SequencedEvent> read =
                readNextReplay(std::min<qint64>(replayRoom(), Protocol::maxBatchEvents));
        if (m_phase == Phase::Closing)
            return;
        if (read.isEmpty() && !fromSnapshot) {
            m_phase = Phase::Live;
            return;
        }
        // An empty snapshot still sends one frame: it moves the console's cursor to its head.
        m_replayFrames = read.isEmpty() ? QList<QList<Protocol::SequencedEvent>> {{}}
                                        : FrameSplitter::split(read);
    }
    const QList<Protocol::SequencedEvent> frame = m_replayFrames.takeFirst();
    qint64 snapshotThrough = 0;
    if (fromSnapshot) {
        // The snapshot's last frame covers the log up to its head, whatever seq it ends with.
        const bool last = m_replayFrames.isEmpty() && !m_snapshot.hasMore();
        if (last)
            m_snapshot.close();
        snapshotThrough = last ? m_snapshot.through()
                               : (frame.isEmpty() ? m_replayCursor : frame.constLast().seq);
        m_replayCursor = snapshotThrough;
    } else {
        m_replayCursor = frame.constLast().seq;
    }
    // Only the last frame of the whole replay says no more.
    const bool more = !m_replayFrames.isEmpty() || m_snapshot.isOpen()
            || m_replayCursor < log.head(m_storeId);
    send(Protocol::Events {frame, true, more, snapshotThrough});
    if (more)
        QTimer::singleShot(0, this, &HubSession::sendNextReplayBatch);
    else if (m_phase == Phase::Replaying)
        m_phase = Phase::Live;
}

// The next events of the replay: the snapshot's while it lasts, then the log after the cursor.
QList<Protocol::SequencedEvent> HubSession::readNextReplay(qint64 room)
{
    HubLog &log = m_hub.log();
    if (!m_snapshot.isOpen())
        return log.eventsAfter(m_storeId, m_replayCursor, int(room));
    const QList<qint64> seqs = m_snapshot.takeNext(int(room));
    QList<Protocol::SequencedEvent> read = log.eventsAt(m_storeId, seqs);
    if (read.size() != seqs.size()) {
        // The frame would skip events the console needs: it reconnects and starts again.
        qCWarning(lcHubSession).noquote()
            << describe() << "snapshot read" << read.size() << "of" << seqs.size() << "events";
        closeSession(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("internal_error"));
        return {};
    }
    return read;
}

// How many more replayed events the console takes before its next progress; without a window,
// a batch at a time (the socket paces it). A snapshot skips seqs: its events are counted.
qint64 HubSession::replayRoom() const
{
    if (m_replayWindow == 0)
        return Protocol::maxBatchEvents;
    return m_replayWindow - m_snapshot.eventsAhead(m_storedCursor, m_replayCursor);
}

void HubSession::onProgress(const Protocol::Progress &progress)
{
    // Only forward, and never past what was sent: a confused console cannot open the window
    // wider than the events it really has.
    m_storedCursor = std::clamp(progress.cursor, m_storedCursor, m_replayCursor);
    if (!m_replayWaitsForProgress || replayRoom() <= 0)
        return;
    m_replayWaitsForProgress = false;
    sendNextReplayBatch();
}

void HubSession::onBytesWritten()
{
    if (!m_replayWaitsForDrain || unsentBytes() > m_maxUnsentBytes / 4)
        return;
    m_replayWaitsForDrain = false;
    sendNextReplayBatch();
}

void HubSession::deliver(QList<Protocol::SequencedEvent> events)
{
    if (m_phase != Phase::Live)
        return;
    // The replay may have read events whose announcement was still on its way from the commit
    // thread (or another process): each goes out once.
    events.removeIf([this](const Protocol::SequencedEvent &event) {
        return event.seq <= m_replayCursor;
    });
    if (events.isEmpty())
        return;
    m_replayCursor = events.constLast().seq;
    // What one submit appended goes out as few frames as the count and size limits allow. The
    // log checked every event against OrderLimits, so a few always fit without measuring: the
    // usual live delivery (one event) costs no extra serialisation.
    if (events.size() <= FrameSplitter::eventsThatAlwaysFit()) {
        send(Protocol::Events {events, false, false});
        return;
    }
    const QList<QList<Protocol::SequencedEvent>> frames = FrameSplitter::split(events);
    for (const QList<Protocol::SequencedEvent> &frame : frames) {
        if (m_phase != Phase::Live)
            return;
        send(Protocol::Events {frame, false, false});
    }
}

void HubSession::handleSubmit(const Protocol::Submit &submit)
{
    QList<OrderEvent> own;
    for (const OrderEvent &event : submit.events) {
        if (event.storeId == m_storeId)
            own.append(event);
    }
    // One part of the next group commit for the frame; accepted events are fanned out before
    // the answers go. The actors' roles are judged against who this session authenticated as,
    // never the frame. Answers keep the frames' order: groups finish in the order they queue.
    m_hub.submitLater(own, Submitter::console(m_storeId, m_consoleId, m_rights), this,
                      [this, events = submit.events](const QList<SubmitOutcome> &outcomes) {
                          answer(events, outcomes);
                      }, m_orderHold);
}

void HubSession::answer(const QList<OrderEvent> &submitted, const QList<SubmitOutcome> &outcomes)
{
    qsizetype next = 0;
    QString failure;
    for (const OrderEvent &event : submitted) {
        if (m_phase == Phase::Closing)
            return;
        if (event.storeId != m_storeId) {
            qCWarning(lcHubSession).noquote()
                << describe() << "submitted event" << event.id.toString(QUuid::WithoutBraces)
                << "for store" << event.storeId.left(OrderLimits::maxIdLength) << "; rejected";
            send(Protocol::Reject {
                event.id,
                QStringLiteral("wrong store: this console belongs to store %1").arg(m_storeId),
                std::nullopt});
            continue;
        }
        const SubmitOutcome &outcome = outcomes.at(next++);
        if (outcome.acked())
            send(Protocol::Ack {event.id, outcome.seq});
        else if (outcome.status == SubmitOutcome::Status::Rejected)
            send(Protocol::Reject {event.id, outcome.reason, outcome.conflicting});
        else if (failure.isEmpty())
            failure = outcome.reason; // no verdict: the console sends it again (OrderHold)
    }
    if (!failure.isEmpty())
        send(Protocol::Error {QStringLiteral("internal_error"), failure});
}
