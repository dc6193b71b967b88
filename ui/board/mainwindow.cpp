// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "alertbanner.h"
#include "alertsound.h"
#include "alldaymodel.h"
#include "alldaypanel.h"
#include "boardcontroller.h"
#include "boardheader.h"
#include "servicepulse.h"
#include "tickettimes.h"
#include "boardview.h"
#include "bumpkeyfilter.h"
#include "dialogs/dialoghost.h"
#include "dialogs/keyhelpdialog.h"
#include "engine/feedmonitor.h"
#include "engine/kitchenalerts.h"
#include "engine/orderengine.h"
#include "engine/storepause.h"
#include "engine/storepolicybook.h"
#include "feedstatusview.h"
#include "framepacer.h"
#include "keyhintbar.h"
#include "laterlane.h"
#include "latermodel.h"
#include "lookwatcher.h"
#include "noticebanner.h"
#include "numberkeys.h"
#include "offscreenbar.h"
#include "ordermodel.h"
#include "session/consolesession.h"
#include "settings/settingsdialog.h"
#include "shared/paintmemory.h"
#include "shared/uilogging.h"
#include "stationfiltermodel.h"
#include "sync/syncclient.h"
#include "syncstatusview.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include <utility>

MainWindow::MainWindow(ConsoleSession &session, const BoardOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_style(TicketStyle::fromOptions(options))
    , m_options(options)
{
    Q_ASSERT(session.hasKitchenServices());
    OrderEngine &engine = session.engine();
    const Clock &clock = session.clock();
    setWindowTitle(tr("Kitchen Console"));
    setAutoFillBackground(true);

    m_pacer = new FramePacer(engine, options.pacing, this);
    m_model = new OrderModel(engine, *m_pacer, clock, this);
    m_laterModel = new LaterModel(*m_model, clock, this);
    m_header =
        new BoardHeader(m_style, clock, engine.config().storeId, engine.config().consoleId, this);
    m_alerts = new AlertBanner(m_style, this);
    m_notice = new NoticeBanner(m_style, this);
    auto *ticketTimes = new TicketTimes(engine, clock, this);
    connect(m_header, &BoardHeader::managerRequested, this, &MainWindow::managerRequested);
    m_pulse = new ServicePulse(*m_model, *ticketTimes, clock, *m_header, this);
    m_pulse->setStyle(m_style);

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
    m_bumpKeys = new BumpKeyFilter(*this, clock, this);
    m_numberKeys = new NumberKeys(*m_board, this);
    connect(m_numberKeys, &NumberKeys::pickingItemChanged, m_keyHints,
            &KeyHintBar::setPickingItem);
    layOut();
    m_board->setFocus();

    m_dialogs = std::make_unique<DialogHost>(*this, *m_board);
    m_commands = new BoardController(engine, clock, options, *m_model, *m_stationModel, *m_notice,
                                     *m_dialogs, this);
    connect(m_commands, &BoardController::selectRequested, this, &MainWindow::selectOrder);
    showStation(options.station);
    connect(m_board, &BoardView::advanceRequested, m_commands, &BoardController::bump);
    connect(m_board, &BoardView::itemToggleRequested, m_commands, &BoardController::toggleItem);
    connect(m_numberKeys, &NumberKeys::itemPicked, m_commands, &BoardController::toggleItem);
    connect(m_board, &BoardView::commandRequested, this, &MainWindow::runCommand);
    // While the store cannot write, the header says so in words until a write succeeds again.
    connect(&engine, &OrderEngine::storeFaultChanged, this, [this](StoreFault fault) {
        m_header->syncStatus()->setStoreProblem(StoreFaults::forStaff(fault));
    });

    // New, late, changed and cancelled orders, the platform overtaking this console and quiet
    // feeds all arrive as the session's kitchen alerts: shown here, sounded (or flashed).
    m_feeds = &session.feeds();
    m_kitchenAlerts = &session.kitchenAlerts();
    m_sound = new AlertSound(clock, this);
    m_header->feedStatus()->setMonitor(m_feeds);
    connect(m_kitchenAlerts, &KitchenAlerts::raised, this, &MainWindow::showKitchenAlert);
    connect(m_kitchenAlerts, &KitchenAlerts::withdrawn, m_alerts, &AlertBanner::withdraw);
    connect(m_kitchenAlerts, &KitchenAlerts::settled, m_alerts, &AlertBanner::orderSettled);
    connect(&session.engine(), &OrderEngine::incomingDrained, this, [this] {
        if (std::exchange(m_releaseMemoryWhenDrained, false))
            PaintMemory::releaseFreeMemory();
    });
    connect(m_kitchenAlerts, &KitchenAlerts::settled, this,
            [this](const QString &orderId) { m_passingAlerts.orderSettled(orderId); });
    connect(m_sound, &AlertSound::visualFallback, m_alerts, &AlertBanner::flash);
    // One acknowledgement for the strip and the marked tickets; a ticket seen on its own (bumped)
    // takes its part of the strip with it.
    connect(m_alerts, &AlertBanner::acknowledgeAllRequested, this, &MainWindow::acknowledgeAlerts);
    connect(m_model, &OrderModel::acknowledged, m_alerts, &AlertBanner::acknowledgeOrder);
    // Any key or tap on the board is someone looking: the new-order chime stops repeating.
    auto *looks = new LookWatcher(this);
    for (QWidget *watched : {static_cast<QWidget *>(m_board), m_board->viewport(),
                             static_cast<QWidget *>(m_alerts), static_cast<QWidget *>(m_notice)})
        looks->watch(watched);
    connect(looks, &LookWatcher::looked, m_sound, &AlertSound::lookedAt);
    setStorePause(&session.storePause());
    // The settings file's rules are the store's until a manager sets them in the log, where
    // every console of the store reads them; following them applies every option at once.
    StorePolicyBook &rules = session.storePolicy();
    rules.setFallback(options.policy);
    followStorePolicy(rules.policy());
    connect(&rules, &StorePolicyBook::policyChanged, this, &MainWindow::followStorePolicy);

    followCounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::layOut()
{
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
    boardRow->addWidget(m_laterLane);
    layout->addLayout(boardRow, 1);
    // Across the whole window: with both side panels open on a narrow screen, the board's own
    // width would cut off what is above and below.
    layout->addWidget(m_offscreen);
    layout->addWidget(m_keyHints);
    setCentralWidget(central);
}

SyncStatusView *MainWindow::syncStatus() const
{
    return m_header->syncStatus();
}

QDialog *MainWindow::openDialog() const
{
    return m_dialogs->current();
}

void MainWindow::setSyncProblem(const QString &problem)
{
    m_header->syncStatus()->setProblem(problem);
}

void MainWindow::setPosProblem(const QString &problem)
{
    m_header->syncStatus()->setPosProblem(problem);
}

void MainWindow::runCommand(BoardCommand command)
{
    switch (command) {
    case BoardCommand::Bump:
        m_commands->bump(m_board->selectedOrderId());
        break;
    case BoardCommand::Recall:
        m_commands->recall();
        break;
    case BoardCommand::NextStation:
        nextStation();
        break;
    case BoardCommand::AllDay:
        m_allDayPanel->setVisible(m_allDayPanel->isHidden());
        break;
    case BoardCommand::Reject:
        m_commands->reject(m_board->selectedOrderId());
        break;
    case BoardCommand::AcknowledgeAlert:
        acknowledgeAlerts();
        break;
    case BoardCommand::MarkItem:
        m_numberKeys->pickItem();
        break;
    case BoardCommand::Delay:
        m_commands->delay(m_board->selectedOrderId());
        break;
    case BoardCommand::Pause:
        m_commands->pause();
        break;
    case BoardCommand::PageBack:
        m_board->pageBack();
        break;
    case BoardCommand::PageForward:
        m_board->pageForward();
        break;
    case BoardCommand::Manager:
        Q_EMIT managerRequested();
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
    openSettingsDialog(false);
}

// The POS connection is a manager's: only the dashboard, behind the PIN, opens its page.
void MainWindow::openPosSettings()
{
    openSettingsDialog(true);
}

void MainWindow::openSettingsDialog(bool withPos)
{
    if (m_dialogs->isAsking())
        return; // one question at a time
    PosSetup pos;
    if (withPos && m_posSettings && m_credentials)
        pos = {m_posSettings, m_credentials, &m_session.clock(), m_session.config().engine.storeId};
    auto *dialog = new SettingsDialog(m_options, pos, this);
    dialog->setPalette(palette());
    if (dialog->posPage())
        dialog->showPosPage();
    connect(dialog, &SettingsDialog::posSettingsChanged, this, &MainWindow::posSettingsChanged);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        applyOptions(dialog->options());
        Q_EMIT optionsChanged(m_options);
    });
    m_dialogs->ask(dialog);
}

void MainWindow::setPosSetup(QSettings &settings, CredentialStore &credentials)
{
    m_posSettings = &settings;
    m_credentials = &credentials;
}

void MainWindow::openKeyHelp()
{
    if (m_dialogs->isAsking())
        return;
    auto *dialog = new KeyHelpDialog(m_options.keys, this);
    dialog->setPalette(palette());
    m_dialogs->ask(dialog);
}

void MainWindow::applyOptions(const BoardOptions &options)
{
    m_options = options;
    m_options.policy = m_session.storePolicy().policy();
    applyCurrentOptions();
    if (options.station != station())
        showStation(options.station);
    m_board->viewport()->update();
}

void MainWindow::applyCurrentOptions()
{
    m_commands->setOptions(m_options);
    m_style = TicketStyle::fromOptions(m_options);
    m_pulse->setStyle(m_style);
    setPalette(m_style.widgetPalette());
    QPalette boardColours = m_board->palette();
    boardColours.setColor(QPalette::Base, m_style.board);
    m_board->setPalette(boardColours);
    m_board->setTicketStyle(m_style);
    m_board->setKeyMap(m_options.keys);
    m_bumpKeys->setKeyMap(m_options.keys);
    m_bumpKeys->setWindowMs(m_options.bumpDebounceMs);
    m_keyHints->setKeyMap(m_options.keys);
    m_notice->setTimeoutMs(m_options.noticeTimeoutMs);
    const QList<QKeySequence> ackKeys = m_options.keys.keys(BoardCommand::AcknowledgeAlert);
    m_alerts->setAcknowledgeKeyName(
        ackKeys.isEmpty() ? tr("(no key)") : ackKeys.first().toString(QKeySequence::NativeText));
    // A scheduled order fires when there is just the usual prep time left before it is due.
    m_model->setScheduledLeadMs(m_options.policy.defaultPrepMs());
    m_stationModel->setShowsNew(m_options.stationShowsNew);
    m_sound->setMuted(m_options.soundMuted);
    m_sound->setRepeatNewOrders(m_options.repeatNewOrderSound);
    m_sound->setRepeatIntervalMs(m_options.repeatNewOrderSeconds * 1000);
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
    // A station marks its items one by one with a tap; expo's taps are for whole tickets.
    m_board->setItemTaps(!station.isEmpty());
    m_commands->forgetLastBump();
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

void MainWindow::showKitchenAlert(const KitchenAlert &alert)
{
    qCDebug(lcBoard).noquote() << "alert for order" << alert.orderId << ":" << alert.title
                               << alert.details;
    switch (alert.kind) {
    case KitchenAlert::Kind::NewOrder:
    case KitchenAlert::Kind::Late:
        // Seen on the board itself (a new ticket, a red timer): a banner that passes by itself,
        // so a busy lunch is not a string of acknowledgements, and that counts the minute's
        // orders of its kind ("4 new orders: 181, …") rather than naming only the last.
        m_notice->showNotice(passingTitle(alert),
                             alert.kind == KitchenAlert::Kind::Late ? NoticeBanner::Kind::Warning
                                                                    : NoticeBanner::Kind::Info);
        break;
    case KitchenAlert::Kind::FeedBack:
        // Good news needs no acknowledgement: its alarm went by itself (withdrawn).
        m_notice->showNotice(alert.title, NoticeBanner::Kind::Info);
        break;
    case KitchenAlert::Kind::Changed:
    case KitchenAlert::Kind::Cancelled:
    case KitchenAlert::Kind::Overtaken:
    case KitchenAlert::Kind::FeedQuiet:
        // Work already under way is affected, or orders may not be arriving: stays until seen.
        m_alerts->addAlert(alert);
        break;
    }
    m_sound->alert(alert);
}

QString MainWindow::passingTitle(const KitchenAlert &alert)
{
    m_passingAlerts.forgetBefore(alert.raisedAt - m_passingAlerts.mergeWindowMs());
    m_passingAlerts.add(alert);
    return m_passingAlerts.entries().constLast().title();
}

void MainWindow::acknowledgeAlerts()
{
    const int tickets = m_model->attentionCount();
    const bool alerts = m_alerts->acknowledgeAll();
    m_passingAlerts.clear(); // the next notice starts counting afresh
    m_model->acknowledgeAll();
    if (alerts || tickets > 0)
        qCInfo(lcBoard) << "every alert acknowledged;" << tickets << "tickets cleared";
}

void MainWindow::showOrder(const QString &orderId)
{
    const int sourceRow = m_model->rowOf(orderId);
    if (sourceRow < 0)
        return;
    if (!m_stationModel->mapFromSource(m_model->index(sourceRow)).isValid())
        showStation({});
    selectOrder(orderId);
    raise();
    activateWindow();
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

void MainWindow::followCounts()
{
    // The header counts what this screen shows: a station's open tickets, or expo's all. Both
    // models are followed: the proxy removes its rows while the source is only about to, before
    // the source's own counts have changed. Counted once per event-loop turn, not per event: a
    // replay of a thousand events relabels the header once per batch.
    m_countsSoon.setSingleShot(true);
    m_countsSoon.setInterval(0);
    m_countsSoon.setObjectName(QStringLiteral("header counts"));
    connect(&m_countsSoon, &QTimer::timeout, this, &MainWindow::updateCounts);
    for (const QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_model),
                                            static_cast<QAbstractItemModel *>(m_stationModel)}) {
        connect(model, &QAbstractItemModel::rowsInserted, &m_countsSoon,
                qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::rowsRemoved, &m_countsSoon,
                qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::modelReset, &m_countsSoon, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::layoutChanged, &m_countsSoon,
                qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (roles.isEmpty() || roles.contains(OrderModel::StateRole))
                        m_countsSoon.start();
                });
    }
    updateCounts();
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

// ---------------------------------------------------------------------------------------------
// The session's services: the window shows them; the session built them, wired the platform
// link to them and hands them the store's rules.

void MainWindow::followStorePolicy(const StorePolicy &policy)
{
    m_options.policy = policy;
    m_stationModel->setStationOrder(policy.stations);
    m_allDay->setStationOrder(policy.stations);
    applyCurrentOptions();
    // A station the store no longer has shows expo, so no ticket is hidden behind a gone name.
    if (!station().isEmpty() && !policy.stations.contains(station()))
        showStation(QString());
    m_board->viewport()->update();
}

void MainWindow::setSync(const SyncClient *client, const PlatformLink *link)
{
    m_header->syncStatus()->setSource(client, link);
    if (!client)
        return;
    // A catch-up passes thousands of tickets through the board; once the last of it is applied,
    // the memory they used goes back to the system instead of staying the process's.
    connect(client, &SyncClient::catchingUpChanged, this, [this](bool catchingUp) {
        m_releaseMemoryWhenDrained = !catchingUp;
    });
}

void MainWindow::setStorePause(StorePause *pause)
{
    if (m_pause)
        disconnect(m_pause, nullptr, m_header, nullptr);
    m_pause = pause;
    m_header->setPausedUntil(pause ? pause->pausedUntil() : 0);
    m_commands->setStorePause(pause);
    if (pause)
        connect(pause, &StorePause::pauseChanged, m_header, &BoardHeader::setPausedUntil);
}
