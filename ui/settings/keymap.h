// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QKeySequence>
#include <QList>

#include <optional>

class QKeyEvent;
class QSettings;

/** What a key (or a bump bar button) asks the board to do. */
enum class BoardCommand {
    Bump, // move the selected ticket one step (accepting asks for a prep-time quote)
    Recall, // the recall list: recently bumped tickets within the recall window
    Reject, // reject the selected placed order with a reason from a list
    Delay, // push the selected order's promised time back
    Pause, // pause the store (busy mode), or resume it early
    AllDay, // show or hide the all-day counts
    NextStation, // cycle expo → each station → expo
    AcknowledgeAlert, // staff have seen every alert: the banner clears, marked tickets too
    MarkItem, // then a number: that item of the selected ticket is done (or open again)
    PageBack, // the previous page of tickets
    PageForward, // the next page of tickets
    Manager, // the manager's dashboard (behind the manager's PIN)
    Settings, // the settings dialog
    Help, // the key map, on screen
};

/**
 * Which key triggers which board command: a documented default map (docs/keymap.md) that a store
 * can remap in its settings, so a bump bar whose buttons send other keys works unchanged. Number
 * keys 1–9 (select by position), the arrows (move) and Esc (close a dialog) are fixed.
 */
class KeyMap final
{
    Q_DECLARE_TR_FUNCTIONS(KeyMap)

public:
    /** The default map (docs/keymap.md). */
    KeyMap();

    static QList<BoardCommand> commands();
    /** A name for people, as shown in the settings and the on-screen key help. */
    static QString displayName(BoardCommand command);
    /** The stable name used in settings files ("bump", "all_day"). */
    static QString settingsName(BoardCommand command);

    QList<QKeySequence> keys(BoardCommand command) const;
    /** Replaces the keys of a command; a key bound elsewhere moves to this command. */
    void bind(BoardCommand command, const QList<QKeySequence> &keys);
    /** The command a key press means, if any. Keypad keys count as their plain twins. */
    std::optional<BoardCommand> commandFor(const QKeyEvent &event) const;
    std::optional<BoardCommand> commandFor(const QKeySequence &key) const;

    /** Reads remapped keys from settings group "keys"; missing or unreadable entries keep defaults. */
    void load(QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const KeyMap &a, const KeyMap &b) { return a.m_keys == b.m_keys; }
    friend bool operator!=(const KeyMap &a, const KeyMap &b) { return !(a == b); }

private:
    QHash<BoardCommand, QList<QKeySequence>> m_keys;
};
