// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "alertbanner.h"
#include "alldaymodel.h"
#include "alldaypanel.h"
#include "boardheader.h"
#include "boardview.h"
#include "engine/orderengine.h"
#include "noticebanner.h"
#include "ordermodel.h"
#include "rejectdialog.h"
#include "stationfiltermodel.h"
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
    m_stationModel = new StationFilterModel(this);
    m_stationModel->setSourceModel(m_model);
    m_stationModel->setStationOrder(options.stations);
    m_board->setModel(m_stationModel);
    m_allDay = new AllDayModel(m_model, options.stations, this);
    m_allDayPanel = new AllDayPanel(m_style, m_allDay, this);
    m_allDayPanel->hide(); // A shows it
    QPalette boardColours = m_board->palette();
    boardColours.setColor(QPalette::Base, m_style.board);
    m_board->setPalette(boardColours);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_alerts);
    layout->addWidget(m_notice);
    auto *boardRow = new QHBoxLayout;
    boardRow->setSpacing(0);
    boardRow->addWidget(m_board, 1);
    boardRow->addWidget(m_allDayPanel);
    layout->addLayout(boardRow, 1);
    setCentralWidget(central);
    m_board->setFocus();

    showStation(options.station);
    connect(m_board, &BoardView::advanceRequested, this, &MainWindow::bump);
    connect(m_board, &BoardView::commandRequested, this, &MainWindow::runCommand);
    connect(&engine, &OrderEngine::refused, this, &MainWindow::showRefusal);
    connect(&engine, &OrderEngine::alert, this, &MainWindow::showAlert);

    // The header counts what this screen shows: a station's open tickets, or expo's all.
    connect(m_stationModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
    connect(m_stationModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
    connect(m_stationModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(m_stationModel, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCounts);
    connect(m_stationModel, &QAbstractItemModel::dataChanged, this,
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
        bump(m_board->selectedOrderId());
        break;
    case BoardCommand::Recall:
        if (m_stationModel->isExpo())
            recall(m_board->selectedOrderId());
        else
            reopenStation();
        break;
    case BoardCommand::NextStation:
        nextStation();
        break;
    case BoardCommand::AllDay:
        m_allDayPanel->setVisible(m_allDayPanel->isHidden());
        break;
    case BoardCommand::Reject:
        askReject(m_board->selectedOrderId());
        break;
    case BoardCommand::AcknowledgeAlert:
        m_alerts->acknowledgeOldest();
        break;
    case BoardCommand::Delay:
    case BoardCommand::Pause:
    case BoardCommand::PageBack:
    case BoardCommand::PageForward:
    case BoardCommand::Settings:
    case BoardCommand::Help:
        break;
    }
}

QString MainWindow::station() const
{
    return m_stationModel->station();
}

void MainWindow::showStation(const QString &station)
{
    const bool changed = station != m_stationModel->station();
    m_stationModel->setStation(station);
    m_allDay->setStation(station);
    m_allDayPanel->setStation(station);
    m_header->setViewName(station.isEmpty() ? tr("EXPO") : station.toUpper());
    m_lastStationBump.clear();
    m_board->selectRow(0);
    if (changed) {
        qCInfo(lcBoard) << "showing" << (station.isEmpty() ? QStringLiteral("expo") : station);
        Q_EMIT stationChanged(station);
    }
}

void MainWindow::nextStation()
{
    // expo → each station in the store's order → expo
    const qsizetype at = m_options.stations.indexOf(station());
    const qsizetype next = at + 1; // expo (not in the list) gives 0
    showStation(next < m_options.stations.size() ? m_options.stations.at(next) : QString());
}

void MainWindow::bump(const QString &orderId)
{
    if (m_stationModel->isExpo())
        advance(orderId);
    else
        bumpStation(orderId);
}

void MainWindow::bumpStation(const QString &orderId)
{
    m_notice->clearNotice();
    const QString station = m_stationModel->station();
    const CommandResult result = m_actions.bumpStation(orderId, station);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    m_lastStationBump = orderId;
    if (result.order && result.order->state == OrderState::Ready) {
        showDone(tr("Order %1: %2 done, every station done: ready.")
                     .arg(TicketFormat::number(*result.order), station.toUpper()));
    } else if (result.order) {
        showDone(tr("Order %1: %2 done. Press R to reopen it.")
                     .arg(TicketFormat::number(*result.order), station.toUpper()));
    }
}

void MainWindow::reopenStation()
{
    m_notice->clearNotice();
    const QString station = m_stationModel->station();
    const CommandResult result = m_actions.reopenStation(m_lastStationBump, station);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    m_lastStationBump.clear();
    if (result.order) {
        selectOrder(result.order->id);
        showDone(tr("Order %1: %2 reopened.")
                     .arg(TicketFormat::number(*result.order), station.toUpper()));
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
    const int sourceRow = m_model->rowOf(orderId);
    if (sourceRow < 0)
        return;
    const QModelIndex shown = m_stationModel->mapFromSource(m_model->index(sourceRow));
    if (shown.isValid())
        m_board->selectRow(shown.row());
}

void MainWindow::updateCounts()
{
    QMap<OrderState, int> counts;
    for (int row = 0; row < m_stationModel->rowCount(); ++row)
        ++counts[m_stationModel->index(row, 0).data(OrderModel::StateRole).value<OrderState>()];
    m_header->setCounts(counts);
}
