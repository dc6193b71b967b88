// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delaydialog.h"

#include "common/clock.h"
#include "dialogparts.h"
#include "minutepicks.h"
#include "shared/widgetlook.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QString clockTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm"));
}
} // namespace

QList<int> DelayDialog::delays()
{
    return {5, 10, 15, 20, 30};
}

DelayDialog::DelayDialog(const QString &orderLabel, qint64 promisedAt, const Clock &clock,
                         QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_promisedAt(promisedAt)
    , m_newTime(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Delay order %1").arg(orderLabel));
    DialogParts::styleDialog(this, m_buttons);
    m_picks = new MinutePicks(delays(), 5, tr("+%1 min"), this);

    const QString promise = promisedAt > 0 ? clockTime(promisedAt) : tr("no time");
    auto *prompt =
        new QLabel(tr("Order %1 is promised for %2. Delay it by:").arg(orderLabel, promise), this);
    prompt->setFont(WidgetLook::pixelFont(font(), 26, true));
    prompt->setWordWrap(true);
    m_newTime->setFont(WidgetLook::pixelFont(font(), 22));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(18);
    layout->addWidget(prompt);
    layout->addWidget(m_picks);
    layout->addWidget(m_newTime);
    layout->addWidget(m_buttons);

    connect(m_picks, &MinutePicks::chosenChanged, this, &DelayDialog::showNewTime);
    connect(m_picks, &MinutePicks::confirmed, this, &DelayDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DelayDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DelayDialog::reject);
    showNewTime();
    m_picks->setFocus();
}

int DelayDialog::minutes() const
{
    return m_picks->chosen();
}

void DelayDialog::accept()
{
    if (!isVisible())
        return;
    QDialog::accept();
}

void DelayDialog::showNewTime()
{
    // As the engine counts: from the promise, or from now once the promise has passed.
    const qint64 base = qMax(m_promisedAt, m_clock.nowMs());
    m_newTime->setText(
        tr("New promised time: %1").arg(clockTime(base + qint64(minutes()) * 60'000)));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Delay · +%1 min").arg(minutes()));
}
