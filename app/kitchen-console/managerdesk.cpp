// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "managerdesk.h"

#include "board/mainwindow.h"
#include "dashboard/dashboardwindow.h"
#include "dashboard/synchealthpanel.h"
#include "session/consolesession.h"

ManagerDesk::ManagerDesk(ConsoleSession &session, MainWindow &board)
    : m_session(session)
    , m_board(board)
{
    connect(&m_board, &MainWindow::managerRequested, this, &ManagerDesk::open);
}

ManagerDesk::~ManagerDesk()
{
    delete m_dashboard.data();
}

void ManagerDesk::open()
{
    if (!m_dashboard)
        build();
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
}

void ManagerDesk::build()
{
    m_dashboard = new DashboardWindow(m_session.metrics(), m_session.clock());
    m_dashboard->resize(m_board.size());
    m_dashboard->addPage(new SyncHealthPanel(m_session.engine().channels(), m_session.uptime(),
                                             m_session.clock()),
                         DashboardWindow::tr("Sync health"));
    connect(m_dashboard, &DashboardWindow::orderRequested, &m_board, &MainWindow::showOrder);
}
