// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class ConsoleSession;
class DashboardWindow;
class MainWindow;

/**
 * Where a manager comes in: builds the dashboard window with its pages the first time it is asked
 * for, and brings it forward after that. A ticket picked on the dashboard is shown on the board.
 */
class ManagerDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerDesk)

public:
    ManagerDesk(ConsoleSession &session, MainWindow &board);
    ~ManagerDesk() override;

    /** Opens (or brings forward) the dashboard. */
    void open();

private:
    void build();

    ConsoleSession &m_session;
    MainWindow &m_board;
    QPointer<DashboardWindow> m_dashboard;
};
