// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialoghost.h"

#include <QDialog>

DialogHost::DialogHost(QWidget &window, QWidget &focusAfter)
    : m_window(window)
    , m_focusAfter(focusAfter)
{ }

void DialogHost::ask(QDialog *dialog)
{
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, &m_focusAfter,
                     [focus = &m_focusAfter] { focus->setFocus(); });
    // Not exec(): the board keeps updating while the cook chooses.
    dialog->open();
    // Over the middle of the board, where the eyes are, whatever the window manager would do.
    dialog->adjustSize();
    dialog->move(m_window.mapToGlobal(m_window.rect().center()) - dialog->rect().center());
}
