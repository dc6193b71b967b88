// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Screenshots a reviewer looks at: saved under $KC_SCREENSHOT_DIR, else screenshots/ here; and
// the one a failing gui test leaves beside its log.

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTest>
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

/**
 * For a gui test's cleanup(): when the test function just failed, what window showed then is the
 * quickest clue, so it is saved as <test>-<function>.png in the working folder, beside the log.
 */
inline void screenshotOnFailure(QWidget *window)
{
    if (!QTest::currentTestFailed() || !window)
        return;
    const QString path = QDir::current().filePath(
        QStringLiteral("%1-%2.png")
            .arg(QCoreApplication::applicationName(), QLatin1String(QTest::currentTestFunction())));
    if (window->grab().save(path))
        qInfo("screenshot of the failure: %s", qUtf8Printable(path));
}
