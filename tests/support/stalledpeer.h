// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolcodec.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QtEndian>

#include <optional>

/**
 * A console that can stop reading its TCP socket, as a wedged one does. QWebSocket always reads,
 * so this speaks just enough WebSocket by hand, over TCP or TLS: the handshake, masked text frames
 * out, and unmasked text and close frames in.
 */
class StalledPeer final
{
public:
    static constexpr int timeoutMs = 10'000;

    /** Connects (tls: wss://, trusting any certificate), upgrades and says hello; true once
     *  the welcome arrived. */
    bool join(quint16 port, const Protocol::Hello &hello, bool tls = false)
    {
        if (tls) {
            QSignalSpy encrypted(&m_socket, &QSslSocket::encrypted);
            if (!encrypted.isValid())
                return false;
            m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
            m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            if (!encrypted.wait(timeoutMs))
                return false;
        } else {
            QSignalSpy connected(&m_socket, &QSslSocket::connected);
            if (!connected.isValid())
                return false;
            m_socket.connectToHost(QHostAddress::LocalHost, port);
            if (!connected.wait(timeoutMs))
                return false;
        }
        m_socket.write(QByteArrayLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                         "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                         "Sec-WebSocket-Version: 13\r\n\r\n"));
        const bool upgraded = QTest::qWaitFor(
            [this] {
                m_in += m_socket.readAll();
                return m_in.contains("\r\n\r\n");
            },
            timeoutMs);
        if (!upgraded || !m_in.startsWith("HTTP/1.1 101"))
            return false;
        m_in.remove(0, m_in.indexOf("\r\n\r\n") + 4);
        sendText(ProtocolCodec::encode(hello));
        return readUntil([this] { return welcomed; });
    }

    /** Stops taking bytes off the socket; the kernel's small buffer fills, then the hub's. */
    void stall() { m_socket.setReadBufferSize(1); }
    /**
     * Reads again, as fast as the hub sends, until done(); false if timeoutMs pass with nothing
     * read. However long the whole backlog takes (megabytes through TLS under a sanitizer), only
     * a hub that stopped sending fails it.
     */
    template<typename Done> bool readUntil(Done done)
    {
        m_socket.setReadBufferSize(0);
        for (;;) {
            bool read = false;
            const bool over = QTest::qWaitFor(
                    [&] {
                        const QByteArray bytes = m_socket.readAll();
                        read = !bytes.isEmpty();
                        m_in += bytes;
                        parse();
                        return done() || failed || read;
                    },
                    timeoutMs);
            if (!over || done() || failed)
                return over && !failed && done();
        }
    }
    void abort() { m_socket.abort(); }

    bool welcomed = false;
    bool failed = false; // a frame this peer cannot read
    QList<Protocol::Events> frames;
    QList<qint64> seqs;
    std::optional<int> closeCode;
    QString closeReason;

private:
    void sendText(const QByteArray &payload)
    {
        const char mask[4] = {0x11, 0x22, 0x33, 0x44};
        QByteArray frame;
        frame.append(char(0x81));
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else {
            frame.append(char(0x80 | 126));
            const quint16 length = qToBigEndian(quint16(payload.size()));
            frame.append(reinterpret_cast<const char *>(&length), 2);
        }
        frame.append(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload.at(i) ^ mask[i % 4]));
        m_socket.write(frame);
    }

    void parse()
    {
        while (!failed && !closeCode && m_in.size() >= 2) {
            const auto *bytes = reinterpret_cast<const uchar *>(m_in.constData());
            const int opcode = bytes[0] & 0x0F;
            qint64 length = bytes[1] & 0x7F;
            qsizetype header = 2;
            if (length == 126) {
                if (m_in.size() < 4)
                    return;
                length = qFromBigEndian<quint16>(bytes + 2);
                header = 4;
            } else if (length == 127) {
                if (m_in.size() < 10)
                    return;
                length = qint64(qFromBigEndian<quint64>(bytes + 2));
                header = 10;
            }
            if ((bytes[1] & 0x80) || !(bytes[0] & 0x80)) {
                failed = true; // the hub neither masks nor fragments its frames
                return;
            }
            if (m_in.size() < header + length)
                return;
            const QByteArray payload = m_in.mid(header, length);
            m_in.remove(0, header + length);
            if (opcode == 0x8) {
                closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 0;
                closeReason = QString::fromUtf8(payload.mid(2));
            } else if (opcode == 0x1) {
                take(payload);
            }
        }
    }

    void take(const QByteArray &text)
    {
        const DecodedFrame frame = ProtocolCodec::decode(text);
        if (!frame.ok()) {
            failed = true;
            return;
        }
        if (std::holds_alternative<Protocol::Welcome>(frame.message->body))
            welcomed = true;
        if (const auto *events = std::get_if<Protocol::Events>(&frame.message->body)) {
            frames.append(*events);
            for (const Protocol::SequencedEvent &event : events->events)
                seqs.append(event.seq);
        }
    }

    QSslSocket m_socket; // unencrypted unless join(…, tls)
    QByteArray m_in;
};
