// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecontrolspage.h"

#include "common/clock.h"
#include "engine/storepause.h"
#include "managerpindialog.h"
#include "security/managerpin.h"
#include "session/consolesession.h"
#include "shared/ticketformat.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 recentMs = 2 * 24 * 60 * minuteMs; // how far back a refund may look by number

QPushButton *touchButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setMinimumSize(120, 48);
    return button;
}
} // namespace

StoreControlsPage::StoreControlsPage(ConsoleSession &session, const Actor &manager,
                                     ManagerPin &pin, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_manager(manager)
    , m_pin(pin)
    , m_pauseState(new QLabel(this))
    , m_resume(touchButton(tr("&Resume now"), this))
    , m_order(new QLineEdit(this))
    , m_reason(new QLineEdit(this))
    , m_cancel(touchButton(tr("&Cancel the order"), this))
    , m_refund(touchButton(tr("Re&fund the order"), this))
    , m_changePin(touchButton(tr("Change &PIN…"), this))
    , m_message(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);

    auto *busy = new QGroupBox(tr("Taking orders"), this);
    auto *busyLayout = new QVBoxLayout(busy);
    busyLayout->addWidget(m_pauseState);
    auto *pauseRow = new QHBoxLayout;
    for (int minutes : {15, 30, 60}) {
        QPushButton *button = touchButton(tr("Pause %1 min").arg(minutes), busy);
        connect(button, &QPushButton::clicked, this, [this, minutes] { pauseFor(minutes); });
        m_pauseButtons.append({minutes, button});
        pauseRow->addWidget(button);
    }
    pauseRow->addWidget(m_resume);
    pauseRow->addStretch();
    busyLayout->addLayout(pauseRow);
    layout->addWidget(busy);

    auto *orders = new QGroupBox(tr("An order"), this);
    auto *form = new QFormLayout(orders);
    m_order->setPlaceholderText(tr("the number on the ticket"));
    m_reason->setPlaceholderText(tr("why, for the log and the customer"));
    m_reason->setMaxLength(200);
    for (QLineEdit *field : {m_order, m_reason})
        field->setMinimumHeight(44); // a finger's height, as the buttons
    form->addRow(tr("Ticket &number:"), m_order);
    form->addRow(tr("Re&ason:"), m_reason);
    auto *orderRow = new QHBoxLayout;
    orderRow->addWidget(m_cancel);
    orderRow->addWidget(m_refund);
    orderRow->addStretch();
    form->addRow(orderRow);
    layout->addWidget(orders);

    auto *pinBox = new QGroupBox(tr("Manager PIN"), this);
    auto *pinRow = new QHBoxLayout(pinBox);
    auto *pinNote = new QLabel(tr("The PIN that opens the dashboard on this console."),
                               pinBox);
    pinNote->setWordWrap(true);
    pinRow->addWidget(pinNote, 1);
    pinRow->addWidget(m_changePin);
    layout->addWidget(pinBox);

    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    layout->addStretch();

    connect(m_resume, &QPushButton::clicked, this, &StoreControlsPage::resume);
    connect(m_cancel, &QPushButton::clicked, this,
            [this] { endOrder(OrderState::Cancelled); });
    connect(m_refund, &QPushButton::clicked, this, [this] { endOrder(OrderState::Refunded); });
    connect(m_order, &QLineEdit::textChanged, this, &StoreControlsPage::enableOrderButtons);
    connect(m_reason, &QLineEdit::textChanged, this, &StoreControlsPage::enableOrderButtons);
    connect(m_changePin, &QPushButton::clicked, this, &StoreControlsPage::changePin);
    // Said when the keyring has it, even if the dialog was closed while it was saved.
    connect(&m_pin, &ManagerPin::pinChanged, this, [this] {
        m_message->setText(tr("The manager PIN is changed; it opens the dashboard from now on."));
    });
    connect(&m_pin, &ManagerPin::pinSet, this, [this] {
        m_message->setText(tr("The manager PIN is set; it opens the dashboard from now on."));
    });
    if (m_session.hasKitchenServices())
        connect(&m_session.storePause(), &StorePause::pauseChanged, this,
                &StoreControlsPage::showPause);
    enableOrderButtons();
    showPause();
}

QString StoreControlsPage::message() const
{
    return m_message->text();
}

QString StoreControlsPage::pauseState() const
{
    return m_pauseState->text();
}

QPushButton *StoreControlsPage::pauseButton(int minutes) const
{
    for (const auto &[length, button] : m_pauseButtons) {
        if (length == minutes)
            return button;
    }
    return nullptr;
}

void StoreControlsPage::showPause()
{
    if (!m_session.hasKitchenServices()) {
        m_pauseState->setText(tr("This console cannot pause the store."));
        for (const auto &entry : std::as_const(m_pauseButtons))
            entry.second->setEnabled(false);
        m_resume->setEnabled(false);
        return;
    }
    const StorePause &pause = m_session.storePause();
    m_resume->setEnabled(pause.isPaused());
    m_pauseState->setText(
            pause.isPaused()
                    ? tr("Paused until %1: the platform sends no new orders.")
                              .arg(QLocale().toString(
                                      QDateTime::fromMSecsSinceEpoch(pause.pausedUntil()).time(),
                                      QLocale::ShortFormat))
                    : tr("Taking orders."));
}

void StoreControlsPage::changePin()
{
    if (findChild<ManagerPinDialog *>())
        return; // one is open already
    auto *dialog = new ManagerPinDialog(m_pin, m_session.clock(),
                                        ManagerPinDialog::Purpose::Change, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::rejected, this, [this, dialog] {
        // The keyring's refusal, in the dialog's words, if that is where the manager gave up.
        const bool refused = dialog->mode() == ManagerPinDialog::Mode::Unavailable
            && !dialog->message().isEmpty();
        m_message->setText(refused ? tr("The manager PIN is unchanged. %1").arg(dialog->message())
                                   : tr("The manager PIN is unchanged."));
    });
    m_message->clear();
    dialog->open();
}

void StoreControlsPage::pauseFor(int minutes)
{
    const CommandResult result = m_session.storePause().pause(
            m_session.clock().nowMs() + minutes * minuteMs, m_manager);
    m_message->setText(result.ok ? tr("The store is paused for %1 min.").arg(minutes)
                                 : result.message);
    showPause();
}

void StoreControlsPage::resume()
{
    const CommandResult result = m_session.storePause().resume(m_manager);
    m_message->setText(result.ok ? tr("The store is taking orders again.") : result.message);
    showPause();
}

void StoreControlsPage::enableOrderButtons()
{
    const bool ready = !m_order->text().trimmed().isEmpty()
            && !m_reason->text().trimmed().isEmpty();
    m_cancel->setEnabled(ready);
    m_refund->setEnabled(ready);
}

std::optional<Order> StoreControlsPage::findOrder(const QString &number) const
{
    std::optional<Order> found;
    const auto consider = [&](const Order &order) {
        if (order.number == number && (!found || order.placedAt > found->placedAt))
            found = order;
    };
    for (const Order &order : m_session.engine().openOrders())
        consider(order);
    const qint64 since = m_session.clock().nowMs() - recentMs;
    for (OrderState state : {OrderState::PickedUp, OrderState::Delivered, OrderState::Cancelled}) {
        for (const Order &order : m_session.store().ordersInState(state, since))
            consider(order);
    }
    return found;
}

void StoreControlsPage::endOrder(OrderState to)
{
    const QString number = m_order->text().trimmed().remove(QLatin1Char('#'));
    const std::optional<Order> order = findOrder(number);
    if (!order) {
        m_message->setText(tr("No order #%1 is open or was finished in the last two days.")
                                   .arg(number));
        return;
    }
    TransitionDetails details;
    details.reason = m_reason->text().trimmed();
    const CommandResult result = m_session.engine().transition(order->id, to, m_manager, details);
    if (!result.ok) {
        m_message->setText(result.message);
        return;
    }
    m_message->setText(to == OrderState::Cancelled
                               ? tr("Order #%1 is cancelled: %2").arg(number, details.reason)
                               : tr("Order #%1 is refunded: %2").arg(number, details.reason));
    m_order->clear();
    m_reason->clear();
}
