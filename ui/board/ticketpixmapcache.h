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
 * painted from (TicketLayers builds it), so repainting an unchanged board is one blit per ticket.
 * Bounded by memory: the least recently used go first.
 *
 * A look painted once or twice may never be painted again (a new ticket in a burst, one that
 * changes at every frame), and keeping it costs a pixmap, dearest while a burst is still coming
 * in. So a caller notes each paint of a ticket (isWanted()), paints a look straight onto its
 * target until it has stayed the same for paintsBeforeKeeping paints, and keeps it then: the
 * frames of a burst paint no pixmaps, and a tick or two later the board keeps what stayed. A
 * ticket whose last look stayed that long and for settledMs changes now and then (bumped, an
 * item made): its next look is kept from its first paint, so it is painted once rather than
 * three times. In a burst the board repaints every frame, and three paints are not settling.
 * A ticket that leaves the board takes its looks with it (forget()), so after a rush or a
 * catch-up the cache holds what is on the board, not what passed through it.
 */
class TicketPixmapCache final
{
public:
    // Some 120 tickets of a 1080p board, 30 of a 4K one at twice the pixel ratio.
    static constexpr qsizetype defaultMaxBytes = 64 * 1024 * 1024;
    /** Paints of one unchanged look before it is kept. */
    static constexpr int paintsBeforeKeeping = 3;
    /** How long a ticket's look must stay before its next look is kept at once. */
    static constexpr qint64 settledMs = 2000;
    /** Tickets whose paints are followed; past this, the oldest notes are dropped at once. */
    static constexpr qsizetype maxOwners = 4096;

    explicit TicketPixmapCache(qsizetype maxBytes = defaultMaxBytes);

    /** The pixmap kept under key; null if there is none. */
    QPixmap find(const QByteArray &key) const;
    /** Keeps pixmap under key, as one of owner's looks. */
    void insert(const QString &owner, const QByteArray &key, const QPixmap &pixmap);
    /** The owner (a ticket) left the board: its looks will not be painted again. */
    void forget(const QString &owner);
    /**
     * Notes that owner (a ticket) is painted as key at nowMs (a monotonic clock), and whether
     * key is worth keeping: once it is painted unchanged for the paintsBeforeKeeping-th time, or
     * at once when owner's look before it was painted that often over settledMs or more.
     */
    bool isWanted(const QString &owner, const QByteArray &key, qint64 nowMs);
    void clear();
    qsizetype count() const { return m_pixmaps.count(); }

private:
    struct Look
    {
        size_t key = 0; // a hash: a collision only keeps a look that was not worth it
        int paints = 0;
        qint64 firstPaintMs = 0;
    };

    QCache<QByteArray, QPixmap> m_pixmaps; // costs in bytes
    QHash<QString, Look> m_looks; // each owner's latest
    QHash<QString, QList<QByteArray>> m_kept; // the keys kept for each owner (some evicted since)
};
