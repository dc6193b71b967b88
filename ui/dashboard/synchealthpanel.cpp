// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "synchealthpanel.h"

#include "channels/channeldispatcher.h"
#include "channels/channelregistry.h"
#include "common/clock.h"
#include "synchealthmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

SyncHealthPanel::SyncHealthPanel(const ChannelRegistry &channels, const ChannelUptime &uptime,
                                 const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_channels(channels)
    , m_uptime(uptime)
    , m_clock(clock)
    , m_model(new SyncHealthModel(this))
    , m_view(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Where this console's changes go. Nothing is lost while a link is "
                                "down: changes wait here and go when it is back."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view);
    connect(&m_channels, &ChannelRegistry::added, this, &SyncHealthPanel::follow);
    follow();
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SyncHealthPanel::refresh);
    m_tick.start();
}

void SyncHealthPanel::follow()
{
    for (const ChannelDispatcher *dispatcher : m_channels.dispatchers())
        connect(dispatcher, &ChannelDispatcher::healthChanged, this, &SyncHealthPanel::refresh,
                Qt::UniqueConnection);
    refresh();
}

void SyncHealthPanel::refresh()
{
    const qint64 now = m_clock.nowMs();
    QList<SyncHealth> rows;
    for (const ChannelHealth &channel : m_channels.health())
        rows.append(SyncHealth::judge(channel, m_uptime.of(channel.destination), now));
    m_model->setRows(rows);
    m_view->resizeRowsToContents();
}
