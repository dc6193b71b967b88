// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "acceptdialog.h"
#include "alertbanner.h"
#include "boardheader.h"
#include "boardview.h"
#include "common/clock.h"
#include "delaydialog.h"
#include "engine/orderengine.h"
#include "engine/storepause.h"
#include "noticebanner.h"
#include "ordermodel.h"
#include "pausedialog.h"
#include "recalldialog.h"
#include "rejectdialog.h"
#include "syncstatusview.h"
#include "ticketformat.h"
#include "uilog.h"

#include <QDateTime>
#include <QVBoxLayout>

MainWindow::MainWindow(OrderEngine &engine, const Clock &clock, const BoardOptions &options,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_clock(clock)
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
    m_board->setModel(m_model);
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
    layout->addWidget(m_board, 1);
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

void MainWindow::setStorePause(StorePause *pause)
{
    if (m_pause)
        disconnect(m_pause, nullptr, this, nullptr);
    m_pause = pause;
    m_header->setPausedUntil(pause ? pause->pausedUntil() : 0);
    if (!pause)
        return;
    connect(pause, &StorePause::pauseChanged, m_header, &BoardHeader::setPausedUntil);
    connect(pause, &StorePause::pauseChanged, this, [this](qint64 untilMs) {
        if (untilMs == 0)
            showDone(tr("The store is taking orders again."));
    });
}

void MainWindow::runCommand(BoardCommand command)
{
    switch (command) {
    case BoardCommand::Bump:
        advance(m_board->selectedOrderId());
        break;
    case BoardCommand::Recall:
        askRecall();
        break;
    case BoardCommand::Reject:
        askReject(m_board->selectedOrderId());
        break;
    case BoardCommand::AcknowledgeAlert:
        m_alerts->acknowledgeOldest();
        break;
    case BoardCommand::Delay:
        askDelay(m_board->selectedOrderId());
        break;
    case BoardCommand::Pause:
        askPause();
        break;
    case BoardCommand::AllDay:
    case BoardCommand::NextStation:
    case BoardCommand::PageBack:
    case BoardCommand::PageForward:
    case BoardCommand::Settings:
    case BoardCommand::Help:
        break;
    }
}

void MainWindow::advance(const QString &orderId)
{
    m_notice->clearNotice();
    if (m_actions.needsQuote(orderId)) {
        askAccept(orderId);
        return;
    }
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

void MainWindow::ask(QDialog *dialog)
{
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, m_board, [board = m_board] { board->setFocus(); });
    // Not exec(): the board keeps updating while the cook chooses.
    dialog->open();
    // Over the middle of the board, where the eyes are, whatever the window manager would do.
    dialog->adjustSize();
    dialog->move(mapToGlobal(rect().center()) - dialog->rect().center());
}

void MainWindow::askAccept(const QString &orderId)
{
    if (m_dialog)
        return; // one question at a time
    const int row = m_model->rowOf(orderId);
    const QString label = row >= 0 ? TicketFormat::number(m_model->orderAt(row)) : orderId;
    auto *dialog = new AcceptDialog(label, m_options.defaultPrepMinutes, m_clock, this);
    connect(dialog, &QDialog::accepted, this,
            [this, orderId, dialog] { accept(orderId, dialog->minutes()); });
    ask(dialog);
}

void MainWindow::accept(const QString &orderId, int minutes)
{
    const CommandResult result = m_actions.accept(orderId, minutes);
    if (!result.ok)
        showRefusal(result.message);
}

void MainWindow::askDelay(const QString &orderId)
{
    m_notice->clearNotice();
    if (m_dialog)
        return;
    const CommandResult check = m_actions.checkDelay(orderId);
    if (!check.ok) {
        showRefusal(check.message);
        return;
    }
    auto *dialog = new DelayDialog(TicketFormat::number(*check.order), check.order->promisedAt,
                                   m_clock, this);
    connect(dialog, &QDialog::accepted, this,
            [this, orderId, dialog] { delay(orderId, dialog->minutes()); });
    ask(dialog);
}

void MainWindow::delay(const QString &orderId, int minutes)
{
    const CommandResult result = m_actions.delay(orderId, minutes);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    if (result.order) {
        const QString time = QDateTime::fromMSecsSinceEpoch(result.order->promisedAt)
                                 .toLocalTime()
                                 .toString(QStringLiteral("HH:mm"));
        showDone(tr("Order %1 delayed by %2 min: now promised for %3.")
                     .arg(TicketFormat::number(*result.order))
                     .arg(minutes)
                     .arg(time));
    }
}

void MainWindow::askRecall()
{
    m_notice->clearNotice();
    if (m_dialog)
        return;
    const QList<Order> recallable = m_actions.recallable();
    const int windowMinutes = int(m_actions.recallWindowMs() / 60'000);
    if (recallable.isEmpty()) {
        showRefusal(tr("Nothing to recall: no ticket was bumped in the last %1 min.")
                        .arg(windowMinutes));
        return;
    }
    auto *dialog = new RecallDialog(recallable, m_clock.nowMs(), windowMinutes, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { recall(dialog->orderId()); });
    ask(dialog);
}

void MainWindow::recall(const QString &orderId)
{
    const CommandResult result = m_actions.recallOrder(orderId);
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

void MainWindow::askPause()
{
    m_notice->clearNotice();
    if (m_dialog)
        return;
    if (!m_pause) {
        showRefusal(tr("Pausing the store is not available on this console."));
        return;
    }
    auto *dialog = new PauseDialog(m_pause->pausedUntil(), m_clock, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        pauseOrResume(dialog->choice() == PauseDialog::Choice::Resume, dialog->untilMs());
    });
    ask(dialog);
}

void MainWindow::pauseOrResume(bool resume, qint64 untilMs)
{
    const CommandResult result =
        resume ? m_pause->resume(m_actions.actor()) : m_pause->pause(untilMs, m_actions.actor());
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    if (!resume)
        showDone(tr("The store is paused: the platform sends no new orders until %1. Orders "
                    "already here stay on the board.")
                     .arg(QDateTime::fromMSecsSinceEpoch(untilMs).toLocalTime().toString(
                         QStringLiteral("HH:mm"))));
}

void MainWindow::askReject(const QString &orderId)
{
    m_notice->clearNotice();
    if (m_dialog)
        return; // one question at a time
    const CommandResult check = m_actions.checkReject(orderId);
    if (!check.ok) {
        showRefusal(check.message);
        return;
    }
    const QString label = check.order ? TicketFormat::number(*check.order) : orderId;
    auto *dialog = new RejectDialog(label, m_options.rejectReasons, this);
    connect(dialog, &QDialog::accepted, this,
            [this, orderId, dialog] { reject(orderId, dialog->reason()); });
    ask(dialog);
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
    QMap<OrderState, int> counts;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ++counts[m_model->orderAt(row).state];
    m_header->setCounts(counts);
}
