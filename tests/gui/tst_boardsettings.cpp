// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The key map and the settings file: defaults as documented, remapping, and bad values that are
// logged and ignored instead of breaking the board.
#include "board/ticketstyle.h"
#include "order/storepolicycodec.h"
#include "settings/boardsettings.h"
#include "settings/keymap.h"

#include <QKeyEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class BoardSettingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultKeysAreTheDocumentedOnes_data();
    void defaultKeysAreTheDocumentedOnes();
    void keypadKeysCountAsTheirPlainTwins();
    void bindingAKeyTakesItFromAnotherCommand();
    void remappedKeysSurviveASaveAndLoad();
    void unreadableKeysKeepTheDefault();
    void thresholdsAreReadPerStore();
    void pacingIsReadAndSaved();
    void newOrderRepeatIsOffUnlessSet();
    void bumpDebounceIsReadAndSaved();
    void stationShowsNewIsReadAndSaved();
    void fullScreenIsReadAndSaved();
    void outOfRangeValuesKeepTheDefault();
    void theStoresRulesKeepTheirBoundsAndRoutes();
    void styleFollowsThemeTypeSizeAndThresholds();
    void languageIsReadAndChecked_data();
    void languageIsReadAndChecked();

private:
    QTemporaryDir m_dir;
    QString settingsPath(const QString &name) const { return m_dir.filePath(name + u".ini"); }
};

void BoardSettingsTest::defaultKeysAreTheDocumentedOnes_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<BoardCommand>("command");
    QTest::newRow("Enter") << int(Qt::Key_Return) << BoardCommand::Bump;
    QTest::newRow("Space") << int(Qt::Key_Space) << BoardCommand::Bump;
    QTest::newRow("R") << int(Qt::Key_R) << BoardCommand::Recall;
    QTest::newRow("X") << int(Qt::Key_X) << BoardCommand::Reject;
    QTest::newRow("D") << int(Qt::Key_D) << BoardCommand::Delay;
    QTest::newRow("P") << int(Qt::Key_P) << BoardCommand::Pause;
    QTest::newRow("A") << int(Qt::Key_A) << BoardCommand::AllDay;
    QTest::newRow("S") << int(Qt::Key_S) << BoardCommand::NextStation;
    QTest::newRow("C") << int(Qt::Key_C) << BoardCommand::AcknowledgeAlert;
    QTest::newRow("PageDown") << int(Qt::Key_PageDown) << BoardCommand::PageForward;
    QTest::newRow("PageUp") << int(Qt::Key_PageUp) << BoardCommand::PageBack;
    QTest::newRow("F9") << int(Qt::Key_F9) << BoardCommand::Manager;
    QTest::newRow("F10") << int(Qt::Key_F10) << BoardCommand::Settings;
    QTest::newRow("F1") << int(Qt::Key_F1) << BoardCommand::Help;
}

void BoardSettingsTest::defaultKeysAreTheDocumentedOnes()
{
    QFETCH(int, key);
    QFETCH(BoardCommand, command);
    const KeyMap keys;
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QCOMPARE(keys.commandFor(press), std::optional<BoardCommand>(command));
}

void BoardSettingsTest::keypadKeysCountAsTheirPlainTwins()
{
    const KeyMap keys;
    QKeyEvent keypadEnter(QEvent::KeyPress, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(keys.commandFor(keypadEnter), std::optional<BoardCommand>(BoardCommand::Bump));
    QKeyEvent unbound(QEvent::KeyPress, Qt::Key_Q, Qt::NoModifier);
    QVERIFY(!keys.commandFor(unbound));
}

void BoardSettingsTest::bindingAKeyTakesItFromAnotherCommand()
{
    KeyMap keys;
    keys.bind(BoardCommand::Recall, {QKeySequence(Qt::Key_Space)});
    QCOMPARE(keys.commandFor(QKeySequence(Qt::Key_Space)),
             std::optional<BoardCommand>(BoardCommand::Recall));
    QVERIFY(!keys.keys(BoardCommand::Bump).contains(QKeySequence(Qt::Key_Space)));
    QVERIFY(keys.keys(BoardCommand::Bump).contains(QKeySequence(Qt::Key_Return)));
    QVERIFY(!keys.commandFor(QKeySequence(Qt::Key_R)));
}

void BoardSettingsTest::remappedKeysSurviveASaveAndLoad()
{
    BoardOptions options;
    options.keys.bind(BoardCommand::Pause, {QKeySequence(Qt::Key_F5), QKeySequence(Qt::Key_B)});
    options.station = QStringLiteral("grill");
    options.fontPercent = 130;
    {
        QSettings settings(settingsPath(QStringLiteral("roundtrip")), QSettings::IniFormat);
        BoardSettings::save(settings, QStringLiteral("store-7"), options);
    }
    QSettings settings(settingsPath(QStringLiteral("roundtrip")), QSettings::IniFormat);
    const BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("store-7"));
    QCOMPARE(loaded.keys, options.keys);
    QCOMPARE(loaded.keys.commandFor(QKeySequence(Qt::Key_B)),
             std::optional<BoardCommand>(BoardCommand::Pause));
    QCOMPARE(loaded.station, QStringLiteral("grill"));
    QCOMPARE(loaded.fontPercent, 130);
}

void BoardSettingsTest::unreadableKeysKeepTheDefault()
{
    QSettings settings(settingsPath(QStringLiteral("badkeys")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("keys/recall"), QStringLiteral("NoSuchKeyAtAll"));
    settings.setValue(QStringLiteral("keys/delay"), QString());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keys/.*recall")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keys/.*delay")));
    const BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("store-1"));
    QCOMPARE(loaded.keys.keys(BoardCommand::Recall), QList<QKeySequence>{QKeySequence(Qt::Key_R)});
    QCOMPARE(loaded.keys.keys(BoardCommand::Delay), QList<QKeySequence>{QKeySequence(Qt::Key_D)});
}

void BoardSettingsTest::thresholdsAreReadPerStore()
{
    QSettings settings(settingsPath(QStringLiteral("stores")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("stores/north/warn_after_minutes"), 5);
    settings.setValue(QStringLiteral("stores/north/late_after_minutes"), 9);
    settings.setValue(QStringLiteral("stores/north/stations"),
                      QStringList{QStringLiteral("wok"), QStringLiteral("bar")});
    const BoardOptions north = BoardSettings::load(settings, QStringLiteral("north"));
    QCOMPARE(north.policy.warnAfterMinutes, 5);
    QCOMPARE(north.policy.lateAfterMinutes, 9);
    QCOMPARE(north.policy.stations, (QStringList{QStringLiteral("wok"), QStringLiteral("bar")}));
    const BoardOptions south = BoardSettings::load(settings, QStringLiteral("south"));
    QCOMPARE(south.policy.warnAfterMinutes, BoardOptions().policy.warnAfterMinutes);
    QCOMPARE(south.policy.lateAfterMinutes, BoardOptions().policy.lateAfterMinutes);
}

void BoardSettingsTest::pacingIsReadAndSaved()
{
    QSettings settings(settingsPath(QStringLiteral("pacing")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("board/frame_ms"), 33);
    settings.setValue(QStringLiteral("board/burst_pace_ms"), 250);
    BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("s"));
    QCOMPARE(loaded.pacing.frameMs, 33);
    QCOMPARE(loaded.pacing.burstPaceMs, 250);

    loaded.pacing.burstPaceMs = 40;
    BoardSettings::save(settings, QStringLiteral("s"), loaded);
    QCOMPARE(BoardSettings::load(settings, QStringLiteral("s")).pacing.burstPaceMs, 40);
}

void BoardSettingsTest::newOrderRepeatIsOffUnlessSet()
{
    QSettings settings(settingsPath(QStringLiteral("repeat")), QSettings::IniFormat);
    BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("s"));
    QVERIFY(!loaded.repeatNewOrderSound);
    QCOMPARE(loaded.repeatNewOrderSeconds, 10);
    settings.setValue(QStringLiteral("board/repeat_new_order_sound"), true);
    settings.setValue(QStringLiteral("board/repeat_new_order_seconds"), 30);
    loaded = BoardSettings::load(settings, QStringLiteral("s"));
    QVERIFY(loaded.repeatNewOrderSound);
    QCOMPARE(loaded.repeatNewOrderSeconds, 30);
    loaded.repeatNewOrderSound = false;
    loaded.repeatNewOrderSeconds = 3; // the shortest; kept while the chime does not repeat
    BoardSettings::save(settings, QStringLiteral("s"), loaded);
    QCOMPARE(settings.value(QStringLiteral("board/repeat_new_order_sound")).toBool(), false);
    QCOMPARE(settings.value(QStringLiteral("board/repeat_new_order_seconds")).toInt(), 3);
    loaded = BoardSettings::load(settings, QStringLiteral("s"));
    QVERIFY(!loaded.repeatNewOrderSound);
    QCOMPARE(loaded.repeatNewOrderSeconds, 3);
}

void BoardSettingsTest::bumpDebounceIsReadAndSaved()
{
    QSettings settings(settingsPath(QStringLiteral("debounce")), QSettings::IniFormat);
    QCOMPARE(BoardSettings::load(settings, QStringLiteral("s")).bumpDebounceMs, 300);
    settings.setValue(QStringLiteral("board/bump_debounce_ms"), 150);
    BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("s"));
    QCOMPARE(loaded.bumpDebounceMs, 150);

    loaded.bumpDebounceMs = 0; // off
    BoardSettings::save(settings, QStringLiteral("s"), loaded);
    QCOMPARE(BoardSettings::load(settings, QStringLiteral("s")).bumpDebounceMs, 0);
}

void BoardSettingsTest::stationShowsNewIsReadAndSaved()
{
    QSettings settings(settingsPath(QStringLiteral("shows-new")), QSettings::IniFormat);
    QVERIFY(!BoardSettings::load(settings, QStringLiteral("s")).stationShowsNew);
    settings.setValue(QStringLiteral("board/station_shows_new"), true);
    BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("s"));
    QVERIFY(loaded.stationShowsNew);

    loaded.stationShowsNew = false;
    BoardSettings::save(settings, QStringLiteral("s"), loaded);
    QVERIFY(!BoardSettings::load(settings, QStringLiteral("s")).stationShowsNew);
}

void BoardSettingsTest::fullScreenIsReadAndSaved()
{
    QSettings settings(settingsPath(QStringLiteral("full-screen")), QSettings::IniFormat);
    QVERIFY(!BoardSettings::load(settings, QStringLiteral("s")).fullScreen);
    settings.setValue(QStringLiteral("board/full_screen"), true);
    BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("s"));
    QVERIFY(loaded.fullScreen);

    loaded.fullScreen = false;
    BoardSettings::save(settings, QStringLiteral("s"), loaded);
    QVERIFY(!BoardSettings::load(settings, QStringLiteral("s")).fullScreen);
}

void BoardSettingsTest::theStoresRulesKeepTheirBoundsAndRoutes()
{
    QSettings settings(settingsPath(QStringLiteral("rules")), QSettings::IniFormat);
    StorePolicy saved;
    saved.stations = {QStringLiteral("wok"), QStringLiteral("bar")};
    saved.routes = {{QStringLiteral("shake"), QStringLiteral("bar")},
                    {QStringLiteral("noodle"), QStringLiteral("wok")}};
    BoardSettings::savePolicy(settings, QStringLiteral("s"), saved);
    QVERIFY(BoardSettings::loadPolicy(settings, QStringLiteral("s")) == saved);

    // Each field is held to the bounds a manager's change is (StorePolicyCodec): amber at 240
    // would make red 241, past any rule the store can send.
    settings.setValue(QStringLiteral("stores/s/warn_after_minutes"), 240);
    settings.setValue(QStringLiteral("stores/s/reject_reasons"),
                      QStringList {QStringLiteral("Closed"), QStringLiteral("closed")});
    StorePolicy loaded = BoardSettings::loadPolicy(settings, QStringLiteral("s"));
    QCOMPARE(loaded.warnAfterMinutes, StorePolicy().warnAfterMinutes);
    QCOMPARE(loaded.rejectReasons, StorePolicy().rejectReasons);
    QCOMPARE(loaded.stations, saved.stations); // the good fields stay
    QCOMPARE(loaded.routes, saved.routes);
    QCOMPARE(StorePolicyCodec::problem(loaded), QString());

    // Routes to a station the file no longer has, or that cannot be read, are not kept.
    settings.setValue(QStringLiteral("stores/s/stations"), QStringList {QStringLiteral("wok")});
    loaded = BoardSettings::loadPolicy(settings, QStringLiteral("s"));
    QCOMPARE(loaded.stations, QStringList {QStringLiteral("wok")});
    QVERIFY(loaded.routes.isEmpty());
    settings.setValue(QStringLiteral("stores/s/routes"), QStringLiteral("shake=bar"));
    QVERIFY(BoardSettings::loadPolicy(settings, QStringLiteral("s")).routes.isEmpty());
}

void BoardSettingsTest::outOfRangeValuesKeepTheDefault()
{
    QSettings settings(settingsPath(QStringLiteral("range")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("stores/s/warn_after_minutes"), -3);
    settings.setValue(QStringLiteral("stores/s/late_after_minutes"), QStringLiteral("soon"));
    settings.setValue(QStringLiteral("stores/s/opens_at"), QStringLiteral("25:99"));
    settings.setValue(QStringLiteral("board/font_percent"), 1000);
    settings.setValue(QStringLiteral("board/theme"), QStringLiteral("neon"));
    settings.setValue(QStringLiteral("board/station"), QStringLiteral("pastry"));
    settings.setValue(QStringLiteral("board/frame_ms"), 0);
    settings.setValue(QStringLiteral("board/bump_debounce_ms"), 5000);
    settings.setValue(QStringLiteral("board/repeat_new_order_seconds"), 1);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("warn_after_minutes")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("late_after_minutes")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("opens_at")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("font_percent")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("theme")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("pastry")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("frame_ms")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("bump_debounce_ms")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("repeat_new_order_seconds")));
    const BoardOptions loaded = BoardSettings::load(settings, QStringLiteral("s"));
    const BoardOptions defaults;
    QCOMPARE(loaded.policy.warnAfterMinutes, defaults.policy.warnAfterMinutes);
    QCOMPARE(loaded.policy.lateAfterMinutes, defaults.policy.lateAfterMinutes);
    QCOMPARE(loaded.policy.opensAt, defaults.policy.opensAt);
    QCOMPARE(loaded.fontPercent, defaults.fontPercent);
    QCOMPARE(loaded.theme, defaults.theme);
    QCOMPARE(loaded.station, QString());
    QCOMPARE(loaded.pacing.frameMs, defaults.pacing.frameMs);
    QCOMPARE(loaded.bumpDebounceMs, defaults.bumpDebounceMs);
    QCOMPARE(loaded.repeatNewOrderSeconds, defaults.repeatNewOrderSeconds);
}

void BoardSettingsTest::languageIsReadAndChecked_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("loaded");
    QTest::addColumn<bool>("warns");
    QTest::newRow("spanish") << QStringLiteral("es") << QStringLiteral("es") << false;
    QTest::newRow("with a country") << QStringLiteral(" es_MX ") << QStringLiteral("es_MX") << false;
    QTest::newRow("empty: the system's") << QString() << QString() << false;
    QTest::newRow("a word, not a name") << QStringLiteral("Spanish") << QString() << true;
    QTest::newRow("a path") << QStringLiteral("../es") << QString() << true;
}

void BoardSettingsTest::languageIsReadAndChecked()
{
    QFETCH(QString, written);
    QFETCH(QString, loaded);
    QFETCH(bool, warns);
    QSettings settings(settingsPath(QStringLiteral("language")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("board/language"), written);
    if (warns)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("board/language")));
    QCOMPARE(BoardSettings::language(settings), loaded);
    if (warns)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("board/language")));
    const BoardOptions options = BoardSettings::load(settings, QStringLiteral("s"));
    QCOMPARE(options.language, loaded);

    BoardSettings::save(settings, QStringLiteral("s"), options);
    QCOMPARE(settings.value(QStringLiteral("board/language")).toString(), loaded);
}

void BoardSettingsTest::styleFollowsThemeTypeSizeAndThresholds()
{
    BoardOptions options;
    options.theme = QStringLiteral("dark");
    options.policy.warnAfterMinutes = 3;
    options.policy.lateAfterMinutes = 6;
    const TicketStyle dark = TicketStyle::fromOptions(options);
    QCOMPARE(dark.warnAgeMs, 3 * 60 * 1000);
    QCOMPARE(dark.lateAgeMs, 6 * 60 * 1000);
    QCOMPARE(dark.ageFill(2 * 60 * 1000), dark.ageChip);
    QCOMPARE(dark.ageFill(4 * 60 * 1000), dark.warn);
    QCOMPARE(dark.ageFill(7 * 60 * 1000), dark.late);

    options.theme = QStringLiteral("high-contrast");
    options.fontPercent = 150;
    const TicketStyle contrast = TicketStyle::fromOptions(options);
    QCOMPARE(contrast.board, QColor(Qt::black));
    QCOMPARE(contrast.cardText, QColor(Qt::white));
    QCOMPARE(contrast.itemFont.pixelSize(), dark.itemFont.pixelSize() * 3 / 2);
    QVERIFY(contrast.minimumColumnWidth > dark.minimumColumnWidth);
}

QTEST_MAIN(BoardSettingsTest)
#include "tst_boardsettings.moc"
