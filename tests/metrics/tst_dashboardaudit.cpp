// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// DashboardAudit over a real hub and a console that caught up with it: a lunch of orders that
// end every way (picked up, delivered, recalled, rejected, cancelled, refunded, late, stuck)
// agrees figure by figure, and a platform log with one event dropped or one time moved does not.
#include "dashboardaudit.h"
#include "synctestbed.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace SyncTest;

namespace {
const QString storeA = QStringLiteral("store-a");
constexpr qint64 minute = 60 * 1000;
const Actor cook = Actor::staff(QStringLiteral("ana"));

/** One order's events on the platform, written step by step at minutes after it was placed. */
class Steps
{
public:
    Steps(QList<OrderEvent> &log, const QString &number, qint64 placedAt,
          OrderType type = OrderType::Pickup)
        : m_log(log)
        , m_order(HubTest::order(storeA, number, type))
        , m_placedAt(placedAt)
    {
        m_log.append(HubTest::placed(m_order, placedAt));
    }

    Steps &to(OrderState state, int minutes, const Actor &actor = cook, const QString &reason = {})
    {
        m_log.append(HubTest::transition(m_order, m_state, state, actor,
                                         m_placedAt + minutes * minute, reason));
        m_state = state;
        return *this;
    }
    Steps &recall(int minutes)
    {
        to(OrderState::Preparing, minutes);
        m_log.last().kind = EventKind::Recall;
        return *this;
    }
    Steps &cooked(int acceptedAt, int startedAt, int readyAt)
    {
        return to(OrderState::Accepted, acceptedAt)
            .to(OrderState::Preparing, startedAt)
            .to(OrderState::Ready, readyAt);
    }
    QString id() const { return m_order.id; }

private:
    QList<OrderEvent> &m_log;
    Order m_order;
    qint64 m_placedAt = 0;
    OrderState m_state = OrderState::Placed;
};

/** The figure called name, which the audit must have compared. */
AuditedFigure figureOf(const DashboardAuditReport &report, const QString &name)
{
    const std::optional<AuditedFigure> figure = report.figure(name);
    if (!figure)
        qWarning("no figure \"%s\" in the audit", qPrintable(name));
    return figure.value_or(AuditedFigure {name, -1, -2});
}

bool names(const QStringList &problems, const QString &figure)
{
    return std::any_of(problems.cbegin(), problems.cend(), [&](const QString &problem) {
        return problem.startsWith(figure + QLatin1Char(':'));
    });
}
} // namespace

class TestDashboardAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theDashboardAgreesWithThePlatform();
    void theStoreFileReadsTheSame();
    void aDroppedEventIsNamed();
    void aMovedReadyTimeIsNamed();

private:
    QList<Protocol::SequencedEvent> platformLog();

    SystemClock m_clock;
    std::unique_ptr<HubBed> m_bed;
    std::unique_ptr<Console> m_console;
    qint64 m_now = 0;
    QString m_pickedUp; // order 101: picked up 8 minutes after it was placed
    QString m_lateOne; // order 102: ready at 20 minutes, the slowest
};

void TestDashboardAudit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// Two hours of a store's orders on the platform, a console that replays them all, then a few
// steps of the console's own: one accepted, one manager's cancel the platform refuses.
void TestDashboardAudit::init()
{
    m_bed = std::make_unique<HubBed>(m_clock);
    QVERIFY(m_bed->start({{storeA, {QStringLiteral("c1")}}}));
    const qint64 start = m_clock.nowMs() - 120 * minute;
    const Actor platform = Actor::platform();
    QList<OrderEvent> log;
    m_pickedUp =
        Steps(log, QStringLiteral("101"), start).cooked(1, 2, 6).to(OrderState::PickedUp, 8).id();
    m_lateOne = Steps(log, QStringLiteral("102"), start + 5 * minute) // ready after its promise
                    .cooked(1, 2, 20)
                    .to(OrderState::PickedUp, 22)
                    .id();
    Steps(log, QStringLiteral("103"), start + 10 * minute, OrderType::Delivery)
        .cooked(1, 3, 9) // amber
        .to(OrderState::OutForDelivery, 12, platform)
        .to(OrderState::Delivered, 40, platform);
    Steps(log, QStringLiteral("104"), start + 15 * minute) // recalled: two stays in preparing
        .cooked(1, 2, 7)
        .recall(8)
        .to(OrderState::Ready, 10)
        .to(OrderState::PickedUp, 11);
    Steps(log, QStringLiteral("105"), start + 20 * minute)
        .to(OrderState::Rejected, 1, cook, QStringLiteral("out of buns"));
    Steps(log, QStringLiteral("106"), start + 21 * minute)
        .to(OrderState::Rejected, 2, cook, QStringLiteral("closing soon"));
    Steps(log, QStringLiteral("107"), start + 25 * minute) // cancelled before cooking
        .to(OrderState::Accepted, 1)
        .to(OrderState::Cancelled, 3, platform, QStringLiteral("customer called"));
    Steps(log, QStringLiteral("108"), start + 30 * minute) // cancelled mid-prep, red by then
        .cooked(1, 2, 3)
        .recall(4)
        .to(OrderState::Cancelled, 14, platform, QStringLiteral("courier gone"));
    Steps(log, QStringLiteral("109"), start + 40 * minute).cooked(1, 2, 5); // stuck ready
    Steps(log, QStringLiteral("110"), start, OrderType::Delivery) // stuck out for delivery
        .cooked(1, 2, 5)
        .to(OrderState::OutForDelivery, 6, platform);
    Steps(log, QStringLiteral("111"), start + 50 * minute) // ready, cancelled, refunded
        .cooked(1, 2, 6)
        .to(OrderState::Cancelled, 7, platform, QStringLiteral("wrong store"))
        .to(OrderState::Refunded, 8, platform);
    const QString waiting = Steps(log, QStringLiteral("112"), m_clock.nowMs() - 20 * minute).id();
    const QString fresh = Steps(log, QStringLiteral("113"), m_clock.nowMs() - 4 * minute).id();
    for (const SubmitOutcome &outcome : m_bed->hub().submitAll(log))
        QVERIFY2(outcome.acked(), qPrintable(outcome.reason));

    ConsoleOptions options;
    options.bootstrap = false; // the whole log, so the console holds every order the hub has
    m_console = m_bed->console(storeA, QStringLiteral("c1"), options);
    QTRY_VERIFY(m_console->isLive());
    QTRY_COMPARE(m_console->client().cursor(), m_bed->log().head(storeA));

    TransitionDetails promise;
    promise.promisedAt = m_clock.nowMs() + 15 * minute;
    promise.prepMinutes = 15;
    QVERIFY(m_console->engine().transition(fresh, OrderState::Accepted, cook, promise).ok);
    TransitionDetails why;
    why.reason = QStringLiteral("test");
    // This console may not act as a manager: the platform refuses the cancel.
    QVERIFY(
        m_console->engine()
            .transition(waiting, OrderState::Cancelled, Actor::manager(QStringLiteral("mia")), why)
            .ok);
    QTRY_COMPARE(m_console->stateOf(waiting), OrderState::Placed);
    QTRY_COMPARE(m_bed->log().order(storeA, fresh)->state, OrderState::Accepted);
    QTRY_COMPARE(m_console->client().health().pending, 0);
    QTRY_COMPARE(m_console->client().cursor(), m_bed->log().head(storeA));
    m_now = m_clock.nowMs();
}

void TestDashboardAudit::cleanup()
{
    m_console.reset();
    m_bed.reset();
}

QList<Protocol::SequencedEvent> TestDashboardAudit::platformLog()
{
    return m_bed->log().eventsAfter(storeA, 0, int(m_bed->log().head(storeA)) + 1);
}

void TestDashboardAudit::theDashboardAgreesWithThePlatform()
{
    const QList<Protocol::SequencedEvent> log = platformLog();
    const DashboardAuditReport report =
        DashboardAudit::compare(m_console->store(), log, {m_now, {}, {}});
    QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
    QCOMPARE(report.eventsChecked, log.size());
    QCOMPARE(report.window, DashboardAudit::windowCovering(log));

    // The lunch reaches every figure, so agreeing means something (ok(): both sides say so).
    const auto both = [&](const QString &name) { return figureOf(report, name).dashboard; };
    QCOMPARE(both(QStringLiteral("orders")), 13);
    QCOMPARE(both(QStringLiteral("placed to ready count")), 6); // 101-104, 109, 110
    QCOMPARE(both(QStringLiteral("placed to ready slowest ms")), 20 * minute);
    QCOMPARE(both(QStringLiteral("placed to handed over count")), 5);
    QCOMPARE(both(QStringLiteral("time in preparing count")), 8);
    QCOMPARE(both(QStringLiteral("recalls")), 2);
    QCOMPARE(both(QStringLiteral("rejected")), 2);
    QCOMPARE(both(QStringLiteral("rejected for \"out of buns\"")), 1);
    QCOMPARE(both(QStringLiteral("cancelled")), 3);
    QCOMPARE(both(QStringLiteral("cancelled after cooking started")), 2);
    QCOMPARE(both(QStringLiteral("late")), 1);
    QCOMPARE(both(QStringLiteral("red")), 3); // 102, 108 when cancelled, 112 by its age now
    QCOMPARE(both(QStringLiteral("stuck now")), 3); // 109 ready, 110 on its way, 112 placed
    QCOMPARE(both(QStringLiteral("refused by the platform")), 1);
    QVERIFY(both(QStringLiteral("state changes tried")) > 0);
}

// The load run may audit the store file of a console that has stopped, as kc-admin reads it.
void TestDashboardAudit::theStoreFileReadsTheSame()
{
    const QList<Protocol::SequencedEvent> log = platformLog();
    const DashboardAuditReport live =
        DashboardAudit::compare(m_console->store(), log, {m_now, {}, {}});
    const QString path = QDir(m_console->folder()).filePath(QStringLiteral("console.sqlite"));
    const DashboardAuditReport file = DashboardAudit::compareFile(path, log, {m_now, {}, {}});
    QVERIFY2(file.ok(), qPrintable(file.problems.join(QLatin1Char('\n'))));
    QCOMPARE(file.figures.size(), live.figures.size());
    for (qsizetype i = 0; i < live.figures.size(); ++i) {
        QCOMPARE(file.figures.at(i).name, live.figures.at(i).name);
        QCOMPARE(file.figures.at(i).dashboard, live.figures.at(i).dashboard);
    }

    const QJsonObject json = file.toJson();
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("figures")).toArray().size(), file.figures.size());
    QCOMPARE(json.value(QStringLiteral("problems")).toArray().size(), 0);

    const DashboardAuditReport missing = DashboardAudit::compareFile(
        QDir(m_console->folder()).filePath(QStringLiteral("none.sqlite")), log, {m_now, {}, {}});
    QVERIFY(!missing.ok());
}

void TestDashboardAudit::aDroppedEventIsNamed()
{
    QList<Protocol::SequencedEvent> log = platformLog();
    const qsizetype pickedUp = std::find_if(log.cbegin(), log.cend(),
                                            [&](const auto &logged) {
                                                return logged.event.orderId == m_pickedUp
                                                    && logged.event.to == OrderState::PickedUp;
                                            })
        - log.cbegin();
    QVERIFY(pickedUp < log.size());
    log.removeAt(pickedUp); // 101 still ready, as far as this log knows

    const DashboardAuditReport report =
        DashboardAudit::compare(m_console->store(), log, {m_now, {}, {}});
    QVERIFY(!report.ok());
    const AuditedFigure handedOver =
        figureOf(report, QStringLiteral("placed to handed over count"));
    QCOMPARE(handedOver.dashboard, 5);
    QCOMPARE(handedOver.recomputed, 4);
    QVERIFY2(names(report.problems, QStringLiteral("placed to handed over count")),
             qPrintable(report.problems.join(QLatin1Char('\n'))));
    QVERIFY(names(report.problems, QStringLiteral("now ready")));
    QVERIFY(!names(report.problems, QStringLiteral("orders")));
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("problems")).toArray().size(), report.problems.size());
}

void TestDashboardAudit::aMovedReadyTimeIsNamed()
{
    QList<Protocol::SequencedEvent> log = platformLog();
    int moved = 0;
    for (Protocol::SequencedEvent &logged : log) {
        if (logged.event.orderId == m_lateOne && logged.event.to == OrderState::Ready) {
            logged.event.occurredAt += 3 * minute;
            ++moved;
        }
    }
    QCOMPARE(moved, 1);

    const DashboardAuditReport report =
        DashboardAudit::compare(m_console->store(), log, {m_now, {}, {}});
    const AuditedFigure slowest = figureOf(report, QStringLiteral("placed to ready slowest ms"));
    QCOMPARE(slowest.dashboard, 20 * minute);
    QCOMPARE(slowest.recomputed, 23 * minute);
    QVERIFY2(names(report.problems, QStringLiteral("placed to ready slowest ms")),
             qPrintable(report.problems.join(QLatin1Char('\n'))));
    // 18 minutes preparing become 21, the slowest of eight; ready after picked up is left out.
    QVERIFY(names(report.problems, QStringLiteral("time in preparing p90 ms")));
    QVERIFY(names(report.problems, QStringLiteral("time in ready count")));
    QVERIFY(!names(report.problems, QStringLiteral("placed to ready count")));
}

QTEST_GUILESS_MAIN(TestDashboardAudit)
#include "tst_dashboardaudit.moc"
