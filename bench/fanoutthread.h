// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanoutconsole.h"

#include "common/clock.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QUuid>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

/** What a bump on the sending console did: the event, and when its commit ended (epoch ns). */
struct FanoutBump
{
    bool ok = false;
    QString message;
    QUuid eventId;
    qint64 committedNs = -1;
};

/**
 * One bench console living in its own thread, like a console on its own machine: it is created,
 * used and destroyed in that thread (a QSqlDatabase connection must stay in one thread). It
 * timestamps what it sees against the shared epoch (one QElapsedTimer of the process, so the same
 * monotonic clock in every thread) and reports through signals that reach the driver queued.
 */
class FanoutConsole final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FanoutConsole)

public:
    FanoutConsole(const QString &storePath, const QString &storeId, const QString &consoleId,
                  const QUrl &hubUrl, const QElapsedTimer &epoch);
    ~FanoutConsole() override;

    BenchConsole &console() { return *m_console; }
    /** As a receiver in round: report the frame carrying orderId's accept and its apply. */
    void watch(int round, int slot, const QString &orderId);
    /** As the sender in round: bump orderId and report the hub's ack of that event. */
    FanoutBump bump(int round, const QString &orderId, qint64 promiseMs);

Q_SIGNALS:
    void frameReceived(int round, int slot, qint64 ns);
    void applied(int round, int slot, qint64 ns);
    void acked(int round, qint64 ns);

private:
    void onReceived(const Protocol::Message &message);
    void onOrderChanged(const Order &order);

    const QElapsedTimer &m_epoch;
    SystemClock m_clock;
    std::unique_ptr<BenchConsole> m_console;
    int m_round = -1;
    int m_slot = -1;
    QString m_orderId; // watched as a receiver
    QUuid m_eventId; // watched as the sender
    bool m_frameSeen = true;
    bool m_appliedSeen = true;
    bool m_ackSeen = true;
};

/**
 * The driver's handle on a FanoutConsole: owns its thread, creates the console inside it and runs
 * calls on it there, blocking (queued, so only between the console's own event-loop turns).
 */
class ConsoleThread final
{
public:
    ConsoleThread(const QString &storePath, const QString &storeId, const QString &consoleId,
                  const QUrl &hubUrl, const QElapsedTimer &epoch);
    /** Destroys the console in its thread, then quits and waits for the thread. */
    ~ConsoleThread();
    Q_DISABLE_COPY_MOVE(ConsoleThread)

    const QString &storeId() const { return m_storeId; }
    const QString &consoleId() const { return m_consoleId; }
    /** For connecting to its signals only: the object lives in the console's thread. */
    FanoutConsole *object() const { return m_object; }

    /** Runs f(console) in the console's thread and returns its result; rethrows its exception. */
    template<typename F>
    auto call(F &&f) -> std::invoke_result_t<F, FanoutConsole &>
    {
        using Result = std::invoke_result_t<F, FanoutConsole &>;
        if constexpr (std::is_void_v<Result>) {
            run([&] { f(*m_object); });
        } else {
            std::optional<Result> result;
            run([&] { result.emplace(f(*m_object)); });
            return std::move(*result);
        }
    }

private:
    void run(const std::function<void()> &work);

    QString m_storeId;
    QString m_consoleId;
    QThread m_thread;
    std::unique_ptr<QObject> m_anchor; // lives in m_thread while it runs: the calls' context
    FanoutConsole *m_object = nullptr; // created and deleted in m_thread
};
