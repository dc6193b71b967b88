// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QHash>
#include <QPointer>
#include <QTimer>

class FeedMonitor;
class QHBoxLayout;
class QLabel;
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

    /** The chip texts, in the monitor's order; for tests and screen readers. */
    QStringList chipTexts() const;
    bool isAlarmShown(const QString &source) const;

private:
    void refresh();
    QLabel *chipFor(const QString &source);

    QPointer<const FeedMonitor> m_monitor;
    QTimer m_tick;
    QPalette m_calmColours;
    QPalette m_alarmColours;
    QHBoxLayout *m_layout = nullptr;
    QHash<QString, QLabel *> m_chips;
    QStringList m_order;
    QHash<QString, bool> m_alarmShown;
};
