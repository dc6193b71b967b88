// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderstate.h"

#include <QFrame>
#include <QMap>

class QLabel;
struct TicketStyle;

/** The strip above the board: which store and console this is, and how many tickets are open. */
class BoardHeader final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardHeader)

public:
    BoardHeader(const TicketStyle &style, const QString &storeId, const QString &consoleId,
                QWidget *parent = nullptr);

    /** Shows the open-ticket count and a count per open state. */
    void setCounts(const QMap<OrderState, int> &openByState);
    /** The text of the open-ticket count, as shown. */
    QString openCountText() const;

private:
    QPalette m_emptyColours; // a state with no tickets steps back
    QMap<OrderState, QPalette> m_stateColours;
    QLabel *m_openCount = nullptr;
    QMap<OrderState, QLabel *> m_stateCounts;
};
