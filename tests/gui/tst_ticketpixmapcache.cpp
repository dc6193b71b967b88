// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "board/ticketpixmapcache.h"

#include <QPixmap>
#include <QTest>

// What the board keeps of painted tickets: only looks that stayed, and none of a ticket gone.
class TestTicketPixmapCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLookIsKeptOnlyOnceItStays();
    void aTicketThatLeftTakesItsLooksWithIt();
    void theBoundHoldsWhateverIsInserted();
};

namespace {
QPixmap filled(int width, int height)
{
    QPixmap pixmap(width, height);
    pixmap.fill(Qt::white);
    return pixmap;
}
} // namespace

void TestTicketPixmapCache::aLookIsKeptOnlyOnceItStays()
{
    TicketPixmapCache cache;
    const QString owner = QStringLiteral("o-1");
    const QByteArray look("look-a");
    for (int paint = 1; paint < TicketPixmapCache::paintsBeforeKeeping; ++paint)
        QVERIFY(!cache.isWanted(owner, look));
    QVERIFY(cache.isWanted(owner, look));
    // Another look starts the count again.
    QVERIFY(!cache.isWanted(owner, QByteArray("look-b")));
}

void TestTicketPixmapCache::aTicketThatLeftTakesItsLooksWithIt()
{
    TicketPixmapCache cache;
    cache.insert(QStringLiteral("o-1"), QByteArray("o-1 top"), filled(40, 30));
    cache.insert(QStringLiteral("o-1"), QByteArray("o-1 rest"), filled(40, 30));
    cache.insert(QStringLiteral("o-2"), QByteArray("o-2 whole"), filled(40, 30));
    QCOMPARE(cache.count(), 3);
    QVERIFY(!cache.find(QByteArray("o-1 top")).isNull());

    cache.forget(QStringLiteral("o-1"));
    QCOMPARE(cache.count(), 1);
    QVERIFY(cache.find(QByteArray("o-1 top")).isNull());
    QVERIFY(cache.find(QByteArray("o-1 rest")).isNull());
    QVERIFY(!cache.find(QByteArray("o-2 whole")).isNull());
    // Its paints are forgotten too: back on the board, it earns its keep again.
    QVERIFY(!cache.isWanted(QStringLiteral("o-1"), QByteArray("o-1 top")));
    cache.forget(QStringLiteral("never painted")); // nothing to do, nothing breaks
    QCOMPARE(cache.count(), 1);
}

void TestTicketPixmapCache::theBoundHoldsWhateverIsInserted()
{
    const QPixmap look = filled(100, 100);
    const qsizetype bytes = qsizetype(look.width()) * look.height() * look.depth() / 8;
    TicketPixmapCache cache(10 * bytes);
    for (int i = 0; i < 50; ++i)
        cache.insert(QStringLiteral("o-%1").arg(i), QByteArray::number(i), look);
    QCOMPARE(cache.count(), 10); // the least recently used went first
    QVERIFY(!cache.find(QByteArray::number(49)).isNull());
    QVERIFY(cache.find(QByteArray::number(0)).isNull());
}

QTEST_MAIN(TestTicketPixmapCache)
#include "tst_ticketpixmapcache.moc"
