// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/boardview.h"
#include "board/mainwindow.h"
#include "boardwindow.h"
#include "dialogs/acceptdialog.h"
#include "guitestsupport.h"
#include "screenshots.h"

#include <QApplication>
#include <QKeyEvent>
#include <QStandardPaths>
#include <QtTest/QTest>

#include <memory>

// A bump bar's bounce through the real window: two presses of one bump key 40 ms apart move a
// ticket one state, on the board and across the dialog the first press opens or closes. The
// session's manual clock times the presses, so nothing sleeps.
class TestBumpKeyFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aBounceCountsOnce_data();
    void aBounceCountsOnce();
    void aHeldKeyBumpsOnce();
    void aBounceDoesNotConfirmTheDialogItOpened();
    void aBounceAfterADialogClosesDoesNotBump();
    void otherKeysAreNotDebounced();

private:
    MainWindow &showWindow(const BoardOptions &options = {});
    void press(Qt::Key key) { QTest::keyClick(m_window->board(), key); }
    AcceptDialog *acceptDialog() const;

    std::unique_ptr<BoardFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestBumpKeyFilter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBumpKeyFilter::init()
{
    m_fixture = std::make_unique<BoardFixture>();
    QVERIFY(m_fixture->open());
}

void TestBumpKeyFilter::cleanup()
{
    screenshotOnFailure(m_window.get());
    m_window.reset();
    m_fixture.reset();
}

MainWindow &TestBumpKeyFilter::showWindow(const BoardOptions &options)
{
    m_window = showBoardWindow(*m_fixture, QSize(1280, 800), options);
    return *m_window;
}

AcceptDialog *TestBumpKeyFilter::acceptDialog() const
{
    auto *dialog = m_window->findChild<AcceptDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

void TestBumpKeyFilter::aBounceCountsOnce_data()
{
    QTest::addColumn<int>("debounceMs"); // the setting
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("second");
    QTest::addColumn<int>("gapMs");
    QTest::addColumn<OrderState>("after");

    QTest::newRow("same key 40 ms apart")
        << 300 << int(Qt::Key_Return) << int(Qt::Key_Return) << 40 << OrderState::Preparing;
    QTest::newRow("same key after the window")
        << 300 << int(Qt::Key_Return) << int(Qt::Key_Return) << 300 << OrderState::Ready;
    QTest::newRow("two bump keys 40 ms apart")
        << 300 << int(Qt::Key_Return) << int(Qt::Key_Space) << 40 << OrderState::Ready;
    QTest::newRow("a longer window")
        << 1000 << int(Qt::Key_Space) << int(Qt::Key_Space) << 900 << OrderState::Preparing;
    QTest::newRow("debounce off") << 0 << int(Qt::Key_Return) << int(Qt::Key_Return) << 0
                                  << OrderState::Ready;
}

void TestBumpKeyFilter::aBounceCountsOnce()
{
    QFETCH(int, debounceMs);
    QFETCH(int, first);
    QFETCH(int, second);
    QFETCH(int, gapMs);
    QFETCH(OrderState, after);
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok); // accepted
    BoardOptions options;
    options.bumpDebounceMs = debounceMs;
    showWindow(options);
    QCOMPARE(m_window->board()->selectedOrderId(), order.id);
    const int eventsBefore = m_fixture->storedEventCount(order.id);

    press(Qt::Key(first));
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
    m_fixture->clock().advanceMs(gapMs);
    press(Qt::Key(second));
    QCOMPARE(m_fixture->storedState(order.id), after);
    QCOMPARE(m_fixture->storedEventCount(order.id),
             eventsBefore + (after == OrderState::Ready ? 2 : 1));
}

void TestBumpKeyFilter::aHeldKeyBumpsOnce()
{
    const Order order = m_fixture->place();
    QVERIFY(m_fixture->bump(order.id).ok);
    showWindow();
    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
    // The key held down: the platform repeats it, long after the window.
    m_fixture->clock().advanceMs(2000);
    QKeyEvent repeat(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"), true);
    QApplication::sendEvent(m_window->board(), &repeat);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Preparing);
}

void TestBumpKeyFilter::aBounceDoesNotConfirmTheDialogItOpened()
{
    const Order order = m_fixture->place(); // placed: a bump asks for a prep-time quote
    showWindow();
    press(Qt::Key_Return);
    QTRY_VERIFY(acceptDialog());
    m_fixture->clock().advanceMs(40);
    QTest::keyClick(acceptDialog()->focusWidget(), Qt::Key_Return); // the bounce
    QVERIFY(acceptDialog()); // still asking
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Placed);

    m_fixture->clock().advanceMs(1000); // the cook read the quote and confirms it
    QTest::keyClick(acceptDialog()->focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
}

void TestBumpKeyFilter::aBounceAfterADialogClosesDoesNotBump()
{
    const Order order = m_fixture->place();
    showWindow();
    press(Qt::Key_Return);
    QTRY_VERIFY(acceptDialog());
    m_fixture->clock().advanceMs(1000);
    QTest::keyClick(acceptDialog()->focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!m_window->findChild<AcceptDialog *>());
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
    QCOMPARE(m_window->board()->selectedOrderId(), order.id);

    m_fixture->clock().advanceMs(40); // the confirming press bounces onto the board
    press(Qt::Key_Return);
    QCOMPARE(m_fixture->storedState(order.id), OrderState::Accepted);
}

void TestBumpKeyFilter::otherKeysAreNotDebounced()
{
    m_fixture->place();
    m_fixture->place();
    showWindow();
    // Number keys and paging act at once however fast; only bump keys are debounced.
    press(Qt::Key_2);
    QCOMPARE(m_window->board()->currentIndex().row(), 1);
    press(Qt::Key_1);
    press(Qt::Key_2);
    QCOMPARE(m_window->board()->currentIndex().row(), 1);
}

QTEST_MAIN(TestBumpKeyFilter)
#include "tst_bumpkeyfilter.moc"
