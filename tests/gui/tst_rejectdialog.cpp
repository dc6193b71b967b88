// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/rejectdialog.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest/QTest>

#include <memory>

namespace {
const QStringList reasons {QStringLiteral("Out of buns"), QStringLiteral("Fryer down"),
                           QStringLiteral("Too busy")};
} // namespace

// Rejecting cannot be undone, so it takes a reason chosen on purpose and a confirmation: nothing
// is preselected, the confirm button waits for a reason, choosing never confirms by itself. By
// keys (numbers, arrows, Enter, Esc) and by touch.
class TestRejectDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void nothingIsChosenAtFirst();
    void enterWithoutAReasonDoesNothing_data();
    void enterWithoutAReasonDoesNothing();
    void aNumberChoosesAndEnterConfirms_data();
    void aNumberChoosesAndEnterConfirms();
    void arrowsChooseFromNothing();
    void otherNeedsItsWords();
    void aTapChoosesAndTheButtonConfirms();
    void escapeCancels();

private:
    QListWidget *list() const { return m_dialog->findChild<QListWidget *>(); }
    QLineEdit *otherText() const { return m_dialog->findChild<QLineEdit *>(); }

    std::unique_ptr<RejectDialog> m_dialog;
};

void TestRejectDialog::init()
{
    m_dialog = std::make_unique<RejectDialog>(QStringLiteral("#181"), reasons);
    m_dialog->open();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(list()->hasFocus());
}

void TestRejectDialog::cleanup()
{
    m_dialog.reset();
}

void TestRejectDialog::nothingIsChosenAtFirst()
{
    QCOMPARE(list()->count(), reasons.size() + 1); // then "Other…"
    QVERIFY(list()->selectedItems().isEmpty());
    QVERIFY(!list()->currentIndex().isValid()); // not even a current row Enter could take
    QVERIFY(m_dialog->reason().isEmpty());
    QVERIFY(!m_dialog->confirmButton()->isEnabled());
    QVERIFY(!otherText()->isEnabled());
    // Each row names its number key.
    for (int row = 0; row < list()->count(); ++row)
        QVERIFY2(list()->item(row)->text().startsWith(QString::number(row + 1)),
                 qUtf8Printable(list()->item(row)->text()));
}

void TestRejectDialog::enterWithoutAReasonDoesNothing_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Return") << int(Qt::Key_Return);
    QTest::newRow("keypad Enter") << int(Qt::Key_Enter);
}

void TestRejectDialog::enterWithoutAReasonDoesNothing()
{
    QFETCH(int, key);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    QTest::keyClick(list(), Qt::Key(key));
    QTest::keyClick(m_dialog.get(), Qt::Key(key));
    QCOMPARE(accepted.count(), 0);
    QVERIFY(m_dialog->isVisible());
    QVERIFY(list()->selectedItems().isEmpty());
}

void TestRejectDialog::aNumberChoosesAndEnterConfirms_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    QTest::addColumn<QString>("reason");
    QTest::newRow("1") << int(Qt::Key_1) << Qt::KeyboardModifiers() << reasons.at(0);
    QTest::newRow("3") << int(Qt::Key_3) << Qt::KeyboardModifiers() << reasons.at(2);
    QTest::newRow("keypad 2") << int(Qt::Key_2) << Qt::KeyboardModifiers(Qt::KeypadModifier)
                              << reasons.at(1);
}

void TestRejectDialog::aNumberChoosesAndEnterConfirms()
{
    QFETCH(int, key);
    QFETCH(Qt::KeyboardModifiers, modifiers);
    QFETCH(QString, reason);
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());

    QTest::keyClick(list(), Qt::Key(key), modifiers);
    QCOMPARE(m_dialog->reason(), reason);
    QVERIFY(m_dialog->confirmButton()->isEnabled());
    QCOMPARE(accepted.count(), 0); // chosen, not confirmed
    QVERIFY(m_dialog->isVisible());

    QTest::keyClick(list(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(m_dialog->reason(), reason);
}

void TestRejectDialog::arrowsChooseFromNothing()
{
    QTest::keyClick(list(), Qt::Key_Down);
    QCOMPARE(m_dialog->reason(), reasons.at(0)); // the first arrow lands on the first row
    QTest::keyClick(list(), Qt::Key_Down);
    QCOMPARE(m_dialog->reason(), reasons.at(1));
    QTest::keyClick(list(), Qt::Key_Enter);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void TestRejectDialog::otherNeedsItsWords()
{
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    QTest::keyClick(list(), Qt::Key_4); // "Other…"
    QVERIFY(otherText()->isEnabled());
    QVERIFY(otherText()->hasFocus()); // straight on to the words
    QVERIFY(!m_dialog->confirmButton()->isEnabled());
    QTest::keyClick(otherText(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 0);

    QTest::keyClicks(otherText(), QStringLiteral("Fryer  is broken")); // two quick spaces
    QVERIFY(m_dialog->confirmButton()->isEnabled());
    QTest::keyClick(otherText(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(m_dialog->reason(), QStringLiteral("Fryer is broken"));
}

void TestRejectDialog::aTapChoosesAndTheButtonConfirms()
{
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    QVERIFY(accepted.isValid());
    QTest::mouseClick(m_dialog->confirmButton(), Qt::LeftButton); // disabled: nothing happens
    QCOMPARE(accepted.count(), 0);

    const QPoint second = list()->visualItemRect(list()->item(1)).center();
    QTest::mouseDClick(list()->viewport(), Qt::LeftButton, {}, second); // even twice
    QCOMPARE(m_dialog->reason(), reasons.at(1));
    QCOMPARE(accepted.count(), 0);
    QVERIFY(m_dialog->confirmButton()->height() >= 48); // a target for a finger
    QTest::mouseClick(m_dialog->confirmButton(), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(m_dialog->reason(), reasons.at(1));
}

void TestRejectDialog::escapeCancels()
{
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QVERIFY(rejected.isValid());
    QTest::keyClick(list(), Qt::Key_2);
    QTest::keyClick(list(), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestRejectDialog)
#include "tst_rejectdialog.moc"
