// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/ticketwarnings.h"

#include <QtTest/QTest>

using TicketWarnings::ModifierKind;

// What a cook must not miss in free text: removals and warnings, and allergens named in notes.
class TestTicketWarnings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modifierKinds_data();
    void modifierKinds();
    void allergensNamedInNotes_data();
    void allergensNamedInNotes();
};

void TestTicketWarnings::modifierKinds_data()
{
    QTest::addColumn<QString>("modifier");
    QTest::addColumn<ModifierKind>("kind");
    QTest::newRow("addition") << QStringLiteral("extra cheese") << ModifierKind::Plain;
    QTest::newRow("preference") << QStringLiteral("well done") << ModifierKind::Plain;
    QTest::newRow("no") << QStringLiteral("no onions") << ModifierKind::Removal;
    QTest::newRow("No, capital") << QStringLiteral("No pickles") << ModifierKind::Removal;
    QTest::newRow("hold") << QStringLiteral("hold the mayo") << ModifierKind::Removal;
    QTest::newRow("without") << QStringLiteral("without ice") << ModifierKind::Removal;
    QTest::newRow("sin") << QStringLiteral("sin cebolla") << ModifierKind::Removal;
    QTest::newRow("a word that starts with no") << QStringLiteral("noodles extra")
                                                << ModifierKind::Plain;
    QTest::newRow("allergy") << QStringLiteral("nut allergy") << ModifierKind::Warning;
    QTest::newRow("removal naming an allergen") << QStringLiteral("no peanuts")
                                                << ModifierKind::Warning;
    QTest::newRow("alergia") << QStringLiteral("alergia al marisco") << ModifierKind::Warning;
    QTest::newRow("celiac") << QStringLiteral("Celiac, separate board") << ModifierKind::Warning;
}

void TestTicketWarnings::modifierKinds()
{
    QFETCH(QString, modifier);
    QFETCH(ModifierKind, kind);
    QCOMPARE(TicketWarnings::kindOf(modifier), kind);
}

void TestTicketWarnings::allergensNamedInNotes_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QStringList>("allergens");
    QTest::newRow("none") << QStringLiteral("Ring the bell on arrival") << QStringList();
    QTest::newRow("one") << QStringLiteral("Severe PEANUT allergy!")
                         << QStringList{QStringLiteral("peanut")};
    QTest::newRow("several, once each")
        << QStringLiteral("no sesame, no milk, and no sesame seeds")
        << QStringList{QStringLiteral("sesame"), QStringLiteral("milk")};
    QTest::newRow("spanish") << QStringLiteral("Sin gluten y sin lácteos")
                             << QStringList{QStringLiteral("gluten"), QStringLiteral("lácteos")};
    QTest::newRow("inside another word") << QStringLiteral("Eggplant, nutmeg, fishbowl")
                                         << QStringList();
}

void TestTicketWarnings::allergensNamedInNotes()
{
    QFETCH(QString, note);
    QFETCH(QStringList, allergens);
    QCOMPARE(TicketWarnings::allergensIn(note), allergens);
}

QTEST_GUILESS_MAIN(TestTicketWarnings)
#include "tst_ticketwarnings.moc"
