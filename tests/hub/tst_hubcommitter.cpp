// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HubCommitter through the Hub: group commits on the commit thread of a real hub, over an SQLite
// file on disk. A part that waits on a semaphore stands for a slow disk: the commit thread is
// busy, exactly as it would be inside a long fsync.
#include "hubtestsupport.h"
#include "loopbackhub.h"

#include "hub/commitscope.h"
#include "hub/hubcommitter.h"
#include "hub/storage/sqlitehubstorage.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {
const QString storeA = QStringLiteral("store-a");
} // namespace

class TestHubCommitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void submitsQueuedDuringACommitShareTheNext();
    void aGroupOfOneCommitsEachAlone();
    void theEventLoopServesWhileACommitWaits();
    void aFailedPartIsUndoneAlone();
    void waitingDeliversEarlierGroupsFirst();
    void aBackendThatCannotOpenFailsEveryPart();

private:
    /** Occupies the commit thread until release() (a slow disk); returns once it has started. */
    void holdCommits(Hub &hub);
    void holdCommits() { holdCommits(m_bed->hub()); }
    void release()
    {
        m_held = false;
        m_release.release();
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LoopbackHub> m_bed;
    QSemaphore m_started;
    QSemaphore m_release;
    bool m_held = false;
};

void TestHubCommitter::init()
{
    m_clock = std::make_unique<ManualClock>(HubTest::startMs());
    m_bed = std::make_unique<LoopbackHub>(*m_clock);
    QVERIFY(m_bed->open());
    QVERIFY(m_bed->records().stores().add(storeA));
}

void TestHubCommitter::cleanup()
{
    if (m_held)
        release(); // a failed test never leaves the commit thread held
    m_bed.reset();
}

void TestHubCommitter::holdCommits(Hub &hub)
{
    hub.commitLater(
            {storeA},
            [this](CommitScope &) -> Result<void> {
                m_started.release();
                m_release.acquire();
                return {};
            },
            nullptr, {});
    m_held = true;
    QVERIFY(m_started.tryAcquire(1, 5000));
}

void TestHubCommitter::submitsQueuedDuringACommitShareTheNext()
{
    const quint64 groupsBefore = m_bed->hub().groupsCommitted();
    holdCommits();
    constexpr int orders = 20;
    QList<OrderEvent> placed;
    QList<qint64> seqs;
    for (int i = 0; i < orders; ++i) {
        placed.append(HubTest::placed(HubTest::order(storeA, QString::number(i))));
        m_bed->hub().submitLater({placed.last()}, Submitter::platform(), this,
                                 [&seqs](const QList<SubmitOutcome> &outcomes) {
                                     QCOMPARE(outcomes.size(), 1);
                                     QCOMPARE(outcomes.constFirst().status,
                                              SubmitOutcome::Status::Accepted);
                                     seqs.append(outcomes.constFirst().seq);
                                 });
    }
    release();
    QTRY_COMPARE(seqs.size(), orders);
    // The held group, then one transaction (one fsync) for all twenty, numbered as they came.
    QCOMPARE(m_bed->hub().groupsCommitted(), groupsBefore + 2);
    for (int i = 0; i < orders; ++i)
        QCOMPARE(seqs.at(i), i + 1);
    QCOMPARE(m_bed->log().head(storeA), orders);
    const QList<Protocol::SequencedEvent> logged = m_bed->log().eventsAfter(storeA, 0, orders);
    QCOMPARE(logged.size(), orders);
    for (int i = 0; i < orders; ++i)
        QCOMPARE(logged.at(i).event.id, placed.at(i).id);
}

// The measuring baseline (order-hub --max-group 1): the same hub, each request its own commit.
void TestHubCommitter::aGroupOfOneCommitsEachAlone()
{
    Hub alone(m_bed->records(), 1);
    const quint64 groupsBefore = alone.groupsCommitted();
    holdCommits(alone);
    int answered = 0;
    for (int i = 0; i < 5; ++i)
        alone.submitLater({HubTest::placed(HubTest::order(storeA, QString::number(i)))},
                          Submitter::platform(), this,
                          [&answered](const QList<SubmitOutcome> &) { ++answered; });
    QCOMPARE(alone.partsWaiting(), 5);
    release();
    QTRY_COMPARE(answered, 5);
    QCOMPARE(alone.groupsCommitted(), groupsBefore + 6);
    QCOMPARE(m_bed->log().head(storeA), 5);
}

// A slow commit holds up commits only: reads, timers and sockets on the hub's thread go on, and
// nothing is announced or answered before it is durable.
void TestHubCommitter::theEventLoopServesWhileACommitWaits()
{
    QVERIFY(m_bed->hub().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("1"))))
                    .acked());
    QSignalSpy announced(&m_bed->hub(), &Hub::accepted);
    QVERIFY(announced.isValid());
    holdCommits();
    bool answered = false;
    m_bed->hub().submitLater({HubTest::placed(HubTest::order(storeA, QStringLiteral("2")))},
                             Submitter::platform(), this,
                             [&answered](const QList<SubmitOutcome> &) { answered = true; });
    bool ticked = false;
    QTimer::singleShot(0, this, [&ticked] { ticked = true; });
    QTRY_VERIFY(ticked);
    QCOMPARE(m_bed->log().head(storeA), 1); // the log reads while the commit thread writes
    QVERIFY(m_bed->log().order(storeA, m_bed->log().orders(storeA).constFirst().id));
    QVERIFY(!answered);
    QCOMPARE(announced.size(), 0);
    release();
    QTRY_VERIFY(answered);
    QCOMPARE(announced.size(), 1);
    QCOMPARE(m_bed->log().head(storeA), 2);
}

void TestHubCommitter::aFailedPartIsUndoneAlone()
{
    QSignalSpy announced(&m_bed->hub(), &Hub::accepted);
    QVERIFY(announced.isValid());
    holdCommits();
    const OrderEvent first = HubTest::placed(HubTest::order(storeA, QStringLiteral("1")));
    const OrderEvent undone = HubTest::placed(HubTest::order(storeA, QStringLiteral("2")));
    const OrderEvent third = HubTest::placed(HubTest::order(storeA, QStringLiteral("3")));
    QList<Result<void>> results;
    const auto keep = [&results](const Result<void> &committed) { results.append(committed); };
    const auto submitting = [](const OrderEvent &event, bool thenFail) {
        return [event, thenFail](CommitScope &scope) -> Result<void> {
            const QList<SubmitOutcome> outcomes = scope.submit({event});
            if (outcomes.constFirst().status != SubmitOutcome::Status::Accepted)
                return Failure {outcomes.constFirst().reason};
            if (thenFail)
                return Failure {QStringLiteral("no room on the disk")};
            return {};
        };
    };
    m_bed->hub().commitLater({storeA}, submitting(first, false), this, keep);
    m_bed->hub().commitLater({storeA}, submitting(undone, true), this, keep);
    m_bed->hub().commitLater({storeA}, submitting(third, false), this, keep);
    release();
    QTRY_COMPARE(results.size(), 3);
    QVERIFY(results.at(0).ok());
    QVERIFY(!results.at(1).ok());
    QCOMPARE(results.at(1).error(), QStringLiteral("no room on the disk"));
    QVERIFY(results.at(2).ok());
    // The undone part left no event and no hole: the next one took its number.
    QCOMPARE(m_bed->log().head(storeA), 2);
    const QList<Protocol::SequencedEvent> logged = m_bed->log().eventsAfter(storeA, 0, 10);
    QCOMPARE(logged.size(), 2);
    QCOMPARE(logged.at(0).event.id, first.id);
    QCOMPARE(logged.at(1).event.id, third.id);
    QVERIFY(!m_bed->log().order(storeA, undone.orderId));
    QCOMPARE(announced.size(), 2);
    QCOMPARE(announced.at(1).at(1).value<Protocol::SequencedEvent>().event.id, third.id);
}

// Whoever waits for its own submit first announces the groups that finished before it, so the
// fan-out sees every store's events in sequence.
void TestHubCommitter::waitingDeliversEarlierGroupsFirst()
{
    QList<qint64> announcedSeqs;
    connect(&m_bed->hub(), &Hub::accepted, this,
            [&announcedSeqs](const QString &, const Protocol::SequencedEvent &event) {
                announcedSeqs.append(event.seq);
            });
    bool earlierAnswered = false;
    m_bed->hub().submitLater({HubTest::placed(HubTest::order(storeA, QStringLiteral("1")))},
                             Submitter::platform(), this,
                             [&earlierAnswered](const QList<SubmitOutcome> &) {
                                 earlierAnswered = true;
                             });
    const SubmitOutcome later =
            m_bed->hub().submit(HubTest::placed(HubTest::order(storeA, QStringLiteral("2"))));
    QCOMPARE(later.seq, 2);
    QVERIFY(earlierAnswered);
    QCOMPARE(announcedSeqs, (QList<qint64> {1, 2}));
}

void TestHubCommitter::aBackendThatCannotOpenFailsEveryPart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString nowhere = dir.filePath(QStringLiteral("missing/folder/hub.sqlite"));
    HubCommitter committer([nowhere] { return std::make_unique<SqliteHubStorage>(nowhere); },
                           *m_clock);
    QList<Result<void>> results;
    bool ran = false;
    for (int i = 0; i < 2; ++i)
        committer.enqueue(
                {storeA},
                [&ran](CommitScope &) -> Result<void> {
                    ran = true;
                    return {};
                },
                this, [&results](const Result<void> &committed) { results.append(committed); });
    QTRY_COMPARE(results.size(), 2);
    QVERIFY(!ran);
    for (const Result<void> &result : std::as_const(results)) {
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(nowhere), qPrintable(result.error()));
    }
    QCOMPARE(committer.groupsCommitted(), 0);
}

QTEST_GUILESS_MAIN(TestHubCommitter)
#include "tst_hubcommitter.moc"
