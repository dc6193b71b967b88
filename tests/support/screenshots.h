// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Screenshots a reviewer looks at: saved under $KC_SCREENSHOT_DIR, else screenshots/ here.

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QWidget>

/** Where name.png goes (the folder is made if needed); empty if it cannot be made. */
inline QString screenshotPath(const QString &name)
{
    QString folder = qEnvironmentVariable("KC_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = QDir::current().filePath(QStringLiteral("screenshots"));
    if (!QDir().mkpath(folder))
        return {};
    return QDir(folder).filePath(name + QStringLiteral(".png"));
}

/** Grabs a widget to name.png and reads it back; the saved path, or empty if anything failed. */
inline QString saveScreenshot(QWidget &widget, const QString &name)
{
    const QString path = screenshotPath(name);
    if (path.isEmpty())
        return {};
    const QPixmap shot = widget.grab();
    if (shot.isNull() || !shot.save(path))
        return {};
    const QImage back(path);
    if (QFileInfo(path).size() == 0 || back.size() != widget.size())
        return {};
    return path;
}
