// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Any screen from 1024×768 up, in English and Spanish: the window, every dialog and the key bar
// fit, nothing is cut off, and full screen fills the screen the window is on. Runs on an offscreen
// platform with two screens (1024×768 and 1920×1080, set up in main()) and leaves a screenshot of
// each view in $KC_SCREENSHOT_DIR (default: screenshots/ under the test's folder), named
// screenfit-<size>-<language>-<view>.png.
#include "guitestsupport.h"
#include "screenshots.h"

#include "board/alertbanner.h"
#include "board/alldaypanel.h"
#include "board/boardheader.h"
#include "board/boardview.h"
#include "board/feedstatusview.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/ordermodel.h"
#include "board/syncstatusview.h"
#include "board/windowplacement.h"
#include "engine/feedmonitor.h"
#include "session/platformconnection.h"
#include "settings/languageloader.h"
#include "shared/elidedlabel.h"
#include "shared/touchstyle.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QPainter>
#include <QScreen>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

namespace {
constexpr qint64 minute = 60'000;

QString sizeName(const QSize &size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

QString describe(const QWidget *widget, const QRect &at)
{
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text();
    else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    return QStringLiteral("%1 \"%2\" %3 at %4,%5 %6x%7")
        .arg(QLatin1String(widget->metaObject()->className()), widget->objectName(), text.left(40))
        .arg(at.x())
        .arg(at.y())
        .arg(at.width())
        .arg(at.height());
}

// Whether a widget shows all it has to say in the room it was given: a wrapped label's lines,
// a one-line label's or a button's text. Labels that shorten their text on purpose (ElidedLabel)
// and the board (its tickets are its own business) are left out.
bool isCutOff(const QWidget *widget)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget)) {
        if (label->text().isEmpty() || widget->inherits("ElidedLabel"))
            return false;
        if (label->wordWrap())
            return label->heightForWidth(label->width()) > label->height();
        return label->minimumSizeHint().width() > label->width();
    }
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return !button->text().isEmpty() && button->sizeHint().width() > button->width();
    return false;
}

// Every visible widget inside top that lies outside it or outside its parent (and so is clipped),
// or whose text does not fit. A scroll area counts as one widget: what it scrolls may lie beyond
// its edge by design. The board counts as one widget too.
QStringList misfits(QWidget &top)
{
    QStringList found;
    const std::function<void(QWidget *)> visit = [&](QWidget *parent) {
        const QList<QWidget *> children =
            parent->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
        for (QWidget *child : children) {
            if (child->isWindow() || !child->isVisible())
                continue;
            const QRect at(child->mapTo(&top, QPoint(0, 0)), child->size());
            if (!top.rect().contains(at))
                found.append(QStringLiteral("outside the window: ") + describe(child, at));
            else if (!parent->rect().contains(child->geometry()))
                found.append(QStringLiteral("outside its parent: ") + describe(child, at));
            else if (isCutOff(child))
                found.append(QStringLiteral("text cut off: ") + describe(child, at));
            if (qobject_cast<BoardView *>(child))
                continue;
            if (auto *area = qobject_cast<QAbstractScrollArea *>(child)) {
                for (QWidget *bar : area->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
                    if (bar != area->viewport() && bar->isVisible())
                        visit(bar);
                }
                continue;
            }
            visit(child);
        }
    };
    visit(&top);
    return found;
}
} // namespace

class TestScreenFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void windowAndDialogsFit_data();
    void windowAndDialogsFit();
    void fullScreenFillsTheScreenItIsOn_data();
    void fullScreenFillsTheScreenItIsOn();
    void aWindowSizeIsKeptOnTheScreen();
    void theHeaderGivesWayToEveryFeed_data();
    void theHeaderGivesWayToEveryFeed();

private:
    QScreen *screenOfSize(const QSize &size) const;
    MainWindow &showWindow(QScreen *screen, const QSize &size,
                           const BoardOptions &options = BoardOptions());
    void press(Qt::Key key);
    /** Opens a dialog with key on the selected ticket; checks it fits and shoots it. */
    void checkDialog(const QString &view, Qt::Key key, const QString &orderId = {});
    /** The window with the dialog painted where it stands, as staff see it. */
    void shoot(const QString &view, QDialog *dialog = nullptr);
    QString shotName(const QString &view) const;

    std::unique_ptr<LanguageLoader> m_language;
    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    QString m_run; // <size>-<language>, for the screenshots' names
};

void TestScreenFit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(screenOfSize(QSize(1024, 768)) && screenOfSize(QSize(1920, 1080)),
             "the offscreen platform was not given its two screens (see main())");
}

void TestScreenFit::init()
{
    m_language = std::make_unique<LanguageLoader>();
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestScreenFit::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
    m_language.reset(); // English again for the next test
}

QScreen *TestScreenFit::screenOfSize(const QSize &size) const
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (QScreen *screen : screens) {
        if (screen->geometry().size() == size)
            return screen;
    }
    return nullptr;
}

MainWindow &TestScreenFit::showWindow(QScreen *screen, const QSize &size,
                                      const BoardOptions &options)
{
    // BoardOptions made after the language is loaded, as main() does (its reject reasons are tr()).
    m_window = std::make_unique<MainWindow>(m_fixture->session(), options);
    m_window->setScreen(screen);
    WindowPlacement::show(*m_window, {size, false});
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return *m_window;
}

void TestScreenFit::press(Qt::Key key)
{
    m_fixture->keyPace();
    QTest::keyClick(m_window->board(), key);
}

QString TestScreenFit::shotName(const QString &view) const
{
    return QStringLiteral("screenfit-%1-%2").arg(m_run, view);
}

void TestScreenFit::shoot(const QString &view, QDialog *dialog)
{
    QPixmap shot = m_window->grab();
    if (dialog) {
        QPainter painter(&shot);
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 110));
        painter.drawPixmap(dialog->geometry().topLeft() - m_window->geometry().topLeft(),
                           dialog->grab());
    }
    const QString path = screenshotPath(shotName(view));
    QVERIFY2(!path.isEmpty() && shot.save(path, "PNG"), qUtf8Printable(path));
}

void TestScreenFit::checkDialog(const QString &view, Qt::Key key, const QString &orderId)
{
    if (!orderId.isEmpty())
        QVERIFY(m_window->board()->selectRow(m_window->orderModel()->rowOf(orderId)));
    press(key);
    QDialog *dialog = nullptr;
    QVERIFY2(QTest::qWaitFor([&] {
                 dialog = m_window->openDialog();
                 return dialog && dialog->isVisible();
             }),
             qUtf8Printable(view));
    QVERIFY2(m_window->geometry().contains(dialog->geometry()),
             qUtf8Printable(QStringLiteral("%1: the dialog at %2,%3 %4x%5 leaves the window")
                                .arg(view)
                                .arg(dialog->x())
                                .arg(dialog->y())
                                .arg(dialog->width())
                                .arg(dialog->height())));
    // The settings' pages are shown one at a time: each must fit.
    auto *tabs = dialog->findChild<QTabWidget *>();
    for (int page = 0; page < (tabs ? tabs->count() : 1); ++page) {
        if (tabs)
            tabs->setCurrentIndex(page);
        const QString name = tabs ? view + QLatin1Char('-') + QString::number(page + 1) : view;
        const QStringList wrong = misfits(*dialog);
        QVERIFY2(wrong.isEmpty(), qUtf8Printable(name + u": " + wrong.join(u"; ")));
        shoot(name, dialog);
    }
    dialog->reject();
    QTRY_VERIFY(!m_window->openDialog());
}

void TestScreenFit::windowAndDialogsFit_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    for (const QSize size : {QSize(1024, 768), QSize(1920, 1080)}) {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")})
            QTest::addRow("%s %s", qPrintable(sizeName(size)), qPrintable(language))
                << size << language;
    }
}

void TestScreenFit::windowAndDialogsFit()
{
    QFETCH(QSize, size);
    QFETCH(QString, language);
    QCOMPARE(m_language->load(language), language);
    m_run = sizeName(size) + QLatin1Char('-') + language;

    // Something for every dialog: a new order (accept, reject), an accepted one (delay), a handed
    // over one (recall), and one for later (the later lane).
    const Order handedOver = m_fixture->place(OrderType::Pickup);
    for (int step = 0; step < 4; ++step)
        QVERIFY(m_fixture->bump(handedOver.id).ok);
    const Order placed = m_fixture->place();
    const Order accepted = m_fixture->place();
    QVERIFY(m_fixture->bump(accepted.id).ok);
    const Order cancelled = m_fixture->place();
    QVERIFY(m_fixture->bump(cancelled.id).ok);
    QVERIFY(m_fixture->bump(cancelled.id).ok); // preparing: a cancel now is an alert
    Order later = m_fixture->place();
    later.id = QStringLiteral("later-1");
    later.number = QStringLiteral("L1");
    later.scheduledFor = m_fixture->clock().nowMs() + 180 * minute;
    QVERIFY(m_fixture->engine().placeOrder(later, Actor::platform()).ok);

    MainWindow &window = showWindow(screenOfSize(size), size);
    QCOMPARE(window.size(), size);
    QVERIFY2(window.minimumSizeHint().width() <= 1024 && window.minimumSizeHint().height() <= 768,
             qUtf8Printable(sizeName(window.minimumSizeHint())));
    // The busiest the window gets: an alert, a notice, the all-day counts and the later lane.
    // Cancelled on the platform (not here: nobody is alerted of their own action), an alert in
    // the window's language.
    m_fixture->fromPlatform(
        {m_fixture->cancelledOnPlatform(cancelled.id, QStringLiteral("customer changed their mind"))});
    QTRY_VERIFY(window.alerts()->isVisible());
    window.notice()->showNotice(QStringLiteral("Order 123 delayed by 10 min"),
                                NoticeBanner::Kind::Info);
    press(Qt::Key_A);
    QTRY_VERIFY(window.allDayPanel()->isVisible());
    QCoreApplication::processEvents(); // the counts and the lane settle once per turn

    QStringList wrong = misfits(window);
    QVERIFY2(wrong.isEmpty(), qUtf8Printable(wrong.join(u"; ")));
    // The key bar in particular: along the bottom, every hint shown (it wraps rather than widens).
    auto *keys = window.findChild<QLabel *>(QStringLiteral("keyHints"));
    QVERIFY(keys && keys->isVisible());
    const QRect keysAt(keys->mapTo(&window, QPoint(0, 0)), keys->size());
    QCOMPARE(keysAt.bottom(), window.rect().bottom());
    QCOMPARE(keysAt.width(), window.width());
    QVERIFY(keys->heightForWidth(keys->width()) <= keys->height());
    shoot(QStringLiteral("main"));
    press(Qt::Key_A);
    QTRY_VERIFY(!window.allDayPanel()->isVisible());

    checkDialog(QStringLiteral("accept"), Qt::Key_Return, placed.id);
    checkDialog(QStringLiteral("reject"), Qt::Key_X, placed.id);
    checkDialog(QStringLiteral("delay"), Qt::Key_D, accepted.id);
    checkDialog(QStringLiteral("recall"), Qt::Key_R);
    checkDialog(QStringLiteral("pause"), Qt::Key_P);
    checkDialog(QStringLiteral("keys"), Qt::Key_F1);
    checkDialog(QStringLiteral("settings"), Qt::Key_F10);
}

void TestScreenFit::fullScreenFillsTheScreenItIsOn_data()
{
    QTest::addColumn<QSize>("first");
    QTest::addColumn<QSize>("then");
    QTest::newRow("small, then large") << QSize(1024, 768) << QSize(1920, 1080);
    QTest::newRow("large, then small") << QSize(1920, 1080) << QSize(1024, 768);
}

void TestScreenFit::fullScreenFillsTheScreenItIsOn()
{
    QFETCH(QSize, first);
    QFETCH(QSize, then);
    m_window = std::make_unique<MainWindow>(m_fixture->session(), BoardOptions());
    QScreen *screen = screenOfSize(first);
    m_window->setScreen(screen);
    WindowPlacement::show(*m_window, {QSize(1280, 800), true}); // a size given: still the screen
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->isFullScreen());
    QTRY_COMPARE(m_window->geometry(), screen->geometry());

    // Moved to another screen (by the window manager, or a screen unplugged): it fills that one.
    QScreen *other = screenOfSize(then);
    m_window->setScreen(other);
    QTRY_COMPARE(m_window->geometry(), other->geometry());
    QVERIFY(misfits(*m_window).isEmpty());
}

void TestScreenFit::aWindowSizeIsKeptOnTheScreen()
{
    // Not full screen: the size asked for, but never more than the screen has room for.
    m_window = std::make_unique<MainWindow>(m_fixture->session(), BoardOptions());
    QScreen *small = screenOfSize(QSize(1024, 768));
    m_window->setScreen(small);
    WindowPlacement::show(*m_window, {QSize(1600, 900), false});
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->isFullScreen());
    QVERIFY(small->availableGeometry().contains(m_window->geometry()));

    // No size: as much as the screen has room for.
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_fixture->session(), BoardOptions());
    QScreen *large = screenOfSize(QSize(1920, 1080));
    m_window->setScreen(large);
    WindowPlacement::show(*m_window, {});
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->geometry(), large->availableGeometry());
}

void TestScreenFit::theHeaderGivesWayToEveryFeed_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("es") << QStringLiteral("es");
}

void TestScreenFit::theHeaderGivesWayToEveryFeed()
{
    // The busiest links row on the smallest screen: the platform offline with changes waiting
    // (two lines of detail), its chip and a POS chip gone quiet, late tickets, the hour's
    // average, the clock and the manager's button. The row gives way; the window never grows.
    QFETCH(QString, language);
    QCOMPARE(m_language->load(language), language);
    const QSize size(1024, 768);
    m_run = sizeName(size) + QLatin1Char('-') + language;

    const Order handedOver = m_fixture->place(OrderType::Pickup);
    for (int step = 0; step < 4; ++step)
        QVERIFY(m_fixture->bump(handedOver.id).ok);
    QStringList open;
    for (int order = 0; order < 9; ++order)
        open.append(m_fixture->place().id); // more than one screen of columns
    LinkConfig config;
    config.url = QUrl(QStringLiteral("ws://127.0.0.1:9"));
    // Never started: offline, with the bumps above waiting to be sent.
    PlatformConnection &platform = m_fixture->session().connectPlatform(config);
    BoardOptions options;
    options.policy.feedQuietMinutes = 3;
    options.policy.expectedFeeds = {FeedMonitor::platformSource, QStringLiteral("pos:square")};
    QScreen *screen = screenOfSize(size);
    MainWindow &window = showWindow(screen, size, options);
    window.setSync(&platform.client(), &platform.link());
    auto *average = window.findChild<QLabel *>(QStringLiteral("averageTicketTime"));
    QVERIFY(average);
    const QString noAverage = average->text();
    window.feeds()->heard(QStringLiteral("pos:square"));
    m_fixture->clock().advanceMs(30 * minute); // every open ticket is late
    for (int step = 0; step < 3; ++step)
        QVERIFY(m_fixture->bump(open.constFirst()).ok); // ready: the hour has an average
    QTRY_VERIFY(average->text() != noAverage);
    window.feeds()->heard(FeedMonitor::platformSource);
    window.feeds()->check();
    FeedStatusView *chips = window.header()->feedStatus();
    QTRY_VERIFY(chips->isAlarmShown(QStringLiteral("pos:square")));
    QCOMPARE(chips->chipTexts().size(), 2);
    QTRY_VERIFY(window.syncStatus()->detailText().contains(u'\n'));
    auto *late = window.findChild<QLabel *>(QStringLiteral("lateCount"));
    QVERIFY(late);
    QTRY_VERIFY(late->isVisible());
    // A layout request climbs a level a turn (a chip, the chips, the header, the window), and
    // what the header gives way with asks for one more.
    for (int turn = 0; turn < 8; ++turn)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);

    QVERIFY2(screen->geometry().contains(window.geometry()),
             qUtf8Printable(QStringLiteral("the window at %1,%2 %3 leaves the screen")
                                .arg(window.x())
                                .arg(window.y())
                                .arg(sizeName(window.size()))));
    QVERIFY2(window.minimumSizeHint().width() <= size.width(),
             qUtf8Printable(sizeName(window.minimumSizeHint())));
    QStringList wrong = misfits(window);
    QVERIFY2(wrong.isEmpty(), qUtf8Printable(wrong.join(u"; ")));
    // A chip short of room shows its feed's name, never a cut one; the whole text is at hand.
    const QList<ElidedLabel *> chipLabels = chips->findChildren<ElidedLabel *>();
    QCOMPARE(chipLabels.size(), 2);
    for (const ElidedLabel *chip : chipLabels) {
        QVERIFY2(chip->text() == chip->fullText() || chip->text() == chip->shortText(),
                 qUtf8Printable(chip->text()));
        QCOMPARE(chip->toolTip(), chip->fullText());
        QCOMPARE(chip->accessibleDescription(), chip->fullText());
    }
    // The sync detail may shorten, but its whole text is at hand too.
    auto *detail = window.syncStatus()->findChild<ElidedLabel *>(QStringLiteral("syncDetail"));
    QVERIFY(detail);
    QCOMPARE(detail->toolTip(), window.syncStatus()->detailText());
    QCOMPARE(detail->accessibleDescription(), window.syncStatus()->detailText());
    // What a cook reaches for, whole: the manager's button and the clock.
    for (const QString &name : {QStringLiteral("managerButton"), QStringLiteral("clock")}) {
        auto *widget = window.findChild<QWidget *>(name);
        QVERIFY2(widget && widget->isVisible(), qUtf8Printable(name));
        const QRect at(widget->mapTo(&window, QPoint(0, 0)), widget->size());
        QVERIFY2(window.rect().contains(at), qUtf8Printable(describe(widget, at)));
        QVERIFY2(widget->minimumSizeHint().width() <= widget->width(),
                 qUtf8Printable(describe(widget, at)));
    }
    // The rightmost column of tickets, whole, inside the window.
    BoardView *board = window.board();
    QVERIFY(board->columnCount() > 1);
    const BoardLayout &layout = board->screenLayout();
    const auto [first, end] = layout.piecesOn(board->currentPage());
    QRect rightmost;
    for (int piece = first; piece < end; ++piece) {
        const QRect rect = board->viewportRect(layout.pieces().at(piece));
        if (rightmost.isNull() || rect.right() > rightmost.right())
            rightmost = rect;
    }
    QVERIFY(!rightmost.isNull());
    const QRect rightmostAt(board->viewport()->mapTo(&window, rightmost.topLeft()),
                            rightmost.size());
    QVERIFY2(board->viewport()->rect().contains(rightmost)
                 && window.rect().contains(rightmostAt),
             qUtf8Printable(QStringLiteral("the rightmost ticket at %1,%2 %3 in a window %4")
                                .arg(rightmostAt.x())
                                .arg(rightmostAt.y())
                                .arg(sizeName(rightmostAt.size()), sizeName(window.size()))));
    shoot(QStringLiteral("feeds"));
}

// Two screens side by side, for the whole run: the offscreen platform reads them from a file.
int main(int argc, char *argv[])
{
    const QTemporaryDir folder;
    QFile config(folder.filePath(QStringLiteral("screens.json")));
    if (!folder.isValid() || !config.open(QIODevice::WriteOnly))
        return 1;
    config.write(R"({"windowFrameMargins": false, "screens": [
        {"name": "small", "x": 0, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96},
        {"name": "large", "x": 1024, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}]})");
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setStyle(new TouchStyle); // as main() does
    TestScreenFit test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screenfit.moc"
