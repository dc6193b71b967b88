// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

/**
 * Says when someone looks at the board: any key pressed or any tap (mouse or touch) on the widgets
 * it watches. Whatever the press then does, it proves a person is there.
 */
class LookWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LookWatcher)

public:
    using QObject::QObject;

    /** Watches the widget's presses (it may be a view and its viewport, a strip, a window). */
    void watch(QWidget *widget);

Q_SIGNALS:
    void looked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
