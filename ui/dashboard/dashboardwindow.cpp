// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardwindow.h"

#include "common/clock.h"
#include "metrics/metricsservice.h"
#include "metrics/reportwriter.h"
#include "overviewpage.h"
#include "reportpdf.h"
#include "watchlistmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

DashboardWindow::DashboardWindow(MetricsService &metrics, const Clock &clock, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_metrics(metrics)
    , m_clock(clock)
    , m_period(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new OverviewPage)
    , m_watchList(new WatchListModel(this))
    , m_watchView(new QTableView)
{
    setWindowTitle(tr("Store dashboard"));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Store dashboard"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    header->addWidget(title);
    header->addSpacing(24);
    auto *showing = new QLabel(tr("&Showing:"), this);
    showing->setBuddy(m_period);
    header->addWidget(showing);
    m_period->addItems({tr("Last hour"), tr("Today"), tr("Yesterday"), tr("Last 7 days"),
                        tr("Last 30 days")});
    m_period->setMinimumHeight(44);
    header->addWidget(m_period);
    header->addSpacing(16);
    header->addWidget(m_status, 1);
    m_export = new QPushButton(tr("&Export…"), this);
    m_export->setMinimumSize(120, 44);
    m_export->setEnabled(false); // until the composition root says where the store is
    m_export->setToolTip(tr("Save the period shown as spreadsheets and a one-page PDF"));
    header->addWidget(m_export);
    auto *close = new QPushButton(tr("&Close"), this);
    close->setMinimumSize(96, 44);
    header->addWidget(close);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_overview);
    m_overview->setSettings(m_metrics.settings());
    m_tabs->addTab(scroll, tr("Overview"));

    auto *watchPage = new QWidget;
    auto *watchLayout = new QVBoxLayout(watchPage);
    m_watchEmpty = new QLabel(tr("No order is late or stuck."), watchPage);
    watchLayout->addWidget(m_watchEmpty);
    m_watchView->setModel(m_watchList);
    m_watchView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_watchView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_watchView->verticalHeader()->hide();
    m_watchView->horizontalHeader()->setStretchLastSection(false);
    m_watchView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_watchView->horizontalHeader()->setSectionResizeMode(WatchListModel::WhyColumn,
                                                          QHeaderView::Stretch);
    watchLayout->addWidget(m_watchView, 1);
    auto *show = new QPushButton(tr("Show &ticket"), watchPage);
    show->setMinimumSize(160, 48);
    watchLayout->addWidget(show, 0, Qt::AlignRight);
    m_tabs->addTab(watchPage, tr("Late and stuck"));

    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardWindow::applyPeriod);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_export, &QPushButton::clicked, this, &DashboardWindow::chooseExportFolder);
    connect(show, &QPushButton::clicked, this, &DashboardWindow::showSelectedOrder);
    connect(m_watchView, &QTableView::activated, this, &DashboardWindow::showSelectedOrder);
    connect(&m_metrics, &MetricsService::reportChanged, this, &DashboardWindow::showReport);
    connect(&m_metrics, &MetricsService::loading, this, [this](qint64 events) {
        m_status->setText(tr("Reading the records: %L1 events so far…").arg(events));
    });
    connect(&m_metrics, &MetricsService::failed, this, [this](const QString &message) {
        m_status->setText(message);
    });

    m_exportPool.setMaxThreadCount(1);
    m_chooseFolder = [this] {
        return QFileDialog::getExistingDirectory(this, tr("Export the report to"),
                                                 QDir::homePath());
    };

    m_period->setCurrentIndex(int(Period::Today));
    applyPeriod();
    if (m_metrics.hasReport())
        showReport(m_metrics.report());
    else
        m_status->setText(tr("Reading the records…"));
}

DashboardWindow::~DashboardWindow()
{
    m_exportPool.waitForDone(); // its tasks call back into this window
}

void DashboardWindow::addPage(QWidget *page, const QString &title)
{
    m_tabs->addTab(page, title);
}

void DashboardWindow::setPeriod(Period period)
{
    m_period->setCurrentIndex(int(period));
}

DashboardWindow::Period DashboardWindow::period() const
{
    return Period(m_period->currentIndex());
}

QString DashboardWindow::statusText() const
{
    return m_status->text();
}

void DashboardWindow::applyPeriod()
{
    const MetricsSettings &settings = m_metrics.settings();
    const qint64 now = m_clock.nowMs();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, settings.zone).date();
    switch (period()) {
    case Period::LastHour:
        m_metrics.setWindow(MetricsWindow::lastHour(now));
        return;
    case Period::Today:
        m_metrics.setWindow(MetricsWindow::today(now, settings.zone));
        return;
    case Period::Yesterday:
        m_metrics.setWindow(MetricsWindow::days(today.addDays(-1), today.addDays(-1),
                                                settings.zone));
        return;
    case Period::LastSevenDays:
        m_metrics.setWindow(MetricsWindow::days(today.addDays(-6), today, settings.zone));
        return;
    case Period::LastThirtyDays:
        m_metrics.setWindow(MetricsWindow::days(today.addDays(-29), today, settings.zone));
        return;
    }
}

void DashboardWindow::showReport(const MetricsReport &report)
{
    m_overview->setSettings(m_metrics.settings());
    m_overview->setReport(report);
    m_watchList->setReport(report);
    m_watchEmpty->setVisible(m_watchList->rowCount() == 0);
    m_tabs->setTabText(1, m_watchList->rowCount() == 0
                               ? tr("Late and stuck")
                               : tr("Late and stuck (%1)").arg(m_watchList->rowCount()));
    m_status->setText(tr("Updated %1").arg(QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(report.computedAt).time(), QLocale::LongFormat)));
}

void DashboardWindow::showSelectedOrder()
{
    const QModelIndex current = m_watchView->currentIndex();
    if (!current.isValid())
        return;
    Q_EMIT orderRequested(current.data(WatchListModel::OrderIdRole).toString());
}

void DashboardWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void DashboardWindow::setExport(const QString &storePath, const QString &storeName)
{
    m_storePath = storePath;
    m_storeName = storeName;
    m_export->setEnabled(!storePath.isEmpty());
}

void DashboardWindow::setExportFolderChooser(std::function<QString()> chooser)
{
    m_chooseFolder = std::move(chooser);
}

void DashboardWindow::chooseExportFolder()
{
    const QString folder = m_chooseFolder ? m_chooseFolder() : QString();
    if (!folder.isEmpty())
        exportTo(folder);
}

// Three steps: the store is read on the worker; the PDF is drawn here (charts live on the GUI
// thread); the files are written on the worker, all made before the first is written.
void DashboardWindow::exportTo(const QString &folder)
{
    if (m_storePath.isEmpty()) {
        m_status->setText(tr("Export is not available here."));
        Q_EMIT exported(false, m_status->text());
        return;
    }
    m_export->setEnabled(false);
    m_status->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(folder)));
    m_exportPool.start([this, folder, storePath = m_storePath, window = m_metrics.window(),
                        settings = m_metrics.settings(), now = m_clock.nowMs()] {
        // The console checked its store when it opened it.
        Result<ReportData> data = ReportData::readFile(storePath, window, settings, now,
                                                       Store::IntegrityCheck::Skip);
        QMetaObject::invokeMethod(
                this, [this, data = std::move(data), folder] { exportRead(data, folder); },
                Qt::QueuedConnection);
    });
}

void DashboardWindow::exportRead(const Result<ReportData> &data, const QString &folder)
{
    if (!data) {
        exportDone(Failure{data.error()}, folder);
        return;
    }
    const Result<QByteArray> pdf = ReportPdf(m_storeName, m_metrics.settings()).render(*data);
    if (!pdf) {
        exportDone(Failure{pdf.error()}, folder);
        return;
    }
    m_exportPool.start([this, data = *data, bytes = *pdf, folder] {
        ReportWriter writer(ReportWriter::csvFiles());
        writer.add({ReportPdf::part(), [bytes](const ReportData &) -> Result<QByteArray> {
                        return bytes;
                    }});
        Result<QStringList> written = writer.write(data, folder);
        QMetaObject::invokeMethod(
                this,
                [this, written = std::move(written), folder] { exportDone(written, folder); },
                Qt::QueuedConnection);
    });
}

void DashboardWindow::exportDone(const Result<QStringList> &written, const QString &folder)
{
    m_export->setEnabled(true);
    if (!written) {
        m_status->setText(tr("Nothing exported: %1").arg(written.error()));
        Q_EMIT exported(false, m_status->text());
        return;
    }
    m_status->setText(tr("Exported %n file(s) to %1", nullptr, int(written->size()))
                              .arg(QDir::toNativeSeparators(QDir(folder).absolutePath())));
    Q_EMIT exported(true, m_status->text());
}
