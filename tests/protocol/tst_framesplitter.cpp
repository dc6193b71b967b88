// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// FrameSplitter: batches of any mix of event sizes become frames a peer accepts, with nothing
// dropped, doubled or reordered.
#include "protocol/framesplitter.h"

#include "protocol/protocolcodec.h"

#include <QRandomGenerator>
#include <QtTest/QTest>

using namespace Protocol;

namespace {
constexpr qint64 t0 = 1772452800000; // 2026-03-02T12:00:00Z

/** A note event whose encoded size is exactly bytes (at least about 250). */
OrderEvent eventOfSize(qsizetype bytes, int n)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.orderId = QStringLiteral("ord-%1").arg(n);
    event.storeId = QStringLiteral("store-x");
    event.kind = EventKind::NoteAdded;
    event.actor = Actor::staff(QStringLiteral("ana"));
    event.origin = QStringLiteral("console-1");
    event.occurredAt = t0 + n;
    event.reason = QStringLiteral("note");
    event.payload = {{QStringLiteral("pad"), QString()}};
    const qsizetype base = OrderLimits::encodedSize(event);
    event.payload = {{QStringLiteral("pad"), QString(bytes - base, QLatin1Char('p'))}};
    return event;
}

QList<OrderEvent> events(const QList<qsizetype> &sizes)
{
    QList<OrderEvent> result;
    for (qsizetype i = 0; i < sizes.size(); ++i)
        result.append(eventOfSize(sizes.at(i), int(i)));
    return result;
}

QList<qsizetype> repeated(qsizetype count, qsizetype size)
{
    return QList<qsizetype>(count, size);
}

QList<qsizetype> randomSizes(quint32 seed, qsizetype count)
{
    QRandomGenerator random(seed);
    QList<qsizetype> sizes;
    for (qsizetype i = 0; i < count; ++i) {
        // Mostly small, sometimes near the limit: the mix that made a 337 KB replay frame.
        const bool large = random.bounded(8) == 0;
        sizes.append(large ? random.bounded(32 * 1024, int(OrderLimits::maxEventBytes) + 1)
                           : random.bounded(300, 3000));
    }
    return sizes;
}

/** Asserts every frame decodes and is within both limits. */
void checkFrame(const Body &body)
{
    const QByteArray frame = ProtocolCodec::encode(body);
    QVERIFY2(frame.size() <= maxFrameBytes, qPrintable(QString::number(frame.size())));
    const DecodedFrame decoded = ProtocolCodec::decode(frame);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
}
} // namespace

class TestFrameSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splits_data();
    void splits();
    void nothingToSplit();
    void oversizedEventTravelsAlone();
    void alwaysFitHolds();
};

void TestFrameSplitter::splits_data()
{
    QTest::addColumn<QList<qsizetype>>("sizes");
    QTest::addColumn<int>("minFrames"); // at least this many are needed
    QTest::addColumn<int>("maxFrames"); // and the splitter packs no worse than this
    const qsizetype max = OrderLimits::maxEventBytes;
    QTest::newRow("one small") << repeated(1, 300) << 1 << 1;
    QTest::newRow("200 small: one frame") << repeated(200, 300) << 1 << 1;
    QTest::newRow("201 small: the count splits") << repeated(201, 300) << 2 << 2;
    QTest::newRow("1000 small") << repeated(1000, 300) << 5 << 5;
    QTest::newRow("one at the limit") << repeated(1, max) << 1 << 1;
    QTest::newRow("3 at the limit fit one frame") << repeated(3, max) << 1 << 1;
    QTest::newRow("4 at the limit need two") << repeated(4, max) << 2 << 2;
    QTest::newRow("200 at the limit") << repeated(200, max) << 67 << 67;
    QTest::newRow("200 of 2 KB: the size splits") << repeated(200, 2000) << 2 << 2;
    QTest::newRow("random mix, seed 1") << randomSizes(1, 600) << 3 << 600;
    QTest::newRow("random mix, seed 2") << randomSizes(2, 600) << 3 << 600;
    QTest::newRow("random mix, seed 3") << randomSizes(3, 200) << 1 << 200;
}

void TestFrameSplitter::splits()
{
    QFETCH(QList<qsizetype>, sizes);
    QFETCH(int, minFrames);
    QFETCH(int, maxFrames);
    const QList<OrderEvent> local = events(sizes);
    QList<SequencedEvent> sequenced;
    // Long seq numbers: the entry envelope is counted, not guessed.
    for (qsizetype i = 0; i < local.size(); ++i)
        sequenced.append({OrderLimits::maxSafeInteger - local.size() + i + 1, local.at(i)});

    const QList<QList<SequencedEvent>> eventBatches = FrameSplitter::split(sequenced);
    QVERIFY(eventBatches.size() >= minFrames);
    QVERIFY(eventBatches.size() <= maxFrames);
    QList<SequencedEvent> joined;
    for (const QList<SequencedEvent> &batch : eventBatches) {
        QVERIFY(!batch.isEmpty());
        QVERIFY(batch.size() <= maxBatchEvents);
        checkFrame(Events {batch, true, false});
        checkFrame(Events {batch, false, false});
        if (QTest::currentTestFailed())
            return;
        joined.append(batch);
    }
    QCOMPARE(joined.size(), sequenced.size());
    for (qsizetype i = 0; i < joined.size(); ++i) {
        QCOMPARE(joined.at(i).seq, sequenced.at(i).seq);
        QVERIFY(joined.at(i).event == sequenced.at(i).event);
    }

    const QList<QList<OrderEvent>> submitBatches = FrameSplitter::split(local);
    QVERIFY(submitBatches.size() >= minFrames);
    QVERIFY(submitBatches.size() <= maxFrames);
    QList<OrderEvent> joinedLocal;
    for (const QList<OrderEvent> &batch : submitBatches) {
        QVERIFY(!batch.isEmpty());
        QVERIFY(batch.size() <= maxBatchEvents);
        checkFrame(Submit {batch});
        if (QTest::currentTestFailed())
            return;
        joinedLocal.append(batch);
    }
    QVERIFY(joinedLocal == local);
}

void TestFrameSplitter::nothingToSplit()
{
    QCOMPARE(FrameSplitter::split(QList<OrderEvent>()).size(), 0);
    QCOMPARE(FrameSplitter::split(QList<SequencedEvent>()).size(), 0);
}

// An event over the limit (logged before the limits existed, or a bug) must not take others down.
void TestFrameSplitter::oversizedEventTravelsAlone()
{
    const QList<OrderEvent> local = events({300, 300, OrderLimits::maxEventBytes + 1, 300, 300});
    const QList<QList<OrderEvent>> batches = FrameSplitter::split(local);
    QCOMPARE(batches.size(), 3);
    QCOMPARE(batches.at(0).size(), 2);
    QCOMPARE(batches.at(1).size(), 1);
    QVERIFY(batches.at(1).first() == local.at(2));
    QCOMPARE(batches.at(2).size(), 2);
}

void TestFrameSplitter::alwaysFitHolds()
{
    // The promise behind eventsThatAlwaysFit(), with the longest seq and flags.
    QList<SequencedEvent> largest;
    for (qsizetype i = 0; i < FrameSplitter::eventsThatAlwaysFit(); ++i)
        largest.append({OrderLimits::maxSafeInteger, eventOfSize(OrderLimits::maxEventBytes, 1)});
    QVERIFY(ProtocolCodec::encode(Body {Events {largest, false, false}}).size() <= maxFrameBytes);
    QCOMPARE(FrameSplitter::split(largest).size(), 1);
}

QTEST_GUILESS_MAIN(TestFrameSplitter)
#include "tst_framesplitter.moc"
