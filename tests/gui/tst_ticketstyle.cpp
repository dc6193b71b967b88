// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/ticketstyle.h"
#include "settings/boardoptions.h"

#include <QtTest/QTest>

// The look, judged as a cook with poor sight or colour vision would: every text on every fill
// the board paints at 4.5:1 or better (WCAG 2's AA for body text), in both themes; and age
// changes the whole header, not only a chip.
class TestTicketStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contrastMeetsAA_data();
    void contrastMeetsAA();
    void contrastIsComputedAsWcagDoes();
    void ageChangesTheWholeHeader();
};

void TestTicketStyle::contrastMeetsAA_data()
{
    QTest::addColumn<QString>("theme");
    QTest::newRow("high-contrast") << QStringLiteral("high-contrast");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestTicketStyle::contrastMeetsAA()
{
    QFETCH(QString, theme);
    BoardOptions options;
    options.theme = theme;
    const TicketStyle style = TicketStyle::fromOptions(options);
    const QList<TicketStyle::TextOnFill> pairs = style.textOnFills();
    QVERIFY(pairs.size() > 20);
    for (const TicketStyle::TextOnFill &pair : pairs) {
        const double ratio = TicketStyle::contrast(pair.text, pair.fill);
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                              .arg(QLatin1String(pair.where), pair.text.name(),
                                                   pair.fill.name())
                                              .arg(ratio, 0, 'f', 2)));
    }
}

void TestTicketStyle::contrastIsComputedAsWcagDoes()
{
    // Known values: black on white is 21:1, a colour on itself 1:1, #777 on white about 4.48.
    QCOMPARE(qRound(TicketStyle::contrast(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(qRound(TicketStyle::contrast(QColor(0x33, 0x66, 0x99), QColor(0x33, 0x66, 0x99))
                    * 100),
             100);
    QCOMPARE(qRound(TicketStyle::contrast(QColor(0x77, 0x77, 0x77), Qt::white) * 100), 448);
    QCOMPARE(TicketStyle::readableOn(QColor(0xff, 0xc1, 0x07)), QColor(Qt::black));
    QCOMPARE(TicketStyle::readableOn(QColor(0x15, 0x65, 0xc0)), QColor(Qt::white));
}

void TestTicketStyle::ageChangesTheWholeHeader()
{
    const TicketStyle style;
    const qint64 young = style.warnAgeMs - 1;
    QCOMPARE(style.headerFill(OrderState::Preparing, young), style.stateColor(OrderState::Preparing));
    QCOMPARE(style.headerFill(OrderState::Preparing, style.warnAgeMs), style.warn);
    QCOMPARE(style.headerFill(OrderState::Ready, style.lateAgeMs), style.late);
    QCOMPARE(style.ageLevel(young), TicketStyle::AgeLevel::Fresh);
    QCOMPARE(style.ageLevel(style.warnAgeMs), TicketStyle::AgeLevel::Warn);
    QCOMPARE(style.ageLevel(style.lateAgeMs + 60'000), TicketStyle::AgeLevel::Late);
    // Late is not red alone: the allergen chips are red too, so late differs from them.
    QVERIFY(style.late != style.allergenFill);
}

QTEST_MAIN(TestTicketStyle)
#include "tst_ticketstyle.moc"
