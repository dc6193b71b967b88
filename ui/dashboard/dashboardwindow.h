// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/metricsreport.h"

#include <QWidget>

class Clock;
class MetricsService;
class OverviewPage;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class WatchListModel;

/**
 * The store manager's window: the headline figures and charts, the late and stuck orders with a
 * jump to their tickets, and whatever pages the composition root adds (sync health, dead
 * letters, store controls). Live: it follows the metrics service's reports, no refresh button.
 */
class DashboardWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWindow)

public:
    /** The windows a manager can choose, in the picker's order. */
    enum class Period { LastHour, Today, Yesterday, LastSevenDays, LastThirtyDays };

    DashboardWindow(MetricsService &metrics, const Clock &clock, QWidget *parent = nullptr);

    /** Adds a page after the built-in ones (sync health, dead letters, store controls). */
    void addPage(QWidget *page, const QString &title);
    /** Chooses the period the figures cover. */
    void setPeriod(Period period);
    Period period() const;

    const OverviewPage &overview() const { return *m_overview; }
    const WatchListModel &watchList() const { return *m_watchList; }
    WatchListModel &watchList() { return *m_watchList; }
    QString statusText() const;

Q_SIGNALS:
    /** The manager asked to see an order's ticket on the board. */
    void orderRequested(const QString &orderId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showReport(const MetricsReport &report);
    void applyPeriod();
    void showSelectedOrder();

    MetricsService &m_metrics;
    const Clock &m_clock;
    QComboBox *m_period = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    OverviewPage *m_overview = nullptr;
    WatchListModel *m_watchList = nullptr;
    QTableView *m_watchView = nullptr;
    QLabel *m_watchEmpty = nullptr;
};
