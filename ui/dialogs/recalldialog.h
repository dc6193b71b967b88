// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/order.h"

#include <QDialog>

class QDialogButtonBox;
class QListView;
class RecallListModel;

/**
 * The recall list: the tickets bumped within the recall window, latest first. Arrows choose,
 * Enter (or a double tap) recalls, Esc closes; the engine decides whether it may.
 */
class RecallDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecallDialog)

public:
    RecallDialog(const QList<Order> &orders, qint64 nowMs, int windowMinutes,
                 QWidget *parent = nullptr);

    /** The chosen ticket's order id; empty when nothing is chosen. */
    QString orderId() const;
    QListView *list() const { return m_list; }
    RecallListModel *model() const { return m_model; }

    void accept() override;

private:
    RecallListModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
