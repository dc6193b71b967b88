// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultproxy.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class ChildLines;

namespace LoadRun {

/**
 * The platform: an order-hub process over one SQLite log in the run's folder, started again over
 * the same log after a SIGKILL. Its stderr goes on to a file beside the log.
 */
class HubChild final
{
public:
    HubChild(QString program, QString folder);
    ~HubChild();
    Q_DISABLE_COPY_MOVE(HubChild)

    /** Starts it with extra arguments (and stdinText written once) and waits until it listens. */
    bool start(const QStringList &arguments, const QByteArray &stdinText = {});
    /** SIGKILL: no goodbye, nothing flushed beyond what it committed. */
    void kill();
    /** SIGTERM, and waits for it to end. */
    bool stop();
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    quint16 wsPort() const { return m_wsPort; }
    QString databasePath() const;

private:
    QString m_program;
    QString m_folder;
    std::unique_ptr<QProcess> m_process;
    quint16 m_wsPort = 0;
};

/**
 * One kitchen screen of the run: a kc-load-console process (loadconsole.cpp) whose link to the
 * platform goes through a FaultProxy of its own, and the last status it printed.
 */
class ConsoleChild final
{
public:
    struct Spec
    {
        QString storeId;
        QString consoleId;
        QString station; // empty: expo
        QString storePath;
        quint32 seed = 1;
        int minDwellMs = 500;
        int maxDwellMs = 3000;
        QUrl posUrl; // a Square POS it delivers to; empty: none
        QByteArray posToken;
    };

    ConsoleChild(QString program, Spec spec, QByteArray secret);
    ~ConsoleChild();
    Q_DISABLE_COPY_MOVE(ConsoleChild)

    const Spec &spec() const { return m_spec; }
    FaultProxy &proxy() { return m_proxy; }
    /** Its proxy listens and relays to the hub's port. */
    bool listen(quint16 hubPort);
    /** Starts the process (a fresh status until it reports). */
    bool start();
    /** SIGKILL. */
    void kill();
    /** Asks it to quit (its robot stops, it prints its tally) and waits for it to end. */
    bool quit(int timeoutMs);
    void command(const QByteArray &line);
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    /**
     * Its last status line: live, cursor, pending (the platform's queue), outbox (every
     * destination's), backlog, store_fault, refused_writes, commands, refused.
     */
    const QJsonObject &status() const { return m_status; }
    /** Staff commands given in this process's earlier lives and this one. */
    int commands() const { return m_commandsBefore + m_status.value(QStringLiteral("commands")).toInt(); }
    int refused() const { return m_refusedBefore + m_status.value(QStringLiteral("refused")).toInt(); }
    bool caughtUpTo(qint64 head) const;

    /** What its status lines showed over its lives: how a fault is seen to have landed. */
    struct Seen
    {
        int notLive = 0; // status lines with the link down
        int storeFault = 0; // status lines with the store unable to write
        int stalls = 0; // gaps of a second or more between status lines (4 are due a second)
        int refusedWrites = 0; // writes its disk refused, in this life
    };
    const Seen &seen() const { return m_seen; }

private:
    void onLine(const QString &line);

    QString m_program;
    Spec m_spec;
    QByteArray m_secret;
    FaultProxy m_proxy;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<ChildLines> m_lines;
    QJsonObject m_status;
    Seen m_seen;
    QElapsedTimer m_sinceStatus;
    int m_commandsBefore = 0;
    int m_refusedBefore = 0;
};

} // namespace LoadRun
