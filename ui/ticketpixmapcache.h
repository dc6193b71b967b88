// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCache>
#include <QPixmap>

/**
 * Tickets (or their backgrounds) as last painted, each under a key made of everything it was
 * painted from (the delegate builds it), so repainting an unchanged board is one blit per ticket.
 * Bounded by memory: the least recently used go first.
 *
 * During a burst most tickets change every frame and are never painted twice alike; keeping
 * those would only cost a pixmap each. So a caller keeps a ticket once it comes back unchanged
 * (isWanted()), and paints a first sighting straight onto its target.
 */
class TicketPixmapCache final
{
public:
    // Some 120 tickets of a 1080p board, 30 of a 4K one at twice the pixel ratio.
    static constexpr qsizetype defaultMaxBytes = 64 * 1024 * 1024;

    explicit TicketPixmapCache(qsizetype maxBytes = defaultMaxBytes);

    /** The pixmap kept under key; null if there is none. */
    QPixmap find(const QByteArray &key) const;
    void insert(const QByteArray &key, const QPixmap &pixmap);
    /** Whether key was asked about before: false the first time, true the next. */
    bool isWanted(const QByteArray &key);
    void clear();
    qsizetype count() const { return m_pixmaps.count(); }

private:
    QCache<QByteArray, QPixmap> m_pixmaps; // costs in bytes
    // Hashes of keys seen once: a few boards' worth, cheap to hold. A collision only keeps a
    // ticket one sighting early.
    QCache<size_t, bool> m_seenOnce {1024};
};
