// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stationpage.h"

#include "dialogs/dialogparts.h"
#include "order/orderlimits.h"
#include "shared/widgetlook.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

StationPage::StationPage(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setFont(WidgetLook::pixelFont(font(), 28, true));
    m_title->setWordWrap(true);
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("pairedIdentity"));
    m_identity->setWordWrap(true);
    m_store = new QLineEdit(this);
    m_store->setObjectName(QStringLiteral("storeId"));
    m_console = new QLineEdit(this);
    m_console->setObjectName(QStringLiteral("consoleId"));
    for (QLineEdit *edit : {m_store, m_console}) {
        edit->setMinimumHeight(DialogParts::touchHeight);
        edit->setMaxLength(OrderLimits::maxIdLength);
        connect(edit, &QLineEdit::textChanged, this, &StationPage::completeChanged);
    }
    connect(m_store, &QLineEdit::editingFinished, this,
            [this] { Q_EMIT storeChanged(storeId()); });
    m_stations = new QListWidget(this);
    m_stations->setObjectName(QStringLiteral("stations"));
    m_stations->setFont(WidgetLook::pixelFont(font(), 22));
    m_stations->setStyleSheet(QStringLiteral("QListWidget::item { min-height: %1px; }")
                                      .arg(DialogParts::touchHeight));

    auto *form = new QFormLayout;
    m_storeLabel = new QLabel(this);
    m_consoleLabel = new QLabel(this);
    form->addRow(m_storeLabel, m_store);
    form->addRow(m_consoleLabel, m_console);
    m_stationLabel = new QLabel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->addWidget(m_title);
    layout->addWidget(m_identity);
    layout->addLayout(form);
    layout->addWidget(m_stationLabel);
    layout->addWidget(m_stations, 1);
    setFocusProxy(m_stations);
    retranslate();
}

void StationPage::setIdentity(const QString &storeId, const QString &consoleId, bool paired)
{
    m_paired = paired;
    m_store->setText(storeId);
    m_console->setText(consoleId);
    for (QWidget *widget : {static_cast<QWidget *>(m_store), static_cast<QWidget *>(m_console),
                            static_cast<QWidget *>(m_storeLabel),
                            static_cast<QWidget *>(m_consoleLabel)})
        widget->setVisible(!paired);
    m_identity->setVisible(paired);
    retranslate();
}

void StationPage::setStations(const QStringList &stations, const QString &chosen)
{
    m_stations->clear();
    auto *expo = new QListWidgetItem(m_stations);
    expo->setData(Qt::UserRole, QString());
    for (const QString &station : stations) {
        auto *item = new QListWidgetItem(station, m_stations);
        item->setData(Qt::UserRole, station);
        if (station == chosen)
            m_stations->setCurrentItem(item);
    }
    if (!m_stations->currentItem())
        m_stations->setCurrentItem(expo);
    retranslate();
}

QString StationPage::storeId() const
{
    return m_store->text().trimmed();
}

QString StationPage::consoleId() const
{
    return m_console->text().trimmed();
}

QString StationPage::station() const
{
    const QListWidgetItem *item = m_stations->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

bool StationPage::isComplete() const
{
    return OrderLimits::idProblem(QStringLiteral("store"), storeId()).isEmpty()
            && OrderLimits::idProblem(QStringLiteral("console"), consoleId()).isEmpty();
}

void StationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StationPage::retranslate()
{
    m_title->setText(tr("Which screen is this?"));
    m_identity->setText(tr("Paired with the platform: this screen is %1 of store %2.")
                                .arg(consoleId(), storeId()));
    m_storeLabel->setText(tr("Store"));
    m_consoleLabel->setText(tr("This screen's name"));
    m_stationLabel->setText(tr("What this screen shows (S on the board changes it later):"));
    if (m_stations->count() > 0)
        m_stations->item(0)->setText(tr("Expo: whole orders"));
}
