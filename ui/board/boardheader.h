// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/orderstate.h"

#include <QFrame>
#include <QMap>

#include <optional>

class Clock;
class ElidedLabel;
class FeedStatusView;
class QHBoxLayout;
class QLabel;
class QToolButton;
class SyncStatusView;
struct TicketStyle;

/**
 * The strip above the board: how many tickets are open, the platform link's health, and which
 * store and console this is.
 */
class BoardHeader final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardHeader)

public:
    BoardHeader(const TicketStyle &style, const Clock &clock, const QString &storeId,
                const QString &consoleId, QWidget *parent = nullptr);

    /** Shows the open-ticket count and a count per open state. */
    void setCounts(const QMap<OrderState, int> &openByState);
    /** Names the view on screen, large: "EXPO" or the station's name. */
    void setViewName(const QString &name);
    QString viewName() const;
    /** The text of the open-ticket count, as shown. */
    QString openCountText() const;
    /** Shows "PAUSED until 12:40" while the store is paused (untilMs > 0); 0 hides it. */
    void setPausedUntil(qint64 untilMs);
    /** The pause as shown; empty when the store takes orders. */
    QString pauseText() const;
    /** The time, the late tickets and the average ticket time of the last hour (if any). */
    void setService(qint64 nowMs, int late, std::optional<qint64> averageMs);
    /** The service line as shown: "12:41 · 3 LATE · avg 7:30 last hour". */
    QString serviceText() const;
    SyncStatusView *syncStatus() const { return m_syncStatus; }
    FeedStatusView *feedStatus() const { return m_feedStatus; }

Q_SIGNALS:
    /** The manager's button was pressed. */
    void managerRequested();

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void giveWay();

    QHBoxLayout *m_links = nullptr;
    QPalette m_emptyColours; // a state with no tickets steps back
    QMap<OrderState, QPalette> m_stateColours;
    QLabel *m_openCount = nullptr;
    QLabel *m_pause = nullptr;
    QLabel *m_clock = nullptr;
    QToolButton *m_manager = nullptr;
    QLabel *m_late = nullptr;
    ElidedLabel *m_average = nullptr;
    QPalette m_lateColours;
    QLabel *m_viewName = nullptr;
    QMap<OrderState, QLabel *> m_stateCounts;
    SyncStatusView *m_syncStatus = nullptr;
    FeedStatusView *m_feedStatus = nullptr;
};
