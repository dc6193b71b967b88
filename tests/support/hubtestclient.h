// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolcodec.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QWebSocket>

#include <algorithm>
#include <variant>

/** A bare console over a real QWebSocket: sends frames, keeps every decoded frame it receives. */
class HubTestClient final
{
public:
    static constexpr int timeoutMs = 5000;

    HubTestClient()
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             const DecodedFrame frame = ProtocolCodec::decode(text.toUtf8());
                             if (frame.ok())
                                 m_received.append(*frame.message);
                             else
                                 ++m_undecodable;
                         });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket,
                         [this] { m_disconnected = true; });
    }

    static QUrl loopback(quint16 port)
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    }

    bool open(quint16 port) { return open(loopback(port)); }
    bool open(const QUrl &url)
    {
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        if (!connected.isValid())
            return false;
        m_socket.open(url);
        return connected.wait(timeoutMs);
    }

    /** Opens and says hello; true once the welcome arrived. */
    bool join(quint16 port, const QString &store, const QString &console, const QString &secret,
              qint64 cursor = 0)
    {
        return join(loopback(port), store, console, secret, cursor);
    }
    bool join(const QUrl &url, const QString &store, const QString &console, const QString &secret,
              qint64 cursor = 0)
    {
        if (!open(url))
            return false;
        send(Protocol::Hello {store, console, secret, cursor});
        return waitFor<Protocol::Welcome>(1);
    }

    void send(const Protocol::Body &body)
    {
        m_socket.sendTextMessage(QString::fromUtf8(ProtocolCodec::encode(body)));
    }
    void sendRaw(const QByteArray &frame) { m_socket.sendTextMessage(QString::fromUtf8(frame)); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }

    template<typename T> QList<T> all() const
    {
        QList<T> result;
        for (const Protocol::Message &message : m_received) {
            if (const auto *body = std::get_if<T>(&message.body))
                result.append(*body);
        }
        return result;
    }

    template<typename T> bool waitFor(qsizetype count, int ms = timeoutMs)
    {
        return QTest::qWaitFor([&] { return all<T>().size() >= count; }, ms);
    }

    /** Events received as (seq, event), in arrival order, from live or replay frames. */
    QList<Protocol::SequencedEvent> events(bool replay) const
    {
        QList<Protocol::SequencedEvent> result;
        const QList<Protocol::Events> frames = all<Protocol::Events>();
        for (const Protocol::Events &frame : frames) {
            if (frame.replay == replay && !frame.history)
                result.append(frame.events);
        }
        return result;
    }
    /** The frames that answered History requests, in order. */
    QList<Protocol::Events> historyFrames() const
    {
        QList<Protocol::Events> result = all<Protocol::Events>();
        result.removeIf([](const Protocol::Events &frame) { return !frame.history; });
        return result;
    }

    /** A ping answered proves every frame the hub sent before it has arrived. */
    bool roundTrip(qint64 sentAt)
    {
        send(Protocol::Ping {sentAt});
        return QTest::qWaitFor(
            [&] {
                const QList<Protocol::Pong> pongs = all<Protocol::Pong>();
                return std::any_of(pongs.cbegin(), pongs.cend(),
                                   [sentAt](const auto &pong) { return pong.sentAt == sentAt; });
            },
            timeoutMs);
    }

    bool waitDisconnected(int ms = timeoutMs)
    {
        return QTest::qWaitFor([this] { return m_disconnected; }, ms);
    }

    void clear() { m_received.clear(); }
    const QList<Protocol::Message> &received() const { return m_received; }
    bool isDisconnected() const { return m_disconnected; }
    int undecodable() const { return m_undecodable; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<Protocol::Message> m_received;
    int m_undecodable = 0;
    bool m_disconnected = false;
};
