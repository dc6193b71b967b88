// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertbanner.h"

#include "shared/uilogging.h"
#include "shared/widgetlook.h"
#include "ticketstyle.h"

#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace {
QLabel *oneLine(QWidget *parent, const QFont &font)
{
    auto *label = new QLabel(parent);
    label->setFont(font);
    label->setWordWrap(false);
    label->setTextFormat(Qt::PlainText);
    // Never wider than the window lets it be: the text is cut to fit, the strip never grows.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    label->setFixedHeight(label->fontMetrics().height());
    return label;
}
} // namespace

AlertBanner::AlertBanner(const TicketStyle &style, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("alerts"));
    setAccessibleName(tr("Alerts"));
    setFocusPolicy(Qt::NoFocus);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_colours = WidgetLook::filled(palette(), style.late, style.lateText);
    m_flashColours = WidgetLook::filled(palette(), style.lateText, style.late); // inverted
    setPalette(m_colours);
    m_flashTimer.setInterval(250); // two blinks a second: well under the limit of three
    connect(&m_flashTimer, &QTimer::timeout, this, &AlertBanner::onFlashTick);
    setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 6, 18, 6);
    layout->setSpacing(2);
    const QFont rowFont = WidgetLook::pixelFont(font(), 24, true);
    for (int i = 0; i < maxRows; ++i) {
        m_rows.append(oneLine(this, rowFont));
        layout->addWidget(m_rows.constLast());
    }
    m_footer = oneLine(this, WidgetLook::pixelFont(font(), 16, false));
    layout->addWidget(m_footer);
    setAcknowledgeKeyName(QStringLiteral("C"));
}

void AlertBanner::setAcknowledgeKeyName(const QString &keyName)
{
    m_hint = tr("Press %1 or tap here to acknowledge all").arg(keyName);
    rebuild();
}

void AlertBanner::addAlert(const KitchenAlert &alert)
{
    m_digest.add(alert);
    rebuild();
}

void AlertBanner::addAlert(const QString &message, const QStringList &details)
{
    KitchenAlert alert;
    alert.kind = KitchenAlert::Kind::Overtaken;
    alert.title = message;
    alert.details = details;
    m_digest.add(alert); // about no order: nothing merges with it
    rebuild();
}

void AlertBanner::withdraw(KitchenAlert::Kind kind, const QString &source)
{
    if (m_digest.withdraw(kind, source))
        rebuild();
}

void AlertBanner::acknowledgeOrder(const QString &orderId)
{
    if (m_digest.acknowledgeOrder(orderId))
        rebuild();
}

void AlertBanner::orderSettled(const QString &orderId)
{
    if (m_digest.orderSettled(orderId))
        rebuild();
}

bool AlertBanner::acknowledgeAll()
{
    if (m_digest.isEmpty())
        return false;
    qCInfo(lcBoard) << "alerts acknowledged:" << m_digest.count();
    m_digest.clear();
    rebuild();
    return true;
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

QStringList AlertBanner::messages() const
{
    QStringList all;
    for (const AlertDigest::Entry &entry : m_digest.entries())
        all.append(entry.title());
    return all;
}

QStringList AlertBanner::shownLines() const
{
    QStringList lines;
    for (const QLabel *row : m_rows) {
        if (!row->isHidden())
            lines.append(row->text());
    }
    lines.append(m_footer->text());
    return lines;
}

void AlertBanner::mousePressEvent(QMouseEvent *event)
{
    event->accept();
    Q_EMIT acknowledgeAllRequested();
}

void AlertBanner::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitRows();
}

void AlertBanner::rebuild()
{
    // The newest lines on top; only as many as there are rows, whatever waits behind them.
    const QList<AlertDigest::Entry> &entries = m_digest.entries();
    m_rowTexts.clear();
    for (qsizetype at = entries.size() - 1; at >= 0 && m_rowTexts.size() < maxRows; --at) {
        const AlertDigest::Entry &entry = entries.at(at);
        QString text = QStringLiteral("\u26A0  ") + entry.title();
        const QStringList details = entry.details();
        if (!details.isEmpty())
            text += QStringLiteral("  \u2014  ") + details.join(QStringLiteral("  \u00B7  "));
        m_rowTexts.append(text);
    }
    for (int row = 0; row < m_rows.size(); ++row)
        m_rows.at(row)->setVisible(row < m_rowTexts.size());
    const int older = int(entries.size()) - int(m_rowTexts.size());
    m_footer->setText(older > 0 ? tr("+ %n earlier alerts", nullptr, older)
                              + QStringLiteral("   \u00B7   ") + m_hint
                                : m_hint);
    fitRows();
    setVisible(!entries.isEmpty());
}

void AlertBanner::fitRows()
{
    for (int row = 0; row < m_rowTexts.size(); ++row) {
        QLabel *label = m_rows.at(row);
        const int width = label->contentsRect().width();
        // Before the first layout the width is unknown: the whole text, cut on the next resize.
        label->setText(
            width > 0 ? label->fontMetrics().elidedText(m_rowTexts.at(row), Qt::ElideRight, width)
                      : m_rowTexts.at(row));
    }
}
