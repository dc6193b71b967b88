// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketshapes.h"

#include "ticketdelegate.h"

#include <QAbstractItemModel>

void TicketShapes::insertRows(int first, int count)
{
    if (first >= 0 && first <= m_shapes.size())
        m_shapes.insert(first, count, std::nullopt);
}

void TicketShapes::removeRows(int first, int count)
{
    if (first >= 0 && first + count <= m_shapes.size())
        m_shapes.remove(first, count);
}

void TicketShapes::forgetRows(int first, int last)
{
    for (int row = qMax(0, first); row <= last && row < m_shapes.size(); ++row)
        m_shapes[row].reset();
}

QList<TicketShape> TicketShapes::shapes(const QAbstractItemModel &model, const QModelIndex &root,
                                        const TicketDelegate &delegate, qreal cardWidth,
                                        int rows)
{
    const int count = model.rowCount(root);
    // Another width, or rows that no longer match (a reset mid-way): measure everything anew.
    if (cardWidth != m_cardWidth || m_shapes.size() != count)
        m_shapes = QList<std::optional<TicketShape>>(count);
    m_cardWidth = cardWidth;
    rows = qBound(0, rows, count);
    QList<TicketShape> all;
    all.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        std::optional<TicketShape> &shape = m_shapes[row];
        if (!shape)
            shape = delegate.shape(model.index(row, 0, root), cardWidth);
        all.append(*shape);
    }
    return all;
}
