// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as a platform frame. Decoding never crashes, and whatever the codec
// accepts can be sent on: it encodes within the frame limit and decodes back as the same message
// type (DESIGN.md: whatever is accepted must be sendable).
#include "protocol/protocolcodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const DecodedFrame decoded = ProtocolCodec::decode(frame);
    if (!decoded.ok())
        return 0;
    const QByteArray again = ProtocolCodec::encode(*decoded.message);
    const DecodedFrame back = ProtocolCodec::decode(again);
    if (again.size() > Protocol::maxFrameBytes || !back.ok()
        || back.message->body.index() != decoded.message->body.index()
        || back.message->id != decoded.message->id)
        __builtin_trap(); // accepted, but not sendable as it was: a codec bug
    return 0;
}
