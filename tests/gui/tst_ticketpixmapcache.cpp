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
    void aSettledTicketsNextLookIsKeptAtOnce();
    void aBurstsRepaintsDoNotSettleATicket();
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
        QVERIFY(!cache.isWanted(owner, look, 1000 * paint));
    QVERIFY(cache.isWanted(owner, look, 9000));
    // Another ticket's paints count for that ticket only.
    QVERIFY(!cache.isWanted(QStringLiteral("o-2"), look, 9000));
}

void TestTicketPixmapCache::aSettledTicketsNextLookIsKeptAtOnce()
{
    TicketPixmapCache cache;
    const QString owner = QStringLiteral("o-1");
    const qint64 settled = TicketPixmapCache::settledMs;
    // Painted on the board's one-second tick, and unchanged over settledMs.
    for (int paint = 0; paint < TicketPixmapCache::paintsBeforeKeeping; ++paint)
        cache.isWanted(owner, QByteArray("accepted"), paint * settled / 2);
    // Bumped after it stayed: the new look is kept from its first paint.
    qint64 now = settled + 1;
    QVERIFY(cache.isWanted(owner, QByteArray("preparing"), now));
    // Changed again at once: straight again until a look stays.
    QVERIFY(!cache.isWanted(owner, QByteArray("item made"), ++now));
    for (int paint = 2; paint < TicketPixmapCache::paintsBeforeKeeping; ++paint)
        QVERIFY(!cache.isWanted(owner, QByteArray("item made"), now + paint * settled / 2));
    QVERIFY(cache.isWanted(owner, QByteArray("item made"), now + settled));
    QVERIFY(cache.isWanted(owner, QByteArray("ready"), now + settled + 1));
}

void TestTicketPixmapCache::aBurstsRepaintsDoNotSettleATicket()
{
    // In a burst the board repaints every frame: three paints in 50 ms are not a settled look,
    // and its next look is painted straight like any other in the burst.
    TicketPixmapCache cache;
    const QString owner = QStringLiteral("o-1");
    for (int frame = 0; frame < TicketPixmapCache::paintsBeforeKeeping; ++frame)
        cache.isWanted(owner, QByteArray("accepted"), 10'000 + frame * 17);
    QVERIFY(!cache.isWanted(owner, QByteArray("preparing"), 10'051));
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
    QVERIFY(!cache.isWanted(QStringLiteral("o-1"), QByteArray("o-1 top"), 0));
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
