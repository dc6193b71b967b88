// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// kitchen-console --kiosk as a kitchen lives with it: the real program, its board killed as a
// crash would, started again by the supervisor on the same store, where it left off; closed on
// purpose, it stays closed; a bad option is not retried forever.
#include "childlines.h"

#include "common/clock.h"
#include "session/consolesession.h"
#include "sim/ordergenerator.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
constexpr int runTimeoutMs = 60'000;
const QString store = QStringLiteral("store-1");
} // namespace

class TestKiosk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void aCrashedBoardIsStartedAgainWhereItLeftOff();
    void aBadOptionIsNotRetried();

private:
    QStringList m_lines;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_kiosk;
};

void TestKiosk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_lines.clear();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kc.*.info=true"));
    environment.remove(QStringLiteral("KC_KIOSK_CHILD"));
    m_kiosk.setProcessEnvironment(environment);
    m_kiosk.setProcessChannelMode(QProcess::MergedChannels);
}

void TestKiosk::aCrashedBoardIsStartedAgainWhereItLeftOff()
{
    // A store with two tickets on the board.
    const QString storePath = m_dir->filePath(QStringLiteral("store.sqlite"));
    {
        ManualClock clock {1'800'000'000'000};
        ConsoleSession session(
                SessionConfig::forConsole(storePath, store, QStringLiteral("pass-1")), clock);
        QVERIFY(session.open());
        OrderGenerator generator(store, 7);
        for (int i = 0; i < 2; ++i)
            QVERIFY(session.engine().placeOrder(generator.next(clock.nowMs()), Actor::platform()).ok);
    }
    ChildLines lines(m_kiosk, [this](const QString &line) { m_lines.append(line); });
    // Each run of the board ends by itself after a while, with exit code 0: closed on purpose.
    m_kiosk.start(QStringLiteral(KC_CONSOLE_PATH),
                  {QStringLiteral("--kiosk"), QStringLiteral("--store"), storePath,
                   QStringLiteral("--settings"), m_dir->filePath(QStringLiteral("console.ini")),
                   QStringLiteral("--store-id"), store, QStringLiteral("--console-id"),
                   QStringLiteral("pass-1"), QStringLiteral("--quit-after"), QStringLiteral("8")});
    const QRegularExpression started(QStringLiteral("board started(?: again)?, pid (\\d+)"));
    const auto resumed = [this] {
        return m_lines.filter(QStringLiteral("board resumes console pass-1 of store store-1 with "
                                             "2 open orders"))
                .size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(resumed(), 1, runTimeoutMs);
    const QStringList firstStart = m_lines.filter(started);
    QCOMPARE(firstStart.size(), 1);
    const qint64 firstPid = started.match(firstStart.constFirst()).captured(1).toLongLong();
    QVERIFY(firstPid > 0 && firstPid != m_kiosk.processId());

    ::kill(pid_t(firstPid), SIGKILL); // a crash, as far as anyone can tell
    QTRY_COMPARE_WITH_TIMEOUT(resumed(), 2, runTimeoutMs);
    QVERIFY(!m_lines.filter(QStringLiteral("the board stopped (crashed)")).isEmpty());
    const QStringList starts = m_lines.filter(started);
    QCOMPARE(starts.size(), 2);
    QVERIFY(started.match(starts.constLast()).captured(1).toLongLong() != firstPid);

    // The second board closes by itself: the supervisor ends with it, and starts no third.
    QVERIFY(m_kiosk.waitForFinished(runTimeoutMs));
    QCOMPARE(m_kiosk.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_kiosk.exitCode(), 0);
    QCOMPARE(m_lines.filter(started).size(), 2);
}

void TestKiosk::aBadOptionIsNotRetried()
{
    ChildLines lines(m_kiosk, [this](const QString &line) { m_lines.append(line); });
    m_kiosk.start(QStringLiteral(KC_CONSOLE_PATH),
                  {QStringLiteral("--kiosk"), QStringLiteral("--no-such-option")});
    QVERIFY(m_kiosk.waitForFinished(runTimeoutMs));
    lines.readAvailable();
    QCOMPARE(m_kiosk.exitCode(), 2);
    QCOMPARE(m_lines.filter(QStringLiteral("board started")).size(), 1);
    QVERIFY(!m_lines.filter(QStringLiteral("no-such-option")).isEmpty());
}

QTEST_GUILESS_MAIN(TestKiosk)
#include "tst_kiosk.moc"
