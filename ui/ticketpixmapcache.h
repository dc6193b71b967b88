// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QPixmap>
#include <QString>

/**
 * Tickets (or their backgrounds) as last painted, each under a key made of everything it was
 * painted from (the delegate builds it), so repainting an unchanged board is one blit per ticket.
 * Bounded by memory: the least recently used go first.
 *
 * A ticket that changes at every paint (each frame of a burst) is never blitted from what was
 * kept, which then only costs a pixmap each time. So a caller notes each paint of a ticket
 * (isWanted()) and paints the ticket straight onto its target while it churns.
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
    /**
     * Notes that owner (a ticket) is painted as key, and whether key is worth keeping: not when
     * it is new and the owner's previous look was painted only once.
     */
    bool isWanted(const QString &owner, const QByteArray &key);
    void clear();
    qsizetype count() const { return m_pixmaps.count(); }

private:
    struct Look
    {
        size_t key = 0; // a hash: a collision only keeps a look that was not worth it
        int paints = 0;
    };

    QCache<QByteArray, QPixmap> m_pixmaps; // costs in bytes
    QHash<QString, Look> m_looks; // each owner's latest
};
