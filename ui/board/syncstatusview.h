// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QFrame>
#include <QPalette>
#include <QPointer>
#include <QTimer>

class Clock;
class ElidedLabel;
class PlatformLink;
class QLabel;
class SyncClient;
struct TicketStyle;

/**
 * The platform link at a glance, in the board header: a big coloured word (Online, Connecting…,
 * OFFLINE, or Local only without a link), how many changes wait to be sent and how old the oldest
 * is, and how long the platform has been silent. Refreshed on every status change and once a
 * second, so the ages keep counting while nothing else happens.
 */
class SyncStatusView final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatusView)

public:
    SyncStatusView(const TicketStyle &style, const Clock &clock, QWidget *parent = nullptr);

    /** Follows a sync client and its link; both must outlive this view or be detached first. */
    void setSource(const SyncClient *client, const PlatformLink *link);
    /** A standing problem with the link (no credential, refused console); empty clears it. */
    void setProblem(const QString &problem);
    /**
     * The store cannot write (disk full, locked, I/O error), in words for staff; empty once it
     * writes again. While it lasts the state says so before anything about the link.
     */
    void setStoreProblem(const QString &problem);
    /** A standing problem with the store's POS (no sign-in, cannot be read); empty clears it. */
    void setPosProblem(const QString &problem);

    /** The room the view takes with its detail in its short form (how many changes wait). */
    QSize shortSizeHint() const;

    QString stateText() const;
    QString detailText() const;
    QString problemText() const;

    /** Minutes and seconds (or hours, minutes, seconds) the way the board shows ages. */
    static QString duration(qint64 ms);

private:
    void refresh();
    void showProblems();
    QString waitingText() const;
    QString waitingShortText() const; // the count alone, for a narrow header

    const Clock &m_clock;
    QPointer<const SyncClient> m_client;
    QPointer<const PlatformLink> m_link;
    QElapsedTimer m_since; // monotonic: since the source was set, while the platform never spoke
    QTimer m_tick;
    QPalette m_localColours;
    QPalette m_onlineColours;
    QPalette m_connectingColours;
    QPalette m_offlineColours;
    QLabel *m_state = nullptr;
    ElidedLabel *m_detail = nullptr;
    QLabel *m_problem = nullptr;
    QString m_linkProblem;
    QString m_posProblem;
    QString m_storeProblem;
};
