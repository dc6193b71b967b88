// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pausedialog.h"

#include "common/clock.h"
#include "dialogparts.h"
#include "shared/widgetlook.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace {
constexpr qint64 msPerMinute = 60'000;

QDateTime localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
}
} // namespace

PauseDialog::PauseDialog(qint64 pausedUntil, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    setWindowTitle(tr("Pause the store"));
    DialogParts::styleDialog(this, buttons);

    const bool paused = pausedUntil > 0;
    auto *prompt = new QLabel(
        paused ? tr("The store is paused until %1. Change the pause, or resume now:")
                     .arg(localTime(pausedUntil).toString(QStringLiteral("HH:mm")))
               : tr("Stop new orders from the platform for a while. Orders already here stay "
                    "on the board."),
        this);
    prompt->setFont(WidgetLook::pixelFont(font(), 24, true));
    prompt->setWordWrap(true);

    m_for20 = new QPushButton(tr("Pause 20 min"), this);
    m_for40 = new QPushButton(tr("Pause 40 min"), this);
    m_until = new QPushButton(tr("Pause until"), this);
    m_resume = new QPushButton(tr("Resume now"), this);
    m_resume->setVisible(paused);
    for (QPushButton *button : {m_for20, m_for40, m_until, m_resume}) {
        DialogParts::makeTouchButton(button, 24);
        button->setMinimumWidth(220);
    }

    // The time field starts at the next quarter hour at least half an hour away.
    m_time = new QTimeEdit(this);
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_time->setFont(WidgetLook::pixelFont(font(), 28, true));
    m_time->setMinimumHeight(DialogParts::touchHeight);
    m_time->setMinimumWidth(160);
    const QTime soon = localTime(m_clock.nowMs() + 30 * msPerMinute).time();
    const int quarter = (soon.hour() * 60 + soon.minute() + 14) / 15 * 15 % (24 * 60);
    m_time->setTime(QTime(quarter / 60, quarter % 60));

    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    grid->addWidget(m_for20, 0, 0);
    grid->addWidget(m_for40, 0, 1);
    grid->addWidget(m_until, 1, 0);
    grid->addWidget(m_time, 1, 1);
    if (paused)
        grid->addWidget(m_resume, 2, 0, 1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(18);
    layout->addWidget(prompt);
    layout->addLayout(grid);
    layout->addWidget(buttons);

    connect(m_for20, &QPushButton::clicked, this, [this] { chooseFor(20); });
    connect(m_for40, &QPushButton::clicked, this, [this] { chooseFor(40); });
    connect(m_until, &QPushButton::clicked, this, &PauseDialog::chooseUntilTime);
    connect(m_resume, &QPushButton::clicked, this, &PauseDialog::chooseResume);
    connect(buttons, &QDialogButtonBox::rejected, this, &PauseDialog::reject);
    // Paused already, the likely wish is to resume; otherwise a short pause.
    (paused ? m_resume : m_for20)->setFocus();
}

void PauseDialog::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    QWidget *focused = focusWidget();
    if (enter && (focused == m_time || m_time->isAncestorOf(focused))) {
        chooseUntilTime();
        return;
    }
    QDialog::keyPressEvent(event);
}

void PauseDialog::chooseFor(int minutes)
{
    m_choice = Choice::Pause;
    m_untilMs = m_clock.nowMs() + minutes * msPerMinute;
    accept();
}

void PauseDialog::chooseUntilTime()
{
    const qint64 now = m_clock.nowMs();
    QDateTime until(localTime(now).date(), m_time->time());
    if (until.toMSecsSinceEpoch() <= now) // 01:00 chosen at 23:00 means tonight, not this morning
        until = until.addDays(1);
    m_choice = Choice::Pause;
    m_untilMs = until.toMSecsSinceEpoch();
    accept();
}

void PauseDialog::chooseResume()
{
    m_choice = Choice::Resume;
    m_untilMs = 0;
    accept();
}
