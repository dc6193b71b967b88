// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/actor.h"
#include "order/order.h"

#include <QWidget>

#include <optional>

class Clock;
class ConsoleSession;
class ManagerPin;
class QLabel;
class QLineEdit;
class QPushButton;

/**
 * What a manager may do to the store from the dashboard: pause it (busy mode) for a while or
 * resume it, and cancel or refund an order with a reason. Each is a command through the engine,
 * so it is an event in the log with the manager as its actor, sent on like any other; the state
 * machine decides what is allowed and its refusal is shown in words. The manager PIN is changed
 * here too, behind the current PIN: an open dashboard left unattended does not give it away.
 */
class StoreControlsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreControlsPage)

public:
    /** session and pin must outlive the page; manager is who the log names. */
    StoreControlsPage(ConsoleSession &session, const Actor &manager, ManagerPin &pin,
                      QWidget *parent = nullptr);

    /** What the last action did, or why it was refused. */
    QString message() const;
    QString pauseState() const;

    QPushButton *pauseButton(int minutes) const;
    QPushButton *resumeButton() const { return m_resume; }
    QLineEdit *orderField() const { return m_order; }
    QLineEdit *reasonField() const { return m_reason; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *refundButton() const { return m_refund; }
    QPushButton *changePinButton() const { return m_changePin; }

private:
    void pauseFor(int minutes);
    void resume();
    void endOrder(OrderState to);
    void showPause();
    void changePin();
    void enableOrderButtons();
    /** The most recent order with this ticket number among the open and the last two days'. */
    std::optional<Order> findOrder(const QString &number) const;

    ConsoleSession &m_session;
    Actor m_manager;
    ManagerPin &m_pin;
    QLabel *m_pauseState = nullptr;
    QList<std::pair<int, QPushButton *>> m_pauseButtons;
    QPushButton *m_resume = nullptr;
    QLineEdit *m_order = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_refund = nullptr;
    QPushButton *m_changePin = nullptr;
    QLabel *m_message = nullptr;
};
