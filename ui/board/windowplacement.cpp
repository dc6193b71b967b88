// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowplacement.h"

#include "shared/uilogging.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <QWindow>

WindowPlacement *WindowPlacement::show(QWidget &window, const Mode &mode)
{
    auto *placement = new WindowPlacement(window, mode);
    placement->place();
    return placement;
}

WindowPlacement::WindowPlacement(QWidget &window, const Mode &mode)
    : QObject(&window)
    , m_window(window)
    , m_mode(mode)
{ }

void WindowPlacement::place()
{
    QScreen *screen = m_window.screen() ? m_window.screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        m_window.show();
        return;
    }
    if (m_mode.fullScreen) {
        m_window.setGeometry(screen->geometry());
        m_window.showFullScreen();
        connect(m_window.windowHandle(), &QWindow::screenChanged, this, &WindowPlacement::follow);
        follow(m_window.windowHandle()->screen());
        return;
    }
    const QRect room = screen->availableGeometry();
    if (!m_mode.size.isValid()) {
        m_window.setGeometry(room);
        m_window.showMaximized();
        return;
    }
    m_window.setGeometry(QRect(room.topLeft(), m_mode.size.boundedTo(room.size())));
    m_window.show();
}

void WindowPlacement::follow(QScreen *screen)
{
    if (m_screen)
        disconnect(m_screen, nullptr, this, nullptr);
    m_screen = screen;
    if (screen)
        connect(screen, &QScreen::geometryChanged, this, &WindowPlacement::fill);
    fill();
}

void WindowPlacement::fill()
{
    if (!m_screen || !m_window.isFullScreen())
        return;
    const QRect whole = m_screen->geometry();
    if (m_window.geometry() == whole)
        return;
    qCInfo(lcBoard).noquote() << "full screen on" << m_screen->name() << "at"
                              << QStringLiteral("%1x%2").arg(whole.width()).arg(whole.height());
    m_window.setGeometry(whole);
}
