// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

class QTcpSocket;
class QWebSocket;

/** One order-hub process as the traffic reaches it: its WebSocket and HTTP ports on 127.0.0.1. */
struct HubEndpoint
{
    quint16 wsPort = 0;
    quint16 httpPort = 0;
};

/** A console registered on the hub: the traffic's listener for its store logs in as it. */
struct ListenerLogin
{
    QString storeId;
    QString consoleId;
    QByteArray secret;
};

/**
 * Customers placing orders over HTTP and consoles hearing of them, for bench/hubload: keep-alive
 * HTTP/1.1 connections that each place an order, wait for the answer and place the next (spread
 * over the hub processes and stores), and one bare WebSocket listener per store, logged in as a
 * console, that notes when each placed event arrives. Fan-out is from the request leaving here to
 * the event arriving at its store's listener, which may be on another hub process than the one
 * that took the order. Everything on one clock of this process.
 */
class PlacementTraffic final : public QObject
{
    Q_OBJECT

public:
    /** One run at one number of connections. */
    struct Level
    {
        int connections = 0;
        double placementsPerS = 0; // answered 201 within the run's time, per second
        double p50FanoutMs = 0;
        double p99FanoutMs = 0;
        int samples = 0;
        int failures = 0; // answers other than 201, or orders no listener heard of
    };

    PlacementTraffic(QList<HubEndpoint> hubs, QList<ListenerLogin> listeners,
                     QObject *parent = nullptr);
    ~PlacementTraffic() override;
    Q_DISABLE_COPY_MOVE(PlacementTraffic)

    /** Connects and logs every listener in (store i to hub i modulo the hubs); false on timeout. */
    bool listen(int timeoutMs);
    /**
     * Places orders for durationMs over connections connections, each as fast as it is answered,
     * or, with perSecond > 0, all together at that rate; then waits for the stragglers.
     */
    Level run(int connections, int durationMs, int perSecond = 0);

private:
    struct Connection;
    void placeNext(Connection &connection);
    void onAnswer(Connection &connection);
    void onFrame(const QString &text);
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }
    /** Unique to this traffic, so that another's orders on the same hub never count here. */
    QString orderId(int serial) const;

    QList<HubEndpoint> m_hubs;
    QList<ListenerLogin> m_logins;
    QString m_runId;
    QList<QWebSocket *> m_listeners;
    QList<Connection *> m_connections;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_sentNs; // by order id
    QHash<QString, qint64> m_heardNs; // by order id, the first time a listener heard of it
    QSet<QString> m_unheard; // sent in this run, not heard of yet
    qint64 m_runEndsNs = 0;
    qint64 m_intervalNs = 0; // paced runs: between two placements of all connections together
    qint64 m_nextSendNs = 0;
    int m_answered = 0;
    int m_failures = 0;
    int m_inFlight = 0;
    int m_serial = 0;
    int m_welcomed = 0;
};
