// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedstatusview.h"

#include "engine/feedmonitor.h"
#include "shared/elidedlabel.h"
#include "shared/widgetlook.h"
#include "syncstatusview.h"
#include "ticketstyle.h"

#include <QHBoxLayout>

namespace {
constexpr int tickIntervalMs = 1000;
} // namespace

FeedStatusView::FeedStatusView(const TicketStyle &style, QWidget *parent)
    : QFrame(parent)
    , m_calmColours(WidgetLook::filled(palette(), style.rule, style.cardText))
    , m_alarmColours(WidgetLook::filled(palette(), style.late, style.lateText))
{
    setObjectName(QStringLiteral("feeds"));
    setAccessibleName(tr("Order feeds"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_tick.setInterval(tickIntervalMs);
    connect(&m_tick, &QTimer::timeout, this, &FeedStatusView::refresh);
}

void FeedStatusView::setMonitor(const FeedMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (monitor) {
        connect(monitor, &FeedMonitor::changed, this, &FeedStatusView::refresh);
        m_tick.start();
    } else {
        m_tick.stop();
    }
    refresh();
}

void FeedStatusView::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    for (ElidedLabel *chip : std::as_const(m_chips))
        chip->setRoom(compact ? ElidedLabel::Room::Short : ElidedLabel::Room::Whole);
}

int FeedStatusView::fullWidth() const
{
    int width = 0;
    for (const QString &source : m_order)
        width += m_chips.value(source)->wholeSizeHint().width();
    return width + m_layout->spacing() * std::max<int>(0, m_order.size() - 1);
}

QStringList FeedStatusView::chipTexts() const
{
    QStringList texts;
    for (const QString &source : m_order)
        texts.append(m_chips.value(source)->fullText());
    return texts;
}

bool FeedStatusView::isAlarmShown(const QString &source) const
{
    return m_alarmShown.value(source);
}

void FeedStatusView::refresh()
{
    const QList<FeedStatus> feeds = m_monitor ? m_monitor->feeds() : QList<FeedStatus>();
    QStringList seen;
    for (const FeedStatus &feed : feeds) {
        seen.append(feed.source);
        ElidedLabel *chip = chipFor(feed.source);
        const QString name = FeedMonitor::displayName(feed.source);
        QString text;
        if (feed.alarm)
            text = tr("%1 QUIET %2").arg(name, SyncStatusView::duration(feed.quietForMs));
        else if (feed.lastHeardAt == 0)
            text = tr("%1 not heard yet").arg(name);
        else
            text = tr("%1 %2 ago").arg(name, SyncStatusView::duration(feed.quietForMs));
        // Where the header runs short, the feed's name alone; a quiet one keeps a mark, so the
        // alarm is never told by its colour only.
        chip->setShortText(feed.alarm ? tr("⚠ %1", "a quiet feed, short").arg(name) : name);
        chip->setFullText(text);
        chip->setPalette(feed.alarm ? m_alarmColours : m_calmColours);
        m_alarmShown.insert(feed.source, feed.alarm);
    }
    // A feed the monitor no longer lists (a POS removed from the settings) leaves the header.
    for (const QString &source : std::as_const(m_order)) {
        if (!seen.contains(source)) {
            delete m_chips.take(source);
            m_alarmShown.remove(source);
        }
    }
    m_order = seen;
    setVisible(!m_order.isEmpty());
}

ElidedLabel *FeedStatusView::chipFor(const QString &source)
{
    if (ElidedLabel *chip = m_chips.value(source))
        return chip;
    auto *chip = new ElidedLabel(Qt::ElideRight, this);
    chip->setRoom(m_compact ? ElidedLabel::Room::Short : ElidedLabel::Room::Whole);
    chip->setAutoFillBackground(true);
    chip->setContentsMargins(10, 4, 10, 4);
    chip->setFont(WidgetLook::pixelFont(chip->font(), 16, true));
    m_layout->addWidget(chip);
    m_chips.insert(source, chip);
    return chip;
}
