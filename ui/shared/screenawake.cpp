// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenawake.h"

#include "uilogging.h"

#include <QCoreApplication>

#ifdef KC_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace {
const QString service = QStringLiteral("org.freedesktop.ScreenSaver");
const QString path = QStringLiteral("/org/freedesktop/ScreenSaver");
} // namespace

ScreenAwake::ScreenAwake(const QString &reason, QObject *parent)
    : QObject(parent)
{
#ifdef KC_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCWarning(lcBoard) << "kiosk: no session bus; the screen may blank by itself";
        return;
    }
    QDBusMessage inhibit = QDBusMessage::createMethodCall(service, path, service,
                                                          QStringLiteral("Inhibit"));
    inhibit << QCoreApplication::applicationName() << reason;
    // Asynchronous: a desktop slow to answer must not hold up the board.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(inhibit), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *call) {
                call->deleteLater();
                const QDBusPendingReply<quint32> reply = *call;
                if (reply.isError()) {
                    qCWarning(lcBoard).noquote()
                            << "kiosk: the screen saver would not hold off:"
                            << reply.error().message();
                    Q_EMIT answered(false, reply.error().message());
                    return;
                }
                m_cookie = reply.value();
                qCInfo(lcBoard) << "kiosk: the screen stays on";
                Q_EMIT answered(true, {});
            });
#else
    Q_UNUSED(reason)
    qCWarning(lcBoard) << "kiosk: this build cannot keep the screen on; the system's settings must";
#endif
}

ScreenAwake::~ScreenAwake()
{
#ifdef KC_HAVE_DBUS
    if (m_cookie == 0)
        return;
    QDBusMessage release = QDBusMessage::createMethodCall(service, path, service,
                                                          QStringLiteral("UnInhibit"));
    release << m_cookie;
    QDBusConnection::sessionBus().send(release);
#endif
}
