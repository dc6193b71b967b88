// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Every program answers --help and --version on a machine without a display (a server, a
// package's own checks) and exits 0, and refuses an unknown option with 2, as documented; the
// console without a screen says so and exits 5. The real executables, with no display at all.
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestHeadless : public QObject
{
    Q_OBJECT

public:
    TestHeadless() { m_taken.listen(QHostAddress::LocalHost); } // a port another program holds

private Q_SLOTS:
    void answersWithoutADisplay_data();
    void answersWithoutADisplay();
    void failuresEndWithTheirDocumentedCodes_data();
    void failuresEndWithTheirDocumentedCodes();

private:
    QTemporaryDir m_dir;
    QTcpServer m_taken;
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

// The codes README.md and the man pages give for what goes wrong, program by program, each
// caused for real (a folder that cannot hold the file, a port already taken).
void TestHeadless::failuresEndWithTheirDocumentedCodes_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("exitCode");
    const QString nowhere = QStringLiteral("/nonexistent-kc-folder/");
    const QStringList identity {QStringLiteral("--store-id"), QStringLiteral("store-1"),
                                QStringLiteral("--console-id"), QStringLiteral("pass-1")};
    QTest::newRow("kitchen-console, store cannot be opened")
            << QStringLiteral(KC_CONSOLE_PATH)
            << identity + QStringList {QStringLiteral("--store"), nowhere + QStringLiteral("store.sqlite")}
            << QStringLiteral("/nonexistent-kc-folder") << 3;
    QTest::newRow("kitchen-console, screenshot cannot be written")
            << QStringLiteral(KC_CONSOLE_PATH)
            << identity + QStringList {QStringLiteral("--store"), m_dir.filePath(QStringLiteral("s.sqlite")),
                                       QStringLiteral("--screenshot"), nowhere + QStringLiteral("board.png"),
                                       QStringLiteral("--screenshot-delay"), QStringLiteral("0")}
            << QStringLiteral("Could not write") << 4;
    QTest::newRow("order-hub, database cannot be opened")
            << QStringLiteral(ORDER_HUB_PATH)
            << QStringList {QStringLiteral("--db"), nowhere + QStringLiteral("hub.sqlite")}
            << QStringLiteral("/nonexistent-kc-folder") << 3;
    QTest::newRow("order-hub, port taken")
            << QStringLiteral(ORDER_HUB_PATH)
            << QStringList {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("hub.sqlite")),
                            QStringLiteral("--ws-port"), QString::number(m_taken.serverPort())}
            << QStringLiteral("cannot listen") << 4;
    QTest::newRow("order-hub, pairing for a store it does not have")
            << QStringLiteral(ORDER_HUB_PATH)
            << QStringList {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("hub.sqlite")),
                            QStringLiteral("--pair"), QStringLiteral("store-x:grill-1")}
            << QStringLiteral("there is no store store-x") << 2;
}

void TestHeadless::failuresEndWithTheirDocumentedCodes()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QFETCH(int, exitCode);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    QVERIFY2(process.waitForFinished(30'000), qPrintable(process.errorString()));
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode, qPrintable(errors));
    QVERIFY2(errors.contains(expected), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
