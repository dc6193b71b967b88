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
    fit(*dialog);
}

void DialogHost::fit(QDialog &dialog) const
{
    // Sized by the window it asks over, never by a constant or by the screen (adjustSize() would
    // cap it at two thirds of the screen): as large as it wishes within the window, and over the
    // middle of the board, where the eyes are, whatever the window manager would do.
    const QRect room = m_window.rect().adjusted(margin, margin, -margin, -margin);
    const QSize least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize());
    dialog.setMaximumSize(room.size().expandedTo(least));
    const QSize size = dialog.sizeHint().boundedTo(room.size()).expandedTo(least);
    QRect placed(QPoint(0, 0), size);
    placed.moveCenter(room.center());
    // A dialog larger than the room (it cannot shrink further) keeps its top left in the window.
    placed.moveTopLeft(QPoint(qMax(placed.left(), 0), qMax(placed.top(), 0)));
    dialog.setGeometry(QRect(m_window.mapToGlobal(placed.topLeft()), size));
}
