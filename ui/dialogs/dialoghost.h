// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

class QDialog;
class QWidget;

/**
 * Asks one question at a time over a window. A dialog opens without exec(), so the board keeps
 * updating while the cook chooses; it is sized to fit inside the window (a dialog that wants more
 * room gets the window's, less a margin, and scrolls or wraps within it), sits over the middle of
 * the window, deletes itself when closed and hands the keys back to the board.
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
    static constexpr int margin = 16; // px of board left around a dialog that fills the window

    /** Sizes the dialog to fit inside the window and centres it there. */
    void fit(QDialog &dialog) const;

    QWidget &m_window;
    QWidget &m_focusAfter;
    QPointer<QDialog> m_dialog;
};
