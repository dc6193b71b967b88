// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardactions.h"
#include "boardoptions.h"
#include "ticketstyle.h"

#include <QMainWindow>
#include <QPointer>

class AlertBanner;
class BoardHeader;
class BoardView;
class LaterLane;
class LaterModel;
class Clock;
class NoticeBanner;
class OffscreenBar;
class OrderEngine;
class OrderModel;
class PlatformLink;
class RejectDialog;
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
    OffscreenBar *offscreenBar() const { return m_offscreen; }
    LaterModel *laterModel() const { return m_laterModel; }
    LaterLane *laterLane() const { return m_laterLane; }
    SyncStatusView *syncStatus() const;

    /** Shows the health of this platform link in the header; without one the board says so. */
    void setSync(const SyncClient *client, const PlatformLink *link);
    /** A standing link problem (no credential, refused console); empty clears it. */
    void setSyncProblem(const QString &problem);

private:
    void runCommand(BoardCommand command);
    void advance(const QString &orderId);
    void recall(const QString &orderId);
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
    BoardView *m_board = nullptr;
    NoticeBanner *m_notice = nullptr;
    AlertBanner *m_alerts = nullptr;
    BoardHeader *m_header = nullptr;
    QPointer<RejectDialog> m_rejectDialog;
    OffscreenBar *m_offscreen = nullptr;
    LaterModel *m_laterModel = nullptr;
    LaterLane *m_laterLane = nullptr;
};
