// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recalldialog.h"

#include "dialogparts.h"
#include "shared/widgetlook.h"
#include "recalllistmodel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int visibleRows = 8;
constexpr int rowHeight = 56;
} // namespace

RecallDialog::RecallDialog(const QList<Order> &orders, qint64 nowMs, int windowMinutes,
                           QWidget *parent)
    : QDialog(parent)
    , m_model(new RecallListModel(this))
    , m_list(new QListView(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Recall a ticket"));
    DialogParts::styleDialog(this, m_buttons);
    setMinimumWidth(640);

    auto *prompt =
        new QLabel(tr("Bumped in the last %n min, latest first:", nullptr, windowMinutes), this);
    prompt->setFont(WidgetLook::pixelFont(font(), 24, true));

    m_model->setOrders(orders, nowMs);
    m_list->setModel(m_model);
    m_list->setFont(WidgetLook::pixelFont(font(), 22));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Rows as tall as a fingertip, the board's dark colours (a style sheet would otherwise fall
    // back to the platform's white list), and the list as tall as eight rows.
    const QPalette colours = palette();
    m_list->setStyleSheet(
        QStringLiteral("QListView { background: %1; color: %2; border: 1px solid %3; } "
                       "QListView::item { min-height: %4px; padding-left: 12px; } "
                       "QListView::item:selected { background: %5; color: %6; }")
            .arg(colours.color(QPalette::Window).name(), colours.color(QPalette::Text).name(),
                 colours.color(QPalette::AlternateBase).name())
            .arg(rowHeight)
            .arg(colours.color(QPalette::Highlight).name(),
                 colours.color(QPalette::HighlightedText).name()));
    m_list->setMinimumHeight(rowHeight * qMin<int>(visibleRows, qMax<int>(3, int(orders.size())))
                             + 2 * m_list->frameWidth());
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Recall"));
    ok->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(16);
    layout->addWidget(prompt);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);

    connect(m_list, &QListView::doubleClicked, this, &RecallDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecallDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RecallDialog::reject);
    m_list->setFocus();
}

QString RecallDialog::orderId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(RecallListModel::OrderIdRole).toString() : QString();
}

void RecallDialog::accept()
{
    if (!isVisible() || orderId().isEmpty())
        return;
    QDialog::accept();
}
