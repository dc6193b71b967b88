// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class Clock;
class MinutePicks;
class QDialogButtonBox;
class QLabel;

/**
 * Accepting an order: how many minutes until it is ready, in 5-minute steps, the store's default
 * chosen. Arrows or number keys choose, Enter accepts, Esc cancels; large buttons for touch.
 */
class AcceptDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptDialog)

public:
    /** The quotes offered: 5…60 in 5-minute steps, then 90 and 120 for catering-sized orders. */
    static QList<int> quotes();

    AcceptDialog(const QString &orderLabel, int defaultMinutes, const Clock &clock,
                 QWidget *parent = nullptr);

    /** The chosen prep time in minutes. */
    int minutes() const;
    MinutePicks *picks() const { return m_picks; }

    void accept() override;

private:
    void showReadyTime();

    const Clock &m_clock;
    MinutePicks *m_picks = nullptr;
    QLabel *m_readyAt = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
