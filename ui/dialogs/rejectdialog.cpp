// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rejectdialog.h"

#include "dialogparts.h"
#include "shared/widgetlook.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int isOtherRole = Qt::UserRole + 1;
constexpr int rowHeight = 54;
constexpr int maxReasonLength = 200;
} // namespace

RejectDialog::RejectDialog(const QString &orderLabel, const QStringList &reasons,
                           QWidget *parent)
    : QDialog(parent)
    , m_reasons(new QListWidget(this))
    , m_otherText(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Reject order %1").arg(orderLabel));
    setMinimumWidth(480);
    DialogParts::styleDialog(this, m_buttons);

    auto *prompt = new QLabel(tr("Why can't the kitchen take order %1?").arg(orderLabel), this);
    prompt->setFont(WidgetLook::pixelFont(font(), 22, true));
    prompt->setWordWrap(true);

    for (const QString &reason : reasons)
        m_reasons->addItem(reason);
    auto *other = new QListWidgetItem(tr("Other…"), m_reasons);
    other->setData(isOtherRole, true);
    m_reasons->setFont(WidgetLook::pixelFont(font(), 22));
    for (int row = 0; row < m_reasons->count(); ++row)
        m_reasons->item(row)->setSizeHint(QSize(0, rowHeight));
    m_reasons->setFixedHeight(rowHeight * m_reasons->count() + 2 * m_reasons->frameWidth());
    m_reasons->setCurrentRow(0);

    m_otherText->setPlaceholderText(tr("Type the reason"));
    m_otherText->setMaxLength(maxReasonLength);
    m_otherText->setFont(WidgetLook::pixelFont(font(), 20));
    m_otherText->setMinimumHeight(rowHeight - 8);
    m_otherText->setEnabled(false);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Reject order"));
    ok->setDefault(true);
    for (QAbstractButton *button : m_buttons->buttons()) {
        button->setMinimumHeight(rowHeight - 6);
        button->setFont(WidgetLook::pixelFont(font(), 18, true));
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(14);
    layout->addWidget(prompt);
    layout->addWidget(m_reasons);
    layout->addWidget(m_otherText);
    layout->addWidget(m_buttons);

    connect(m_reasons, &QListWidget::currentRowChanged, this, &RejectDialog::onReasonChanged);
    connect(m_reasons, &QListWidget::itemDoubleClicked, this, &RejectDialog::accept);
    connect(m_otherText, &QLineEdit::textEdited, this,
            [this] { m_reasons->setCurrentRow(m_reasons->count() - 1); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RejectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RejectDialog::reject);
    m_reasons->setFocus();
}

QString RejectDialog::reason() const
{
    const QListWidgetItem *item = m_reasons->currentItem();
    if (!item)
        return {};
    return isOtherChosen() ? m_otherText->text().simplified() : item->text();
}

void RejectDialog::accept()
{
    if (!isVisible())
        return; // closed already: a second confirmation must not reject twice
    if (isOtherChosen() && reason().isEmpty()) {
        m_otherText->setFocus();
        return;
    }
    if (reason().isEmpty())
        return;
    QDialog::accept();
}

bool RejectDialog::isOtherChosen() const
{
    const QListWidgetItem *item = m_reasons->currentItem();
    return item && item->data(isOtherRole).toBool();
}

void RejectDialog::onReasonChanged()
{
    m_otherText->setEnabled(isOtherChosen());
}
