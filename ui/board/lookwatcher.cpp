// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lookwatcher.h"

#include <QEvent>
#include <QWidget>

void LookWatcher::watch(QWidget *widget)
{
    widget->installEventFilter(this);
}

bool LookWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
        Q_EMIT looked();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event); // it only watches: the press goes on as ever
}
