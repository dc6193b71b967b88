// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardactions.h"
#include "boardoptions.h"
#include "ticketstyle.h"

#include <QMainWindow>
#include <QPointer>

class BoardHeader;
class BoardView;
class Clock;
class NoticeBanner;
class OrderEngine;
class OrderModel;
class RejectDialog;
struct CommandResult;

/**
 * The kitchen console's window: a header with the open counts, a notice banner and the board.
 * Turns the board's requests into engine commands and shows the engine's reason when one is
 * refused; a refused command changes nothing.
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

private:
    void advance(const QString &orderId);
    void recall(const QString &orderId);
    void askReject(const QString &orderId);
    void reject(const QString &orderId, const QString &reason);
    void showRefusal(const QString &message);
    void showDone(const QString &message);
    void selectOrder(const QString &orderId);
    void updateCounts();

    TicketStyle m_style;
    BoardActions m_actions;
    OrderModel *m_model = nullptr;
    BoardView *m_board = nullptr;
    NoticeBanner *m_notice = nullptr;
    BoardHeader *m_header = nullptr;
    QPointer<RejectDialog> m_rejectDialog;
};
