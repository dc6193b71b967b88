// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "laterlane.h"

#include "latermodel.h"
#include "ticketstyle.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

LaterLane::LaterLane(LaterModel *model, const TicketStyle &style, QWidget *parent)
    : QFrame(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_list(new QListView(this))
{
    setAccessibleName(tr("Scheduled orders"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    setPalette(style.panelPalette(palette()));
    // Wide enough for "#1234 Customer" in the card's customer type, read from two metres.
    setFixedWidth(qMax(320, style.minimumColumnWidth));

    m_title->setFont(style.captionFont);
    m_title->setContentsMargins(style.padding, style.padding, style.padding, style.padding / 2);
    m_list->setModel(model);
    // Read from across the kitchen, like the ticket numbers' neighbours: larger and bold.
    m_list->setFont(style.calloutFont());
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSpacing(style.cardMargin);
    m_list->setWordWrap(true);
    m_list->setFocusPolicy(Qt::NoFocus); // the board keeps the keyboard
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);

    connect(model, &QAbstractItemModel::modelReset, this, &LaterLane::refresh);
    refresh();
}

QString LaterLane::titleText() const
{
    return m_title->text();
}

void LaterLane::refresh()
{
    const int count = m_model->rowCount();
    m_title->setText(tr("LATER · %n scheduled", nullptr, count));
    setVisible(count > 0);
}
