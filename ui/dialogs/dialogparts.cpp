// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogparts.h"

#include "shared/widgetlook.h"

#include <QAbstractButton>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QPainter>

namespace {
// A kiosk has no window manager to draw a frame, and a dark dialog over a dark board needs an
// edge: paint one in the selection colour before the dialog's children paint over its inside.
class DialogFrame final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            auto *dialog = static_cast<QWidget *>(watched);
            QPainter painter(dialog);
            painter.setPen(QPen(dialog->palette().color(QPalette::Highlight), frameWidth));
            painter.drawRect(dialog->rect().adjusted(frameWidth / 2, frameWidth / 2,
                                                     -frameWidth / 2, -frameWidth / 2));
        }
        return false;
    }

private:
    static constexpr int frameWidth = 4;
};
} // namespace

namespace DialogParts {
void makeTouchButton(QAbstractButton *button, int pixelSize)
{
    button->setFont(WidgetLook::pixelFont(button->font(), pixelSize, true));
    button->setMinimumHeight(touchHeight);
    button->setMinimumWidth(120);
}

void styleDialog(QDialog *dialog, QDialogButtonBox *buttons)
{
    QPalette colours =
        dialog->parentWidget() ? dialog->parentWidget()->palette() : dialog->palette();
    colours.setColor(QPalette::Window, colours.color(QPalette::Base)); // a card above the board
    dialog->setPalette(colours);
    dialog->setAutoFillBackground(true);
    dialog->installEventFilter(new DialogFrame(dialog));
    const QList<QAbstractButton *> all = buttons->buttons();
    for (QAbstractButton *button : all)
        makeTouchButton(button);
}
} // namespace DialogParts
