// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "minutepicks.h"

#include "dialogparts.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QPushButton>

#include <cstdlib>

MinutePicks::MinutePicks(const QList<int> &minutes, int columns, const QString &labelFormat,
                         QWidget *parent)
    : QWidget(parent)
    , m_minutes(minutes)
    , m_columns(qMax(1, columns))
{
    Q_ASSERT(!minutes.isEmpty());
    setFocusPolicy(Qt::StrongFocus);
    const QColor accent = palette().color(QPalette::Highlight);
    const QColor accentText = palette().color(QPalette::HighlightedText);
    // A chosen pick must be obvious from across the kitchen, not just a sunken bevel.
    setStyleSheet(QStringLiteral("QPushButton { border: 2px solid %1; border-radius: 8px; "
                                 "padding: 6px; color: %4; background: %5; } "
                                 "QPushButton:checked { background: %2; color: %3; "
                                 "border: 3px solid %4; }")
                      .arg(palette().color(QPalette::Mid).name(), accent.name(), accentText.name(),
                           palette().color(QPalette::ButtonText).name(),
                           palette().color(QPalette::Button).name()));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    for (int i = 0; i < m_minutes.size(); ++i) {
        auto *button = new QPushButton(labelFormat.arg(m_minutes.at(i)), this);
        DialogParts::makeTouchButton(button, 22);
        button->setMinimumWidth(116); // "120 min" whole at 22 px
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus); // keys go to the grid, Enter to the dialog
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, i] {
            const bool again = i == m_chosen;
            chooseIndex(i);
            if (again)
                Q_EMIT confirmed(chosen());
        });
        grid->addWidget(button, i / m_columns, i % m_columns);
        m_buttons.append(button);
    }
    m_buttons.constFirst()->setChecked(true);
}

void MinutePicks::choose(int minutes)
{
    int best = 0;
    for (int i = 1; i < m_minutes.size(); ++i) {
        if (std::abs(m_minutes.at(i) - minutes) < std::abs(m_minutes.at(best) - minutes))
            best = i;
    }
    chooseIndex(best);
}

QPushButton *MinutePicks::button(int minutes) const
{
    const qsizetype index = m_minutes.indexOf(minutes);
    return index < 0 ? nullptr : m_buttons.at(index);
}

void MinutePicks::chooseIndex(int index)
{
    index = qBound(0, index, int(m_minutes.size()) - 1);
    for (int i = 0; i < m_buttons.size(); ++i)
        m_buttons.at(i)->setChecked(i == index);
    if (index == m_chosen)
        return;
    m_chosen = index;
    Q_EMIT chosenChanged(chosen());
}

void MinutePicks::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_9) {
        const int index = key - Qt::Key_1;
        if (index < m_minutes.size())
            chooseIndex(index);
        return;
    }
    switch (key) {
    case Qt::Key_Left:
        chooseIndex(m_chosen - 1);
        return;
    case Qt::Key_Right:
        chooseIndex(m_chosen + 1);
        return;
    case Qt::Key_Up:
        chooseIndex(m_chosen - m_columns >= 0 ? m_chosen - m_columns : m_chosen);
        return;
    case Qt::Key_Down:
        chooseIndex(m_chosen + m_columns < m_minutes.size() ? m_chosen + m_columns : m_chosen);
        return;
    default:
        QWidget::keyPressEvent(event); // Enter and Esc belong to the dialog
    }
}
