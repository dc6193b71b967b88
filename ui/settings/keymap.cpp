// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keymap.h"

#include "shared/uilogging.h"

#include <QKeyEvent>
#include <QSettings>

namespace {
struct CommandInfo
{
    BoardCommand command;
    const char *settingsName;
    const char *displayName;
    QList<QKeySequence> defaults;
};

const QList<CommandInfo> &commandTable()
{
    static const QList<CommandInfo> table{
        {BoardCommand::Bump, "bump", QT_TRANSLATE_NOOP("KeyMap", "Bump the selected ticket"),
         {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_Space)}},
        {BoardCommand::Recall, "recall", QT_TRANSLATE_NOOP("KeyMap", "Recall a bumped ticket"),
         {QKeySequence(Qt::Key_R)}},
        {BoardCommand::Reject, "reject", QT_TRANSLATE_NOOP("KeyMap", "Reject the order"),
         {QKeySequence(Qt::Key_X)}},
        {BoardCommand::Delay, "delay", QT_TRANSLATE_NOOP("KeyMap", "Delay the promised time"),
         {QKeySequence(Qt::Key_D)}},
        {BoardCommand::Pause, "pause", QT_TRANSLATE_NOOP("KeyMap", "Pause or resume the store"),
         {QKeySequence(Qt::Key_P)}},
        {BoardCommand::AllDay, "all_day", QT_TRANSLATE_NOOP("KeyMap", "Show the all-day counts"),
         {QKeySequence(Qt::Key_A)}},
        {BoardCommand::NextStation, "next_station",
         QT_TRANSLATE_NOOP("KeyMap", "Next station view"), {QKeySequence(Qt::Key_S)}},
        {BoardCommand::AcknowledgeAlert, "acknowledge_alert",
         QT_TRANSLATE_NOOP("KeyMap", "Acknowledge all alerts"), {QKeySequence(Qt::Key_C)}},
        {BoardCommand::MarkItem, "mark_item",
         QT_TRANSLATE_NOOP("KeyMap", "Mark an item done (then its number)"),
         {QKeySequence(Qt::Key_I)}},
        {BoardCommand::PageBack, "page_back", QT_TRANSLATE_NOOP("KeyMap", "Previous page"),
         {QKeySequence(Qt::Key_PageUp)}},
        {BoardCommand::PageForward, "page_forward", QT_TRANSLATE_NOOP("KeyMap", "Next page"),
         {QKeySequence(Qt::Key_PageDown)}},
        {BoardCommand::Manager, "manager", QT_TRANSLATE_NOOP("KeyMap", "Manager's dashboard"),
         {QKeySequence(Qt::Key_F9)}},
        {BoardCommand::Settings, "settings", QT_TRANSLATE_NOOP("KeyMap", "Settings"),
         {QKeySequence(Qt::Key_F10)}},
        {BoardCommand::Help, "help", QT_TRANSLATE_NOOP("KeyMap", "Show the keys"),
         {QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)}},
    };
    return table;
}

const CommandInfo &info(BoardCommand command)
{
    for (const CommandInfo &entry : commandTable()) {
        if (entry.command == command)
            return entry;
    }
    Q_UNREACHABLE();
}
} // namespace

KeyMap::KeyMap()
{
    for (const CommandInfo &entry : commandTable())
        m_keys.insert(entry.command, entry.defaults);
}

QList<BoardCommand> KeyMap::commands()
{
    QList<BoardCommand> result;
    for (const CommandInfo &entry : commandTable())
        result.append(entry.command);
    return result;
}

QString KeyMap::displayName(BoardCommand command)
{
    return tr(info(command).displayName);
}

QString KeyMap::settingsName(BoardCommand command)
{
    return QString::fromLatin1(info(command).settingsName);
}

QList<QKeySequence> KeyMap::keys(BoardCommand command) const
{
    return m_keys.value(command);
}

void KeyMap::bind(BoardCommand command, const QList<QKeySequence> &keys)
{
    for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
        if (it.key() == command)
            continue;
        for (const QKeySequence &key : keys)
            it.value().removeAll(key);
    }
    QList<QKeySequence> unique;
    for (const QKeySequence &key : keys) {
        if (!key.isEmpty() && !unique.contains(key))
            unique.append(key);
    }
    m_keys.insert(command, unique);
}

std::optional<BoardCommand> KeyMap::commandFor(const QKeyEvent &event) const
{
    // Bump bars often send keypad codes; the keypad flag must not make Enter a different key.
    const Qt::KeyboardModifiers modifiers = event.modifiers() & ~Qt::KeypadModifier;
    return commandFor(QKeySequence(QKeyCombination(modifiers, Qt::Key(event.key()))));
}

std::optional<BoardCommand> KeyMap::commandFor(const QKeySequence &key) const
{
    if (key.isEmpty())
        return std::nullopt;
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        if (it.value().contains(key))
            return it.key();
    }
    return std::nullopt;
}

void KeyMap::load(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("keys"));
    for (const CommandInfo &entry : commandTable()) {
        const QString name = QString::fromLatin1(entry.settingsName);
        if (!settings.contains(name))
            continue;
        const QString text = settings.value(name).toString();
        const QList<QKeySequence> keys =
            QKeySequence::listFromString(text, QKeySequence::PortableText);
        bool readable = !text.trimmed().isEmpty();
        for (const QKeySequence &key : keys)
            readable = readable && !key.isEmpty() && key[0].key() != Qt::Key_unknown;
        if (!readable) {
            qCWarning(lcBoard).noquote()
                    << "settings: keys/" << name << "=" << text
                    << "is not a key list; keeping the default";
            continue;
        }
        bind(entry.command, keys);
    }
    settings.endGroup();
}

void KeyMap::save(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("keys"));
    for (const CommandInfo &entry : commandTable()) {
        settings.setValue(QString::fromLatin1(entry.settingsName),
                          QKeySequence::listToString(keys(entry.command),
                                                     QKeySequence::PortableText));
    }
    settings.endGroup();
}
