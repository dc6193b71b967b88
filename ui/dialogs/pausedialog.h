// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class Clock;
class QPushButton;
class QTimeEdit;

/**
 * Busy mode: pause the store for 20 or 40 minutes or until a time, or resume now when it is
 * paused. Tab and the arrows move between the large buttons, Enter chooses, Esc cancels; in the
 * time field, digits and up/down set the time and Enter pauses until it.
 */
class PauseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PauseDialog)

public:
    enum class Choice {
        None,
        Pause,
        Resume,
    };

    /** pausedUntil is the running pause's end (UTC ms), or 0 when the store takes orders. */
    PauseDialog(qint64 pausedUntil, const Clock &clock, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    /** When the chosen pause ends (UTC ms); a time already past today means tomorrow. */
    qint64 untilMs() const { return m_untilMs; }

    QPushButton *pauseFor20() const { return m_for20; }
    QPushButton *pauseFor40() const { return m_for40; }
    QPushButton *pauseUntilButton() const { return m_until; }
    QPushButton *resumeButton() const { return m_resume; }
    QTimeEdit *timeEdit() const { return m_time; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void chooseFor(int minutes);
    void chooseUntilTime();
    void chooseResume();

    const Clock &m_clock;
    Choice m_choice = Choice::None;
    qint64 m_untilMs = 0;
    QPushButton *m_for20 = nullptr;
    QPushButton *m_for40 = nullptr;
    QPushButton *m_until = nullptr;
    QPushButton *m_resume = nullptr;
    QTimeEdit *m_time = nullptr;
};
