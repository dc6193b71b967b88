// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QTest>

/**
 * Another process holding a store file's write lock (kc_lockholder) for as long as this object
 * holds it. Tests of "the store is locked by another program" use a real second process: locks
 * between processes are what the console meets in a store.
 */
class LockHolder
{
public:
    static constexpr int timeoutMs = 10'000;

    explicit LockHolder(QString program) : m_program(std::move(program)) { }
    ~LockHolder() { release(); }

    /** Starts the holder and waits until it has the lock. */
    bool lock(const QString &storePath)
    {
        m_process.start(m_program, {storePath});
        if (!m_process.waitForStarted(timeoutMs))
            return false;
        return QTest::qWaitFor(
                [this] {
                    m_output += m_process.readAllStandardOutput();
                    return m_output.contains("locked")
                            || m_process.state() == QProcess::NotRunning;
                },
                timeoutMs)
                && m_output.contains("locked");
    }

    /** Lets go of the lock and waits for the holder to end. */
    bool release()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        m_process.closeWriteChannel();
        return m_process.waitForFinished(timeoutMs) && m_process.exitCode() == 0;
    }

private:
    QString m_program;
    QProcess m_process;
    QByteArray m_output;
};
