// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/alertdigest.h"
#include "pos/possetup.h"
#include "settings/boardoptions.h"
#include "ticketstyle.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class AlertBanner;
class AlertSound;
class AllDayModel;
class AllDayPanel;
class BoardController;
class BoardHeader;
class ServicePulse;
class BoardView;
class BumpKeyFilter;
class CredentialStore;
class NumberKeys;
class ConsoleSession;
class DialogHost;
class FeedMonitor;
class KeyHintBar;
class KitchenAlerts;
class LaterLane;
class LaterModel;
class NoticeBanner;
class OffscreenBar;
class OrderEngine;
class FramePacer;
class OrderModel;
class PlatformLink;
class QDialog;
class QSettings;
class StationFilterModel;
class StorePause;
class SyncClient;
class SyncStatusView;

/**
 * The kitchen console's window: a header with the open counts, the platform link's health and
 * how long each order feed has been quiet, the alerts that stay until acknowledged (with a sound,
 * or a flash when muted; one key acknowledges them all, with the tickets they marked), a notice
 * banner and the board. Its keys switch the view (stations,
 * pages, the all-day panel, settings); commands on orders and the store go to its BoardController.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /** Shows the session's console; the session must run its kitchen services (SessionConfig). */
    explicit MainWindow(ConsoleSession &session, const BoardOptions &options = {},
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    BoardView *board() const { return m_board; }
    OrderModel *orderModel() const { return m_model; }
    NoticeBanner *notice() const { return m_notice; }
    BoardHeader *header() const { return m_header; }
    AlertBanner *alerts() const { return m_alerts; }
    StationFilterModel *stationModel() const { return m_stationModel; }
    AllDayModel *allDayModel() const { return m_allDay; }
    AllDayPanel *allDayPanel() const { return m_allDayPanel; }

    /** The station this screen shows; empty for the expo view. */
    QString station() const;
    /** Shows a station's view (one of StorePolicy::stations) or, with an empty name, expo. */
    void showStation(const QString &station);

    OffscreenBar *offscreenBar() const { return m_offscreen; }
    LaterModel *laterModel() const { return m_laterModel; }
    LaterLane *laterLane() const { return m_laterLane; }
    SyncStatusView *syncStatus() const;
    KitchenAlerts *kitchenAlerts() const { return m_kitchenAlerts; }
    FeedMonitor *feeds() const { return m_feeds; }
    AlertSound *sound() const { return m_sound; }

    /** Shows the health of this platform link in the header; without one the board says so. */
    void setSync(const SyncClient *client, const PlatformLink *link);
    /** A standing link problem (no credential, refused console); empty clears it. */
    void setSyncProblem(const QString &problem);
    /** A standing problem with the store's POS; empty clears it. */
    void setPosProblem(const QString &problem);
    /**
     * Brings this window forward with the order's ticket selected (the expo view if this
     * screen's station does not show it); nothing if the board no longer shows the order.
     */
    void showOrder(const QString &orderId);
    /** The dialog the board is asking through now, if any (one question at a time). */
    QDialog *openDialog() const;

    const BoardOptions &options() const { return m_options; }
    /**
     * Applies new options at once: look, keys, station (the settings dialog's result). The
     * store's rules in them are ignored: they are the store's (followStorePolicy), not a screen's.
     */
    void applyOptions(const BoardOptions &options);
    /**
     * Gives the settings dialog its POS page: the store's POS is read from and saved to settings,
     * its secrets to credentials' keyring. Both must outlive the window.
     */
    void setPosSetup(QSettings &settings, CredentialStore &credentials);
    /**
     * Opens the settings on the POS page (a manager's, from the dashboard behind the PIN); the
     * board's own settings key (F10) leaves the POS out.
     */
    void openPosSettings();

Q_SIGNALS:
    /** Staff saved new settings; the composition root writes them to the settings file. */
    void optionsChanged(const BoardOptions &options);
    /** The view changed (S); the composition root may remember it as BoardOptions::station. */
    void stationChanged(const QString &station);
    /** Staff saved a changed POS (settings and keychain written): rebuild the running POS. */
    void posSettingsChanged(const PosSettings &settings);
    /** Someone asked for the manager's dashboard (its key or the header's button). */
    void managerRequested();

private:
    void layOut();
    void followCounts();
    void runCommand(BoardCommand command);
    void openSettings();
    void openSettingsDialog(bool withPos);
    void openKeyHelp();
    void nextStation();
    void showKitchenAlert(const KitchenAlert &alert);
    /** A passing alert's notice: merged with the last minute's of its kind. */
    QString passingTitle(const KitchenAlert &alert);
    /** The acknowledge key or a tap on the alerts: every alert and every marked ticket. */
    void acknowledgeAlerts();
    /** Derives m_style from m_options and puts both into every part that depends on them. */
    void applyCurrentOptions();
    void selectOrder(const QString &orderId);
    void updateCounts();
    /** The store's rules changed (here or at another console): thresholds, stations, reasons. */
    void followStorePolicy(const StorePolicy &policy);
    /** Busy mode for the P key and the header. */
    void setStorePause(StorePause *pause);

    ConsoleSession &m_session;
    TicketStyle m_style;
    BoardOptions m_options;
    FramePacer *m_pacer = nullptr;
    OrderModel *m_model = nullptr;
    StationFilterModel *m_stationModel = nullptr;
    AllDayModel *m_allDay = nullptr;
    AllDayPanel *m_allDayPanel = nullptr;
    BoardView *m_board = nullptr;
    NoticeBanner *m_notice = nullptr;
    AlertBanner *m_alerts = nullptr;
    AlertDigest m_passingAlerts; // new and late orders: their notices pass by themselves
    bool m_releaseMemoryWhenDrained = false; // a catch-up just ended
    BoardHeader *m_header = nullptr;
    ServicePulse *m_pulse = nullptr;
    KeyHintBar *m_keyHints = nullptr;
    BumpKeyFilter *m_bumpKeys = nullptr; // a bump bar's bounce counts once
    NumberKeys *m_numberKeys = nullptr; // 1–9: a ticket, or an item after the item key
    AlertSound *m_sound = nullptr;
    QTimer m_countsSoon;
    OffscreenBar *m_offscreen = nullptr;
    LaterModel *m_laterModel = nullptr;
    LaterLane *m_laterLane = nullptr;
    std::unique_ptr<DialogHost> m_dialogs; // one question at a time
    BoardController *m_commands = nullptr;

    KitchenAlerts *m_kitchenAlerts = nullptr;
    FeedMonitor *m_feeds = nullptr;
    StorePause *m_pause = nullptr;
    QSettings *m_posSettings = nullptr; // with m_credentials: the POS page's, when set
    CredentialStore *m_credentials = nullptr;
};
