// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgetlook.h"

namespace WidgetLook {
QFont pixelFont(const QFont &base, int pixelSize, bool bold)
{
    QFont font = base;
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

QPalette filled(QPalette colours, const QColor &fill, const QColor &text)
{
    colours.setColor(QPalette::Window, fill);
    colours.setColor(QPalette::WindowText, text);
    return colours;
}
} // namespace WidgetLook
