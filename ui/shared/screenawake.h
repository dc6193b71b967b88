// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

/**
 * Keeps the screen from blanking or locking while it lives, for a kiosk: asks the desktop's
 * screen saver to hold off (org.freedesktop.ScreenSaver Inhibit on the session bus) and lets go
 * when destroyed. Where there is no such service it says so once in the log; the installation
 * guide says how to turn blanking off there (docs/packaging.md).
 */
class ScreenAwake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenAwake)

public:
    /** reason: shown by the desktop to whoever wonders why the screen stays on. */
    explicit ScreenAwake(const QString &reason, QObject *parent = nullptr);
    ~ScreenAwake() override;

    /** Whether the screen saver agreed to hold off (set once its answer came). */
    bool isHeld() const { return m_cookie != 0; }

Q_SIGNALS:
    /** The screen saver answered: held, or not (and why, for the log). */
    void answered(bool held, const QString &why);

private:
    quint32 m_cookie = 0;
};
