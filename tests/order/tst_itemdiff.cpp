// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ordertestsupport.h"

#include "order/itemdiff.h"

#include <QTest>

namespace {
OrderItem item(const QString &name, int quantity = 1, const QStringList &modifiers = {},
               int seat = 0, int course = 0)
{
    OrderItem line;
    line.name = name;
    line.quantity = quantity;
    line.modifiers = modifiers;
    line.seat = seat;
    line.course = course;
    line.station = QStringLiteral("grill");
    return line;
}

OrderItem withAllergens(OrderItem line, const QStringList &allergens)
{
    line.allergens = allergens;
    return line;
}

OrderItem withNote(OrderItem line, const QString &note)
{
    line.notes = note;
    return line;
}

OrderItem atStation(OrderItem line, const QString &station)
{
    line.station = station;
    return line;
}

const QString burger = QStringLiteral("Cheeseburger");
const QString fries = QStringLiteral("Fries");
const QStringList noOnions{QStringLiteral("no onions")};
} // namespace

class TestItemDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesAreReadableLineByLine_data();
    void changesAreReadableLineByLine();
    void kindsMatchTheChange_data();
    void kindsMatchTheChange();
};

void TestItemDiff::changesAreReadableLineByLine_data()
{
    QTest::addColumn<QList<OrderItem>>("before");
    QTest::addColumn<QList<OrderItem>>("after");
    QTest::addColumn<QStringList>("expected");

    const QList<OrderItem> ticket{item(burger, 2, noOnions), item(fries)};
    QTest::newRow("nothing changed") << ticket << ticket << QStringList();
    QTest::newRow("only the station moved")
            << ticket << QList<OrderItem>{atStation(item(burger, 2, noOnions), QStringLiteral("fry")),
                                          item(fries)}
            << QStringList();
    QTest::newRow("added with its modifiers")
            << ticket
            << (QList<OrderItem>(ticket)
                << withAllergens(item(QStringLiteral("Shake"), 2, {QStringLiteral("oat milk")}),
                                 {QStringLiteral("nuts")}))
            << QStringList{QStringLiteral("Added 2× Shake: oat milk; allergens: nuts")};
    QTest::newRow("removed") << ticket << QList<OrderItem>{item(burger, 2, noOnions)}
                             << QStringList{QStringLiteral("Removed 1× Fries")};
    QTest::newRow("quantity") << ticket << QList<OrderItem>{item(burger, 3, noOnions), item(fries)}
                              << QStringList{QStringLiteral("Cheeseburger: quantity 2 → 3")};
    QTest::newRow("modifiers")
            << ticket
            << QList<OrderItem>{item(burger, 2, {QStringLiteral("extra cheese")}), item(fries)}
            << QStringList{QStringLiteral("Cheeseburger: now extra cheese (was no onions)")};
    QTest::newRow("modifiers cleared")
            << ticket << QList<OrderItem>{item(burger, 2), item(fries)}
            << QStringList{QStringLiteral("Cheeseburger: now none (was no onions)")};
    QTest::newRow("allergen added")
            << ticket
            << QList<OrderItem>{item(burger, 2, noOnions),
                                withAllergens(item(fries), {QStringLiteral("sesame")})}
            << QStringList{QStringLiteral("Fries: allergens now sesame (were none)")};
    QTest::newRow("note")
            << QList<OrderItem>{withNote(item(fries), QStringLiteral("crispy"))}
            << QList<OrderItem>{withNote(item(fries), QStringLiteral("soft"))}
            << QStringList{QStringLiteral("Fries: note now \"soft\" (was \"crispy\")")};
    QTest::newRow("quantity and modifiers of one line")
            << ticket << QList<OrderItem>{item(burger, 1), item(fries)}
            << QStringList{QStringLiteral("Cheeseburger: quantity 2 → 1"),
                           QStringLiteral("Cheeseburger: now none (was no onions)")};
    QTest::newRow("seat tells lines apart")
            << QList<OrderItem>{item(burger, 1, {}, 1), item(burger, 1, {}, 2)}
            << QList<OrderItem>{item(burger, 1, {}, 1), item(burger, 2, {}, 2)}
            << QStringList{QStringLiteral("Cheeseburger (seat 2): quantity 1 → 2")};
    QTest::newRow("another seat is an added line")
            << QList<OrderItem>{item(burger, 1, {}, 1)}
            << QList<OrderItem>{item(burger, 1, {}, 1), item(burger, 1, {}, 3, 2)}
            << QStringList{QStringLiteral("Added 1× Cheeseburger (seat 3, course 2)")};
    QTest::newRow("course moved is removed and added")
            << QList<OrderItem>{item(fries, 1, {}, 0, 1)} << QList<OrderItem>{item(fries, 1, {}, 0, 2)}
            << QStringList{QStringLiteral("Added 1× Fries (course 2)"),
                           QStringLiteral("Removed 1× Fries (course 1)")};
    // Duplicates of one dish: a new plain burger beside an unchanged one with no onions.
    QTest::newRow("duplicate name, one more plain line")
            << QList<OrderItem>{item(burger, 1, noOnions)}
            << QList<OrderItem>{item(burger, 1), item(burger, 1, noOnions)}
            << QStringList{QStringLiteral("Added 1× Cheeseburger")};
    QTest::newRow("duplicate name, one line dropped")
            << QList<OrderItem>{item(burger, 1), item(burger, 1, noOnions), item(burger, 1)}
            << QList<OrderItem>{item(burger, 1), item(burger, 1)}
            << QStringList{QStringLiteral("Removed 1× Cheeseburger: no onions")};
    QTest::newRow("duplicate name, the alike line changes quantity")
            << QList<OrderItem>{item(burger, 1), item(burger, 1, noOnions)}
            << QList<OrderItem>{item(burger, 3, noOnions), item(burger, 1)}
            << QStringList{QStringLiteral("Cheeseburger: quantity 1 → 3")};
    QTest::newRow("new order reads as added lines")
            << QList<OrderItem>() << ticket
            << QStringList{QStringLiteral("Added 2× Cheeseburger: no onions"),
                           QStringLiteral("Added 1× Fries")};
    QTest::newRow("everything removed") << ticket << QList<OrderItem>()
                                        << QStringList{QStringLiteral("Removed 2× Cheeseburger: no onions"),
                                                       QStringLiteral("Removed 1× Fries")};
}

void TestItemDiff::changesAreReadableLineByLine()
{
    QFETCH(QList<OrderItem>, before);
    QFETCH(QList<OrderItem>, after);
    QFETCH(QStringList, expected);
    QCOMPARE(ItemDiff::lines(ItemDiff::between(before, after)), expected);
}

void TestItemDiff::kindsMatchTheChange_data()
{
    QTest::addColumn<QList<OrderItem>>("before");
    QTest::addColumn<QList<OrderItem>>("after");
    QTest::addColumn<QList<int>>("kinds");

    const auto k = [](ItemChange::Kind kind) { return int(kind); };
    QTest::newRow("added") << QList<OrderItem>() << QList<OrderItem>{item(fries)}
                           << QList<int>{k(ItemChange::Kind::Added)};
    QTest::newRow("removed") << QList<OrderItem>{item(fries)} << QList<OrderItem>()
                             << QList<int>{k(ItemChange::Kind::Removed)};
    QTest::newRow("every aspect of one line")
            << QList<OrderItem>{withNote(item(fries, 1, noOnions), QStringLiteral("a"))}
            << QList<OrderItem>{withNote(withAllergens(item(fries, 2), {QStringLiteral("soy")}),
                                         QStringLiteral("b"))}
            << QList<int>{k(ItemChange::Kind::QuantityChanged), k(ItemChange::Kind::ModifiersChanged),
                          k(ItemChange::Kind::AllergensChanged), k(ItemChange::Kind::NotesChanged)};
}

void TestItemDiff::kindsMatchTheChange()
{
    QFETCH(QList<OrderItem>, before);
    QFETCH(QList<OrderItem>, after);
    QFETCH(QList<int>, kinds);
    const QList<ItemChange> changes = ItemDiff::between(before, after);
    QList<int> actual;
    for (const ItemChange &change : changes) {
        actual.append(int(change.kind));
        // Every change keeps both sides so a view can show more than the text.
        if (change.kind != ItemChange::Kind::Added)
            QCOMPARE(change.before, before.constFirst());
        if (change.kind != ItemChange::Kind::Removed)
            QCOMPARE(change.after, after.constFirst());
    }
    QCOMPARE(actual, kinds);
}

QTEST_GUILESS_MAIN(TestItemDiff)
#include "tst_itemdiff.moc"
