// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keydebouncer.h"
#include "settings/keymap.h"

#include <QObject>
#include <QPointer>

class Clock;
class QWidget;

/**
 * Keeps a bump bar's bounce from acting twice anywhere in one window: on the board and in the
 * dialogs over it, since a bounce that lands in the accept dialog the first press opened, or on
 * the board after the first press closed a dialog, moves a ticket as surely as a second bump.
 * Every press of a bump key (by the key map) is timed with the injected clock and goes through a
 * KeyDebouncer; a dropped press is logged at debug level and reaches no widget. A held key's
 * auto-repeat never bumps again. Text fields always get their keys (two quick spaces are words),
 * but a press there still starts the key's window.
 */
class BumpKeyFilter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BumpKeyFilter)

public:
    /** Watches the key presses of scope and of the windows it owns (its dialogs). */
    BumpKeyFilter(QWidget &scope, const Clock &clock, QObject *parent = nullptr);

    void setKeyMap(const KeyMap &keys) { m_keys = keys; }
    /** The same bump key again within this many ms counts once; 0 counts every press. */
    void setWindowMs(int ms) { m_debouncer.setWindowMs(ms); }
    int windowMs() const { return m_debouncer.windowMs(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool inScope(const QWidget *widget) const;

    QWidget &m_scope;
    const Clock &m_clock;
    KeyMap m_keys;
    KeyDebouncer m_debouncer;
    // The press judged last and where: the same event passing on to a parent is not judged again.
    const QEvent *m_judged = nullptr;
    QPointer<QWidget> m_judgedAt;
};
