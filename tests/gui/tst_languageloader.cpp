// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The language chosen at start: Spanish turns the real main window Spanish (ours and Qt's own
// strings), an unknown or malformed language keeps English and says so. Leaves a screenshot of
// the Spanish board in $KC_SCREENSHOT_DIR (default: screenshots/ under the test's folder).
#include "guitestsupport.h"
#include "screenshots.h"

#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/syncstatusview.h"
#include "settings/boardoptions.h"
#include "settings/languageloader.h"

#include <QDir>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <QTest>

class LanguageLoaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void spanishIsBuiltIn();
    void spanishTranslatesTheMainWindow();
    void spanishTranslatesQtsOwnTexts();
    void unknownLanguageKeepsEnglish_data();
    void unknownLanguageKeepsEnglish();
    void unloadGoesBackToEnglish();
    void screenshotInSpanish();

private:
    MainWindow &showWindow();
    void press(Qt::Key key) { QTest::keyClick(m_window->board(), key); }

    std::unique_ptr<LanguageLoader> m_loader;
    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void LanguageLoaderTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void LanguageLoaderTest::init()
{
    m_loader = std::make_unique<LanguageLoader>();
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void LanguageLoaderTest::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
    m_loader.reset(); // removes the translators: every test starts in English
}

MainWindow &LanguageLoaderTest::showWindow()
{
    // BoardOptions made after loading, as main() does: its default reject reasons are tr() too.
    m_window =
        std::make_unique<MainWindow>(m_fixture->session(), BoardOptions());
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return *m_window;
}

void LanguageLoaderTest::spanishIsBuiltIn()
{
    QVERIFY2(LanguageLoader::available().contains(QStringLiteral("es")),
             qPrintable(LanguageLoader::available().join(u", ")));
}

void LanguageLoaderTest::spanishTranslatesTheMainWindow()
{
    QCOMPARE(m_loader->load(QStringLiteral("es")), QStringLiteral("es"));
    QCOMPARE(BoardOptions().policy.rejectReasons.first(), QStringLiteral("La cocina va a cerrar"));
    m_fixture->place(OrderType::Delivery);
    MainWindow &window = showWindow();

    QCOMPARE(window.windowTitle(), QStringLiteral("Consola de cocina"));
    QCOMPARE(window.header()->openCountText(), QStringLiteral("1 abierto"));
    m_fixture->place(OrderType::Pickup);
    QTRY_COMPARE(window.header()->openCountText(), QStringLiteral("2 abiertos"));
    QCOMPARE(window.syncStatus()->stateText(), QStringLiteral("Solo local"));
    QCOMPARE(window.syncStatus()->detailText(), QStringLiteral("Sin plataforma"));
    QCOMPARE(OrderStates::displayName(OrderState::Placed), QStringLiteral("nuevo"));
    QCOMPARE(OrderTypes::displayName(OrderType::DineIn), QStringLiteral("en sala"));

    press(Qt::Key_R); // nothing bumped yet, nothing to recall: the refusal comes out in Spanish
    QVERIFY2(window.notice()->text().contains(u"no se ha despachado ninguna comanda"),
             qPrintable(window.notice()->text()));
}

void LanguageLoaderTest::spanishTranslatesQtsOwnTexts()
{
    // Debian's qt6-translations-l10n (scripts/deps) ships qtbase_es.qm.
    const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    QVERIFY2(QFileInfo::exists(QDir(qtFolder).filePath(QStringLiteral("qtbase_es.qm"))),
             qPrintable(qtFolder));
    QCOMPARE(m_loader->load(QStringLiteral("es_MX")), QStringLiteral("es"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancelar"));
    QCOMPARE(QLocale().language(), QLocale::Spanish);
}

void LanguageLoaderTest::unknownLanguageKeepsEnglish_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("warning");
    QTest::newRow("no translation")
        << QStringLiteral("xx") << QStringLiteral("no translation for language xx .*es.*English");
    QTest::newRow("not a language name")
        << QStringLiteral("Español") << QStringLiteral("Español is not a language name.*English");
}

void LanguageLoaderTest::unknownLanguageKeepsEnglish()
{
    QFETCH(QString, language);
    QFETCH(QString, warning);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(warning));
    QCOMPARE(m_loader->load(language), QStringLiteral("en"));
    MainWindow &window = showWindow();
    QCOMPARE(window.windowTitle(), QStringLiteral("Kitchen Console"));
    QCOMPARE(window.header()->openCountText(), QStringLiteral("0 open"));
    QCOMPARE(window.syncStatus()->stateText(), QStringLiteral("Local only"));
}

void LanguageLoaderTest::unloadGoesBackToEnglish()
{
    const QLocale before;
    QCOMPARE(m_loader->load(QStringLiteral("es")), QStringLiteral("es"));
    QCOMPARE(OrderStates::displayName(OrderState::Ready), QStringLiteral("listo"));
    m_loader->unload();
    QCOMPARE(OrderStates::displayName(OrderState::Ready), QStringLiteral("ready"));
    QCOMPARE(QLocale(), before);
    QCOMPARE(m_loader->load(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(OrderStates::displayName(OrderState::Ready), QStringLiteral("ready"));
}

void LanguageLoaderTest::screenshotInSpanish()
{
    QCOMPARE(m_loader->load(QStringLiteral("es")), QStringLiteral("es"));
    const QList<OrderType> types {OrderType::Delivery, OrderType::DineIn, OrderType::Pickup,
                                  OrderType::Delivery, OrderType::Pickup};
    QList<Order> orders;
    for (OrderType type : types)
        orders.append(m_fixture->place(type));
    QVERIFY(m_fixture->bump(orders.at(0).id).ok); // accepted
    QVERIFY(m_fixture->bump(orders.at(1).id).ok);
    QVERIFY(m_fixture->bump(orders.at(1).id).ok); // preparing
    m_fixture->clock().advanceMs(9 * 60'000); // some tickets turn warn and late
    MainWindow &window = showWindow();
    press(Qt::Key_R); // a notice in the banner too
    QTRY_VERIFY(window.notice()->hasNotice());

    const QByteArray configured = qgetenv("KC_SCREENSHOT_DIR");
    const QString folder =
        configured.isEmpty() ? QStringLiteral("screenshots") : QString::fromLocal8Bit(configured);
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).absoluteFilePath(QStringLiteral("mainwindow-es.png"));
    const QImage image = window.grab().toImage();
    QVERIFY2(image.save(path, "PNG"), qPrintable(path));
    // Longer Spanish words must not push the window wider than the 1280 it was given.
    QCOMPARE(image.size(), QSize(1280, 800));
    qInfo("screenshot: %s", qUtf8Printable(path));
}

QTEST_MAIN(LanguageLoaderTest)
#include "tst_languageloader.moc"
