// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QPushButton;
class QWidget;

/**
 * The finger-sized buttons of a short ordered list a manager edits (Up, Down, Remove, Add), each
 * enabled only when it would do something. The list's editor lays them out and does the work.
 */
class ListEditButtons final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListEditButtons)

public:
    /** The buttons are children of parent. */
    explicit ListEditButtons(QWidget *parent);

    QPushButton *up() const { return m_up; }
    QPushButton *down() const { return m_down; }
    QPushButton *remove() const { return m_remove; }
    QPushButton *add() const { return m_add; }

    /** For the selected row (-1: none) of rows, and whether the entry holds something to add. */
    void enableFor(int row, int rows, bool canAdd);

Q_SIGNALS:
    void moveRequested(int by);
    void removeRequested();
    void addRequested();

private:
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_remove;
    QPushButton *m_add;
};
