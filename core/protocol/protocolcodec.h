// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol.h"

#include <QByteArray>
#include <QString>

#include <optional>

/** The outcome of reading one frame: a message, or why the frame was refused. */
struct DecodedFrame
{
    std::optional<Protocol::Message> message;
    QString errorCode; // "too_big", "bad_json", "unsupported_version", "bad_frame", "unknown_type"
    QString error; // for logs: what exactly was wrong (never the credential)

    bool ok() const { return message.has_value(); }
};

/** Turns protocol messages into JSON text frames and back, validating everything it reads. */
namespace ProtocolCodec {
/** The frame for a message (compact JSON, UTF-8). */
QByteArray encode(const Protocol::Message &message);
/** Encodes a body under a fresh message id. */
QByteArray encode(const Protocol::Body &body);
/** Parses and validates a frame: size, JSON, version, type, every field. */
DecodedFrame decode(const QByteArray &frame);
/** The protocol's name for a message type, e.g. "hello"; for logs and errors. */
QString typeName(const Protocol::Body &body);
} // namespace ProtocolCodec
