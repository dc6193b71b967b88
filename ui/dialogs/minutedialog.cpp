// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "minutedialog.h"

#include "dialogparts.h"
#include "minutepicks.h"
#include "shared/widgetlook.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

MinuteDialog::MinuteDialog(const QString &title, const QString &prompt, const QList<int> &minutes,
                           int columns, const QString &pickFormat, const Clock &clock,
                           QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_outcome(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    DialogParts::styleDialog(this, m_buttons);
    m_picks = new MinutePicks(minutes, columns, pickFormat, this); // in the dialog's colours

    auto *promptLabel = new QLabel(prompt, this);
    // Prompt and outcome quote order numbers, which are the platform's text.
    promptLabel->setTextFormat(Qt::PlainText);
    m_outcome->setTextFormat(Qt::PlainText);
    promptLabel->setFont(WidgetLook::pixelFont(font(), 26, true));
    promptLabel->setWordWrap(true);
    m_outcome->setFont(WidgetLook::pixelFont(font(), 22));
    confirmButton()->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(18);
    layout->addWidget(promptLabel);
    layout->addWidget(m_picks);
    layout->addWidget(m_outcome);
    layout->addWidget(m_buttons);

    connect(m_picks, &MinutePicks::chosenChanged, this, &MinuteDialog::describeChoice);
    connect(m_picks, &MinutePicks::confirmed, this, &MinuteDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MinuteDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MinuteDialog::reject);
    m_picks->setFocus();
}

int MinuteDialog::minutes() const
{
    return m_picks->chosen();
}

void MinuteDialog::accept()
{
    if (!isVisible())
        return; // closed already: a second Enter must not confirm twice
    QDialog::accept();
}

QPushButton *MinuteDialog::confirmButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void MinuteDialog::showOutcome(const QString &outcome, const QString &confirmText)
{
    m_outcome->setText(outcome);
    confirmButton()->setText(confirmText);
}
