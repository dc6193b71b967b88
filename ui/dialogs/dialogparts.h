// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAbstractButton;
class QDialog;
class QDialogButtonBox;

/** What every board dialog shares: large type and touch-sized buttons a cook can hit. */
namespace DialogParts {
constexpr int touchHeight = 64; // px; a gloved finger still lands on it

/** Large type and a touch-sized minimum for a button. */
void makeTouchButton(QAbstractButton *button, int pixelSize = 20);
/** The shared look: the window's colours, generous margins, large buttons in the box. */
void styleDialog(QDialog *dialog, QDialogButtonBox *buttons);
} // namespace DialogParts
