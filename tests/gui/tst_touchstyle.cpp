// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/touchstyle.h"

#include <QSpinBox>
#include <QStyleOptionSpinBox>
#include <QTest>

#include <memory>

// Step buttons a finger can hit: as wide as the box is tall, and a press anywhere in them steps.
class TestTouchStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void stepButtonsAreAsWideAsTheBoxIsTall();
    void aPressAnywhereInAButtonSteps_data();
    void aPressAnywhereInAButtonSteps();
    void aNarrowBoxKeepsRoomForItsText();

private:
    QRect buttonRect(QStyle::SubControl button) const;

    std::unique_ptr<TouchStyle> m_style;
    std::unique_ptr<QSpinBox> m_spin;
};

void TestTouchStyle::init()
{
    m_style = std::make_unique<TouchStyle>();
    m_spin = std::make_unique<QSpinBox>();
    m_spin->setStyle(m_style.get());
    m_spin->setRange(0, 100);
    m_spin->setValue(50);
    m_spin->setFixedSize(300, 48);
    m_spin->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_spin.get()));
}

void TestTouchStyle::cleanup()
{
    m_spin.reset();
    m_style.reset();
}

QRect TestTouchStyle::buttonRect(QStyle::SubControl button) const
{
    QStyleOptionSpinBox option;
    option.initFrom(m_spin.get());
    option.frame = true;
    option.buttonSymbols = m_spin->buttonSymbols();
    return m_style->subControlRect(QStyle::CC_SpinBox, &option, button, m_spin.get());
}

void TestTouchStyle::stepButtonsAreAsWideAsTheBoxIsTall()
{
    const QRect up = buttonRect(QStyle::SC_SpinBoxUp);
    const QRect down = buttonRect(QStyle::SC_SpinBoxDown);
    QCOMPARE(up.width(), 48);
    QCOMPARE(down.width(), 48);
    QVERIFY(!up.intersects(down));
    const QRect text = buttonRect(QStyle::SC_SpinBoxEditField);
    QVERIFY(!text.intersects(up) && !text.intersects(down));
    QVERIFY(m_spin->rect().contains(up | down));
}

void TestTouchStyle::aPressAnywhereInAButtonSteps_data()
{
    QTest::addColumn<bool>("up");
    QTest::addColumn<bool>("leftEdge"); // Fusion's own buttons are only its right 14 px
    QTest::addColumn<int>("expected");
    QTest::newRow("up, its left edge") << true << true << 51;
    QTest::newRow("up, its middle") << true << false << 51;
    QTest::newRow("down, its left edge") << false << true << 49;
}

void TestTouchStyle::aPressAnywhereInAButtonSteps()
{
    QFETCH(bool, up);
    QFETCH(bool, leftEdge);
    QFETCH(int, expected);
    const QRect button = buttonRect(up ? QStyle::SC_SpinBoxUp : QStyle::SC_SpinBoxDown);
    const QPoint at = leftEdge ? QPoint(button.left() + 4, button.center().y()) : button.center();
    QTest::mouseClick(m_spin.get(), Qt::LeftButton, {}, at);
    QCOMPARE(m_spin->value(), expected);
}

void TestTouchStyle::aNarrowBoxKeepsRoomForItsText()
{
    m_spin->setFixedSize(90, 48);
    const QRect up = buttonRect(QStyle::SC_SpinBoxUp);
    QCOMPARE(up.width(), 30); // a third of the box, not its height
    QVERIFY(buttonRect(QStyle::SC_SpinBoxEditField).width() >= 50);
}

QTEST_MAIN(TestTouchStyle)
#include "tst_touchstyle.moc"
