// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformthread.h"

#include "soakaudit.h"
#include "synctestbed.h"

#include "hub/hubsimulator.h"

PlatformThread::PlatformThread(const Clock &clock)
    : m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("soak platform"));
}

PlatformThread::~PlatformThread()
{
    if (!m_thread.isRunning())
        return;
    onHubThread([this] {
        m_simulator.reset();
        m_hub.reset();
        delete m_context;
    });
    m_thread.quit();
    m_thread.wait();
}

void PlatformThread::onHubThread(const std::function<void()> &work)
{
    QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

bool PlatformThread::start(const QString &storeId, const QString &consoleId, quint32 seed)
{
    m_storeId = storeId;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    bool started = false;
    onHubThread([&] {
        m_hub = std::make_unique<SyncTest::HubBed>(m_clock);
        if (!m_hub->start({{storeId, {consoleId}}}))
            return;
        m_simulator = std::make_unique<HubSimulator>(m_hub->hub(), m_clock, seed);
        m_simulator->start({storeId}, 0);
        m_url = m_hub->url();
        started = true;
    });
    return started;
}

void PlatformThread::placeOrder()
{
    QMetaObject::invokeMethod(
        m_context, [this] { m_simulator->tick(); }, Qt::QueuedConnection);
}

QStringList PlatformThread::stillInKitchen()
{
    QStringList open;
    onHubThread([&] { open = SoakAudit::stillInKitchen(m_hub->log(), m_storeId); });
    return open;
}

qint64 PlatformThread::head()
{
    qint64 head = 0;
    onHubThread([&] { head = m_hub->log().head(m_storeId); });
    return head;
}

PlatformView PlatformThread::view()
{
    PlatformView view;
    onHubThread([&] { view = PlatformView::of(m_hub->log(), m_storeId); });
    return view;
}
