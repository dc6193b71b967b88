// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardcontroller.h"

#include "common/clock.h"
#include "dialogs/acceptdialog.h"
#include "dialogs/delaydialog.h"
#include "dialogs/dialoghost.h"
#include "dialogs/pausedialog.h"
#include "dialogs/recalldialog.h"
#include "dialogs/rejectdialog.h"
#include "engine/storepause.h"
#include "noticebanner.h"
#include "ordermodel.h"
#include "shared/ticketformat.h"
#include "shared/uilogging.h"
#include "stationfiltermodel.h"

#include <QDateTime>

namespace {
QString clockTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm"));
}
} // namespace

BoardController::BoardController(OrderEngine &engine, const Clock &clock,
                                 const BoardOptions &options, OrderModel &orders,
                                 const StationFilterModel &view, NoticeBanner &notice,
                                 DialogHost &dialogs, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_actions(engine, clock, options)
    , m_orders(orders)
    , m_view(view)
    , m_notice(notice)
    , m_dialogs(dialogs)
{
    connect(&engine, &OrderEngine::refused, this, &BoardController::showRefusal);
}

void BoardController::setOptions(const BoardOptions &options)
{
    m_actions.setOptions(options);
}

void BoardController::setStorePause(StorePause *pause)
{
    if (m_pause)
        disconnect(m_pause, nullptr, this, nullptr);
    m_pause = pause;
    if (!pause)
        return;
    connect(pause, &StorePause::pauseChanged, this, [this](qint64 untilMs) {
        if (untilMs == 0)
            showDone(tr("The store is taking orders again."));
    });
}

void BoardController::bump(const QString &orderId)
{
    if (m_orders.attention(orderId) != OrderAttention::Kind::None) {
        acknowledge(orderId);
        return;
    }
    if (m_view.isExpo())
        advance(orderId);
    else
        bumpStation(orderId);
}

void BoardController::acknowledge(const QString &orderId)
{
    // Seen, not yet acted on: a changed ticket needs a second, deliberate bump to move on.
    const int row = m_orders.rowOf(orderId);
    const OrderAttention::Kind kind = m_orders.attention(orderId);
    const QString label = row >= 0 ? TicketFormat::number(m_orders.orderAt(row)) : orderId;
    m_orders.acknowledge(orderId);
    if (kind == OrderAttention::Kind::Cancelled)
        showDone(tr("Order %1: cancel acknowledged, off the board.").arg(label));
    else
        showDone(tr("Order %1: change acknowledged. Bump again to move it on.").arg(label));
}

void BoardController::recall()
{
    if (!m_view.isExpo()) {
        reopenStation();
        return;
    }
    m_notice.clearNotice();
    if (m_dialogs.isAsking())
        return; // one question at a time
    const QList<Order> recallable = m_actions.recallable();
    const int windowMinutes = int(m_actions.recallWindowMs() / 60'000);
    if (recallable.isEmpty()) {
        showRefusal(
            tr("Nothing to recall: no ticket was bumped in the last %1 min.").arg(windowMinutes));
        return;
    }
    auto *dialog =
        new RecallDialog(recallable, m_clock.nowMs(), windowMinutes, &m_dialogs.window());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { recallOrder(dialog->orderId()); });
    m_dialogs.ask(dialog);
}

void BoardController::recallOrder(const QString &orderId)
{
    const CommandResult result = m_actions.recallOrder(orderId);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    if (result.order) {
        Q_EMIT selectRequested(result.order->id);
        showDone(tr("Order %1 recalled: back to %2.")
                     .arg(TicketFormat::number(*result.order),
                          OrderStates::displayName(result.order->state)));
    }
}

void BoardController::bumpStation(const QString &orderId)
{
    m_notice.clearNotice();
    const QString station = m_view.station();
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

void BoardController::toggleItem(const QString &orderId, int line)
{
    m_notice.clearNotice();
    const CommandResult result = m_actions.toggleItem(orderId, line);
    if (!result.ok || !result.order) {
        showRefusal(result.message);
        return;
    }
    const Order &order = *result.order;
    const QString number = TicketFormat::number(order);
    const QString name = order.items.value(line).name;
    if (order.state == OrderState::Ready)
        showDone(tr("Order %1: %2 done, nothing left to make: ready.").arg(number, name));
    else if (order.isItemDone(line))
        showDone(tr("Order %1: %2 done.").arg(number, name));
    else
        showDone(tr("Order %1: %2 open again.").arg(number, name));
}

void BoardController::reopenStation()
{
    m_notice.clearNotice();
    const QString station = m_view.station();
    const CommandResult result = m_actions.reopenStation(m_lastStationBump, station);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    m_lastStationBump.clear();
    if (result.order) {
        Q_EMIT selectRequested(result.order->id);
        showDone(tr("Order %1: %2 reopened.")
                     .arg(TicketFormat::number(*result.order), station.toUpper()));
    }
}

void BoardController::advance(const QString &orderId)
{
    m_notice.clearNotice();
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

void BoardController::askAccept(const QString &orderId)
{
    if (m_dialogs.isAsking())
        return; // one question at a time
    const int row = m_orders.rowOf(orderId);
    const QString label = row >= 0 ? TicketFormat::number(m_orders.orderAt(row)) : orderId;
    auto *dialog = new AcceptDialog(label, m_actions.options().policy.defaultPrepMinutes, m_clock,
                                    &m_dialogs.window());
    connect(dialog, &QDialog::accepted, this,
            [this, orderId, dialog] { accept(orderId, dialog->minutes()); });
    m_dialogs.ask(dialog);
}

void BoardController::accept(const QString &orderId, int minutes)
{
    const CommandResult result = m_actions.accept(orderId, minutes);
    if (!result.ok)
        showRefusal(result.message);
}

void BoardController::delay(const QString &orderId)
{
    m_notice.clearNotice();
    if (m_dialogs.isAsking())
        return;
    const CommandResult check = m_actions.checkDelay(orderId);
    if (!check.ok) {
        showRefusal(check.message);
        return;
    }
    auto *dialog = new DelayDialog(TicketFormat::number(*check.order), check.order->promisedAt,
                                   m_clock, &m_dialogs.window());
    connect(dialog, &QDialog::accepted, this,
            [this, orderId, dialog] { delayBy(orderId, dialog->minutes()); });
    m_dialogs.ask(dialog);
}

void BoardController::delayBy(const QString &orderId, int minutes)
{
    const CommandResult result = m_actions.delay(orderId, minutes);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    if (result.order) {
        showDone(tr("Order %1 delayed by %2 min: now promised for %3.")
                     .arg(TicketFormat::number(*result.order))
                     .arg(minutes)
                     .arg(clockTime(result.order->promisedAt)));
    }
}

void BoardController::pause()
{
    m_notice.clearNotice();
    if (m_dialogs.isAsking())
        return;
    if (!m_pause) {
        showRefusal(tr("Pausing the store is not available on this console."));
        return;
    }
    auto *dialog = new PauseDialog(m_pause->pausedUntil(), m_clock, &m_dialogs.window());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        pauseOrResume(dialog->choice() == PauseDialog::Choice::Resume, dialog->untilMs());
    });
    m_dialogs.ask(dialog);
}

void BoardController::pauseOrResume(bool resume, qint64 untilMs)
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
                     .arg(clockTime(untilMs)));
}

void BoardController::reject(const QString &orderId)
{
    m_notice.clearNotice();
    if (m_dialogs.isAsking())
        return; // one question at a time
    const CommandResult check = m_actions.checkReject(orderId);
    if (!check.ok) {
        showRefusal(check.message);
        return;
    }
    const QString label = check.order ? TicketFormat::number(*check.order) : orderId;
    auto *dialog = new RejectDialog(label, m_actions.options().policy.rejectReasons, &m_dialogs.window());
    connect(dialog, &QDialog::accepted, this,
            [this, orderId, dialog] { rejectFor(orderId, dialog->reason()); });
    m_dialogs.ask(dialog);
}

void BoardController::rejectFor(const QString &orderId, const QString &reason)
{
    const CommandResult result = m_actions.reject(orderId, reason);
    if (!result.ok) {
        showRefusal(result.message);
        return;
    }
    if (result.order)
        showDone(tr("Order %1 rejected: %2").arg(TicketFormat::number(*result.order), reason));
}

void BoardController::showRefusal(const QString &message)
{
    qCWarning(lcBoard) << "refused:" << message;
    m_notice.showNotice(message, NoticeBanner::Kind::Warning);
}

void BoardController::showDone(const QString &message)
{
    m_notice.showNotice(message, NoticeBanner::Kind::Info);
}
