// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incomingwriter.h"

IncomingWriter::IncomingWriter(const QString &storePath, int busyTimeoutMs, const Clock &clock,
                               QObject *parent)
    : QObject(parent)
    , m_path(storePath)
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("kc-incoming"));
}

IncomingWriter::~IncomingWriter()
{
    if (!m_thread.isRunning())
        return;
    // The connection belongs to the thread: close it there, after the batches already queued.
    QThread *home = thread();
    QMetaObject::invokeMethod(
            m_threadContext,
            [this, home] {
                m_store.reset();
                m_threadContext->moveToThread(home); // so it may be deleted here
            },
            Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_threadContext;
}

Result<void> IncomingWriter::start()
{
    if (m_thread.isRunning())
        return {};
    m_threadContext = new QObject;
    m_threadContext->moveToThread(&m_thread);
    m_thread.start();
    bool opened = false;
    QString error;
    QThread *home = thread();
    QMetaObject::invokeMethod(
            m_threadContext,
            [this, &opened, &error, home] {
                m_store = std::make_unique<Store>(m_path, &m_clock);
                m_store->setBusyTimeoutMs(m_busyTimeoutMs);
                // The owner's connection checked the file when it opened it.
                const Result<void> result =
                        m_store->open(Store::OpenMode::ReadWrite, Store::IntegrityCheck::Skip);
                opened = result.ok();
                if (!opened) {
                    error = result.error();
                    m_store.reset();
                }
                m_threadContext->moveToThread(opened ? QThread::currentThread() : home);
            },
            Qt::BlockingQueuedConnection);
    if (!opened) {
        m_thread.quit();
        m_thread.wait();
        delete m_threadContext;
        m_threadContext = nullptr;
        return Failure {error};
    }
    return {};
}

void IncomingWriter::write(const QList<IncomingEvent> &batch,
                           const std::optional<SourceCursor> &cursor)
{
    Q_ASSERT(m_thread.isRunning());
    QMetaObject::invokeMethod(
            m_threadContext,
            [this, batch, cursor] {
                const QList<AppendResult> results = m_store->appendIncomingBatch(batch, cursor);
                // Back on the owner's thread; dropped if the writer is gone by then.
                QMetaObject::invokeMethod(
                        this, [this, results] { Q_EMIT written(results); },
                        Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
}
