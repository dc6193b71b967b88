// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "acceptdialog.h"

#include "common/clock.h"
#include "dialogparts.h"
#include "minutepicks.h"
#include "shared/widgetlook.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

QList<int> AcceptDialog::quotes()
{
    QList<int> minutes;
    for (int m = 5; m <= 60; m += 5)
        minutes.append(m);
    minutes << 90 << 120;
    return minutes;
}

AcceptDialog::AcceptDialog(const QString &orderLabel, int defaultMinutes, const Clock &clock,
                           QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_readyAt(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Accept order %1").arg(orderLabel));
    DialogParts::styleDialog(this, m_buttons);
    m_picks = new MinutePicks(quotes(), 7, tr("%1 min"), this);

    auto *prompt = new QLabel(tr("Order %1: ready in how many minutes?").arg(orderLabel), this);
    prompt->setFont(WidgetLook::pixelFont(font(), 26, true));
    prompt->setWordWrap(true);
    m_readyAt->setFont(WidgetLook::pixelFont(font(), 22));

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Accept"));
    ok->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(18);
    layout->addWidget(prompt);
    layout->addWidget(m_picks);
    layout->addWidget(m_readyAt);
    layout->addWidget(m_buttons);

    connect(m_picks, &MinutePicks::chosenChanged, this, &AcceptDialog::showReadyTime);
    connect(m_picks, &MinutePicks::confirmed, this, &AcceptDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AcceptDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AcceptDialog::reject);
    m_picks->choose(defaultMinutes);
    showReadyTime();
    m_picks->setFocus();
}

int AcceptDialog::minutes() const
{
    return m_picks->chosen();
}

void AcceptDialog::accept()
{
    if (!isVisible())
        return; // closed already: a second Enter must not accept twice
    QDialog::accept();
}

void AcceptDialog::showReadyTime()
{
    const QDateTime ready =
        QDateTime::fromMSecsSinceEpoch(m_clock.nowMs() + qint64(minutes()) * 60'000).toLocalTime();
    m_readyAt->setText(tr("Promised ready at %1").arg(ready.toString(QStringLiteral("HH:mm"))));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Accept · %1 min").arg(minutes()));
}
