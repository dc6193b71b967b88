// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class AllDayModel;
class QLabel;
class QTableView;
struct TicketStyle;

/**
 * The all-day panel beside the board: how many of each item are still to make, in type large
 * enough to read from the line. Shows the station column only in the expo view.
 */
class AllDayPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AllDayPanel)

public:
    AllDayPanel(const TicketStyle &style, AllDayModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    /** Shows which view the counts are for; empty: every station (expo). */
    void setStation(const QString &station);

private:
    QLabel *m_title = nullptr;
    QTableView *m_table = nullptr;
};
