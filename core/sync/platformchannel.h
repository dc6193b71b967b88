// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/orderchannel.h"
#include "platformlink.h"

/**
 * The platform as an OrderChannel: submits events over a PlatformLink in frames the protocol
 * allows, and turns the hub's acks and rejects into verdicts (the platform's log is the
 * authority on every order's history).
 */
class PlatformChannel final : public OrderChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformChannel)

public:
    static inline const QString name = QStringLiteral("platform");

    explicit PlatformChannel(PlatformLink &link, QObject *parent = nullptr);

    QString destination() const override { return name; }
    State state() const override { return stateOf(m_link.state()); }
    qsizetype send(const QList<OrderEvent> &events) override;
    bool answersAreVerdicts() const override { return true; }
    bool keepsOrderInFlight() const override { return true; }
    int batchLimit() const override;

    PlatformLink &link() const { return m_link; }

private:
    static State stateOf(PlatformLink::State state);
    void onReceived(const Protocol::Message &message);

    PlatformLink &m_link;
};
