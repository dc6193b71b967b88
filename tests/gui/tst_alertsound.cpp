// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/alertsound.h"

#include "common/clock.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtEndian>

namespace {
constexpr qint64 t0 = 1'764'000'000'000;

const QList<KitchenAlert::Kind> allKinds{
        KitchenAlert::Kind::NewOrder,  KitchenAlert::Kind::Late,      KitchenAlert::Kind::Changed,
        KitchenAlert::Kind::Cancelled, KitchenAlert::Kind::Overtaken, KitchenAlert::Kind::FeedQuiet};
} // namespace

class TestAlertSound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void soundsAreSmallPcmWavsInTheResources_data();
    void soundsAreSmallPcmWavsInTheResources();
    void newOrdersChimeTheRestIsUrgent();
    void mutedEveryAlertFallsBackToVisual();
    void unmutedFallsBackOnlyWithoutAnOutput();
};

void TestAlertSound::soundsAreSmallPcmWavsInTheResources_data()
{
    QTest::addColumn<int>("sound");
    QTest::newRow("chime") << int(AlertSound::Sound::Chime);
    QTest::newRow("urgent") << int(AlertSound::Sound::Urgent);
}

void TestAlertSound::soundsAreSmallPcmWavsInTheResources()
{
    QFETCH(int, sound);
    const QUrl url = AlertSound::sourceOf(AlertSound::Sound(sound));
    QCOMPARE(url.scheme(), QStringLiteral("qrc"));
    QFile file(QLatin1Char(':') + url.path());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray wav = file.readAll();
    QVERIFY(wav.size() > 44);
    QVERIFY(wav.size() < 32 * 1024);
    QCOMPARE(wav.left(4), QByteArray("RIFF"));
    QCOMPARE(wav.mid(8, 4), QByteArray("WAVE"));
    QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 20), quint16(1)); // PCM
    QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 22), quint16(1)); // mono
    QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 34), quint16(16)); // 16-bit
}

void TestAlertSound::newOrdersChimeTheRestIsUrgent()
{
    for (KitchenAlert::Kind kind : allKinds) {
        QCOMPARE(AlertSound::soundFor(kind), kind == KitchenAlert::Kind::NewOrder
                                                     ? AlertSound::Sound::Chime
                                                     : AlertSound::Sound::Urgent);
    }
}

void TestAlertSound::mutedEveryAlertFallsBackToVisual()
{
    ManualClock clock(t0);
    AlertSound sound(clock);
    QSignalSpy fallback(&sound, &AlertSound::visualFallback);
    QSignalSpy played(&sound, &AlertSound::played);
    QSignalSpy muted(&sound, &AlertSound::mutedChanged);
    QVERIFY(muted.isValid());
    QVERIFY(fallback.isValid());
    QVERIFY(played.isValid());
    QVERIFY(!sound.isMuted());
    sound.setMuted(true);
    sound.setMuted(true);
    QVERIFY(sound.isMuted());
    QCOMPARE(muted.count(), 1);

    // Pacing is for sounds: every alert that cannot be heard is shown, even in a burst.
    for (KitchenAlert::Kind kind : allKinds) {
        KitchenAlert alert;
        alert.kind = kind;
        sound.alert(alert);
    }
    QCOMPARE(fallback.count(), allKinds.size());
    for (qsizetype i = 0; i < allKinds.size(); ++i)
        QCOMPARE(fallback.at(i).constFirst().value<KitchenAlert::Kind>(), allKinds.at(i));
    QCOMPARE(played.count(), 0);
}

void TestAlertSound::unmutedFallsBackOnlyWithoutAnOutput()
{
    ManualClock clock(t0);
    AlertSound sound(clock);
    QSignalSpy fallback(&sound, &AlertSound::visualFallback);
    QVERIFY(fallback.isValid());
    QSignalSpy played(&sound, &AlertSound::played);
    QVERIFY(played.isValid());
    // CI machines have no audio output, so this asserts the fallback there; with a device the
    // same alerts must play instead (one sound, the second paced away).
    const bool available = sound.isAvailable();
    sound.play(KitchenAlert::Kind::Cancelled);
    sound.play(KitchenAlert::Kind::Cancelled);
    if (available) {
        QCOMPARE(fallback.count(), 0);
        QCOMPARE(played.count(), 1);
        QCOMPARE(played.constFirst().constFirst().value<AlertSound::Sound>(),
                 AlertSound::Sound::Urgent);
    } else {
        QCOMPARE(fallback.count(), 2);
        QCOMPARE(fallback.constFirst().constFirst().value<KitchenAlert::Kind>(),
                 KitchenAlert::Kind::Cancelled);
        QCOMPARE(played.count(), 0);
    }
    // Unmuting after a mute returns to the same behaviour.
    sound.setMuted(true);
    sound.setMuted(false);
    clock.advanceMs(5000);
    sound.play(KitchenAlert::Kind::NewOrder);
    QCOMPARE(fallback.count(), available ? 0 : 3);
    QCOMPARE(played.count(), available ? 2 : 0);
}

QTEST_MAIN(TestAlertSound)
#include "tst_alertsound.moc"
