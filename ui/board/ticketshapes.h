// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ticketshape.h"

#include <QList>

#include <optional>

class QAbstractItemModel;
class QModelIndex;
class TicketDelegate;

/**
 * What every ticket on the board measured, one per row, kept while neither the ticket nor the
 * column width changes: a burst that changes ten tickets measures ten, not two thousand. The view
 * tells it which rows came, went or changed.
 */
class TicketShapes final
{
public:
    void forgetAll() { m_shapes.clear(); }
    void insertRows(int first, int count);
    void removeRows(int first, int count);
    void forgetRows(int first, int last);

    /** One shape for each of the first rows of model under root, at cardWidth; measures those
     *  not known. */
    QList<TicketShape> shapes(const QAbstractItemModel &model, const QModelIndex &root,
                              const TicketDelegate &delegate, qreal cardWidth, int rows);

private:
    QList<std::optional<TicketShape>> m_shapes;
    qreal m_cardWidth = -1;
};
