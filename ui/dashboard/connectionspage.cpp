// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionspage.h"

#include "channels/channelregistry.h"
#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "session/posconnection.h"
#include "sync/syncclient.h"

#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ConnectionsPage::ConnectionsPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_platform(wrappedLabel(this))
    , m_manager(wrappedLabel(this))
    , m_pos(wrappedLabel(this))
    , m_changePos(new QPushButton(tr("&Change the POS connection…"), this))
{
    auto *platform = new QGroupBox(tr("Platform"), this);
    auto *platformLayout = new QVBoxLayout(platform);
    platformLayout->addWidget(m_platform);
    platformLayout->addWidget(m_manager);
    auto *pos = new QGroupBox(tr("POS"), this);
    auto *posLayout = new QVBoxLayout(pos);
    posLayout->addWidget(m_pos);
    m_changePos->setMinimumSize(220, 48);
    posLayout->addWidget(m_changePos, 0, Qt::AlignLeft);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(platform);
    layout->addWidget(pos);
    layout->addStretch();

    connect(m_changePos, &QPushButton::clicked, this, &ConnectionsPage::posSettingsRequested);
    if (PlatformConnection *link = m_session.platform())
        connect(&link->client(), &SyncClient::statusChanged, this, &ConnectionsPage::refresh);
    refresh();
}

void ConnectionsPage::refresh()
{
    const QString storeId = m_session.config().engine.storeId;
    const QString consoleId = m_session.config().engine.consoleId;
    if (const PlatformConnection *link = m_session.platform()) {
        m_platform->setText(tr("%1, as console %2 of store %3.")
                                    .arg(link->link().config().url.toDisplayString(), consoleId,
                                         storeId));
        m_manager->setText(
                m_session.engine().channels().mayActAsManager()
                        ? tr("The platform takes a manager's word from this console: cancels, "
                             "refunds and the store's rules set here stand.")
                        : tr("The platform has not allowed this console to act as the store's "
                             "manager (or has not said so since it connected): cancels, refunds "
                             "and rules set here are refused there. Whoever runs the platform "
                             "allows it with: order-hub --grant-manager %1:%2")
                                  .arg(storeId, consoleId));
    } else {
        m_platform->setText(tr("No platform: this console works on its own (console %1 of "
                               "store %2).")
                                    .arg(consoleId, storeId));
        m_manager->setText(tr("What a manager does here stays on this console."));
    }
    const PosConnection *pos = m_session.pos();
    m_pos->setText(pos ? tr("Connected to %1.").arg(pos->destination().section(QLatin1Char(':'), 1))
                       : tr("No POS is connected at this console."));
}

QString ConnectionsPage::platformText() const
{
    return m_platform->text();
}

QString ConnectionsPage::managerText() const
{
    return m_manager->text();
}

QString ConnectionsPage::posText() const
{
    return m_pos->text();
}

void ConnectionsPage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}
