// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertbanner.h"

#include "shared/uilogging.h"
#include "shared/widgetlook.h"
#include "ticketstyle.h"

#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

AlertBanner::AlertBanner(const TicketStyle &style, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("alerts"));
    setAccessibleName(tr("Alerts"));
    setFocusPolicy(Qt::NoFocus);
    setAutoFillBackground(true);
    m_colours = WidgetLook::filled(palette(), style.late, style.lateText);
    m_flashColours = WidgetLook::filled(palette(), style.lateText, style.late); // inverted
    setPalette(m_colours);
    m_flashTimer.setInterval(250);
    connect(&m_flashTimer, &QTimer::timeout, this, &AlertBanner::onFlashTick);
    setCursor(Qt::PointingHandCursor);

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(18, 8, 18, 8);
    m_layout->setSpacing(4);
    for (int i = 0; i < maxShown; ++i) {
        auto *row = new QLabel(this);
        row->setWordWrap(true);
        row->setFont(WidgetLook::pixelFont(font(), 24, true));
        m_rows.append(row);
        m_layout->addWidget(row);
    }
    m_more = new QLabel(this);
    m_more->setFont(WidgetLook::pixelFont(font(), 18, true));
    m_layout->addWidget(m_more);
    m_hint = new QLabel(this);
    setAcknowledgeKeyName(QStringLiteral("C"));
    m_hint->setFont(WidgetLook::pixelFont(font(), 16, false));
    m_layout->addWidget(m_hint);
    rebuild();
}

void AlertBanner::setAcknowledgeKeyName(const QString &keyName)
{
    m_hint->setText(tr("Press %1 or tap an alert once you have dealt with it").arg(keyName));
}

void AlertBanner::addAlert(const QString &orderId, const QString &message,
                           const QStringList &details)
{
    m_alerts.append({orderId, message, details});
    rebuild();
}

void AlertBanner::flash()
{
    m_flashTicks = 8; // four blinks, two seconds: seen from across the kitchen, then calm
    m_flashTimer.start();
    onFlashTick();
}

void AlertBanner::onFlashTick()
{
    --m_flashTicks;
    setPalette(m_flashTicks % 2 == 1 ? m_flashColours : m_colours);
    if (m_flashTicks <= 0) {
        m_flashTimer.stop();
        setPalette(m_colours);
    }
}

bool AlertBanner::acknowledgeOldest()
{
    if (m_alerts.isEmpty())
        return false;
    acknowledge(0);
    return true;
}

void AlertBanner::acknowledge(int index)
{
    if (index < 0 || index >= m_alerts.size())
        return;
    const Alert alert = m_alerts.takeAt(index);
    qCInfo(lcBoard).noquote() << "alert acknowledged for order" << alert.orderId;
    rebuild();
    Q_EMIT acknowledged(alert.orderId);
}

QStringList AlertBanner::messages() const
{
    QStringList all;
    for (const Alert &alert : m_alerts)
        all.append(alert.message);
    return all;
}

void AlertBanner::mousePressEvent(QMouseEvent *event)
{
    // A tap on an alert acknowledges that one; anywhere else on the strip, the oldest.
    const QPoint at = event->position().toPoint();
    int index = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row)->isVisible() && m_rows.at(row)->geometry().contains(at))
            index = row;
    }
    acknowledge(index);
    event->accept();
}

void AlertBanner::rebuild()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        QLabel *label = m_rows.at(row);
        const bool used = row < m_alerts.size();
        QString text;
        if (used) {
            const Alert &alert = m_alerts.at(row);
            text = QStringLiteral("\u26A0  ") + alert.message;
            for (const QString &detail : alert.details)
                text += QStringLiteral("\n      ") + detail;
        }
        label->setText(text);
        label->setVisible(used);
    }
    const int hidden = int(m_alerts.size()) - maxShown;
    m_more->setText(hidden > 0 ? tr("+ %n more", nullptr, hidden) : QString());
    m_more->setVisible(hidden > 0);
    setVisible(!m_alerts.isEmpty());
}
