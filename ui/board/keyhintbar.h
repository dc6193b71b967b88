// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class KeyMap;
struct TicketStyle;

/**
 * A slim strip along the bottom of the board naming the keys as they are bound now, like the
 * legend on a bump bar: "Enter bump · R recall · X reject · …". Staff learn them once; a
 * newcomer or a remapped bar never has to guess.
 */
class KeyHintBar final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyHintBar)

public:
    KeyHintBar(const TicketStyle &style, QWidget *parent = nullptr);

    void setKeyMap(const KeyMap &keys);
    /** After the item key: says which keys pick the item, until picking ends. */
    void setPickingItem(bool picking);

private:
    QString m_keysText;
};
