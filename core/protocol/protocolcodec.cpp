// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocolcodec.h"

#include "protocoltypenames.h"

#include "order/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringDecoder>

#include <algorithm>
#include <iterator>
#include <limits>
#include <type_traits>

using namespace Protocol;
using ProtocolTypeNames::names;

namespace {

constexpr qsizetype maxCredentialLength = 1024;
// A pairing code is a few characters; what people may add around it (spaces, dashes) is bounded.
constexpr qsizetype maxPairingCodeLength = 64;
// Error texts go to logs; an attacker's 200 KiB string must not.
constexpr qsizetype maxErrorLength = 300;

QString key(const char *name)
{
    return QLatin1String(name);
}

/** A text fit for one log line: bounded, with control characters made visible. */
QString forLog(QString text)
{
    if (text.size() > maxErrorLength) {
        text.truncate(maxErrorLength);
        if (text.back().isHighSurrogate())
            text.chop(1);
        text.append(QChar(0x2026)); // …
    }
    for (QChar &c : text) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            c = QChar::ReplacementCharacter;
    }
    return text;
}

DecodedFrame refuse(const char *code, const QString &error)
{
    DecodedFrame result;
    result.errorCode = QLatin1String(code);
    result.error = forLog(error);
    return result;
}

/**
 * Why a frame cannot be JSON text, before the parser sees it: RFC 8259 allows no raw control
 * characters besides whitespace, and the text must be UTF-8. Qt's parser is lenient about both.
 */
QString notJsonText(const QByteArray &frame)
{
    for (qsizetype i = 0; i < frame.size(); ++i) {
        const auto byte = static_cast<unsigned char>(frame.at(i));
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r')
            return QStringLiteral("not JSON: control byte 0x%1 at offset %2")
                .arg(byte, 2, 16, QLatin1Char('0'))
                .arg(i);
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(frame);
    Q_UNUSED(text)
    if (utf8.hasError())
        return QStringLiteral("not JSON: the frame is not valid UTF-8");
    return {};
}

/** Reads a frame's fields after the envelope; on a problem, records it in fields. */
class BodyReader final
{
public:
    BodyReader(const QJsonObject &json, const QString &type)
        : m_json(json)
        , m_type(type)
        , m_fields(json, type)
    { }

    Body hello()
    {
        Hello m;
        m.storeId = id("store_id");
        m.consoleId = id("console_id");
        m.credential = m_fields.requiredString(key("credential"));
        if (m_fields.ok() && m.credential.size() > maxCredentialLength)
            fail(
                QStringLiteral("credential is longer than %1 characters").arg(maxCredentialLength));
        m.cursor = count("cursor", 0);
        m.replayWindow = window();
        // Older consoles send none: they replay the whole log.
        m.bootstrap = m_json.contains(key("bootstrap")) && flag("bootstrap");
        return m;
    }
    Body pair()
    {
        Pair m;
        m.code = m_fields.requiredString(key("code"));
        if (m_fields.ok() && m.code.size() > maxPairingCodeLength)
            fail(QStringLiteral("code is longer than %1 characters").arg(maxPairingCodeLength));
        return m;
    }
    Body paired()
    {
        Paired m;
        m.storeId = id("store_id");
        m.consoleId = id("console_id");
        m.credential = m_fields.requiredString(key("credential"));
        if (m_fields.ok() && (m.credential.isEmpty() || m.credential.size() > maxCredentialLength))
            fail(QStringLiteral("credential must have 1 to %1 characters").arg(maxCredentialLength));
        return m;
    }
    Body submit()
    {
        Submit m;
        const QJsonArray array = list("events");
        // An event over a limit is not a broken frame: the hub rejects that one event, naming the
        // limit (HubLog checks OrderLimits for every event), so the console can let go of it
        // instead of resending the same frame forever.
        for (qsizetype i = 0; m_fields.ok() && i < array.size(); ++i)
            m.events.append(event(array.at(i), QStringLiteral("events[%1]").arg(i),
                                  OrderEvent::Limits::Later));
        return m;
    }
    Body welcome()
    {
        Welcome m;
        m.head = count("head", 0);
        // A hub from before console rights sends no pos_relay (nor manager, from before that
        // right): the console holds none.
        m.posRelay = m_json.contains(key("pos_relay")) && flag("pos_relay");
        m.manager = m_json.contains(key("manager")) && flag("manager");
        m.replayWindow = window();
        m.snapshot = m_json.contains(key("snapshot")) && flag("snapshot");
        return m;
    }
    Body events()
    {
        Events m;
        const QJsonArray array = list("events");
        for (qsizetype i = 0; m_fields.ok() && i < array.size(); ++i) {
            const QString where = QStringLiteral("events[%1]").arg(i);
            if (!array.at(i).isObject()) {
                fail(QStringLiteral("%1 must be an object {seq, event}").arg(where));
                break;
            }
            const QJsonObject entry = array.at(i).toObject();
            JsonFields entryFields(entry, m_type + QLatin1String(": ") + where);
            SequencedEvent sequenced;
            sequenced.seq = entryFields.requiredInt64(key("seq"));
            if (!entryFields.ok()) {
                m_fields.fail(entryFields.error());
                break;
            }
            if (sequenced.seq < 1)
                fail(QStringLiteral("%1: seq must be 1 or more").arg(where));
            else if (!m.events.isEmpty() && sequenced.seq <= m.events.constLast().seq)
                fail(QStringLiteral("%1: seq must be greater than the one before").arg(where));
            sequenced.event = event(entry.value(key("event")), where + QLatin1String(".event"));
            m.events.append(sequenced);
        }
        m.replay = flag("replay");
        m.more = flag("more");
        // Older hubs send none: their frames are never history.
        m.history = m_json.contains(key("history")) && flag("history");
        if (m_fields.ok() && m.history && m.replay)
            fail(QStringLiteral("a frame is either replay or history, not both"));
        if (m_fields.ok() && m.more && !m.replay && !m.history)
            fail(QStringLiteral("\"more\" is only for replay batches and history answers"));
        if (m_fields.ok() && m_json.contains(key("snapshot_through")))
            m.snapshotThrough = snapshotThrough(m);
        return m;
    }
    Body ack()
    {
        Ack m;
        m.eventId = uuid("event_id");
        m.seq = count("seq", 1);
        return m;
    }
    Body reject()
    {
        Reject m;
        m.eventId = uuid("event_id");
        m.reason = m_fields.requiredString(key("reason"));
        const QJsonValue conflicting = m_json.value(key("conflicting"));
        if (m_fields.ok() && !conflicting.isUndefined() && !conflicting.isNull())
            m.conflicting = event(conflicting, QStringLiteral("conflicting"));
        return m;
    }
    Body error()
    {
        Error m;
        m.code = m_fields.requiredString(key("code"));
        if (m_fields.ok() && m.code.isEmpty())
            fail(QStringLiteral("code is empty"));
        m.message = m_fields.requiredString(key("message"));
        return m;
    }
    Body ping()
    {
        Ping m;
        m.sentAt = count("sent_at", 0);
        return m;
    }
    Body pong()
    {
        Pong m;
        m.sentAt = count("sent_at", 0);
        return m;
    }
    Body progress()
    {
        Progress m;
        m.cursor = count("cursor", 0);
        return m;
    }
    Body history()
    {
        History m;
        m.after = count("after", 0);
        m.through = count("through", 1);
        if (m_fields.ok() && m.through <= m.after)
            fail(QStringLiteral("through must be above after"));
        const qint64 limit = count("limit", 1);
        if (m_fields.ok() && limit > maxHistoryPage)
            fail(QStringLiteral("limit %1 is over %2").arg(limit).arg(maxHistoryPage));
        m.limit = int(std::min<qint64>(limit, maxHistoryPage));
        return m;
    }

    bool ok() const { return m_fields.ok(); }
    QString problem() const { return m_fields.error(); }

private:
    void fail(const QString &message) { m_fields.fail(m_type + QLatin1String(": ") + message); }

    /** A non-empty identifier of bounded length without control characters (OrderLimits). */
    QString id(const char *name)
    {
        const QString value = m_fields.requiredString(key(name));
        if (!m_fields.ok())
            return {};
        if (const QString why = OrderLimits::idProblem(key(name), value); !why.isEmpty())
            fail(why);
        return value;
    }

    /** An integer of at least minimum: a cursor, a sequence number, a time. */
    qint64 count(const char *name, qint64 minimum)
    {
        const qint64 value = m_fields.requiredInt64(key(name));
        if (m_fields.ok() && value < minimum)
            fail(QStringLiteral("%1 must be %2 or more").arg(key(name)).arg(minimum));
        return value;
    }

    /** A snapshot frame's reach: 1 or more, a replay's, and not below the frame's last seq. */
    qint64 snapshotThrough(const Events &m)
    {
        const qint64 through = count("snapshot_through", 1);
        if (m_fields.ok() && !m.replay)
            fail(QStringLiteral("\"snapshot_through\" is only for replay batches"));
        else if (m_fields.ok() && !m.events.isEmpty() && through < m.events.constLast().seq)
            fail(QStringLiteral("\"snapshot_through\" must not be below the last seq"));
        return through;
    }

    /** The optional replay_window: 0 when absent, else a whole number of events, 1 or more. */
    int window()
    {
        if (!m_json.contains(key("replay_window")))
            return 0;
        const qint64 value = count("replay_window", 1);
        return int(std::min<qint64>(value, std::numeric_limits<int>::max()));
    }

    QUuid uuid(const char *name)
    {
        const QString text = m_fields.requiredString(key(name));
        const QUuid value = QUuid::fromString(text);
        if (m_fields.ok() && value.isNull())
            fail(QStringLiteral("%1 \"%2\" is not a UUID").arg(key(name), text));
        return value;
    }

    bool flag(const char *name)
    {
        const QJsonValue value = m_json.value(key(name));
        if (m_fields.ok() && !value.isBool())
            fail(QStringLiteral("field \"%1\" must be true or false").arg(key(name)));
        return value.toBool();
    }

    /** The batch of events under name, bounded by Protocol::maxBatchEvents. */
    QJsonArray list(const char *name)
    {
        const QJsonValue value = m_json.value(key(name));
        if (!value.isArray()) {
            fail(QStringLiteral("field \"%1\" must be a list").arg(key(name)));
            return {};
        }
        const QJsonArray array = value.toArray();
        if (array.size() > maxBatchEvents) {
            fail(QStringLiteral("%1 events in one batch; the limit is %2")
                     .arg(array.size())
                     .arg(maxBatchEvents));
            return {};
        }
        return array;
    }

    OrderEvent event(const QJsonValue &value, const QString &where,
                     OrderEvent::Limits limits = OrderEvent::Limits::Enforce)
    {
        if (!m_fields.ok())
            return {};
        if (!value.isObject()) {
            fail(QStringLiteral("%1 must be an event object").arg(where));
            return {};
        }
        Result<OrderEvent> parsed = OrderEvent::fromJson(value.toObject(), limits);
        if (parsed)
            return std::move(parsed).value();
        fail(where + QLatin1String(": ") + parsed.error());
        return {};
    }

    QJsonObject m_json;
    QString m_type;
    JsonFields m_fields;
};

using Read = Body (BodyReader::*)();
// Same order as names.
const Read readers[] = {&BodyReader::hello,  &BodyReader::submit, &BodyReader::welcome,
                        &BodyReader::events, &BodyReader::ack,    &BodyReader::reject,
                        &BodyReader::error,  &BodyReader::ping,   &BodyReader::pong,
                        &BodyReader::progress, &BodyReader::history,
                        &BodyReader::pair,   &BodyReader::paired};
static_assert(std::size(readers) == std::size(names), "every message type needs a reader");

} // namespace

namespace ProtocolCodec {

DecodedFrame decode(const QByteArray &frame)
{
    // The size first: nothing else may cost anything for an oversized frame.
    if (frame.size() > maxFrameBytes)
        return refuse("too_big",
                      QStringLiteral("frame of %1 bytes is over the limit of %2 bytes")
                          .arg(frame.size())
                          .arg(maxFrameBytes));
    if (const QString why = notJsonText(frame); !why.isEmpty())
        return refuse("bad_json", why);
    // Before the parser builds anything: 256 KiB of "[" would otherwise become a thousand nested
    // values first (Qt's own parser stops only at 1024).
    if (const QString why = OrderLimits::textDepthProblem(frame, maxFrameDepth); !why.isEmpty())
        return refuse("bad_json", QLatin1String("not JSON for this protocol: ") + why);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refuse("bad_json",
                      QStringLiteral("not JSON: %1 at offset %2")
                          .arg(parseError.errorString())
                          .arg(parseError.offset));
    if (!document.isObject())
        return refuse("bad_json", QStringLiteral("a frame must be a JSON object"));
    const QJsonObject json = document.object();

    JsonFields envelope(json, QStringLiteral("frame"));
    const qint64 frameVersion = envelope.requiredInt64(key("v"));
    if (!envelope.ok())
        return refuse("bad_frame", envelope.error());
    if (frameVersion != Protocol::version)
        return refuse("unsupported_version",
                      QStringLiteral("protocol version %1 is not supported; this side speaks %2")
                          .arg(frameVersion)
                          .arg(Protocol::version));
    const QString idText = envelope.requiredString(key("id"));
    if (!envelope.ok())
        return refuse("bad_frame", envelope.error());
    const QUuid id = QUuid::fromString(idText);
    if (id.isNull())
        return refuse("bad_frame", QStringLiteral("frame: id \"%1\" is not a UUID").arg(idText));
    const QString type = envelope.requiredString(key("type"));
    if (!envelope.ok())
        return refuse("bad_frame", envelope.error());

    const auto *name = std::find_if(std::begin(names), std::end(names),
                                    [&type](const char *n) { return type == QLatin1String(n); });
    if (name == std::end(names))
        return refuse("unknown_type", QStringLiteral("unknown message type \"%1\"").arg(type));

    BodyReader reader(json, type);
    Body body = (reader.*readers[std::distance(std::begin(names), name)])();
    if (!reader.ok())
        return refuse("bad_frame", reader.problem());
    DecodedFrame result;
    result.message = Message {id, std::move(body)};
    return result;
}

} // namespace ProtocolCodec
