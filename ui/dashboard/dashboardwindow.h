// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "metrics/metricsreport.h"
#include "metrics/reportdata.h"

#include <QThreadPool>
#include <QWidget>

#include <functional>

class Clock;
class MetricsService;
class OverviewPage;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class WatchListModel;

/**
 * The store manager's window: the headline figures and charts, the late and stuck orders with a
 * jump to their tickets, and whatever pages the composition root adds (sync health, dead
 * letters, store controls). Live: it follows the metrics service's reports, no refresh button.
 * Export writes the period shown as the report's files (CSVs and the one-page PDF) into a folder;
 * the store is read and the files written on a worker, so the window never waits on the disk.
 */
class DashboardWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWindow)

public:
    /** The windows a manager can choose, in the picker's order. */
    enum class Period { LastHour, Today, Yesterday, LastSevenDays, LastThirtyDays };

    DashboardWindow(MetricsService &metrics, const Clock &clock, QWidget *parent = nullptr);
    ~DashboardWindow() override;

    /** Adds a page after the built-in ones (sync health, dead letters, store controls). */
    void addPage(QWidget *page, const QString &title);
    /** Chooses the period the figures cover. */
    void setPeriod(Period period);
    Period period() const;

    const OverviewPage &overview() const { return *m_overview; }
    const WatchListModel &watchList() const { return *m_watchList; }
    WatchListModel &watchList() { return *m_watchList; }
    QString statusText() const;

    /** Where Export reads (the store file, opened read-only) and the name the PDF is headed by. */
    void setExport(const QString &storePath, const QString &storeName);
    /** How Export asks for a folder (a folder dialog unless replaced); empty: not now. */
    void setExportFolderChooser(std::function<QString()> chooser);
    /** Writes the period shown into folder; the status line and exported() say how it went. */
    void exportTo(const QString &folder);

Q_SIGNALS:
    /** The manager asked to see an order's ticket on the board. */
    void orderRequested(const QString &orderId);
    /** An export has finished; message is what the status line says. */
    void exported(bool ok, const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showReport(const MetricsReport &report);
    void applyPeriod();
    void showSelectedOrder();
    void chooseExportFolder();
    void exportRead(const Result<ReportData> &data, const QString &folder);
    void exportDone(const Result<QStringList> &written, const QString &folder);

    MetricsService &m_metrics;
    const Clock &m_clock;
    QComboBox *m_period = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    OverviewPage *m_overview = nullptr;
    WatchListModel *m_watchList = nullptr;
    QTableView *m_watchView = nullptr;
    QLabel *m_watchEmpty = nullptr;
    QPushButton *m_export = nullptr;
    QString m_storePath;
    QString m_storeName;
    std::function<QString()> m_chooseFolder;
    QThreadPool m_exportPool; // the store's read and the files' writes; waited for on close
};
