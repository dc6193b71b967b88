// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketpixmapcache.h"

TicketPixmapCache::TicketPixmapCache(qsizetype maxBytes)
    : m_pixmaps(maxBytes)
{ }

QPixmap TicketPixmapCache::find(const QByteArray &key) const
{
    const QPixmap *pixmap = m_pixmaps.object(key); // also marks it as just used
    return pixmap ? *pixmap : QPixmap();
}

void TicketPixmapCache::insert(const QString &owner, const QByteArray &key, const QPixmap &pixmap)
{
    const qsizetype bytes = qsizetype(pixmap.width()) * pixmap.height() * pixmap.depth() / 8;
    m_pixmaps.insert(key, new QPixmap(pixmap), bytes);
    // Bounded like the looks: an owner never forgotten only leaves its keys to the LRU.
    if (m_kept.size() > maxOwners)
        m_kept.clear();
    QList<QByteArray> &keys = m_kept[owner];
    if (!keys.contains(key))
        keys.append(key);
}

void TicketPixmapCache::forget(const QString &owner)
{
    m_looks.remove(owner);
    const QList<QByteArray> keys = m_kept.take(owner);
    for (const QByteArray &key : keys)
        m_pixmaps.remove(key);
}

bool TicketPixmapCache::isWanted(const QString &owner, const QByteArray &key, qint64 nowMs)
{
    // Tickets long gone would pile up; forgetting them all now and then only delays keeping a
    // few looks by one paint.
    if (m_looks.size() > maxOwners)
        m_looks.clear();
    const size_t hash = qHash(key);
    Look &look = m_looks[owner];
    if (look.key == hash && look.paints > 0)
        return ++look.paints >= paintsBeforeKeeping;
    const bool settled =
            look.paints >= paintsBeforeKeeping && nowMs - look.firstPaintMs >= settledMs;
    look = {hash, 1, nowMs};
    return settled;
}

void TicketPixmapCache::clear()
{
    m_pixmaps.clear();
    m_looks.clear();
    m_kept.clear();
}
