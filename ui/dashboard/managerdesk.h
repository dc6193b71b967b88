// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class ConsoleSession;
class DashboardWindow;
class DeadLetterDesk;
class MainWindow;
class ManagerPin;
struct PosSettings;

/**
 * Where a manager comes in: the manager's PIN first (set on first use), then the dashboard, built
 * with its pages the first time and brought forward after that. A dashboard already on screen is
 * brought forward without the PIN; once closed, the PIN is asked again. A ticket picked on the
 * dashboard is shown on the board. A POS connection changed from its Connections page is written
 * to this console's audit trail as the manager's.
 */
class ManagerDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerDesk)

public:
    /** session, board and pin must outlive the desk. */
    ManagerDesk(ConsoleSession &session, MainWindow &board, ManagerPin &pin);
    ~ManagerDesk() override;

    /** Asks for the PIN and opens the dashboard, or brings an open one forward. */
    void open();

Q_SIGNALS:
    /** A manager asked, on the dashboard, to set this screen up again. */
    void setupRequested();

private:
    void showDashboard();
    void build();
    void recordPosChange(const PosSettings &settings);

    ConsoleSession &m_session;
    MainWindow &m_board;
    ManagerPin &m_pin;
    std::unique_ptr<DeadLetterDesk> m_deadLetters;
    QPointer<DashboardWindow> m_dashboard;
};
