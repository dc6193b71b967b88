// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "listeditbuttons.h"

#include <QPushButton>

namespace {
constexpr int fingerHeight = 44;

QPushButton *touchButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setMinimumHeight(fingerHeight);
    return button;
}
} // namespace

ListEditButtons::ListEditButtons(QWidget *parent)
    : QObject(parent)
    , m_up(touchButton(tr("Up"), parent))
    , m_down(touchButton(tr("Down"), parent))
    , m_remove(touchButton(tr("Remove"), parent))
    , m_add(touchButton(tr("Add"), parent))
{
    connect(m_up, &QPushButton::clicked, this, [this] { Q_EMIT moveRequested(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { Q_EMIT moveRequested(1); });
    connect(m_remove, &QPushButton::clicked, this, &ListEditButtons::removeRequested);
    connect(m_add, &QPushButton::clicked, this, &ListEditButtons::addRequested);
}

void ListEditButtons::enableFor(int row, int rows, bool canAdd)
{
    m_add->setEnabled(canAdd);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < rows - 1);
}
