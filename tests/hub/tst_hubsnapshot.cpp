// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubSnapshot: a bootstrap snapshot's seqs handed out in batches, and how many events a console
// still has to store, counted in events even where the snapshot skips seqs.
#include "hub/hubsnapshot.h"

#include <QTest>

class TestHubSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handsOutItsSeqsInBatches();
    void eventsAhead_data();
    void eventsAhead();
    void noSnapshotCountsSeqs();
};

void TestHubSnapshot::handsOutItsSeqsInBatches()
{
    HubSnapshot snapshot({3, 8, 9, 20, 41}, 50);
    QVERIFY(snapshot.isOpen());
    QCOMPARE(snapshot.through(), 50);
    QCOMPARE(snapshot.takeNext(2), (QList<qint64> {3, 8}));
    QVERIFY(snapshot.hasMore());
    QCOMPARE(snapshot.takeNext(10), (QList<qint64> {9, 20, 41}));
    QVERIFY(!snapshot.hasMore());
    QCOMPARE(snapshot.takeNext(10), QList<qint64>());
    QVERIFY(snapshot.isOpen()); // until its last frame went
    snapshot.close();
    QVERIFY(!snapshot.isOpen());
}

void TestHubSnapshot::eventsAhead_data()
{
    QTest::addColumn<qint64>("stored");
    QTest::addColumn<qint64>("sent");
    QTest::addColumn<qint64>("ahead");
    QTest::newRow("nothing sent") << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("two of the snapshot") << qint64(0) << qint64(8) << qint64(2);
    QTest::newRow("stored some") << qint64(8) << qint64(41) << qint64(3);
    QTest::newRow("the whole snapshot") << qint64(0) << qint64(50) << qint64(5);
    QTest::newRow("and the log after it") << qint64(9) << qint64(53) << qint64(5);
    QTest::newRow("stored the snapshot") << qint64(50) << qint64(53) << qint64(3);
    QTest::newRow("a confused console") << qint64(60) << qint64(53) << qint64(0);
}

void TestHubSnapshot::eventsAhead()
{
    QFETCH(qint64, stored);
    QFETCH(qint64, sent);
    QFETCH(qint64, ahead);
    const HubSnapshot snapshot({3, 8, 9, 20, 41}, 50);
    QCOMPARE(snapshot.eventsAhead(stored, sent), ahead);
}

// A session without a snapshot counts every seq, as a replay always has.
void TestHubSnapshot::noSnapshotCountsSeqs()
{
    const HubSnapshot none;
    QVERIFY(!none.isOpen());
    QVERIFY(!none.hasMore());
    QCOMPARE(none.eventsAhead(100, 350), 250);
}

QTEST_GUILESS_MAIN(TestHubSnapshot)
#include "tst_hubsnapshot.moc"
