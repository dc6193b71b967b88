// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QPalette>

/**
 * The few rules of the look every screen shares. Type is sized in pixels: a kitchen screen is read
 * from metres away, whatever the system's point size says.
 */
namespace WidgetLook {
/** base at pixelSize, bold or not. */
QFont pixelFont(const QFont &base, int pixelSize, bool bold = false);
/** colours with fill behind the widget and text on it (a chip, a strip, a count). */
QPalette filled(QPalette colours, const QColor &fill, const QColor &text);
} // namespace WidgetLook
