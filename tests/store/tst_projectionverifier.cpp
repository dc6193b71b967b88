// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetestsupport.h"

#include "common/clock.h"
#include "store/projectionverifier.h"
#include "store/store.h"

#include <QAtomicInt>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace StoreTest;

class TestProjectionVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void platformAnswers_data();
    void platformAnswers();
    void verifyBesideAWritingConnectionFindsNothing();
    void rebuildBesideAWritingConnectionLosesNothing();

private:
    QString path() const { return m_disk.path(); }

    StoreOnDisk m_disk;
};

void TestProjectionVerifier::init()
{
    const Result<void> opened = m_disk.open();
    QVERIFY2(opened, qPrintable(opened.error()));
}

void TestProjectionVerifier::cleanup()
{
    m_disk.close();
}

void TestProjectionVerifier::platformAnswers_data()
{
    QTest::addColumn<bool>("logged"); // the platform gave the event a sequence
    QTest::addColumn<bool>("refused"); // the platform refused it
    QTest::addColumn<bool>("ok");
    QTest::newRow("no answer yet") << false << false << true;
    QTest::newRow("logged") << true << false << true;
    QTest::newRow("refused") << false << true << true;
    QTest::newRow("logged and refused") << true << true << false;
}

// One answer per event: a sequence and a refusal together mean the console diverged from the
// platform, whatever the projection says.
void TestProjectionVerifier::platformAnswers()
{
    QFETCH(bool, logged);
    QFETCH(bool, refused);
    QFETCH(bool, ok);

    const Order order = sampleOrder(QStringLiteral("o-1"), QStringLiteral("101"));
    const OrderEvent placed = placedEvent(order);
    QVERIFY(m_disk.store->append(placed, {}).committed());
    QVERIFY(m_disk.store->confirm(placed.id, 1).committed());
    const OrderEvent accept = transitionEvent(order.id, OrderState::Placed, OrderState::Accepted);
    QVERIFY(m_disk.store->append(accept, {QStringLiteral("platform")}).committed());
    if (logged)
        QVERIFY(m_disk.store->confirm(accept.id, 2).committed());
    if (refused && !logged) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("rejected")));
        QVERIFY(m_disk.store->markRejected(accept.id, QStringLiteral("Customer cancelled")).committed());
    }
    if (refused && logged) {
        // No correct console gets here; a diverged one (or a hand edit) does.
        QVERIFY(RawConnection(path()).exec(
            QStringLiteral("UPDATE event_status SET rejected_reason = 'Customer cancelled' "
                           "WHERE event_id = '%1'")
                .arg(accept.id.toString(QUuid::WithoutBraces))));
    }

    const VerifyReport report = ProjectionVerifier(*m_disk.store).verify();
    QCOMPARE(report.ok(), ok);
    if (!ok) {
        // The projection follows the refusal, so it may differ too; the divergence is named.
        const QStringList divergences =
            report.problems.filter(accept.id.toString(QUuid::WithoutBraces));
        QCOMPARE(divergences.size(), 1);
        const QString problem = divergences.constFirst();
        QVERIFY2(problem.contains(QLatin1String("#2")), qPrintable(problem));
        QVERIFY2(problem.contains(QLatin1String("Customer cancelled")), qPrintable(problem));
        QVERIFY2(problem.contains(QLatin1String("diverged")), qPrintable(problem));
    }
}

// kc-admin verify runs beside a console that keeps writing: the log and the projection it
// compares must come from one snapshot, or every commit between its reads looks like a problem.
void TestProjectionVerifier::verifyBesideAWritingConnectionFindsNothing()
{
    constexpr int orders = 150;
    QAtomicInt written = 0;
    QAtomicInt done = 0;
    QString writerError;
    const QString file = path();
    std::unique_ptr<QThread> writer(QThread::create([&] {
        Store store(file); // its own connection, as the console's beside kc-admin's
        if (const Result<void> opened = store.open(); !opened) {
            writerError = opened.error();
            done.storeRelease(1);
            return;
        }
        for (int i = 0; i < orders && writerError.isEmpty(); ++i) {
            const Order order =
                sampleOrder(QStringLiteral("o-%1").arg(i), QString::number(100 + i));
            const AppendResult placed = store.append(placedEvent(order), {});
            const AppendResult accepted = store.append(
                transitionEvent(order.id, OrderState::Placed, OrderState::Accepted), {});
            if (!placed.committed() || !accepted.committed())
                writerError = placed.error + accepted.error;
            written.storeRelease(i + 1);
        }
        done.storeRelease(1);
    }));
    writer->start();

    int runs = 0;
    int runsWhileWriting = 0;
    QStringList problems;
    // Bounded by the writer, which stops after its orders; at least one run after it is done.
    for (bool last = false; !last; ++runs) {
        last = done.loadAcquire() == 1;
        const int before = written.loadAcquire();
        const VerifyReport report = ProjectionVerifier(*m_disk.store).verify();
        if (written.loadAcquire() != before)
            ++runsWhileWriting;
        if (!report.ok())
            problems.append(QStringLiteral("run %1: %2")
                                .arg(runs)
                                .arg(report.problems.join(QLatin1String("; "))));
    }
    writer->wait();
    QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 3).join(QLatin1Char('\n'))));
    QVERIFY2(runsWhileWriting > 0, "no verify run overlapped a commit; the test proved nothing");
    const VerifyReport final = ProjectionVerifier(*m_disk.store).verify();
    QVERIFY(final.ok());
    QCOMPARE(final.ordersChecked, orders);
    QCOMPARE(final.eventsReplayed, qint64(2 * orders));
}

// kc-admin rebuild beside a console that keeps writing: a projection replayed from the log must
// not overwrite rows the console committed after the replay read the log.
void TestProjectionVerifier::rebuildBesideAWritingConnectionLosesNothing()
{
    constexpr int orders = 150;
    QAtomicInt done = 0;
    QSemaphore progress; // one per order written, so rebuilds and commits take turns
    QString writerError;
    const QString file = path();
    std::unique_ptr<QThread> writer(QThread::create([&] {
        Store store(file);
        if (const Result<void> opened = store.open(); !opened)
            writerError = opened.error();
        for (int i = 0; i < orders && writerError.isEmpty(); ++i) {
            const Order order =
                sampleOrder(QStringLiteral("o-%1").arg(i), QString::number(100 + i));
            const AppendResult placed = store.append(placedEvent(order), {});
            const AppendResult accepted = store.append(
                transitionEvent(order.id, OrderState::Placed, OrderState::Accepted), {});
            if (!placed.committed() || !accepted.committed())
                writerError = placed.error + accepted.error;
            progress.release();
        }
        done.storeRelease(1);
        progress.release();
    }));
    writer->start();

    int rebuilds = 0;
    QStringList rebuildErrors;
    // Bounded by the writer, which stops after its orders: one rebuild per wake-up, however far
    // the writer got meanwhile, so neither side starves the other of the write lock.
    for (;;) {
        progress.acquire(qMax(1, progress.available()));
        if (done.loadAcquire() == 1)
            break;
        if (const Result<void> rebuilt = ProjectionVerifier(*m_disk.store).rebuild(); !rebuilt)
            rebuildErrors.append(rebuilt.error());
        ++rebuilds;
    }
    writer->wait();
    QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
    QVERIFY2(rebuildErrors.isEmpty(), qPrintable(rebuildErrors.join(QLatin1Char('\n'))));
    QVERIFY(rebuilds > 0);
    const VerifyReport report = ProjectionVerifier(*m_disk.store).verify();
    QVERIFY2(report.ok(), qPrintable(report.problems.mid(0, 3).join(QLatin1Char('\n'))));
    QCOMPARE(report.ordersChecked, orders);
}

QTEST_GUILESS_MAIN(TestProjectionVerifier)
#include "tst_projectionverifier.moc"
