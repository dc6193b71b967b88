// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QTimer>

#include <array>

class Clock;
class ManagerPin;
class QLabel;
class QPushButton;

/**
 * The gate in front of the manager's screens: asks for the manager PIN on a large keypad (or the
 * keyboard: digits, Backspace, Enter, Esc) and is accepted once the PIN is right. On a console
 * with no PIN yet it sets one instead: chosen, then typed again to confirm. It shows a dot per
 * digit, never a digit. While wrong PINs make it wait, the keypad rests and the wait counts down
 * in words. The checking is ManagerPin's, asynchronous: the dialog never blocks.
 *
 * To change the PIN (Purpose::Change) it asks for the current PIN first, which counts toward the
 * wait like any try, then the new one twice; it is accepted once the new PIN is saved. With no
 * PIN set it sets one, as on first use.
 *
 *     auto *gate = new ManagerPinDialog(managerPin, clock, window);
 *     connect(gate, &QDialog::accepted, window, &Window::openDashboard);
 *     host.ask(gate); // or gate->open()
 */
class ManagerPinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerPinDialog)

public:
    enum class Mode {
        Checking, // asking the keyring whether a PIN is set
        Choose, // first use: a new PIN
        Confirm, // first use: the new PIN again
        Unlock, // the PIN, to open
        Waiting, // too many wrong PINs: the wait counts down
        Unavailable, // the keyring failed; OK tries again
    };
    Q_ENUM(Mode)

    enum class Purpose {
        Open, // the gate: accepted once the PIN is right (or first set)
        Change, // accepted once a new PIN is saved
    };
    Q_ENUM(Purpose)

    static constexpr int defaultTickMs = 1000;

    /** pin and clock must outlive the dialog; it asks pin whether a PIN is set at once. */
    ManagerPinDialog(ManagerPin &pin, const Clock &clock, QWidget *parent = nullptr);
    ManagerPinDialog(ManagerPin &pin, const Clock &clock, Purpose purpose,
                     QWidget *parent = nullptr);

    Purpose purpose() const { return m_purpose; }
    Mode mode() const { return m_mode; }
    /** Whether an answer from ManagerPin is awaited (the keypad rests meanwhile). */
    bool isBusy() const { return m_busy; }
    /** How many digits are typed so far. */
    int enteredDigits() const { return int(m_entered.size()); }
    /** What the dots show: "● ● ○ ○". */
    QString dotsText() const;
    /** The line that tells the manager what happened ("Wrong PIN. 2 tries left…"). */
    QString message() const;
    /** The line that says what to do in this mode. */
    QString prompt() const;

    QPushButton *digitButton(int digit) const { return m_digits.at(digit); }
    QPushButton *eraseButton() const { return m_erase; }
    QPushButton *okButton() const { return m_ok; }
    QPushButton *cancelButton() const { return m_cancel; }

    /** How often the wait's countdown reads the clock; tests on a manual clock shorten it. */
    void setTickIntervalMs(int ms);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void enterDigit(int digit);
    void erase();
    void submit();
    void askWhetherSet();
    void setMode(Mode mode, const QString &message = {});
    void refresh();
    void startWait(qint64 untilMs);
    void onTick();

    void onChecked(bool isSet);
    void onUnlocked();
    void onSaved();
    void finishAccepted();
    void onRefused(const QString &message);
    void onLockedOut(qint64 untilMs);
    void onFailed(const QString &message);

    ManagerPin &m_pin;
    const Clock &m_clock;
    const Purpose m_purpose;
    Mode m_mode = Mode::Checking;
    bool m_busy = false;
    QString m_entered; // never shown, never logged
    QString m_chosen; // the new PIN's first entry, while it is confirmed
    QString m_currentPin; // Change: the current PIN, from its try until the new one is saved
    qint64 m_waitUntilMs = 0;
    QTimer m_tick;

    QLabel *m_prompt = nullptr;
    QLabel *m_dots = nullptr;
    QLabel *m_message = nullptr;
    std::array<QPushButton *, 10> m_digits {};
    QPushButton *m_erase = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
};
