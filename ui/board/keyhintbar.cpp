// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyhintbar.h"

#include "settings/keymap.h"
#include "shared/widgetlook.h"
#include "ticketstyle.h"

KeyHintBar::KeyHintBar(const TicketStyle &style, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("keyHints"));
    setAutoFillBackground(true);
    setPalette(WidgetLook::filled(palette(), style.card, style.dimText));
    setContentsMargins(16, 6, 16, 6);
    setWordWrap(true); // a narrow screen (or Spanish) gets two lines, never a wider window
    setFont(WidgetLook::pixelFont(font(), 16));
    setKeyMap(KeyMap());
}

void KeyHintBar::setKeyMap(const KeyMap &keys)
{
    const QList<std::pair<BoardCommand, QString>> shown{
        {BoardCommand::Bump, tr("bump")},
        {BoardCommand::Recall, tr("recall")},
        {BoardCommand::Reject, tr("reject")},
        {BoardCommand::Delay, tr("delay")},
        {BoardCommand::Pause, tr("pause")},
        {BoardCommand::AllDay, tr("all-day")},
        {BoardCommand::NextStation, tr("station")},
        {BoardCommand::AcknowledgeAlert, tr("alerts seen")},
        {BoardCommand::MarkItem, tr("item done")},
        {BoardCommand::PageForward, tr("more tickets")},
        {BoardCommand::Manager, tr("manager")},
        {BoardCommand::Settings, tr("settings")},
        {BoardCommand::Help, tr("all keys")},
    };
    QStringList parts{tr("1–9 select")};
    for (const auto &[command, what] : shown) {
        const QList<QKeySequence> bound = keys.keys(command);
        if (!bound.isEmpty())
            parts.append(tr("%1 %2").arg(bound.first().toString(QKeySequence::NativeText), what));
    }
    // A narrow screen wraps between hints, never inside one ("C" here, "alert seen" below).
    for (QString &part : parts)
        part.replace(QLatin1Char(' '), QChar::Nbsp);
    m_keysText = parts.join(QStringLiteral("   ·   "));
    setText(m_keysText);
}

void KeyHintBar::setPickingItem(bool picking)
{
    setText(picking ? tr("1–9: the item with that number on the selected ticket is done (or open "
                         "again)   ·   any other key: cancel")
                    : m_keysText);
}
