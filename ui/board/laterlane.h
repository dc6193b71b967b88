// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class LaterModel;
class QLabel;
class QListView;
struct TicketStyle;

/**
 * A slim side list of scheduled orders waiting for their fire time: number, customer and when it
 * fires. It hides itself while nothing is scheduled, so the board keeps the whole width.
 */
class LaterLane final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaterLane)

public:
    LaterLane(LaterModel *model, const TicketStyle &style, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QString titleText() const;

private:
    void refresh();

    LaterModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QListView *m_list = nullptr;
};
