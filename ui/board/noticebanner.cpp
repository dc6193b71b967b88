// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticebanner.h"

#include "shared/widgetlook.h"
#include "ticketstyle.h"

NoticeBanner::NoticeBanner(const TicketStyle &style, QWidget *parent)
    : QLabel(parent)
    , m_idleColours(palette())
    , m_infoColours(palette())
    , m_warningColours(palette())
{
    m_idleColours.setColor(QPalette::Window, style.board);
    m_infoColours.setColor(QPalette::Window, style.rule);
    m_infoColours.setColor(QPalette::WindowText, style.cardText);
    m_warningColours.setColor(QPalette::Window, style.banner);
    m_warningColours.setColor(QPalette::WindowText, style.bannerText);

    setObjectName(QStringLiteral("notice"));
    // Notices quote order numbers and reasons from outside: a "<b>" there is text, not markup.
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setAutoFillBackground(true);
    setContentsMargins(18, 10, 18, 10);
    setFocusPolicy(Qt::NoFocus);
    setFont(WidgetLook::pixelFont(font(), 22, true));
    setAccessibleName(tr("Notice"));
    setMinimumHeight(fontMetrics().height() + contentsMargins().top() + contentsMargins().bottom());
    setPalette(m_idleColours);

    m_timer.setSingleShot(true);
    m_timer.setInterval(8000);
    connect(&m_timer, &QTimer::timeout, this, &NoticeBanner::clearNotice);
}

void NoticeBanner::showNotice(const QString &text, Kind kind)
{
    const bool warning = kind == Kind::Warning;
    setPalette(warning ? m_warningColours : m_infoColours);
    m_kind = kind;
    setText(warning ? QStringLiteral("\u26A0  ") + text : text);
    m_timer.start();
}

void NoticeBanner::clearNotice()
{
    m_timer.stop();
    clear();
    setPalette(m_idleColours);
}
