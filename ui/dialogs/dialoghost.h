// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

class QDialog;
class QWidget;

/**
 * Asks one question at a time over a window. A dialog opens without exec(), so the board keeps
 * updating while the cook chooses; it sits over the middle of the window, deletes itself when
 * closed and hands the keys back to the board.
 */
class DialogHost final
{
public:
    /** window parents and centres the dialogs; focusAfter gets the keys back when one closes. */
    DialogHost(QWidget &window, QWidget &focusAfter);

    QWidget &window() const { return m_window; }
    /** The dialog open now, if any. */
    QDialog *current() const { return m_dialog; }
    bool isAsking() const { return !m_dialog.isNull(); }
    /** Opens dialog (made with window() as its parent) as the one question. */
    void ask(QDialog *dialog);

private:
    QWidget &m_window;
    QWidget &m_focusAfter;
    QPointer<QDialog> m_dialog;
};
