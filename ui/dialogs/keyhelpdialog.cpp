// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyhelpdialog.h"

#include "settings/keymap.h"
#include "shared/widgetlook.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
void addRow(QGridLayout *grid, const QString &keys, const QString &what, QWidget *parent)
{
    const int row = grid->rowCount();
    auto *keyLabel = new QLabel(keys, parent);
    keyLabel->setFont(WidgetLook::pixelFont(keyLabel->font(), 20, true));
    auto *whatLabel = new QLabel(what, parent);
    whatLabel->setFont(WidgetLook::pixelFont(whatLabel->font(), 20));
    grid->addWidget(keyLabel, row, 0);
    grid->addWidget(whatLabel, row, 1);
}
} // namespace

KeyHelpDialog::KeyHelpDialog(const KeyMap &keys, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keys"));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(28);
    grid->setVerticalSpacing(8);
    const QList<BoardCommand> commands = KeyMap::commands();
    for (BoardCommand command : commands) {
        QStringList names;
        const QList<QKeySequence> bound = keys.keys(command);
        for (const QKeySequence &key : bound)
            names.append(key.toString(QKeySequence::NativeText));
        addRow(grid, names.isEmpty() ? tr("(none)") : names.join(QStringLiteral(" / ")),
               KeyMap::displayName(command), this);
    }
    addRow(grid, tr("1 – 9"), tr("Select a ticket by its position"), this);
    addRow(grid, tr("Arrows"), tr("Move between tickets"), this);
    addRow(grid, tr("Esc"), tr("Close a dialog"), this);
    addRow(grid, tr("Tap, tap again"), tr("Select, then bump"), this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setMinimumHeight(44);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addLayout(grid);
    layout->addWidget(buttons);
}
