// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Which open tickets a sweep checks again where the POS lists no deleted orders: a round every
// interval, at most a batch, only the POS's own tickets that nothing brought lately, the least
// lately heard of first, so a check that failed comes early in the next round.
#include "pos/posdeletesweep.h"

#include <QTest>

namespace {
constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
constexpr qint64 minute = 60'000;
const QString source = QStringLiteral("pos:clover");

Order openOrder(const QString &id, qint64 placedAt, const QString &from = source)
{
    Order order;
    order.id = id;
    order.source = from;
    order.placedAt = placedAt;
    order.state = OrderState::Placed;
    return order;
}
} // namespace

class TestPosDeleteSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theFirstRoundIsDueAtOnceAndTheNextAfterAnInterval();
    void onlyThePosOwnQuietTicketsAreChecked();
    void aRoundIsBoundedOldestFirst();
    void aTicketNotCheckedComesFirstNextRound();
};

void TestPosDeleteSweep::theFirstRoundIsDueAtOnceAndTheNextAfterAnInterval()
{
    PosDeleteSweep sweep({5 * minute, 10});
    QVERIFY(sweep.isDue(t0)); // deletes made while the console was off are found at start
    sweep.startRound({}, source, t0);
    QVERIFY(!sweep.isDue(t0 + 5 * minute - 1));
    QVERIFY(sweep.isDue(t0 + 5 * minute));
}

void TestPosDeleteSweep::onlyThePosOwnQuietTicketsAreChecked()
{
    PosDeleteSweep sweep({5 * minute, 10});
    const QList<Order> open {openOrder(QStringLiteral("quiet"), t0),
                             openOrder(QStringLiteral("platform"), t0, QStringLiteral("platform")),
                             openOrder(QStringLiteral("heard"), t0),
                             openOrder(QStringLiteral("neverHeard"), t0 + minute)};
    sweep.heard(QStringLiteral("quiet"), t0);
    sweep.heard(QStringLiteral("heard"), t0 + 4 * minute); // the poll brought it a minute ago
    QCOMPARE(sweep.startRound(open, source, t0 + 5 * minute),
             (QStringList {QStringLiteral("neverHeard"), QStringLiteral("quiet")}));
}

void TestPosDeleteSweep::aRoundIsBoundedOldestFirst()
{
    PosDeleteSweep sweep({5 * minute, 2});
    const QList<Order> open {openOrder(QStringLiteral("c"), t0 + 2 * minute),
                             openOrder(QStringLiteral("a"), t0),
                             openOrder(QStringLiteral("b"), t0 + minute)};
    QCOMPARE(sweep.startRound(open, source, t0 + 10 * minute),
             (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    // The two checked are heard; the next round takes the one left, then the least lately heard.
    sweep.heard(QStringLiteral("a"), t0 + 10 * minute);
    sweep.heard(QStringLiteral("b"), t0 + 10 * minute + 1);
    QCOMPARE(sweep.startRound(open, source, t0 + 15 * minute + 1),
             (QStringList {QStringLiteral("c"), QStringLiteral("a")}));
}

void TestPosDeleteSweep::aTicketNotCheckedComesFirstNextRound()
{
    PosDeleteSweep sweep({5 * minute, 1});
    const QList<Order> open {openOrder(QStringLiteral("a"), t0),
                             openOrder(QStringLiteral("b"), t0 + minute)};
    sweep.heard(QStringLiteral("a"), t0);
    sweep.heard(QStringLiteral("b"), t0 + minute);
    QCOMPARE(sweep.startRound(open, source, t0 + 6 * minute), QStringList {QStringLiteral("a")});
    // Its fetch failed (nothing heard of it): it is asked again before b.
    QCOMPARE(sweep.startRound(open, source, t0 + 11 * minute), QStringList {QStringLiteral("a")});
    sweep.heard(QStringLiteral("a"), t0 + 11 * minute); // this time it answered: still there
    QCOMPARE(sweep.startRound(open, source, t0 + 16 * minute), QStringList {QStringLiteral("b")});
    // A ticket that left the board is forgotten, and never asked for.
    QCOMPARE(sweep.startRound({open.at(0)}, source, t0 + 21 * minute),
             QStringList {QStringLiteral("a")});
}

QTEST_GUILESS_MAIN(TestPosDeleteSweep)
#include "tst_posdeletesweep.moc"
