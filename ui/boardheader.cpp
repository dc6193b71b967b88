// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardheader.h"

#include "elidedlabel.h"
#include "syncstatusview.h"
#include "ticketformat.h"
#include "ticketstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <array>

namespace {
QFont pixelFont(const QFont &base, int pixelSize, bool bold)
{
    QFont font = base;
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

QPalette filled(QPalette colours, const QColor &fill, const QColor &text)
{
    colours.setColor(QPalette::Window, fill);
    colours.setColor(QPalette::WindowText, text);
    return colours;
}

constexpr std::array<OrderState, 4> boardStates {OrderState::Placed, OrderState::Accepted,
                                                 OrderState::Preparing, OrderState::Ready};
} // namespace

BoardHeader::BoardHeader(const TicketStyle &style, const Clock &clock, const QString &storeId,
                         const QString &consoleId, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("boardHeader"));
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, style.card);
    colours.setColor(QPalette::WindowText, style.cardText);
    setPalette(colours);
    setFocusPolicy(Qt::NoFocus);

    auto *store = new ElidedLabel(tr("%1  ·  %2").arg(storeId, consoleId), Qt::ElideLeft, this);
    store->setFont(pixelFont(font(), 18, false));
    QPalette dim = store->palette();
    dim.setColor(QPalette::WindowText, style.dimText);
    store->setPalette(dim);

    m_openCount = new QLabel(this);
    m_openCount->setObjectName(QStringLiteral("openCount"));
    m_openCount->setFont(pixelFont(font(), 24, true));

    // Which screen this is must read from across the kitchen: a cook at the fryer glancing up.
    m_viewName = new QLabel(this);
    m_viewName->setObjectName(QStringLiteral("viewName"));
    m_viewName->setAutoFillBackground(true);
    m_viewName->setContentsMargins(8, 2, 8, 2);
    m_viewName->setFont(pixelFont(font(), 26, true));
    m_viewName->setPalette(filled(palette(), style.selection, Qt::black));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(18, 10, 18, 10);
    layout->setSpacing(10);
    layout->addWidget(m_viewName, 0, Qt::AlignVCenter);
    layout->addWidget(m_openCount, 0, Qt::AlignVCenter);
    layout->addSpacing(12);
    m_emptyColours = filled(palette(), style.rule, style.dimText);
    for (OrderState state : boardStates) {
        auto *count = new QLabel(this);
        count->setAutoFillBackground(true);
        count->setContentsMargins(12, 4, 12, 4);
        count->setFont(pixelFont(font(), 18, true));
        m_stateColours.insert(state, filled(palette(), style.stateColor(state), style.headerText));
        m_stateCounts.insert(state, count);
        layout->addWidget(count, 0, Qt::AlignVCenter);
    }
    layout->addSpacing(16);
    m_syncStatus = new SyncStatusView(style, clock, this);
    layout->addWidget(m_syncStatus, 0, Qt::AlignVCenter);
    layout->addSpacing(24);
    // Who we are and the keys, small and to the side: staff learn them once, so on a narrow
    // screen they give way to the counts and the link state.
    auto *keys =
        new ElidedLabel(tr("Enter bump  ·  R recall  ·  X reject  ·  1–9 select  ·  A alert seen"),
                        Qt::ElideLeft, this);
    keys->setFont(pixelFont(font(), 15, false));
    keys->setPalette(dim);
    keys->setAlignment(Qt::AlignRight);
    store->setAlignment(Qt::AlignRight);
    auto *aside = new QVBoxLayout;
    aside->setSpacing(2);
    aside->addWidget(store);
    aside->addWidget(keys);
    layout->addLayout(aside, 1);

    setCounts({});
}

void BoardHeader::setCounts(const QMap<OrderState, int> &openByState)
{
    int open = 0;
    for (OrderState state : boardStates) {
        const int count = openByState.value(state);
        open += count;
        QLabel *label = m_stateCounts.value(state);
        label->setText(tr("%1  %2").arg(TicketFormat::stateCaption(state)).arg(count));
        label->setPalette(count > 0 ? m_stateColours.value(state) : m_emptyColours);
    }
    m_openCount->setText(tr("%1 open").arg(open));
}

void BoardHeader::setViewName(const QString &name)
{
    m_viewName->setText(name);
}

QString BoardHeader::viewName() const
{
    return m_viewName->text();
}

QString BoardHeader::openCountText() const
{
    return m_openCount->text();
}
