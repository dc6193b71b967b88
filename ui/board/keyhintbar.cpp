// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyhintbar.h"

#include "settings/keymap.h"
#include "ticketstyle.h"

KeyHintBar::KeyHintBar(const TicketStyle &style, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("keyHints"));
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, style.card);
    colours.setColor(QPalette::WindowText, style.dimText);
    setPalette(colours);
    setContentsMargins(16, 6, 16, 6);
    setWordWrap(true); // a narrow screen gets two lines, never a wider window
    QFont hintFont = font();
    hintFont.setPixelSize(16);
    setFont(hintFont);
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
        {BoardCommand::AcknowledgeAlert, tr("alert seen")},
        {BoardCommand::PageForward, tr("more tickets")},
        {BoardCommand::Settings, tr("settings")},
        {BoardCommand::Help, tr("all keys")},
    };
    QStringList parts{tr("1–9 select")};
    for (const auto &[command, what] : shown) {
        const QList<QKeySequence> bound = keys.keys(command);
        if (!bound.isEmpty())
            parts.append(tr("%1 %2").arg(bound.first().toString(QKeySequence::NativeText), what));
    }
    setText(parts.join(QStringLiteral("   ·   ")));
}
