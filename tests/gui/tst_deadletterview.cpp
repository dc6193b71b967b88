// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The manager's dead-letter page over a real store (through DeadLetterDesk only): what the table
// and the detail show, and that "Send again", "Send all again" and "Let go…" change the store,
// by clicks and by keys, in the manager's name; a disk that is full is said in words.
#include "dashboard/deadlettermodel.h"
#include "dashboard/deadletterview.h"
#include "dashboard/letgodialog.h"
#include "dialogs/dialogparts.h"

#include "channels/channelregistry.h"
#include "channels/deadletterdesk.h"
#include "common/clock.h"
#include "faultydisk.h"
#include "store/outbox.h"
#include "store/store.h"
#include "storetestsupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

using namespace StoreTest;

namespace {
const QString pos = QStringLiteral("pos:square");
const Actor maria = Actor::manager(QStringLiteral("maria"));
constexpr qint64 minute = 60'000;
} // namespace

class TestDeadLetterView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theModelPassesTheTester();
    void theTableShowsWhatAManagerNeeds();
    void sendAgainChangesTheStore();
    void sendAllAgainEmptiesTheQueue();
    void letGoAsksWhyAndChangesTheStore();
    void letGoCancelledChangesNothing();
    void keysSendAgainAndLetGo();
    void aFullDiskIsSaidInWords();
    void buttonsAreTouchSized();

private:
    /** Order id's placing to the POS, dead after two errors; its dead letter's id. */
    qint64 deadLetter(const QString &id, const QString &number);
    void makeView();
    void choose(int row);
    OrderEvent lastEvent() const { return m_store->allEvents().constLast(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ChannelRegistry> m_registry;
    std::unique_ptr<DeadLetterDesk> m_desk;
    std::unique_ptr<DeadLetterView> m_view;
    QList<qint64> m_letters;
};

void TestDeadLetterView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(FaultyDisk::install());
}

void TestDeadLetterView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(t0);
    m_store = std::make_unique<Store>(m_dir->filePath(QStringLiteral("s.sqlite")), m_clock.get());
    QVERIFY(m_store->open());
    m_registry = std::make_unique<ChannelRegistry>(*m_store, *m_clock, QStringList {pos});
    m_letters = {deadLetter(QStringLiteral("a"), QStringLiteral("101")),
                 deadLetter(QStringLiteral("b"), QStringLiteral("102"))};
    QVERIFY(m_letters.at(0) > 0 && m_letters.at(1) > 0);
    m_desk = std::make_unique<DeadLetterDesk>(*m_store, *m_registry, QStringLiteral("k1"));
}

void TestDeadLetterView::cleanup()
{
    FaultyDisk::heal();
    m_view.reset();
    m_desk.reset();
    m_registry.reset();
    m_store.reset();
    m_dir.reset();
}

qint64 TestDeadLetterView::deadLetter(const QString &id, const QString &number)
{
    const OrderEvent placed = placedEvent(sampleOrder(id, number), m_clock->nowMs());
    if (!m_store->append(placed, {pos}).committed())
        return -1;
    Outbox outbox(*m_store);
    if (!outbox.recordFailure(placed.id, pos, QStringLiteral("HTTP 503: till asleep"), 0))
        return -1;
    m_clock->advanceMs(minute);
    if (!outbox.moveToDeadLetter(placed.id, pos, QStringLiteral("HTTP 500: till crashed"),
                                 m_clock->nowMs()))
        return -1;
    return outbox.deadLetters().constLast().id;
}

void TestDeadLetterView::makeView()
{
    m_view = std::make_unique<DeadLetterView>(*m_desk, *m_clock, maria);
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestDeadLetterView::choose(int row)
{
    QTableView *table = m_view->table();
    const QRect cell = table->visualRect(m_view->model()->index(row, DeadLetterModel::OrderColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_view->chosenId(), m_letters.at(row));
}

void TestDeadLetterView::theModelPassesTheTester()
{
    DeadLetterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLetters(m_desk->letters(), m_clock->nowMs());
    QCOMPARE(model.rowCount(), 2);
    model.setNowMs(m_clock->nowMs() + 5 * minute);
    model.setLetters({}, m_clock->nowMs());
    QCOMPARE(model.rowCount(), 0);
    model.setNowMs(m_clock->nowMs()); // nothing to change

    // The view's own model, through decisions.
    makeView();
    QAbstractItemModelTester viewTester(m_view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    choose(0);
    m_view->sendAgain();
    QCOMPARE(m_view->model()->rowCount(), 1);
}

void TestDeadLetterView::theTableShowsWhatAManagerNeeds()
{
    m_clock->advanceMs(11 * minute);
    makeView();
    const DeadLetterModel *model = m_view->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->columnCount(), int(DeadLetterModel::ColumnCount));
    const auto cell = [model](int column) { return model->index(0, column).data().toString(); };
    QCOMPARE(cell(DeadLetterModel::DestinationColumn), pos);
    QCOMPARE(cell(DeadLetterModel::OrderColumn), QStringLiteral("#101"));
    QCOMPARE(cell(DeadLetterModel::KindColumn), QStringLiteral("Placed"));
    QCOMPARE(cell(DeadLetterModel::AttemptsColumn), QStringLiteral("1"));
    QCOMPARE(cell(DeadLetterModel::FirstErrorColumn), QStringLiteral("HTTP 503: till asleep"));
    QCOMPARE(cell(DeadLetterModel::LastErrorColumn), QStringLiteral("HTTP 500: till crashed"));
    // The first died two minutes in; eleven more have passed.
    QCOMPARE(cell(DeadLetterModel::DeadSinceColumn), QStringLiteral("12 min ago"));
    QCOMPARE(model->index(0, 0).data(DeadLetterModel::IdRole).toLongLong(), m_letters.at(0));
    QCOMPARE(model->index(1, 0).data(DeadLetterModel::OrderNumberRole).toString(),
             QStringLiteral("102"));
    QVERIFY(!m_view->showsEmptyState());

    // The chosen one's payload, pretty-printed, without the customer's name.
    choose(1);
    const QString payload = m_view->findChild<QPlainTextEdit *>()->toPlainText();
    QVERIFY2(payload.contains(QStringLiteral("\"customer_name\": \"A•••\"")), qPrintable(payload));
    QVERIFY(!payload.contains(QLatin1String("Ana")));
    QVERIFY(payload.contains(QLatin1String("Cheeseburger")));
}

void TestDeadLetterView::sendAgainChangesTheStore()
{
    makeView();
    choose(1);
    QTest::mouseClick(m_view->sendAgainButton(), Qt::LeftButton);
    // In the store, not only on screen.
    const QList<DeadLetter> left = Outbox(*m_store).deadLetters();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.constFirst().id, m_letters.at(0));
    QCOMPARE(Outbox(*m_store).pendingCount(pos), 1);
    const OrderEvent logged = lastEvent();
    QCOMPARE(logged.kind, EventKind::DeadLetterRedriven);
    QCOMPARE(logged.actor, maria);
    QCOMPARE(logged.payload.value(QLatin1String("dead_letter")).toInteger(), m_letters.at(1));
    QCOMPARE(m_view->model()->rowCount(), 1);
    QVERIFY2(m_view->message().startsWith(QLatin1String("Sent again: #102")),
             qPrintable(m_view->message()));
    QCOMPARE(m_view->chosenId(), m_letters.at(0)); // the one left is chosen now
}

void TestDeadLetterView::sendAllAgainEmptiesTheQueue()
{
    makeView();
    const qint64 events = m_store->eventCount();
    QTest::mouseClick(m_view->sendAllButton(), Qt::LeftButton);
    QVERIFY(Outbox(*m_store).deadLetters().isEmpty());
    QCOMPARE(Outbox(*m_store).pendingCount(pos), 2);
    QCOMPARE(m_store->eventCount(), events + 2);
    QCOMPARE(lastEvent().kind, EventKind::DeadLetterRedriven);
    QCOMPARE(m_view->message(), QStringLiteral("2 stuck events sent again."));
    QVERIFY(m_view->showsEmptyState());
    bool said = false; // the page says so in words
    for (const QLabel *label : m_view->findChildren<QLabel *>())
        said = said
                || (label->isVisible()
                    && label->text()
                            == QStringLiteral(
                                    "Nothing is stuck: every event reached its destination."));
    QVERIFY(said);
    QVERIFY(!m_view->sendAgainButton()->isEnabled());
    QVERIFY(!m_view->sendAllButton()->isEnabled());
    QVERIFY(!m_view->letGoButton()->isEnabled());
}

void TestDeadLetterView::letGoAsksWhyAndChangesTheStore()
{
    makeView();
    choose(0);
    QTest::mouseClick(m_view->letGoButton(), Qt::LeftButton);
    LetGoDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<LetGoDialog *>()) && dialog->isVisible());
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("   "));
    QVERIFY(!dialog->confirmButton()->isEnabled()); // spaces are no reason
    QTest::keyClick(dialog->reasonField(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    dialog->reasonField()->clear();
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("rung up at the till by hand"));
    QVERIFY(dialog->confirmButton()->isEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);

    const QList<DeadLetter> left = Outbox(*m_store).deadLetters();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.constFirst().id, m_letters.at(1));
    const OrderEvent logged = lastEvent();
    QCOMPARE(logged.kind, EventKind::DeadLetterDiscarded);
    QCOMPARE(logged.actor, maria);
    QCOMPARE(logged.reason, QStringLiteral("rung up at the till by hand"));
    QCOMPARE(logged.occurredAt, m_clock->nowMs());
    QVERIFY2(m_view->message().startsWith(QLatin1String("Let go: #101")),
             qPrintable(m_view->message()));
}

void TestDeadLetterView::letGoCancelledChangesNothing()
{
    makeView();
    choose(0);
    const qint64 events = m_store->eventCount();
    m_view->letGo();
    LetGoDialog *dialog = m_view->findChild<LetGoDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("changed my mind"));
    QTest::keyClick(dialog->reasonField(), Qt::Key_Escape);
    QTRY_VERIFY(!m_view->findChild<LetGoDialog *>());
    QCOMPARE(m_store->eventCount(), events);
    QCOMPARE(Outbox(*m_store).deadLetters().size(), 2);
}

void TestDeadLetterView::keysSendAgainAndLetGo()
{
    makeView();
    QTableView *table = m_view->table();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QCOMPARE(m_view->chosenId(), m_letters.at(0)); // the first is chosen from the start
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(m_view->chosenId(), m_letters.at(1));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(lastEvent().kind, EventKind::DeadLetterRedriven);
    QCOMPARE(lastEvent().payload.value(QLatin1String("dead_letter")).toInteger(), m_letters.at(1));

    QCOMPARE(m_view->chosenId(), m_letters.at(0));
    QTest::keyClick(table, Qt::Key_Delete);
    LetGoDialog *dialog = m_view->findChild<LetGoDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("duplicate"));
    QTest::keyClick(dialog->reasonField(), Qt::Key_Return);
    QCOMPARE(lastEvent().kind, EventKind::DeadLetterDiscarded);
    QCOMPARE(lastEvent().reason, QStringLiteral("duplicate"));
    QVERIFY(Outbox(*m_store).deadLetters().isEmpty());
    QVERIFY(m_view->showsEmptyState());
}

void TestDeadLetterView::aFullDiskIsSaidInWords()
{
    makeView();
    choose(0);
    const qint64 events = m_store->eventCount();
    FaultyDisk::fail(m_dir->path(), FaultyDisk::Fault::Full);
    QTest::mouseClick(m_view->sendAgainButton(), Qt::LeftButton);
    QCOMPARE(m_view->message(), StoreFaults::forStaff(StoreFault::DiskFull));
    FaultyDisk::heal();
    QCOMPARE(m_store->eventCount(), events);
    QCOMPARE(Outbox(*m_store).deadLetters().size(), 2);
    QCOMPARE(m_view->model()->rowCount(), 2);
}

void TestDeadLetterView::buttonsAreTouchSized()
{
    makeView();
    for (const QPushButton *button :
         {m_view->sendAgainButton(), m_view->sendAllButton(), m_view->letGoButton()})
        QVERIFY2(button->height() >= DialogParts::touchHeight, qPrintable(button->text()));
    QVERIFY(m_view->table()->rowHeight(0) >= 48);
}

QTEST_MAIN(TestDeadLetterView)
#include "tst_deadletterview.moc"
