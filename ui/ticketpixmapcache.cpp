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

void TicketPixmapCache::insert(const QByteArray &key, const QPixmap &pixmap)
{
    const qsizetype bytes = qsizetype(pixmap.width()) * pixmap.height() * pixmap.depth() / 8;
    m_pixmaps.insert(key, new QPixmap(pixmap), bytes);
}

bool TicketPixmapCache::isWanted(const QByteArray &key)
{
    const size_t hash = qHash(key);
    if (m_seenOnce.remove(hash))
        return true;
    m_seenOnce.insert(hash, new bool(true));
    return false;
}

void TicketPixmapCache::clear()
{
    m_pixmaps.clear();
    m_seenOnce.clear();
}
