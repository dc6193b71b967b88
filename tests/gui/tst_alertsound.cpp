// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/alertsound.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "engine/kitchenalerts.h"
#include "guitestsupport.h"
#include "settings/boardsettings.h"

#include "common/clock.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {
constexpr qint64 t0 = 1'764'000'000'000;

// The kinds that make a sound (a feed back online is good news, and silent).
const QList<KitchenAlert::Kind> allKinds{
        KitchenAlert::Kind::NewOrder,  KitchenAlert::Kind::Late,      KitchenAlert::Kind::Changed,
        KitchenAlert::Kind::Cancelled, KitchenAlert::Kind::Overtaken, KitchenAlert::Kind::FeedQuiet};

QByteArray wavOf(AlertSound::Sound sound)
{
    QFile file(QLatin1Char(':') + AlertSound::sourceOf(sound).path());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestAlertSound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void soundsAreSmallPcmWavsInTheResources_data();
    void soundsAreSmallPcmWavsInTheResources();
    void eachMeaningHasItsOwnSound_data();
    void eachMeaningHasItsOwnSound();
    void theThreeSoundsDiffer();
    void mutedEveryAlertFallsBackToVisual();
    void unmutedFallsBackOnlyWithoutAnOutput();
    void aFeedBackOnlineIsSilent();
    void newOrderChimeDoesNotRepeatByDefault();
    void newOrderChimeRepeatsUntilSomeoneLooks();
    void aKeyOrATapOnTheBoardCountsAsLooking();
    void repeatIntervalFollowsTheSetting_data();
    void repeatIntervalFollowsTheSetting();
};

void TestAlertSound::soundsAreSmallPcmWavsInTheResources_data()
{
    QTest::addColumn<int>("sound");
    QTest::newRow("chime") << int(AlertSound::Sound::Chime);
    QTest::newRow("change") << int(AlertSound::Sound::Change);
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

void TestAlertSound::eachMeaningHasItsOwnSound_data()
{
    QTest::addColumn<KitchenAlert::Kind>("kind");
    QTest::addColumn<AlertSound::Sound>("sound");
    QTest::newRow("new order") << KitchenAlert::Kind::NewOrder << AlertSound::Sound::Chime;
    QTest::newRow("changed") << KitchenAlert::Kind::Changed << AlertSound::Sound::Change;
    QTest::newRow("cancelled") << KitchenAlert::Kind::Cancelled << AlertSound::Sound::Change;
    QTest::newRow("overtaken") << KitchenAlert::Kind::Overtaken << AlertSound::Sound::Change;
    QTest::newRow("late") << KitchenAlert::Kind::Late << AlertSound::Sound::Urgent;
    QTest::newRow("feed quiet") << KitchenAlert::Kind::FeedQuiet << AlertSound::Sound::Urgent;
}

void TestAlertSound::eachMeaningHasItsOwnSound()
{
    QFETCH(KitchenAlert::Kind, kind);
    QFETCH(AlertSound::Sound, sound);
    QCOMPARE(AlertSound::soundFor(kind), std::optional<AlertSound::Sound>(sound));
}

void TestAlertSound::theThreeSoundsDiffer()
{
    // A cook tells new from changed from late by ear: three files, three different sounds.
    const QList<AlertSound::Sound> sounds {AlertSound::Sound::Chime, AlertSound::Sound::Change,
                                           AlertSound::Sound::Urgent};
    for (AlertSound::Sound a : sounds) {
        for (AlertSound::Sound b : sounds) {
            if (a == b)
                continue;
            QVERIFY(AlertSound::sourceOf(a) != AlertSound::sourceOf(b));
            QVERIFY(wavOf(a) != wavOf(b));
        }
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
                 AlertSound::Sound::Change);
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

void TestAlertSound::aFeedBackOnlineIsSilent()
{
    ManualClock clock(t0);
    AlertSound sound(clock);
    QSignalSpy fallback(&sound, &AlertSound::visualFallback);
    QVERIFY(fallback.isValid());
    QSignalSpy played(&sound, &AlertSound::played);
    QVERIFY(played.isValid());
    QVERIFY(!AlertSound::soundFor(KitchenAlert::Kind::FeedBack));
    sound.play(KitchenAlert::Kind::FeedBack);
    sound.setMuted(true);
    sound.play(KitchenAlert::Kind::FeedBack);
    QCOMPARE(fallback.count(), 0);
    QCOMPARE(played.count(), 0);
}

void TestAlertSound::newOrderChimeDoesNotRepeatByDefault()
{
    ManualClock clock(t0);
    AlertSound sound(clock);
    QVERIFY(!sound.repeatsNewOrders());
    QVERIFY(!BoardOptions().repeatNewOrderSound);
    QCOMPARE(sound.repeatIntervalMs(), BoardOptions().repeatNewOrderSeconds * 1000); // 10 s
    sound.play(KitchenAlert::Kind::NewOrder);
    QVERIFY(!sound.isRepeating());
}

void TestAlertSound::newOrderChimeRepeatsUntilSomeoneLooks()
{
    ManualClock clock(t0);
    AlertSound sound(clock);
    sound.setRepeatNewOrders(true);
    sound.setRepeatIntervalMs(5);
    QSignalSpy repeated(&sound, &AlertSound::repeated);
    QVERIFY(repeated.isValid());
    // Only a new order starts it: a late order's beeps are not a reminder.
    sound.play(KitchenAlert::Kind::Late);
    QVERIFY(!sound.isRepeating());
    sound.play(KitchenAlert::Kind::NewOrder);
    QVERIFY(sound.isRepeating());
    QVERIFY(repeated.wait());
    QVERIFY(repeated.wait());
    sound.lookedAt();
    QVERIFY(!sound.isRepeating());
    // Muting, or turning the setting off, ends a reminder as well.
    sound.play(KitchenAlert::Kind::NewOrder);
    QVERIFY(sound.isRepeating());
    sound.setMuted(true);
    QVERIFY(!sound.isRepeating());
    sound.setMuted(false);
    sound.play(KitchenAlert::Kind::NewOrder);
    sound.setRepeatNewOrders(false);
    QVERIFY(!sound.isRepeating());
}

void TestAlertSound::aKeyOrATapOnTheBoardCountsAsLooking()
{
    BoardFixture fixture;
    QVERIFY(fixture.open());
    BoardOptions options;
    options.repeatNewOrderSound = true;
    MainWindow window(fixture.session(), options);
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.sound()->repeatsNewOrders());

    fixture.place();
    QTRY_VERIFY(window.sound()->isRepeating());
    QTest::keyClick(window.board(), Qt::Key_Right); // any key at all
    QVERIFY(!window.sound()->isRepeating());

    fixture.place();
    QTRY_VERIFY(window.sound()->isRepeating());
    QTest::mouseClick(window.board()->viewport(), Qt::LeftButton, {},
                      window.board()->viewport()->rect().center());
    QVERIFY(!window.sound()->isRepeating());

    // Turned off in the settings: a new order chimes once.
    BoardOptions off = window.options();
    off.repeatNewOrderSound = false;
    window.applyOptions(off);
    QSignalSpy raised(window.kitchenAlerts(), &KitchenAlerts::raised);
    QVERIFY(raised.isValid());
    fixture.place();
    QVERIFY(raised.wait());
    QCOMPARE(raised.constFirst().constFirst().value<KitchenAlert>().kind,
             KitchenAlert::Kind::NewOrder);
    QVERIFY(!window.sound()->isRepeating());
}

void TestAlertSound::repeatIntervalFollowsTheSetting_data()
{
    QTest::addColumn<QVariant>("written"); // board/repeat_new_order_seconds; invalid: not set
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<bool>("warns");
    QTest::newRow("not set: 10 s") << QVariant() << 10'000 << false;
    QTest::newRow("30 s") << QVariant(30) << 30'000 << false;
    QTest::newRow("shortest") << QVariant(3) << 3'000 << false;
    QTest::newRow("longest") << QVariant(120) << 120'000 << false;
    QTest::newRow("too short: default") << QVariant(2) << 10'000 << true;
    QTest::newRow("too long: default") << QVariant(121) << 10'000 << true;
    QTest::newRow("not a number: default") << QVariant(QStringLiteral("often")) << 10'000 << true;
}

void TestAlertSound::repeatIntervalFollowsTheSetting()
{
    QFETCH(QVariant, written);
    QFETCH(int, intervalMs);
    QFETCH(bool, warns);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("board.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("board/repeat_new_order_sound"), true);
    if (written.isValid())
        settings.setValue(QStringLiteral("board/repeat_new_order_seconds"), written);
    const QRegularExpression warning(QStringLiteral("repeat_new_order_seconds"));
    if (warns)
        QTest::ignoreMessage(QtWarningMsg, warning);
    else
        QTest::failOnWarning(warning);
    const BoardOptions options = BoardSettings::load(settings, QStringLiteral("s"));

    // From the file through the window to the sound, as the composition root hands it on.
    BoardFixture fixture;
    QVERIFY(fixture.open());
    MainWindow window(fixture.session(), options);
    QVERIFY(window.sound()->repeatsNewOrders());
    QCOMPARE(window.sound()->repeatIntervalMs(), intervalMs);

    // Saved from the settings dialog: the next reminder keeps the new rhythm at once.
    BoardOptions changed = window.options();
    changed.repeatNewOrderSeconds = 45;
    window.applyOptions(changed);
    QCOMPARE(window.sound()->repeatIntervalMs(), 45'000);
}

QTEST_MAIN(TestAlertSound)
#include "tst_alertsound.moc"
