// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogparts.h"

#include <QAbstractButton>
#include <QDialog>
#include <QDialogButtonBox>

namespace DialogParts {
QFont pixelFont(const QFont &base, int pixelSize, bool bold)
{
    QFont font = base;
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

void makeTouchButton(QAbstractButton *button, int pixelSize)
{
    button->setFont(pixelFont(button->font(), pixelSize, true));
    button->setMinimumHeight(touchHeight);
    button->setMinimumWidth(120);
}

void styleDialog(QDialog *dialog, QDialogButtonBox *buttons)
{
    if (dialog->parentWidget())
        dialog->setPalette(dialog->parentWidget()->palette());
    dialog->setAutoFillBackground(true);
    const QList<QAbstractButton *> all = buttons->buttons();
    for (QAbstractButton *button : all)
        makeTouchButton(button);
}
} // namespace DialogParts
