// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/soundpacer.h"

#include <QTest>

namespace {
constexpr qint64 t0 = 1'764'000'000'000;
constexpr int chime = 0;
constexpr int urgent = 1;
} // namespace

class TestSoundPacer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneSoundPerGap();
    void aBurstIsOneSoundAndOneHeldUrgentOne();
    void aMoreUrgentSoundIsHeldForTheEndOfTheGap();
    void aQuieterOrEqualSoundInTheGapIsDropped();
    void theHeldSoundWinsOverAQuieterOffer();
};

void TestSoundPacer::oneSoundPerGap()
{
    SoundPacer pacer;
    QCOMPARE(pacer.gapMs(), SoundPacer::defaultGapMs);
    QCOMPARE(pacer.offer(chime, t0), std::optional<int>(chime));
    QCOMPARE(pacer.offer(chime, t0 + 999), std::nullopt);
    QCOMPARE(pacer.offer(chime, t0 + 1000), std::optional<int>(chime));
    pacer.setGapMs(5000);
    QCOMPARE(pacer.offer(chime, t0 + 4000), std::nullopt);
    QCOMPARE(pacer.offer(chime, t0 + 6000), std::optional<int>(chime));
}

void TestSoundPacer::aBurstIsOneSoundAndOneHeldUrgentOne()
{
    SoundPacer pacer;
    int now = 0;
    for (int i = 0; i < 300; ++i) {
        if (pacer.offer(i % 3 == 1 ? urgent : chime, t0 + i))
            ++now;
    }
    QCOMPARE(now, 1);
    // The first was a chime: the urgent ones in the burst sound once, at the end of the gap.
    QCOMPARE(pacer.heldUntil(), std::optional<qint64>(t0 + 1000));
    QCOMPARE(pacer.takeHeld(t0 + 1000), std::optional<int>(urgent));
    QCOMPARE(pacer.takeHeld(t0 + 5000), std::nullopt);
}

void TestSoundPacer::aMoreUrgentSoundIsHeldForTheEndOfTheGap()
{
    SoundPacer pacer;
    QCOMPARE(pacer.offer(chime, t0), std::optional<int>(chime));
    QCOMPARE(pacer.offer(urgent, t0 + 100), std::nullopt);
    QCOMPARE(pacer.heldUntil(), std::optional<qint64>(t0 + 1000));
    QCOMPARE(pacer.takeHeld(t0 + 999), std::nullopt);
    QCOMPARE(pacer.takeHeld(t0 + 1000), std::optional<int>(urgent));
    QCOMPARE(pacer.heldUntil(), std::nullopt);
    // The held sound counts as played: the next gap starts from it.
    QCOMPARE(pacer.offer(chime, t0 + 1500), std::nullopt);
    QCOMPARE(pacer.offer(chime, t0 + 2000), std::optional<int>(chime));
}

void TestSoundPacer::aQuieterOrEqualSoundInTheGapIsDropped()
{
    SoundPacer pacer;
    QCOMPARE(pacer.offer(urgent, t0), std::optional<int>(urgent));
    QCOMPARE(pacer.offer(chime, t0 + 10), std::nullopt);
    QCOMPARE(pacer.offer(urgent, t0 + 20), std::nullopt);
    QCOMPARE(pacer.heldUntil(), std::nullopt);
    QCOMPARE(pacer.takeHeld(t0 + 2000), std::nullopt);
}

void TestSoundPacer::theHeldSoundWinsOverAQuieterOffer()
{
    SoundPacer pacer;
    QVERIFY(pacer.offer(chime, t0));
    QCOMPARE(pacer.offer(urgent, t0 + 10), std::nullopt);
    // The caller was late to take the held sound; a chime offered now must not drown it.
    QCOMPARE(pacer.offer(chime, t0 + 1200), std::optional<int>(urgent));
    QCOMPARE(pacer.heldUntil(), std::nullopt);
}

QTEST_GUILESS_MAIN(TestSoundPacer)
#include "tst_soundpacer.moc"
