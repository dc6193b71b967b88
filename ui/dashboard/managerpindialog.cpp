// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "managerpindialog.h"

#include "common/clock.h"
#include "dialogs/dialogparts.h"
#include "security/managerpin.h"
#include "security/pinhash.h"
#include "shared/widgetlook.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// Keys larger than the board dialogs' touch minimum: a PIN is a dozen presses in a row.
constexpr int keyHeight = DialogParts::touchHeight + 8;
constexpr int keyWidth = 120;
constexpr int textLines = 3;
const QString filledDot = QStringLiteral("●");
const QString emptyDot = QStringLiteral("○");

QPushButton *keypadButton(const QString &text, int pixelSize, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    DialogParts::makeTouchButton(button, pixelSize);
    button->setMinimumSize(keyWidth, keyHeight);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    button->setFocusPolicy(Qt::NoFocus); // the keys stay with the dialog: Enter never clicks one
    button->setAutoDefault(false);
    return button;
}
} // namespace

ManagerPinDialog::ManagerPinDialog(ManagerPin &pin, const Clock &clock, QWidget *parent)
    : ManagerPinDialog(pin, clock, Purpose::Open, parent)
{ }

ManagerPinDialog::ManagerPinDialog(ManagerPin &pin, const Clock &clock, Purpose purpose,
                                   QWidget *parent)
    : QDialog(parent)
    , m_pin(pin)
    , m_clock(clock)
    , m_purpose(purpose)
    , m_prompt(new QLabel(this))
    , m_dots(new QLabel(this))
    , m_message(new QLabel(this))
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    DialogParts::styleDialog(this, buttons);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    m_cancel->setFocusPolicy(Qt::NoFocus);
    m_cancel->setAutoDefault(false);
    setFocusPolicy(Qt::StrongFocus);

    setMinimumWidth(480);
    // Room for three lines of each text, whatever it says: a wrapped label asks the layout for one
    // line only, and the keypad would be squeezed under its keys' size to make up for it. The
    // message's room also keeps the keypad still when a message comes and goes.
    m_prompt->setFont(WidgetLook::pixelFont(font(), 22, true));
    m_prompt->setWordWrap(true);
    m_prompt->setMinimumHeight(textLines * m_prompt->fontMetrics().lineSpacing());
    m_prompt->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_dots->setFont(WidgetLook::pixelFont(font(), 40, true));
    m_dots->setAlignment(Qt::AlignCenter);
    m_message->setFont(WidgetLook::pixelFont(font(), 18, true));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMinimumHeight(textLines * m_message->fontMetrics().lineSpacing());

    auto *keypad = new QGridLayout;
    keypad->setSpacing(10);
    for (int digit = 0; digit <= 9; ++digit) {
        QPushButton *key = keypadButton(QString::number(digit), 30, this);
        m_digits.at(digit) = key;
        const int row = digit == 0 ? 3 : (digit - 1) / 3;
        const int column = digit == 0 ? 1 : (digit - 1) % 3;
        keypad->addWidget(key, row, column);
        connect(key, &QPushButton::clicked, this, [this, digit] { enterDigit(digit); });
    }
    m_erase = keypadButton(tr("Erase"), 22, this);
    m_ok = keypadButton(tr("OK"), 22, this);
    keypad->addWidget(m_erase, 3, 0);
    keypad->addWidget(m_ok, 3, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(14);
    layout->addWidget(m_prompt);
    layout->addWidget(m_dots);
    layout->addWidget(m_message);
    layout->addLayout(keypad, 1);
    layout->addWidget(buttons);

    connect(m_erase, &QPushButton::clicked, this, &ManagerPinDialog::erase);
    connect(m_ok, &QPushButton::clicked, this, &ManagerPinDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &ManagerPinDialog::reject);
    connect(&m_pin, &ManagerPin::checked, this, &ManagerPinDialog::onChecked);
    connect(&m_pin, &ManagerPin::pinSet, this, &ManagerPinDialog::onSaved);
    connect(&m_pin, &ManagerPin::pinChanged, this, &ManagerPinDialog::onSaved);
    connect(&m_pin, &ManagerPin::unlocked, this, &ManagerPinDialog::onUnlocked);
    connect(&m_pin, &ManagerPin::refused, this, &ManagerPinDialog::onRefused);
    connect(&m_pin, &ManagerPin::lockedOut, this, &ManagerPinDialog::onLockedOut);
    connect(&m_pin, &ManagerPin::failed, this, &ManagerPinDialog::onFailed);
    m_tick.setInterval(defaultTickMs);
    connect(&m_tick, &QTimer::timeout, this, &ManagerPinDialog::onTick);

    askWhetherSet();
}

QString ManagerPinDialog::dotsText() const
{
    QStringList dots(m_entered.size(), filledDot);
    while (dots.size() < PinHash::minDigits)
        dots.append(emptyDot);
    return dots.join(u' ');
}

QString ManagerPinDialog::message() const
{
    return m_message->text();
}

QString ManagerPinDialog::prompt() const
{
    return m_prompt->text();
}

void ManagerPinDialog::setTickIntervalMs(int ms)
{
    m_tick.setInterval(ms);
}

void ManagerPinDialog::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (plain && key >= Qt::Key_0 && key <= Qt::Key_9) {
        enterDigit(key - Qt::Key_0);
        return;
    }
    if (plain && (key == Qt::Key_Backspace || key == Qt::Key_Delete)) {
        erase();
        return;
    }
    if (plain && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        if (m_ok->isEnabled())
            submit();
        return;
    }
    QDialog::keyPressEvent(event); // Esc cancels
}

void ManagerPinDialog::enterDigit(int digit)
{
    if (!m_digits.at(digit)->isEnabled())
        return; // resting (busy, waiting) or full
    m_entered.append(QChar(u'0' + digit));
    refresh();
}

void ManagerPinDialog::erase()
{
    if (!m_erase->isEnabled())
        return;
    m_entered.chop(1);
    refresh();
}

void ManagerPinDialog::submit()
{
    if (m_busy)
        return;
    switch (m_mode) {
    case Mode::Checking:
    case Mode::Waiting:
        return;
    case Mode::Unavailable:
        askWhetherSet();
        return;
    case Mode::Choose:
        // Said before the confirmation, not after it: no PIN is typed twice to be refused.
        if (const QString refusal = PinHash::refusal(m_entered); !refusal.isEmpty()) {
            setMode(Mode::Choose, refusal);
            return;
        }
        if (!m_currentPin.isEmpty() && m_entered == m_currentPin) {
            setMode(Mode::Choose, tr("The new PIN is the same as the current one; choose "
                                     "another."));
            return;
        }
        m_chosen = m_entered;
        setMode(Mode::Confirm);
        return;
    case Mode::Confirm:
        if (m_entered != m_chosen) {
            m_chosen.clear();
            setMode(Mode::Choose, tr("The two PINs differ. Choose the new PIN again."));
            return;
        }
        m_busy = true;
        if (m_currentPin.isEmpty())
            m_pin.setPin(m_chosen);
        else
            m_pin.changePin(m_currentPin, m_chosen);
        m_chosen.clear();
        setMode(Mode::Confirm, tr("Saving the PIN…"));
        return;
    case Mode::Unlock:
        m_busy = true;
        if (m_purpose == Purpose::Change)
            m_currentPin = m_entered; // kept for changePin() once it proves right
        m_pin.verify(m_entered);
        setMode(Mode::Unlock, tr("Checking the PIN…"));
        return;
    }
}

void ManagerPinDialog::askWhetherSet()
{
    m_currentPin.clear();
    m_busy = true;
    m_pin.check();
    setMode(Mode::Checking);
}

void ManagerPinDialog::setMode(Mode mode, const QString &message)
{
    m_mode = mode;
    m_entered.clear();
    if (mode != Mode::Waiting)
        m_tick.stop();
    switch (mode) {
    case Mode::Checking:
        m_prompt->setText(tr("Looking for the manager PIN…"));
        break;
    case Mode::Choose:
        m_prompt->setText(
            (m_currentPin.isEmpty() ? tr("No manager PIN is set on this console yet. Choose one "
                                         "of %1 to %2 digits.")
                                    : tr("Choose the new manager PIN, of %1 to %2 digits."))
                .arg(PinHash::minDigits)
                .arg(PinHash::maxDigits));
        break;
    case Mode::Confirm:
        m_prompt->setText(tr("Enter the new PIN again to confirm it."));
        break;
    case Mode::Unlock:
    case Mode::Waiting:
        m_prompt->setText(m_purpose == Purpose::Change ? tr("Enter the current manager PIN.")
                                                       : tr("Enter the manager PIN."));
        break;
    case Mode::Unavailable:
        m_prompt->setText(tr("The manager PIN cannot be checked now."));
        break;
    }
    m_message->setText(message);
    refresh();
}

void ManagerPinDialog::refresh()
{
    const bool choosing = m_mode == Mode::Choose || m_mode == Mode::Confirm;
    const bool typing = !m_busy && (choosing || m_mode == Mode::Unlock);
    const bool full = m_entered.size() >= PinHash::maxDigits;
    for (QPushButton *key : m_digits)
        key->setEnabled(typing && !full);
    m_erase->setEnabled(typing && !m_entered.isEmpty());
    m_ok->setEnabled((typing && m_entered.size() >= PinHash::minDigits)
                     || (m_mode == Mode::Unavailable && !m_busy));
    m_ok->setText(m_mode == Mode::Unavailable ? tr("Try again") : tr("OK"));
    m_dots->setText(dotsText());
    const int typed = int(m_entered.size());
    m_dots->setAccessibleName(typed == 1 ? tr("1 digit entered")
                                         : tr("%n digits entered", nullptr, typed));
    if (m_purpose == Purpose::Change)
        setWindowTitle(tr("Change the manager PIN"));
    else
        setWindowTitle(choosing ? tr("Set the manager PIN") : tr("Manager PIN"));
}

void ManagerPinDialog::onTick()
{
    const qint64 remaining = m_waitUntilMs - m_clock.nowMs();
    if (remaining <= 0) {
        setMode(Mode::Unlock, tr("You can try again now."));
        return;
    }
    m_message->setText(ManagerPin::lockedOutMessage(remaining));
}

// ManagerPin answers whoever asks; only an answer to this dialog's own question is taken.
void ManagerPinDialog::onChecked(bool isSet)
{
    if (!m_busy || m_mode != Mode::Checking)
        return;
    m_busy = false;
    if (!isSet)
        setMode(Mode::Choose);
    else if (m_pin.isLockedOut())
        startWait(m_pin.lockedUntilMs());
    else
        setMode(Mode::Unlock);
}

void ManagerPinDialog::onUnlocked()
{
    if (!m_busy || m_mode != Mode::Unlock)
        return;
    if (m_purpose == Purpose::Open) {
        finishAccepted();
        return;
    }
    m_busy = false;
    setMode(Mode::Choose);
}

// A new PIN set (first use) or changed.
void ManagerPinDialog::onSaved()
{
    if (!m_busy || m_mode != Mode::Confirm)
        return;
    m_currentPin.clear();
    finishAccepted();
}

void ManagerPinDialog::finishAccepted()
{
    m_busy = false;
    if (isVisible()) // cancelled while the PIN was checked: cancelled it stays
        accept();
}

void ManagerPinDialog::onRefused(const QString &message)
{
    if (!m_busy)
        return;
    m_busy = false;
    // A current PIN refused, at its try or (changed meanwhile elsewhere) at the change: ask for it
    // again. Otherwise the new PIN was refused: choose again.
    const bool again = m_mode == Mode::Unlock || !m_currentPin.isEmpty();
    m_currentPin.clear();
    setMode(again ? Mode::Unlock : Mode::Choose, message);
}

void ManagerPinDialog::onLockedOut(qint64 untilMs)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_currentPin.clear();
    startWait(untilMs);
}

void ManagerPinDialog::startWait(qint64 untilMs)
{
    m_waitUntilMs = untilMs;
    setMode(Mode::Waiting, ManagerPin::lockedOutMessage(untilMs - m_clock.nowMs()));
    m_tick.start();
}

void ManagerPinDialog::onFailed(const QString &message)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_currentPin.clear();
    setMode(Mode::Unavailable, message);
}
