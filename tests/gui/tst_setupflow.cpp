// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The setup a new console shows, driven offscreen by keyboard and touch against a real order-hub
// on 127.0.0.1 and a real keyring (with-keyring.sh): the language applies at once, a wrong code is
// refused in words, the right one pairs, the console goes live with the credential the keyring
// got; "without a platform" silences the platform's feed alarm. Each step's picture is kept for
// the user guide (docs/user-guide.md).
#include "loopbackhub.h"
#include "screenshots.h"

#include "board/ticketstyle.h"
#include "security/credentialstore.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "settings/boardsettings.h"
#include "settings/languageloader.h"
#include "setup/kioskautostart.h"
#include "setup/pairingpage.h"
#include "setup/setupflow.h"
#include "setup/stationpage.h"
#include "shared/touchstyle.h"
#include "sync/platformlink.h"
#include "session/consolepairing.h"

#include <QCheckBox>
#include <QFile>
#include <QProcess>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString store = QStringLiteral("store-7");
const QString grill = QStringLiteral("grill-1");
} // namespace

class TestSetupFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(new TouchStyle); // as main() does: the guide shows what stores see
    }
    void init();
    void cleanup();
    void aNewConsolePairsAndGoesLive();
    void theLanguageAppliesAtOnce();
    void withoutAPlatformNoAlarmWaitsForOne();
    void escapeStepsBackAndNeverCloses();
    void theKioskStartsAtLoginOnceChosen();
    void aSetupRunAgainCanBeLeftAsItWas();

private:
    SetupFlow &openFlow();
    template <typename T>
    T *child(const char *name)
    {
        T *found = m_flow->findChild<T *>(QLatin1String(name));
        [&] { QVERIFY2(found, name); }();
        return found;
    }
    void press(int key) { QTest::keyClick(QApplication::focusWidget(), Qt::Key(key)); }

    ManualClock m_clock {1'800'000'000'000};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<LoopbackHub> m_hub;
    std::unique_ptr<CredentialStore> m_keyring;
    std::unique_ptr<LanguageLoader> m_language;
    std::unique_ptr<SetupFlow> m_flow;
};

void TestSetupFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_hub = std::make_unique<LoopbackHub>(m_clock);
    QVERIFY(m_hub->open());
    QVERIFY(m_hub->records().stores().add(store));
    QVERIFY(m_hub->listen());
    m_keyring = std::make_unique<CredentialStore>(QStringLiteral("kc-test-setup"));
    m_language = std::make_unique<LanguageLoader>();
}

void TestSetupFlow::cleanup()
{
    screenshotOnFailure(m_flow.get());
    m_flow.reset();
    m_language.reset();
    m_keyring.reset();
    m_hub.reset();
    m_settings.reset();
}

SetupFlow &TestSetupFlow::openFlow()
{
    SetupChoices start;
    start.storeId = QStringLiteral("store-1");
    start.consoleId = QStringLiteral("console-here");
    m_flow = std::make_unique<SetupFlow>(
            *m_keyring, *m_settings, start,
            [this](const QString &language) { return m_language->load(language); });
    // Dressed as main() dresses it, so the guide's pictures show what a store sees.
    m_flow->setPalette(TicketStyle::fromOptions(BoardOptions {}).widgetPalette());
    m_flow->resize(1024, 768);
    m_flow->show();
    [&] { QVERIFY(QTest::qWaitForWindowActive(m_flow.get())); }();
    return *m_flow;
}

void TestSetupFlow::aNewConsolePairsAndGoesLive()
{
    SetupFlow &flow = openFlow();
    auto *next = child<QPushButton>("setupNext");
    QCOMPARE(flow.step(), SetupFlow::LanguageStep);
    QVERIFY(!saveScreenshot(flow, QStringLiteral("guide-setup-language")).isEmpty());
    press(Qt::Key_Return);
    QCOMPARE(flow.step(), SetupFlow::PlatformStep);
    QVERIFY(!next->isEnabled()); // not before it is paired, or told to work alone

    // Typed at the keyboard: the address, then a code that is wrong.
    QTest::keyClicks(QApplication::focusWidget(),
                     QStringLiteral("ws://127.0.0.1:%1").arg(m_hub->port()));
    press(Qt::Key_Return); // on to the code
    auto *code = child<QLineEdit>("pairingCode");
    QCOMPARE(QApplication::focusWidget(), code);
    QTest::keyClicks(code, QStringLiteral("ABCD-2345"));
    press(Qt::Key_Return);
    auto *status = child<QLabel>("pairingStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("is not right")), 10'000);
    QVERIFY(!next->isEnabled());

    // The right code, asked for as whoever runs the platform does, tapped in and sent by touch.
    const Result<IssuedPairingCode> issued = m_hub->records().pairing().issue(store, grill);
    QVERIFY(issued);
    code->clear();
    QTest::keyClicks(code, issued->code);
    QVERIFY(!saveScreenshot(flow, QStringLiteral("guide-setup-pairing")).isEmpty());
    QTest::mouseClick(child<QPushButton>("pairButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10'000);
    QCOMPARE(status->text(), QStringLiteral("Paired: this screen is grill-1 of store store-7."));
    QTest::mouseClick(next, Qt::LeftButton);

    // Which screen: the platform named it; the cook picks the station.
    QCOMPARE(flow.step(), SetupFlow::StationStep);
    QVERIFY(child<QLabel>("pairedIdentity")->isVisible());
    QVERIFY(!child<QLineEdit>("storeId")->isVisible());
    auto *stations = child<QListWidget>("stations");
    QCOMPARE(stations->currentItem()->text(), QStringLiteral("Expo: whole orders"));
    QCOMPARE(QApplication::focusWidget(), stations);
    press(Qt::Key_Down);
    const QString station = stations->currentItem()->text();
    QCOMPARE(station, BoardSettings::loadPolicy(*m_settings, store).stations.constFirst());
    QVERIFY(!saveScreenshot(flow, QStringLiteral("guide-setup-station")).isEmpty());
    press(Qt::Key_Return);

    QCOMPARE(flow.step(), SetupFlow::FinishStep);
    QVERIFY(child<QLabel>("setupSummary")->text().contains(
            QStringLiteral("grill-1 of store store-7, paired with the platform")));
    QVERIFY(!saveScreenshot(flow, QStringLiteral("guide-setup-ready")).isEmpty());
    QSignalSpy accepted(&flow, &QDialog::accepted);
    QVERIFY(accepted.isValid());
    press(Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
    const SetupChoices chosen = flow.choices();
    QCOMPARE(chosen.storeId, store);
    QCOMPARE(chosen.consoleId, grill);
    QCOMPARE(chosen.station, station);
    QCOMPARE(chosen.platformUrl, m_hub->url());
    QVERIFY(!chosen.kiosk);

    // Saved, then read back as the next start would, and the console goes live on its own.
    SetupSettings::save(*m_settings, chosen);
    QVERIFY(SetupSettings::isDone(*m_settings));
    const SetupChoices saved = SetupSettings::load(*m_settings);
    QCOMPARE(saved.platformUrl, m_hub->url());
    QVERIFY(BoardSettings::loadPolicy(*m_settings, store)
                    .expectedFeeds.contains(QStringLiteral("platform")));
    ConsoleSession session(SessionConfig::forConsole(m_dir->filePath(QStringLiteral("store.sqlite")),
                                                     saved.storeId, saved.consoleId),
                           m_clock);
    QVERIFY(session.open());
    LinkConfig link;
    link.url = saved.platformUrl;
    PlatformConnection &platform = session.connectPlatform(link);
    platform.startFromKeyring(*m_keyring);
    QTRY_COMPARE_WITH_TIMEOUT(platform.link().state(), PlatformLink::State::Live, 10'000);
}

void TestSetupFlow::theLanguageAppliesAtOnce()
{
    SetupFlow &flow = openFlow();
    auto *languages = child<QListWidget>("languages");
    auto *next = child<QPushButton>("setupNext");
    QCOMPARE(next->text(), QStringLiteral("Next"));
    const QList<QListWidgetItem *> spanish =
            languages->findItems(QStringLiteral("Español"), Qt::MatchExactly);
    QCOMPARE(spanish.size(), 1);
    QTest::mouseClick(languages->viewport(), Qt::LeftButton, {},
                      languages->visualItemRect(spanish.constFirst()).center());
    // Qt posts the language change to every window: it lands at the next turn of the loop.
    QTRY_COMPARE(next->text(), QStringLiteral("Siguiente"));
    QCOMPARE(flow.windowTitle(), QStringLiteral("Configurar esta pantalla"));
    QCOMPARE(flow.choices().language, QStringLiteral("es"));
    press(Qt::Key_Return);
    QCOMPARE(child<QRadioButton>("withoutPlatform")->text(),
             QStringLiteral("Trabajar sin plataforma"));
    press(Qt::Key_Escape);
    press(Qt::Key_Up); // back to English, by keyboard
    QTRY_COMPARE(next->text(), QStringLiteral("Next"));
    QCOMPARE(flow.choices().language, QStringLiteral("en"));
}

void TestSetupFlow::withoutAPlatformNoAlarmWaitsForOne()
{
    SetupFlow &flow = openFlow();
    press(Qt::Key_Return);
    auto *next = child<QPushButton>("setupNext");
    auto *alone = child<QRadioButton>("withoutPlatform");
    QTest::mouseClick(alone, Qt::LeftButton, {}, QPoint(12, alone->height() / 2)); // the dot
    QVERIFY(alone->isChecked());
    QVERIFY(next->isEnabled());
    QVERIFY(!child<QLineEdit>("pairingCode")->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    // Alone, the store names itself.
    auto *storeId = child<QLineEdit>("storeId");
    QVERIFY(storeId->isVisible());
    QCOMPARE(storeId->text(), QStringLiteral("store-1"));
    storeId->selectAll();
    QTest::keyClicks(storeId, QStringLiteral("corner-deli"));
    QCOMPARE(flow.stationPage()->storeId(), QStringLiteral("corner-deli"));
    storeId->clear();
    QVERIFY(!next->isEnabled()); // a store needs a name
    QTest::keyClicks(storeId, QStringLiteral("corner-deli"));
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(child<QLabel>("setupSummary")->text().contains(
            QStringLiteral("console-here of store corner-deli, working without a platform")));
    auto *kiosk = child<QCheckBox>("kiosk");
    QTest::mouseClick(kiosk, Qt::LeftButton, {}, QPoint(12, kiosk->height() / 2));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(flow.result(), int(QDialog::Accepted));

    const SetupChoices chosen = flow.choices();
    QVERIFY(!chosen.withPlatform());
    QVERIFY(chosen.kiosk);
    SetupSettings::save(*m_settings, chosen);
    const StorePolicy policy = BoardSettings::loadPolicy(*m_settings, QStringLiteral("corner-deli"));
    QVERIFY(!policy.expectedFeeds.contains(QStringLiteral("platform")));
    QCOMPARE(SetupSettings::load(*m_settings).storeId, QStringLiteral("corner-deli"));
    QVERIFY(BoardSettings::load(*m_settings, QStringLiteral("corner-deli")).fullScreen);
}

void TestSetupFlow::escapeStepsBackAndNeverCloses()
{
    SetupFlow &flow = openFlow();
    press(Qt::Key_Return);
    QCOMPARE(flow.step(), SetupFlow::PlatformStep);
    press(Qt::Key_Escape);
    QCOMPARE(flow.step(), SetupFlow::LanguageStep);
    press(Qt::Key_Escape);
    QCOMPARE(flow.step(), SetupFlow::LanguageStep);
    QVERIFY(flow.isVisible());
}

// The autostart entry main() writes when the kiosk is chosen, as the desktop will read it.
void TestSetupFlow::theKioskStartsAtLoginOnceChosen()
{
    const QString program = m_dir->filePath(QStringLiteral("odd $name/kitchen-console"));
    QVERIFY(KioskAutostart::enable(program));
    QFile entry(KioskAutostart::entryPath());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(entry.readAll());
    entry.close();
    QVERIFY2(text.contains(QStringLiteral("Exec=\"") + m_dir->path()
                           + QStringLiteral("/odd \\$name/kitchen-console\" --kiosk\n")),
             qPrintable(text));
    QProcess validate;
    validate.start(QStringLiteral("desktop-file-validate"), {KioskAutostart::entryPath()});
    QVERIFY2(validate.waitForFinished(30'000),
             "desktop-file-validate is needed (scripts/deps installs desktop-file-utils)");
    QVERIFY2(validate.exitCode() == 0, validate.readAll().constData());
    QVERIFY(KioskAutostart::disable());
    QVERIFY(!QFile::exists(KioskAutostart::entryPath()));
    QVERIFY(KioskAutostart::disable()); // nothing left to remove is fine
}

// Run again from a working board, the setup can be left on any step; a first one cannot.
void TestSetupFlow::aSetupRunAgainCanBeLeftAsItWas()
{
    SetupFlow &flow = openFlow();
    auto *cancel = child<QPushButton>("setupCancel");
    QVERIFY(!cancel->isVisible());
    flow.setCancellable(true);
    QVERIFY(cancel->isVisible());
    press(Qt::Key_Return);
    QCOMPARE(flow.step(), SetupFlow::PlatformStep);
    QSignalSpy rejected(&flow, &QDialog::rejected);
    QVERIFY(rejected.isValid());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!SetupSettings::isDone(*m_settings));
}

QTEST_MAIN(TestSetupFlow)
#include "tst_setupflow.moc"
