// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardactions.h"
#include "boardoptions.h"
#include "ticketstyle.h"

#include <QMainWindow>
#include <QPointer>

class AlertBanner;
class AllDayModel;
class AllDayPanel;
class BoardHeader;
class BoardView;
class Clock;
class NoticeBanner;
class OrderEngine;
class OrderModel;
class PlatformLink;
class RejectDialog;
class StationFilterModel;
class SyncClient;
class SyncStatusView;
struct CommandResult;

/**
 * The kitchen console's window: a header with the open counts and the platform link's health,
 * the alerts that stay until acknowledged, a notice banner and the board. Turns the board's
 * requests into engine commands and shows the engine's reason when one is refused; a refused
 * command changes nothing.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(OrderEngine &engine, const Clock &clock, const BoardOptions &options = {},
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

    SyncStatusView *syncStatus() const;

    /** Shows the health of this platform link in the header; without one the board says so. */
    void setSync(const SyncClient *client, const PlatformLink *link);
    /** A standing link problem (no credential, refused console); empty clears it. */
    void setSyncProblem(const QString &problem);

Q_SIGNALS:
    /** The view changed (S); the composition root may remember it as BoardOptions::station. */
    void stationChanged(const QString &station);

private:
    void runCommand(BoardCommand command);
    void advance(const QString &orderId);
    void recall(const QString &orderId);
    void bump(const QString &orderId);
    void bumpStation(const QString &orderId);
    void reopenStation();
    void nextStation();
    void askReject(const QString &orderId);
    void reject(const QString &orderId, const QString &reason);
    void showRefusal(const QString &message);
    void showDone(const QString &message);
    void showAlert(const QString &orderId, const QString &message);
    void selectOrder(const QString &orderId);
    void updateCounts();

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
    QPointer<RejectDialog> m_rejectDialog;
};
