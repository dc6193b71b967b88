// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "letgodialog.h"

#include "dialogs/dialogparts.h"
#include "shared/widgetlook.h"

#include "order/orderlimits.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

LetGoDialog::LetGoDialog(const QString &what, QWidget *parent)
    : QDialog(parent)
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Let go of a stuck event"));
    setMinimumWidth(520);
    DialogParts::styleDialog(this, m_buttons);

    auto *prompt = new QLabel(tr("Why let %1 go?").arg(what), this);
    prompt->setFont(WidgetLook::pixelFont(font(), 22, true));
    prompt->setWordWrap(true);
    auto *hint = new QLabel(tr("It will never be sent; its order's later events go on without "
                               "it. The log keeps your reason."),
                            this);
    hint->setFont(WidgetLook::pixelFont(font(), 18));
    hint->setWordWrap(true);

    m_reason->setPlaceholderText(tr("Type the reason"));
    m_reason->setMaxLength(int(OrderLimits::maxTextLength));
    m_reason->setFont(WidgetLook::pixelFont(font(), 20));
    m_reason->setMinimumHeight(DialogParts::touchHeight - 8);

    QPushButton *ok = confirmButton();
    ok->setText(tr("Let go"));
    ok->setDefault(true);
    ok->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(14);
    layout->addWidget(prompt);
    layout->addWidget(hint);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);

    connect(m_reason, &QLineEdit::textChanged, this,
            [this] { confirmButton()->setEnabled(!reason().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LetGoDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LetGoDialog::reject);
    m_reason->setFocus();
}

QString LetGoDialog::reason() const
{
    return m_reason->text().trimmed();
}

QPushButton *LetGoDialog::confirmButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void LetGoDialog::accept()
{
    if (!isVisible() || reason().isEmpty())
        return; // a second Enter, or Enter before any reason: nothing to confirm
    QDialog::accept();
}
