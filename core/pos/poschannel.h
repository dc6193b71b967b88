// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "poshttp.h"
#include "posvendor.h"

#include "channels/orderchannel.h"

#include <memory>

class Clock;
class Store;

/**
 * A POS as one of the console's destinations: each event handed to send() becomes the vendor's
 * PosWrite, whose calls go over the POS's PosHttp, a few writes at once (the vendor's concurrency
 * limit), never blocking the caller. How each write ended is answered as the OrderChannel signals; the
 * dispatcher of this destination does the retrying, parking and dead-lettering.
 */
class PosChannel final : public OrderChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosChannel)

public:
    static constexpr int defaultMaxInFlight = 4;

    /** vendor and http outlive the channel: the session owns them, with the POS's feed. */
    PosChannel(PosVendor &vendor, PosHttp &http, Store &store, QObject *parent = nullptr);

    PosVendor &vendor() const { return m_vendor; }
    void setMaxInFlight(int writes) { m_maxInFlight = std::max(1, writes); }

    QString destination() const override { return QStringLiteral("pos:") + m_vendor.name(); }
    State state() const override { return m_state; }
    qsizetype send(const QList<OrderEvent> &events) override;
    int batchLimit() const override;

    /** Writes under way: for tests and the health view. */
    int inFlight() const { return m_running; }

private:
    void updateState();
    void start(const OrderEvent &event);
    /** Carries on with step for the write of eventId: a call, or its end. */
    void advance(const QUuid &eventId, std::shared_ptr<PosWrite> write, const PosStep &step);

    PosVendor &m_vendor;
    PosHttp &m_http;
    Store &m_store;
    State m_state = State::Offline;
    int m_maxInFlight = defaultMaxInFlight;
    int m_running = 0; // writes started and not yet ended
};
