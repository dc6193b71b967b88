// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionspage.h"

#include "channels/channelregistry.h"
#include "engine/orderengine.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "session/posconnection.h"
#include "sync/historybackfill.h"
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
    , m_history(wrappedLabel(this))
    , m_pos(wrappedLabel(this))
    , m_changePos(new QPushButton(tr("&Change the POS connection…"), this))
    , m_setup(new QPushButton(tr("&Set up this screen again (pairing, store, station)…"), this))
{
    auto *platform = new QGroupBox(tr("Platform"), this);
    auto *platformLayout = new QVBoxLayout(platform);
    platformLayout->addWidget(m_platform);
    platformLayout->addWidget(m_manager);
    platformLayout->addWidget(m_history);
    m_setup->setObjectName(QStringLiteral("setupAgain"));
    m_setup->setMinimumSize(220, 48);
    platformLayout->addWidget(m_setup, 0, Qt::AlignLeft);
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
    connect(m_setup, &QPushButton::clicked, this, &ConnectionsPage::setupRequested);
    if (PlatformConnection *link = m_session.platform()) {
        connect(&link->client(), &SyncClient::statusChanged, this, &ConnectionsPage::refresh);
        // A page at a time, often: read only while someone looks (showEvent reads it anyway).
        connect(&link->history(), &HistoryBackfill::progressChanged, this, [this] {
            if (isVisible())
                refreshHistory();
        });
    }
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
    refreshHistory();
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

void ConnectionsPage::refreshHistory()
{
    const PlatformConnection *link = m_session.platform();
    const qint64 goal = link ? link->history().goal() : 0;
    m_history->setVisible(goal > 0);
    if (goal <= 0) {
        m_history->clear();
        return;
    }
    const qint64 stored = link->history().storedThrough();
    m_history->setText(
            stored >= goal
                    ? tr("This console holds the store's whole order history from the platform.")
                    : tr("The store's older order history is still arriving from the platform: "
                         "%1 % so far. Reports on earlier days are incomplete until it is all "
                         "here.")
                              .arg(stored * 100 / goal));
}

QString ConnectionsPage::historyText() const
{
    return m_history->text();
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
