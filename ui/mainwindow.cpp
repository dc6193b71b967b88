// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "acceptdialog.h"
#include "alertbanner.h"
#include "alertsound.h"
#include "alldaymodel.h"
#include "alldaypanel.h"
#include "boardheader.h"
#include "boardview.h"
#include "common/clock.h"
#include "delaydialog.h"
#include "engine/feedmonitor.h"
#include "engine/kitchenalerts.h"
#include "engine/orderengine.h"
#include "engine/storepause.h"
#include "feedstatusview.h"
#include "keyhelpdialog.h"
#include "keyhintbar.h"
#include "laterlane.h"
#include "latermodel.h"
#include "noticebanner.h"
#include "offscreenbar.h"
#include "ordermodel.h"
#include "pausedialog.h"
#include "recalldialog.h"
#include "rejectdialog.h"
#include "session/consolesession.h"
#include "settingsdialog.h"
#include "stationfiltermodel.h"
#include "syncstatusview.h"
#include "ticketformat.h"
#include "uilogging.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QVBoxLayout>

MainWindow::MainWindow(ConsoleSession &session, const BoardOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_clock(session.clock())
    , m_style(TicketStyle::fromOptions(options))
    , m_options(options)
    , m_actions(session.engine(), session.clock(), options)
{
    Q_ASSERT(session.hasKitchenServices());
    OrderEngine &engine = session.engine();
    const Clock &clock = session.clock();
    setWindowTitle(tr("Kitchen Console"));
    setAutoFillBackground(true);

    m_model = new OrderModel(engine, clock, this);
    m_laterModel = new LaterModel(*m_model, clock, this);
    m_header =
        new BoardHeader(m_style, clock, engine.config().storeId, engine.config().consoleId, this);
    m_alerts = new AlertBanner(m_style, this);
    m_notice = new NoticeBanner(m_style, this);

    m_board = new BoardView(this);
    m_stationModel = new StationFilterModel(this);
    m_stationModel->setSourceModel(m_model);
    m_stationModel->setStationOrder(options.policy.stations);
    m_board->setModel(m_stationModel);
    m_allDay = new AllDayModel(m_model, options.policy.stations, this);
    m_allDayPanel = new AllDayPanel(m_style, m_allDay, this);
    m_allDayPanel->hide(); // A shows it
    m_keyHints = new KeyHintBar(m_style, this);
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
    boardRow->addWidget(m_allDayPanel);
    boardRow->addWidget(m_laterLane);
    layout->addLayout(boardRow, 1);
    layout->addWidget(m_keyHints);
    setCentralWidget(central);
    m_board->setFocus();

    showStation(options.station);
    connect(m_board, &BoardView::advanceRequested, this, &MainWindow::bump);
    connect(m_board, &BoardView::commandRequested, this, &MainWindow::runCommand);
    connect(&engine, &OrderEngine::refused, this, &MainWindow::showRefusal);
    // While the store cannot write, the header says so in words until a write succeeds again.
    connect(&engine, &OrderEngine::storeFaultChanged, this, [this](StoreFault fault) {
        m_header->syncStatus()->setStoreProblem(StoreFaults::forStaff(fault));
    });

    // New, late, changed and cancelled orders, the platform overtaking this console and quiet
    // feeds all arrive as kitchen alerts: shown, sounded (or flashed), and logged.
    m_feeds = &session.feeds();
    m_kitchenAlerts = &session.kitchenAlerts();
    m_sound = new AlertSound(clock, this);
    applyCurrentOptions();
    m_header->feedStatus()->setMonitor(m_feeds);
    connect(m_kitchenAlerts, &KitchenAlerts::raised, this, &MainWindow::showKitchenAlert);
    connect(m_sound, &AlertSound::visualFallback, m_alerts, &AlertBanner::flash);
    setStorePause(&session.storePause());

    // The header counts what this screen shows: a station's open tickets, or expo's all. Both
    // models are followed: the proxy removes its rows while the source is only about to, before
    // the source's own counts have changed. Counted once per event-loop turn, not per event: a
    // replay of a thousand events relabels the header once per batch.
    m_countsSoon.setSingleShot(true);
    m_countsSoon.setInterval(0);
    connect(&m_countsSoon, &QTimer::timeout, this, &MainWindow::updateCounts);
    for (const QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_model), static_cast<QAbstractItemModel *>(m_stationModel)}) {
        connect(model, &QAbstractItemModel::rowsInserted, &m_countsSoon, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::rowsRemoved, &m_countsSoon, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::modelReset, &m_countsSoon, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::layoutChanged, &m_countsSoon, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (roles.isEmpty() || roles.contains(OrderModel::StateRole))
                        m_countsSoon.start();
                });
    }
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
        bump(m_board->selectedOrderId());
        break;
    case BoardCommand::Recall:
        if (m_stationModel->isExpo())
            askRecall();
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
        askDelay(m_board->selectedOrderId());
        break;
    case BoardCommand::Pause:
        askPause();
        break;
    case BoardCommand::PageBack:
        m_board->pageBack();
        break;
    case BoardCommand::PageForward:
        m_board->pageForward();
        break;
    case BoardCommand::Settings:
        openSettings();
        break;
    case BoardCommand::Help:
        openKeyHelp();
        break;
    }
}

void MainWindow::openSettings()
{
    if (m_dialog)
        return; // one question at a time
    auto *dialog = new SettingsDialog(m_options, this);
    dialog->setPalette(palette());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        applyOptions(dialog->options());
        Q_EMIT optionsChanged(m_options);
    });
    ask(dialog);
}

void MainWindow::openKeyHelp()
{
    if (m_dialog)
        return;
    auto *dialog = new KeyHelpDialog(m_options.keys, this);
    dialog->setPalette(palette());
    ask(dialog);
}

void MainWindow::applyOptions(const BoardOptions &options)
{
    m_options = options;
    m_actions.setOptions(options);
    m_style = TicketStyle::fromOptions(options);
    applyCurrentOptions();
    if (options.station != station())
        showStation(options.station);
    m_board->viewport()->update();
}

void MainWindow::applyCurrentOptions()
{
    setPalette(m_style.widgetPalette());
    QPalette boardColours = m_board->palette();
    boardColours.setColor(QPalette::Base, m_style.board);
    m_board->setPalette(boardColours);
    m_board->setTicketStyle(m_style);
    m_board->setKeyMap(m_options.keys);
    m_keyHints->setKeyMap(m_options.keys);
    m_notice->setTimeoutMs(m_options.noticeTimeoutMs);
    const QList<QKeySequence> ackKeys = m_options.keys.keys(BoardCommand::AcknowledgeAlert);
    m_alerts->setAcknowledgeKeyName(
            ackKeys.isEmpty() ? tr("(no key)") : ackKeys.first().toString(QKeySequence::NativeText));
    // A scheduled order fires when there is just the usual prep time left before it is due.
    m_model->setScheduledLeadMs(m_options.policy.defaultPrepMs());
    configureAlerts();
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
    const QStringList &stations = m_options.policy.stations;
    const qsizetype at = stations.indexOf(station());
    const qsizetype next = at + 1; // expo (not in the list) gives 0
    showStation(next < stations.size() ? stations.at(next) : QString());
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
    auto *dialog = new AcceptDialog(label, m_options.policy.defaultPrepMinutes, m_clock, this);
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
    auto *dialog = new RejectDialog(label, m_options.policy.rejectReasons, this);
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

void MainWindow::showKitchenAlert(const KitchenAlert &alert)
{
    qCWarning(lcBoard).noquote() << "alert for order" << alert.orderId << ":" << alert.title
                                 << alert.details;
    switch (alert.kind) {
    case KitchenAlert::Kind::NewOrder:
    case KitchenAlert::Kind::Late:
        // Seen on the board itself (a new ticket, a red timer): a banner that passes by itself,
        // so a busy lunch is not a string of acknowledgements.
        m_notice->showNotice(alert.title, alert.kind == KitchenAlert::Kind::Late
                                                  ? NoticeBanner::Kind::Warning
                                                  : NoticeBanner::Kind::Info);
        break;
    case KitchenAlert::Kind::Changed:
    case KitchenAlert::Kind::Cancelled:
    case KitchenAlert::Kind::Overtaken:
    case KitchenAlert::Kind::FeedQuiet:
        // Work already under way is affected, or orders may not be arriving: stays until seen.
        m_alerts->addAlert(alert.orderId, alert.title, alert.details);
        break;
    }
    m_sound->alert(alert);
}

void MainWindow::configureAlerts()
{
    m_session.applyPolicy(m_options.policy);
    m_sound->setMuted(m_options.soundMuted);
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
    if (m_stationModel->isExpo()) {
        m_header->setCounts(m_model->stateCounts()); // kept by the model: no scan per event
        return;
    }
    // A station's screen counts what it shows, which is its own (shorter) list.
    QMap<OrderState, int> counts;
    for (int row = 0; row < m_stationModel->rowCount(); ++row)
        ++counts[m_stationModel->index(row, 0).data(OrderModel::StateRole).value<OrderState>()];
    m_header->setCounts(counts);
}
