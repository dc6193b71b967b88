// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class KeyMap;

/** The key map on screen, as this board binds it now (remapped keys included). Esc closes. */
class KeyHelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyHelpDialog)

public:
    explicit KeyHelpDialog(const KeyMap &keys, QWidget *parent = nullptr);
};
