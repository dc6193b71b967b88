// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bumpkeyfilter.h"

#include "common/clock.h"
#include "shared/uilogging.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace {
QString nameOf(QKeyCombination key)
{
    return QKeySequence(key).toString(QKeySequence::PortableText);
}
} // namespace

BumpKeyFilter::BumpKeyFilter(QWidget &scope, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_scope(scope)
    , m_clock(clock)
{
    // The application's filter: a key press goes to whichever widget has the focus (the board, a
    // dialog's list or button), and the dialogs come and go; this one place sees them all.
    qApp->installEventFilter(this);
}

bool BumpKeyFilter::inScope(const QWidget *widget) const
{
    for (; widget; widget = widget->parentWidget()) {
        if (widget == &m_scope)
            return true;
    }
    return false;
}

bool BumpKeyFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (event == m_judged && m_judgedAt && widget != m_judgedAt && widget->isAncestorOf(m_judgedAt))
        return false; // a counted press that its first widget ignored, passing on to the parent
    if (!inScope(widget))
        return false;
    const auto *key = static_cast<const QKeyEvent *>(event);
    if (m_keys.commandFor(*key) != BoardCommand::Bump)
        return false;
    m_judged = event;
    m_judgedAt = widget;

    // As KeyMap reads it: the keypad flag does not make Enter another key.
    const QKeyCombination combination(key->modifiers() & ~Qt::KeypadModifier, Qt::Key(key->key()));
    const qint64 now = m_clock.nowMs();
    if (widget->testAttribute(Qt::WA_InputMethodEnabled)) {
        m_debouncer.counted(combination, now);
        return false;
    }
    if (key->isAutoRepeat()) {
        qCDebug(lcBoard).noquote() << "ignored a held bump key:" << nameOf(combination);
        return true;
    }
    if (!m_debouncer.press(combination, now)) {
        qCDebug(lcBoard).noquote() << "ignored a repeated bump key within" << m_debouncer.windowMs()
                                   << "ms:" << nameOf(combination);
        return true;
    }
    return false;
}
