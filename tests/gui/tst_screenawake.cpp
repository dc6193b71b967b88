// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ScreenAwake on a real session bus (dbus-run-session, through with-keyring.sh) with a screen
// saver of our own on it: the kiosk asks it to hold off and lets go when it ends; with no screen
// saver there, the kiosk says so and carries on.
#include "shared/screenawake.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

/** The desktop's org.freedesktop.ScreenSaver, as far as inhibiting goes. */
class FakeScreenSaver final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")

public:
    QStringList reasons;
    QList<uint> released;

public Q_SLOTS:
    uint Inhibit(const QString &application, const QString &reason)
    {
        reasons.append(application + QLatin1String(": ") + reason);
        return 4000 + uint(reasons.size());
    }
    void UnInhibit(uint cookie) { released.append(cookie); }
};

class TestScreenAwake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutAScreenSaverTheKioskCarriesOn();
    void theScreenSaverHoldsOffWhileTheKioskRuns();
};

void TestScreenAwake::withoutAScreenSaverTheKioskCarriesOn()
{
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    ScreenAwake awake(QStringLiteral("orders on screen"));
    QSignalSpy answered(&awake, &ScreenAwake::answered);
    QVERIFY(answered.isValid());
    QVERIFY(answered.wait(10'000));
    QCOMPARE(answered.constFirst().constFirst().toBool(), false);
    QVERIFY(!awake.isHeld());
}

void TestScreenAwake::theScreenSaverHoldsOffWhileTheKioskRuns()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    FakeScreenSaver saver;
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/ScreenSaver"), &saver,
                               QDBusConnection::ExportScriptableSlots
                                       | QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.ScreenSaver")));
    {
        ScreenAwake awake(QStringLiteral("orders on screen"));
        QSignalSpy answered(&awake, &ScreenAwake::answered);
        QVERIFY(answered.isValid());
        QVERIFY(answered.wait(10'000));
        QCOMPARE(answered.constFirst().constFirst().toBool(), true);
        QVERIFY(awake.isHeld());
        QCOMPARE(saver.reasons,
                 QStringList {QCoreApplication::applicationName() + u": orders on screen"});
    }
    QTRY_COMPARE(saver.released, QList<uint> {4001});
    bus.unregisterService(QStringLiteral("org.freedesktop.ScreenSaver"));
}

QTEST_GUILESS_MAIN(TestScreenAwake)
#include "tst_screenawake.moc"
