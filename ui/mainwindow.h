// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardactions.h"
#include "boardoptions.h"
#include "ticketstyle.h"

#include <QDialog>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class AlertBanner;
class AlertSound;
class FeedMonitor;
class KeyHintBar;
class KitchenAlerts;
struct KitchenAlert;
class AllDayModel;
class AllDayPanel;
class BoardHeader;
class BoardView;
class LaterLane;
class LaterModel;
class Clock;
class ConsoleSession;
class NoticeBanner;
class OffscreenBar;
class OrderEngine;
class OrderModel;
class PlatformLink;

class StorePause;
class RejectDialog;
class StationFilterModel;
class SyncClient;
class SyncStatusView;
struct CommandResult;

/**
 * The kitchen console's window: a header with the open counts, the platform link's health and
 * how long each order feed has been quiet, the alerts that stay until acknowledged (with a sound,
 * or a flash when muted), a notice banner and the board. Turns the board's
 * requests into engine commands and shows the engine's reason when one is refused; a refused
 * command changes nothing.
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
    /** Shows a station's view (one of BoardOptions::stations) or, with an empty name, expo. */
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
    /** The dialog the board is asking through now, if any (one question at a time). */
    QDialog *openDialog() const { return m_dialog; }

    const BoardOptions &options() const { return m_options; }
    /** Applies new options at once: look, thresholds, keys (the settings dialog's result). */
    void applyOptions(const BoardOptions &options);

Q_SIGNALS:
    /** Staff saved new settings; the composition root writes them to the settings file. */
    void optionsChanged(const BoardOptions &options);

Q_SIGNALS:
    /** The view changed (S); the composition root may remember it as BoardOptions::station. */
    void stationChanged(const QString &station);

private:
    /** Busy mode for the P key and the header; without one, P says pausing is not available. */
    void setStorePause(StorePause *pause);
    void runCommand(BoardCommand command);
    void openSettings();
    void openKeyHelp();
    void advance(const QString &orderId);
    void askAccept(const QString &orderId);
    void accept(const QString &orderId, int minutes);
    void askDelay(const QString &orderId);
    void delay(const QString &orderId, int minutes);
    void askRecall();
    void recall(const QString &orderId);
    void askPause();
    void pauseOrResume(bool resume, qint64 untilMs);
    void ask(QDialog *dialog);
    void bump(const QString &orderId);
    void bumpStation(const QString &orderId);
    void reopenStation();
    void nextStation();
    void askReject(const QString &orderId);
    void reject(const QString &orderId, const QString &reason);
    void showRefusal(const QString &message);
    void showDone(const QString &message);
    void showKitchenAlert(const KitchenAlert &alert);
    void configureAlerts();
    /** Puts m_options and m_style into every part that depends on them, at start and on a save. */
    void applyCurrentOptions();
    void selectOrder(const QString &orderId);
    void updateCounts();

    ConsoleSession &m_session;
    const Clock &m_clock;
    TicketStyle m_style;
    BoardOptions m_options;
    BoardActions m_actions;
    OrderModel *m_model = nullptr;
    StationFilterModel *m_stationModel = nullptr;
    AllDayModel *m_allDay = nullptr;
    AllDayPanel *m_allDayPanel = nullptr;
    QString m_lastStationBump; // the order this screen last bumped at its station, for R
    BoardView *m_board = nullptr;
    NoticeBanner *m_notice = nullptr;
    AlertBanner *m_alerts = nullptr;
    BoardHeader *m_header = nullptr;
    KeyHintBar *m_keyHints = nullptr;
    KitchenAlerts *m_kitchenAlerts = nullptr;
    FeedMonitor *m_feeds = nullptr;
    AlertSound *m_sound = nullptr;
    StorePause *m_pause = nullptr;
    QPointer<QDialog> m_dialog; // one question at a time
    QTimer m_countsSoon;
    OffscreenBar *m_offscreen = nullptr;
    LaterModel *m_laterModel = nullptr;
    LaterLane *m_laterLane = nullptr;
};
