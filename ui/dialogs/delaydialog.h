// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class Clock;
class MinutePicks;
class QDialogButtonBox;
class QLabel;

/**
 * Pushing an order's promised time back: +5, +10, +15, +20 or +30 minutes, with the new time
 * shown before it is sent. Arrows or number keys choose, Enter delays, Esc cancels.
 */
class DelayDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DelayDialog)

public:
    static QList<int> delays();

    /** promisedAt is the order's current promise (UTC ms; 0 if none). */
    DelayDialog(const QString &orderLabel, qint64 promisedAt, const Clock &clock,
                QWidget *parent = nullptr);

    int minutes() const;
    MinutePicks *picks() const { return m_picks; }

    void accept() override;

private:
    void showNewTime();

    const Clock &m_clock;
    qint64 m_promisedAt = 0;
    MinutePicks *m_picks = nullptr;
    QLabel *m_newTime = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
