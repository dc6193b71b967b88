// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>

class QScreen;
class QWidget;

/**
 * How the board's window sits on the screen it is on: full screen (a kiosk), filling that screen
 * and following it when the window moves to another screen or the screen changes resolution; or
 * windowed, at the size asked for but never larger than the screen's free area, or maximised when
 * no size is given. Sizes come from the screen, never from a constant, so the same build fits
 * 1024×768 and 4K. A kiosk often runs without a window manager, which would otherwise be the one
 * to resize a full-screen or maximised window: the geometry is set here as well.
 */
class WindowPlacement final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowPlacement)

public:
    struct Mode
    {
        QSize size; // windowed: this size (within the screen); invalid: maximised
        bool fullScreen = false;
    };

    /** Shows window on the screen it is on, as mode says; the placement is a child of window. */
    static WindowPlacement *show(QWidget &window, const Mode &mode);

private:
    WindowPlacement(QWidget &window, const Mode &mode);
    void place();
    /** Full screen: takes the whole of the screen the window is on now. */
    void fill();
    void follow(QScreen *screen);

    QWidget &m_window;
    Mode m_mode;
    QPointer<QScreen> m_screen; // followed for resolution changes while full screen
};
