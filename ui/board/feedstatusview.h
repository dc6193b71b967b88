// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QHash>
#include <QPointer>
#include <QTimer>

class ElidedLabel;
class FeedMonitor;
class QHBoxLayout;
struct TicketStyle;

/**
 * No silent staleness, in the header: one chip per feed (the platform, each POS) saying how long
 * ago it last spoke, "Platform 4 s", turning red with "QUIET" once the feed monitor alarms. A
 * board that looks fine while orders are not arriving is the worst failure a kitchen screen can
 * have, so the chips are always there and count up every second.
 */
class FeedStatusView final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedStatusView)

public:
    FeedStatusView(const TicketStyle &style, QWidget *parent = nullptr);

    /** Follows a monitor; it must outlive this view or be replaced first. */
    void setMonitor(const FeedMonitor *monitor);

    /**
     * Every chip as short as it goes (the feed's name, marked while it alarms), or whole again;
     * for a header that runs out of room. The whole text stays in each chip's tooltip.
     */
    void setCompact(bool compact);
    /** The width the chips take with their whole texts. */
    int fullWidth() const;

    /** The chip texts, whole, in the monitor's order; for tests and screen readers. */
    QStringList chipTexts() const;
    bool isAlarmShown(const QString &source) const;

private:
    void refresh();
    ElidedLabel *chipFor(const QString &source);

    QPointer<const FeedMonitor> m_monitor;
    QTimer m_tick;
    QPalette m_calmColours;
    QPalette m_alarmColours;
    QHBoxLayout *m_layout = nullptr;
    QHash<QString, ElidedLabel *> m_chips;
    QStringList m_order;
    QHash<QString, bool> m_alarmShown;
    bool m_compact = false;
};
