// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "managerdesk.h"

#include "board/mainwindow.h"
#include "engine/orderengine.h"
#include "pos/possetup.h"
#include "channels/deadletterdesk.h"
#include "connectionspage.h"
#include "dashboardwindow.h"
#include "deadletterview.h"
#include "managerpindialog.h"
#include "storecontrolspage.h"
#include "storerulespage.h"
#include "synchealthpanel.h"
#include "session/consolesession.h"
#include "shared/uilogging.h"

ManagerDesk::ManagerDesk(ConsoleSession &session, MainWindow &board, ManagerPin &pin)
    : m_session(session)
    , m_board(board)
    , m_pin(pin)
{
    connect(&m_board, &MainWindow::managerRequested, this, &ManagerDesk::open);
    // Only the dashboard opens the POS page, so a saved change is the manager's.
    connect(&m_board, &MainWindow::posSettingsChanged, this, &ManagerDesk::recordPosChange);
}

void ManagerDesk::recordPosChange(const PosSettings &settings)
{
    const QJsonObject payload{{QStringLiteral("vendor"), settings.vendor},
                              {QStringLiteral("location"), settings.locationId}};
    const CommandResult recorded = m_session.engine().appendStoreEvent(
            EventKind::PosConnectionChanged, payload,
            Actor::manager(m_session.config().engine.consoleId));
    if (!recorded.ok)
        qCWarning(lcSettings).noquote() << "the POS change was made but not written to the audit "
                                           "trail:" << recorded.message;
}

ManagerDesk::~ManagerDesk()
{
    delete m_dashboard.data();
}

void ManagerDesk::open()
{
    if (m_dashboard && m_dashboard->isVisible()) {
        showDashboard();
        return;
    }
    if (m_board.findChild<ManagerPinDialog *>())
        return; // the gate is up already
    auto *gate = new ManagerPinDialog(m_pin, m_session.clock(), &m_board);
    gate->setAttribute(Qt::WA_DeleteOnClose);
    connect(gate, &QDialog::accepted, this, &ManagerDesk::showDashboard);
    gate->open();
}

void ManagerDesk::showDashboard()
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
    m_dashboard->setExport(m_session.config().storePath, m_session.config().engine.storeId);
    m_dashboard->addPage(new SyncHealthPanel(m_session.engine().channels(), m_session.uptime(),
                                             m_session.clock()),
                         DashboardWindow::tr("Sync health"));
    // The PIN is the store's, not a person's: decisions are the manager's at this console.
    const QString consoleId = m_session.config().engine.consoleId;
    m_deadLetters = std::make_unique<DeadLetterDesk>(m_session.store(), m_session.engine().channels(),
                                                     consoleId);
    m_dashboard->addPage(new DeadLetterView(*m_deadLetters, m_session.clock(),
                                            Actor::manager(consoleId)),
                         DashboardWindow::tr("Dead letters"));
    m_dashboard->addPage(new StoreControlsPage(m_session, Actor::manager(consoleId), m_pin),
                         DashboardWindow::tr("Store"));
    if (m_session.hasKitchenServices())
        m_dashboard->addPage(new StoreRulesPage(m_session.storePolicy(), Actor::manager(consoleId)),
                             DashboardWindow::tr("Store rules"));
    auto *connections = new ConnectionsPage(m_session);
    m_dashboard->addPage(connections, DashboardWindow::tr("Connections"));
    // The POS page is the board's settings dialog, opened over the board for the manager.
    connect(connections, &ConnectionsPage::posSettingsRequested, this, [this] {
        m_board.raise();
        m_board.activateWindow();
        m_board.openPosSettings();
    });
    connect(connections, &ConnectionsPage::setupRequested, this, &ManagerDesk::setupRequested);
    connect(&m_board, &MainWindow::posSettingsChanged, connections, &ConnectionsPage::refresh,
            Qt::QueuedConnection); // after main() has connected the new POS
    connect(m_dashboard, &DashboardWindow::orderRequested, &m_board, &MainWindow::showOrder);
}
