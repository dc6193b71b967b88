// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocolcodec.h"

#include "protocoltypenames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The writing half of ProtocolCodec; protocolcodec.cpp reads.

using namespace Protocol;

namespace {

QString key(const char *name)
{
    return QLatin1String(name);
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonArray eventList(const QList<OrderEvent> &events)
{
    QJsonArray array;
    for (const OrderEvent &event : events)
        array.append(event.toJson());
    return array;
}

QJsonObject fieldsOf(const Hello &m)
{
    QJsonObject fields {{key("store_id"), m.storeId},
                        {key("console_id"), m.consoleId},
                        {key("credential"), m.credential},
                        {key("cursor"), m.cursor}};
    if (m.replayWindow > 0)
        fields.insert(key("replay_window"), m.replayWindow);
    if (m.bootstrap)
        fields.insert(key("bootstrap"), true);
    return fields;
}
QJsonObject fieldsOf(const Submit &m)
{
    return {{key("events"), eventList(m.events)}};
}
QJsonObject fieldsOf(const Welcome &m)
{
    QJsonObject fields {{key("head"), m.head}};
    if (m.posRelay)
        fields.insert(key("pos_relay"), true);
    if (m.manager)
        fields.insert(key("manager"), true);
    if (m.replayWindow > 0)
        fields.insert(key("replay_window"), m.replayWindow);
    if (m.snapshot)
        fields.insert(key("snapshot"), true);
    return fields;
}
QJsonObject fieldsOf(const Events &m)
{
    QJsonArray array;
    for (const SequencedEvent &entry : m.events)
        array.append(QJsonObject {{key("seq"), entry.seq}, {key("event"), entry.event.toJson()}});
    QJsonObject fields {{key("events"), array}, {key("replay"), m.replay}, {key("more"), m.more}};
    if (m.snapshotThrough > 0)
        fields.insert(key("snapshot_through"), m.snapshotThrough);
    if (m.history)
        fields.insert(key("history"), true);
    return fields;
}
QJsonObject fieldsOf(const Ack &m)
{
    return {{key("event_id"), uuidText(m.eventId)}, {key("seq"), m.seq}};
}
QJsonObject fieldsOf(const Reject &m)
{
    QJsonObject json {{key("event_id"), uuidText(m.eventId)}, {key("reason"), m.reason}};
    if (m.conflicting)
        json.insert(key("conflicting"), m.conflicting->toJson());
    return json;
}
QJsonObject fieldsOf(const Error &m)
{
    return {{key("code"), m.code}, {key("message"), m.message}};
}
QJsonObject fieldsOf(const Ping &m)
{
    return {{key("sent_at"), m.sentAt}};
}
QJsonObject fieldsOf(const Pong &m)
{
    return {{key("sent_at"), m.sentAt}};
}
QJsonObject fieldsOf(const Progress &m)
{
    return {{key("cursor"), m.cursor}};
}
QJsonObject fieldsOf(const History &m)
{
    return {{key("after"), m.after}, {key("through"), m.through}, {key("limit"), m.limit}};
}

QJsonObject fieldsOf(const Pair &m)
{
    return {{key("code"), m.code}};
}
QJsonObject fieldsOf(const Paired &m)
{
    return {{key("store_id"), m.storeId},
            {key("console_id"), m.consoleId},
            {key("credential"), m.credential}};
}

} // namespace

namespace ProtocolCodec {

QByteArray encode(const Message &message)
{
    QJsonObject json = std::visit([](const auto &body) { return fieldsOf(body); }, message.body);
    json.insert(key("type"), typeName(message.body));
    json.insert(key("v"), Protocol::version);
    json.insert(key("id"), uuidText(message.id));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QByteArray encode(const Body &body)
{
    return encode(Message {QUuid::createUuid(), body});
}

QString typeName(const Body &body)
{
    if (body.valueless_by_exception())
        return QStringLiteral("(none)");
    return QLatin1String(ProtocolTypeNames::names[body.index()]);
}

} // namespace ProtocolCodec
