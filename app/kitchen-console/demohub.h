// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

/**
 * The demo's platform: a child order-hub with its own log, one store, this console enrolled with
 * a secret that lives only in memory, and the hub's simulator placing orders. Says ready() with
 * the WebSocket address once the hub prints its listening line, or failed() in words.
 * The log lasts as long as the console's store (logPathBeside()), as a platform's would: after a
 * restart the console carries on from its cursor, and the simulator from the log's last number.
 * On a new log a few orders are placed at once through the hub's HTTP API, as a customer's app
 * would, because the simulator's first order is a whole interval away; a log that goes on has
 * its orders already. The child is asked to stop when this object goes, and dies with this
 * process in any case.
 */
class DemoHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoHub)

public:
    struct Options
    {
        QString program; // the order-hub executable
        QString logPath; // the hub's log: kept and continued if it exists, else made
        QString storeId;
        QString consoleId;
        int ordersPerMinute = 6;
        int fillOrders = 5; // placed through the hub's HTTP API at once, so the board starts full
        quint32 seed = 1;
    };

    explicit DemoHub(Options options, QObject *parent = nullptr);
    ~DemoHub() override;

    /** Where to look for order-hub beside this executable: build tree, then install. */
    static QString findProgram(const QString &applicationDir);
    /** Where the demo hub keeps its log for the console store at storePath: beside it. */
    static QString logPathBeside(const QString &storePath);

    void start();
    /** Asks the hub to stop: SIGTERM, then a kill if it lingers; stopped() when it is gone. */
    void stop();

    /** The console's credential for the demo hub; never stored, never logged. */
    QByteArray secret() const { return m_secret; }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);
    void stopped();

private:
    void onStdout();
    void onStderr();
    void onErrorOccurred(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fill(quint16 httpPort);

    Options m_options;
    QByteArray m_secret;
    QProcess m_process;
    QTimer m_killTimer;
    QNetworkAccessManager m_network;
    QByteArray m_stdout; // until the listening line
    QByteArray m_stderrTail; // the last words of a hub that failed
    bool m_ready = false;
    bool m_fill = false; // the log is new: fill the board once the hub listens
};
