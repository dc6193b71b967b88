// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class Clock;
class MinutePicks;
class QDialogButtonBox;
class QLabel;
class QPushButton;

/**
 * A question answered in minutes (a prep-time quote, a delay): a prompt, a grid of large minute
 * picks, and below them what the choice means (the time it promises), also on the confirming
 * button. Arrows or number keys choose, Enter confirms, Esc cancels; large buttons for touch.
 */
class MinuteDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MinuteDialog)

public:
    /** The chosen minutes. */
    int minutes() const;
    MinutePicks *picks() const { return m_picks; }

    /** Closes with the choice, once: a second Enter on a closing dialog does nothing. */
    void accept() override;

protected:
    /** picks offers minutes in columns, each labelled with pickFormat ("%1 min"). */
    MinuteDialog(const QString &title, const QString &prompt, const QList<int> &minutes,
                 int columns, const QString &pickFormat, const Clock &clock, QWidget *parent);

    const Clock &clock() const { return m_clock; }
    QPushButton *confirmButton() const;
    /** Shows what the chosen minutes mean under the picks, and on the confirming button. */
    void showOutcome(const QString &outcome, const QString &confirmText);
    /** Called whenever the choice changes: calls showOutcome(). */
    virtual void describeChoice() = 0;

private:
    const Clock &m_clock;
    MinutePicks *m_picks = nullptr;
    QLabel *m_outcome = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
