// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Every program answers --help and --version on a machine without a display (a server, a
// package's own checks) and exits 0, and refuses an unknown option with 2, as documented; the
// console without a screen says so and exits 5. The real executables, with no display at all.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class TestHeadless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersWithoutADisplay_data();
    void answersWithoutADisplay();
};

void TestHeadless::answersWithoutADisplay_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("exitCode");
    const QList<std::pair<const char *, QString>> programs {
        {"kitchen-console", QStringLiteral(KC_CONSOLE_PATH)},
        {"order-hub", QStringLiteral(ORDER_HUB_PATH)},
        {"kc-admin", QStringLiteral(KC_ADMIN_PATH)},
    };
    for (const auto &[name, path] : programs) {
        QTest::addRow("%s --version", name)
                << path << QStringLiteral("--version")
                << QStringLiteral("%1 %2").arg(QLatin1String(name), QStringLiteral(KC_VERSION)) << 0;
        QTest::addRow("%s --help", name) << path << QStringLiteral("--help")
                                         << QStringLiteral("Usage:") << 0;
        QTest::addRow("%s --no-such-option", name) << path << QStringLiteral("--no-such-option")
                                                   << QStringLiteral("no-such-option") << 2;
    }
    // Its options judged, the board itself cannot start without a screen, and says why.
    QTest::addRow("kitchen-console, no display")
            << QStringLiteral(KC_CONSOLE_PATH) << QStringLiteral("--store-id=store-9")
            << QStringLiteral("No display to show the board on") << 5;
}

void TestHeadless::answersWithoutADisplay()
{
    QFETCH(QString, program);
    QFETCH(QString, flag);
    QFETCH(QString, expected);
    QFETCH(int, exitCode);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &display : {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"),
                                   QStringLiteral("QT_QPA_PLATFORM")})
        environment.remove(display);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, {flag});
    QVERIFY2(process.waitForFinished(30'000), qPrintable(process.errorString()));
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    const QString said = QString::fromUtf8(process.readAllStandardOutput()) + errors;
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode, qPrintable(errors));
    QVERIFY2(said.contains(expected), qPrintable(said));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
