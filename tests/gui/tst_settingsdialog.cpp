// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog and the key help, driven by keys on the offscreen platform: saved settings
// apply at once (thresholds recolour tickets, remapped keys work), and Esc changes nothing.
#include "guitestsupport.h"
#include "screenshots.h"

#include "board/alertsound.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/stationfiltermodel.h"
#include "board/ticketdelegate.h"
#include "dialogs/keyhelpdialog.h"
#include "engine/storepolicybook.h"
#include "settings/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void settingsKeyOpensTheDialogAndEscapeChangesNothing();
    void storeRulesAreShownAndFollowedNotEdited();
    void recordedKeyTakesOverTheCommand();
    void remappedKeyBumps();
    void helpListsTheKeysAsBound();
    void savedStationShowsAtOnce();
    void bumpDebounceIsEditedAndAppliedAtOnce();
    void stationShowsNewIsEditedAndAppliedAtOnce();
    void repeatIntervalIsEditedBesideTheRepeatBox();

private:
    template<typename Dialog>
    Dialog *openDialog(Qt::Key key)
    {
        QTest::keyClick(m_window->board(), key);
        Dialog *dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = m_window->findChild<Dialog *>()) && dialog->isVisible()); }();
        return dialog;
    }

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettingsDialog::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
    m_window = std::make_unique<MainWindow>(m_fixture->session());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSettingsDialog::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
}

void TestSettingsDialog::settingsKeyOpensTheDialogAndEscapeChangesNothing()
{
    QSignalSpy saved(m_window.get(), &MainWindow::optionsChanged);
    QVERIFY(saved.isValid());
    auto *dialog = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(dialog);
    auto *fontPercent = dialog->findChild<QSpinBox *>(QStringLiteral("font_percent"));
    QVERIFY(fontPercent);
    fontPercent->setValue(fontPercent->value() + 20);
    const QString shot = saveScreenshot(*dialog, QStringLiteral("settings-dialog"));
    QVERIFY(!shot.isEmpty());
    QVERIFY(QImage(shot).width() >= dialog->minimumWidth());
    auto *tabs = dialog->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(tabs->count() - 1); // the keys
    QVERIFY(!saveScreenshot(*dialog, QStringLiteral("settings-keys")).isEmpty());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());
    QCOMPARE(saved.count(), 0);
    QCOMPARE(m_window->options().fontPercent, BoardOptions().fontPercent);
}

// The store's rules are shown, not edited, here: they are the same on every screen and a
// manager's to change (behind the PIN); what the store changes the board follows at once.
void TestSettingsDialog::storeRulesAreShownAndFollowedNotEdited()
{
    auto *dialog = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QSpinBox *>(QStringLiteral("warn_after_minutes")));
    auto *rules = dialog->findChild<QWidget *>(QStringLiteral("store_rules"));
    QVERIFY(rules);
    QStringList shown;
    for (const QLabel *label : rules->findChildren<QLabel *>())
        shown.append(label->text());
    QVERIFY2(shown.contains(QStringLiteral("12 min")), qPrintable(shown.join(QLatin1Char('|'))));
    QVERIFY(shown.contains(StorePolicy().stations.join(QStringLiteral(", "))));
    auto *tabs = dialog->findChild<QTabWidget *>();
    tabs->setCurrentWidget(rules);
    QVERIFY(!saveScreenshot(*dialog, QStringLiteral("settings-store")).isEmpty());

    QVERIFY(shown.contains(QStringLiteral("none: items go where their order says")));

    StorePolicy faster;
    faster.warnAfterMinutes = 2;
    faster.lateAfterMinutes = 4;
    faster.routes = {{QStringLiteral("shake"), QStringLiteral("bar")},
                     {QStringLiteral("fries"), QStringLiteral("fry")}};
    QVERIFY(m_fixture->session().storePolicy().change(faster, Actor::manager(QStringLiteral("m"))).ok);
    dialog->accept(); // saving the screen's options keeps the store's rules
    const TicketStyle &style = m_window->board()->ticketDelegate()->ticketStyle();
    QCOMPARE(m_window->options().policy.lateAfterMinutes, 4);
    QCOMPARE(style.lateAgeMs, 4 * 60 * 1000);
    QCOMPARE(style.ageFill(5 * 60 * 1000), style.late);

    QTRY_VERIFY(!m_window->findChild<SettingsDialog *>()); // the first one has gone
    auto *again = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(again);
    shown.clear();
    for (const QLabel *label : again->findChild<QWidget *>(QStringLiteral("store_rules"))
                                       ->findChildren<QLabel *>())
        shown.append(label->text());
    QVERIFY2(shown.contains(QStringLiteral("shake → bar · fries → fry")),
             qPrintable(shown.join(QLatin1Char('|'))));
    again->reject();
}

void TestSettingsDialog::recordedKeyTakesOverTheCommand()
{
    auto *dialog = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(dialog);
    auto *pause = dialog->findChild<QKeySequenceEdit *>(QStringLiteral("keys_pause"));
    QVERIFY(pause);
    pause->setKeySequence(QKeySequence(Qt::Key_R)); // R recalls by default: it moves to pause
    QMetaObject::invokeMethod(pause, "editingFinished");
    auto *recall = dialog->findChild<QKeySequenceEdit *>(QStringLiteral("keys_recall"));
    QVERIFY(recall->keySequence().isEmpty());
    QVERIFY(dialog->findChildren<QLabel *>().count() > 0);
    const BoardOptions options = dialog->options();
    QCOMPARE(options.keys.commandFor(QKeySequence(Qt::Key_R)),
             std::optional<BoardCommand>(BoardCommand::Pause));
    QVERIFY(options.keys.keys(BoardCommand::Recall).isEmpty());
    dialog->reject();
}

void TestSettingsDialog::remappedKeyBumps()
{
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok); // accepted: the next bump starts it, no quote asked
    QTRY_COMPARE(m_window->board()->selectedOrderId(), order.id);
    BoardOptions options = m_window->options();
    options.keys.bind(BoardCommand::Bump, {QKeySequence(Qt::Key_B)});
    m_window->applyOptions(options);

    QTest::keyClick(m_window->board(), Qt::Key_Return); // no longer bumps
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QTest::keyClick(m_window->board(), Qt::Key_B);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
}

void TestSettingsDialog::helpListsTheKeysAsBound()
{
    BoardOptions options = m_window->options();
    options.keys.bind(BoardCommand::Pause, {QKeySequence(Qt::Key_F6)});
    m_window->applyOptions(options);
    auto *help = openDialog<KeyHelpDialog>(Qt::Key_F1);
    QVERIFY(help);
    QStringList texts;
    const QList<QLabel *> labels = help->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts.append(label->text());
    QVERIFY2(texts.contains(QStringLiteral("F6")), qPrintable(texts.join(u'|')));
    QVERIFY(texts.contains(KeyMap::displayName(BoardCommand::Pause)));
    QTest::keyClick(help, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<KeyHelpDialog *>());
}

void TestSettingsDialog::savedStationShowsAtOnce()
{
    QSignalSpy changed(m_window.get(), &MainWindow::stationChanged);
    QVERIFY(changed.isValid());
    BoardOptions options = m_window->options();
    options.station = QStringLiteral("grill");
    m_window->applyOptions(options);
    QCOMPARE(m_window->station(), QStringLiteral("grill"));
    QCOMPARE(changed.size(), 1);
    m_window->applyOptions(options); // the same again: no second switch
    QCOMPARE(changed.size(), 1);
}

void TestSettingsDialog::bumpDebounceIsEditedAndAppliedAtOnce()
{
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    QTRY_COMPARE(m_window->board()->selectedOrderId(), order.id);
    QSignalSpy saved(m_window.get(), &MainWindow::optionsChanged);
    QVERIFY(saved.isValid());
    auto *dialog = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(dialog);
    auto *debounce = dialog->findChild<QSpinBox *>(QStringLiteral("bump_debounce_ms"));
    QVERIFY(debounce);
    QCOMPARE(debounce->value(), BoardOptions().bumpDebounceMs);
    debounce->setValue(0); // off: a bump bar that does not bounce, a cook who double-bumps
    dialog->accept();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.constFirst().constFirst().value<BoardOptions>().bumpDebounceMs, 0);
    QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());

    // Two presses at one instant now both count.
    QTest::keyClick(m_window->board(), Qt::Key_Return);
    QTest::keyClick(m_window->board(), Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Ready);
}

void TestSettingsDialog::stationShowsNewIsEditedAndAppliedAtOnce()
{
    QVERIFY(!m_window->stationModel()->showsNew());
    auto *dialog = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(dialog);
    auto *showsNew = dialog->findChild<QCheckBox *>(QStringLiteral("station_shows_new"));
    QVERIFY(showsNew);
    QVERIFY(!showsNew->isChecked());
    showsNew->setChecked(true);
    QVERIFY(dialog->options().stationShowsNew);
    dialog->accept();
    QVERIFY(m_window->options().stationShowsNew);
    QVERIFY(m_window->stationModel()->showsNew());
}

void TestSettingsDialog::repeatIntervalIsEditedBesideTheRepeatBox()
{
    auto *dialog = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(dialog);
    auto *repeat = dialog->findChild<QCheckBox *>(QStringLiteral("repeat_new_order_sound"));
    auto *seconds = dialog->findChild<QSpinBox *>(QStringLiteral("repeat_new_order_seconds"));
    QVERIFY(repeat);
    QVERIFY(seconds);
    QCOMPARE(seconds->value(), BoardOptions().repeatNewOrderSeconds);
    QCOMPARE(seconds->minimum(), 3);
    QCOMPARE(seconds->maximum(), 120);
    // Beside the box on its tab, and only to be set while the chime repeats.
    auto *tabs = dialog->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(repeat->parentWidget());
    QTRY_VERIFY(seconds->isVisible());
    QVERIFY2(repeat->geometry().right() < seconds->geometry().left()
                 && seconds->geometry().top() < repeat->geometry().bottom()
                 && repeat->geometry().top() < seconds->geometry().bottom(),
             "the interval is not on the repeat box's row");
    QVERIFY(!repeat->isChecked());
    QVERIFY(!seconds->isEnabled());
    repeat->setChecked(true);
    QVERIFY(seconds->isEnabled());
    seconds->setValue(30);
    dialog->accept();
    QCOMPARE(m_window->options().repeatNewOrderSeconds, 30);
    QVERIFY(m_window->sound()->repeatsNewOrders());
    QCOMPARE(m_window->sound()->repeatIntervalMs(), 30'000);
    QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());

    // Opened again with repeating on: the box shows the saved interval, ready to change.
    dialog = openDialog<SettingsDialog>(Qt::Key_F10);
    QVERIFY(dialog);
    seconds = dialog->findChild<QSpinBox *>(QStringLiteral("repeat_new_order_seconds"));
    QVERIFY(seconds);
    QVERIFY(seconds->isEnabled());
    QCOMPARE(seconds->value(), 30);
    dialog->findChild<QCheckBox *>(QStringLiteral("repeat_new_order_sound"))->setChecked(false);
    QVERIFY(!seconds->isEnabled());
    dialog->reject();
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
