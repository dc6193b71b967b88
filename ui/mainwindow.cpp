// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "alertbanner.h"
#include "boardheader.h"
#include "boardview.h"
#include "engine/orderengine.h"
#include "laterlane.h"
#include "latermodel.h"
#include "noticebanner.h"
#include "offscreenbar.h"
#include "ordermodel.h"
#include "rejectdialog.h"
#include "syncstatusview.h"
#include "ticketformat.h"
#include "uilog.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

MainWindow::MainWindow(OrderEngine &engine, const Clock &clock, const BoardOptions &options,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_style(TicketStyle::fromOptions(options))
    , m_options(options)
    , m_actions(engine, clock, options)
{
    setWindowTitle(tr("Kitchen Console"));
    setPalette(m_style.widgetPalette());
    setAutoFillBackground(true);

    m_model = new OrderModel(engine, clock, this);
    // A scheduled order fires when there is just the usual prep time left before it is due.
    m_model->setScheduledLeadMs(qint64(options.defaultPrepMinutes) * 60'000);
    m_laterModel = new LaterModel(*m_model, clock, this);
    m_header =
        new BoardHeader(m_style, clock, engine.config().storeId, engine.config().consoleId, this);
    m_alerts = new AlertBanner(m_style, this);
    const QList<QKeySequence> ackKeys = options.keys.keys(BoardCommand::AcknowledgeAlert);
    if (!ackKeys.isEmpty())
        m_alerts->setAcknowledgeKeyName(ackKeys.first().toString(QKeySequence::NativeText));
    m_notice = new NoticeBanner(m_style, this);
    m_notice->setTimeoutMs(options.noticeTimeoutMs);

    m_board = new BoardView(this);
    m_board->setTicketStyle(m_style);
    m_board->setKeyMap(options.keys);
    m_board->setModel(m_model);
    QPalette boardColours = m_board->palette();
    boardColours.setColor(QPalette::Base, m_style.board);
    m_board->setPalette(boardColours);
    m_offscreen = new OffscreenBar(m_board, m_style, this);
    m_laterLane = new LaterLane(m_laterModel, m_style, this);
    connect(m_offscreen, &OffscreenBar::jumped, m_board, [board = m_board] { board->setFocus(); });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_alerts);
    layout->addWidget(m_notice);
    auto *boardColumn = new QVBoxLayout;
    boardColumn->setSpacing(0);
    boardColumn->addWidget(m_board, 1);
    boardColumn->addWidget(m_offscreen);
    auto *boardRow = new QHBoxLayout;
    boardRow->setSpacing(0);
    boardRow->addLayout(boardColumn, 1);
    boardRow->addWidget(m_laterLane);
    layout->addLayout(boardRow, 1);
    setCentralWidget(central);
    m_board->setFocus();

    connect(m_board, &BoardView::advanceRequested, this, &MainWindow::advance);
    connect(m_board, &BoardView::commandRequested, this, &MainWindow::runCommand);
    connect(&engine, &OrderEngine::refused, this, &MainWindow::showRefusal);
    connect(&engine, &OrderEngine::alert, this, &MainWindow::showAlert);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(OrderModel::StateRole))
                    updateCounts();
            });
    updateCounts();
}

MainWindow::~MainWindow() = default;

SyncStatusView *MainWindow::syncStatus() const
{
    return m_header->syncStatus();
}

void MainWindow::setSync(const SyncClient *client, const PlatformLink *link)
{
    m_header->syncStatus()->setSource(client, link);
}

void MainWindow::setSyncProblem(const QString &problem)
{
    m_header->syncStatus()->setProblem(problem);
}

void MainWindow::runCommand(BoardCommand command)
{
    switch (command) {
    case BoardCommand::Bump:
        advance(m_board->selectedOrderId());
        break;
    case BoardCommand::Recall:
        recall(m_board->selectedOrderId());
        break;
    case BoardCommand::Reject:
        askReject(m_board->selectedOrderId());
        break;
    case BoardCommand::AcknowledgeAlert:
        m_alerts->acknowledgeOldest();
        break;
    case BoardCommand::Delay:
    case BoardCommand::Pause:
    case BoardCommand::AllDay:
    case BoardCommand::PageBack:
        m_board->pageBack();
        break;
    case BoardCommand::PageForward:
        m_board->pageForward();
        break;
    case BoardCommand::NextStation:
    case BoardCommand::Settings:
    case BoardCommand::Help:
        break;
    }
}

void MainWindow::advance(const QString &orderId)
{
    m_notice->clearNotice();
    const CommandResult result = m_actions.advance(orderId);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    // A hand-over takes the ticket off the board; say how to get it back.
    if (result.order && !result.order->isOpen()) {
        showDone(tr("Order %1 %2. Press R to recall it.")
                     .arg(TicketFormat::number(*result.order),
                          OrderStates::displayName(result.order->state)));
    }
}

void MainWindow::recall(const QString &orderId)
{
    m_notice->clearNotice();
    const CommandResult result = m_actions.recall(orderId);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    if (result.order) {
        selectOrder(result.order->id);
        showDone(tr("Order %1 recalled: back to %2.")
                     .arg(TicketFormat::number(*result.order),
                          OrderStates::displayName(result.order->state)));
    }
}

void MainWindow::askReject(const QString &orderId)
{
    m_notice->clearNotice();
    if (m_rejectDialog)
        return; // one question at a time
    const CommandResult check = m_actions.checkReject(orderId);
    if (!check.ok) {
        showRefusal(check.message);
        return;
    }
    const QString label = check.order ? TicketFormat::number(*check.order) : orderId;
    m_rejectDialog = new RejectDialog(label, this);
    m_rejectDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_rejectDialog->setPalette(palette());
    connect(m_rejectDialog, &QDialog::accepted, this,
            [this, orderId, dialog = m_rejectDialog.data()] { reject(orderId, dialog->reason()); });
    connect(m_rejectDialog, &QDialog::finished, m_board, [board = m_board] { board->setFocus(); });
    // Not exec(): the board keeps updating while the cook chooses.
    m_rejectDialog->open();
}

void MainWindow::reject(const QString &orderId, const QString &reason)
{
    const CommandResult result = m_actions.reject(orderId, reason);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    if (result.order)
        showDone(tr("Order %1 rejected: %2").arg(TicketFormat::number(*result.order), reason));
}

void MainWindow::showRefusal(const QString &message)
{
    qCWarning(lcBoard) << "refused:" << message;
    m_notice->showNotice(message, NoticeBanner::Kind::Warning);
}

void MainWindow::showDone(const QString &message)
{
    m_notice->showNotice(message, NoticeBanner::Kind::Info);
}

void MainWindow::showAlert(const QString &orderId, const QString &message)
{
    qCWarning(lcBoard).noquote() << "alert for order" << orderId << ":" << message;
    m_alerts->addAlert(orderId, message);
}

void MainWindow::selectOrder(const QString &orderId)
{
    const int row = m_model->rowOf(orderId);
    if (row >= 0)
        m_board->selectRow(row);
}

void MainWindow::updateCounts()
{
    m_header->setCounts(m_model->stateCounts());
}
