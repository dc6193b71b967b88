// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardheader.h"

#include "feedstatusview.h"
#include "shared/elidedlabel.h"
#include "shared/ticketformat.h"
#include "shared/widgetlook.h"
#include "syncstatusview.h"
#include "ticketstyle.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>
#include <QLabel>
#include <QVBoxLayout>

#include <array>

namespace {
constexpr std::array<OrderState, 4> boardStates {OrderState::Placed, OrderState::Accepted,
                                                 OrderState::Preparing, OrderState::Ready};
} // namespace

BoardHeader::BoardHeader(const TicketStyle &style, const Clock &clock, const QString &storeId,
                         const QString &consoleId, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("boardHeader"));
    setAutoFillBackground(true);
    setPalette(WidgetLook::filled(palette(), style.card, style.cardText));
    setFocusPolicy(Qt::NoFocus);

    auto *store = new ElidedLabel(tr("%1  ·  %2").arg(storeId, consoleId), Qt::ElideLeft, this);
    store->setFont(WidgetLook::pixelFont(font(), 18, false));
    QPalette dim = store->palette();
    dim.setColor(QPalette::WindowText, style.dimText);
    store->setPalette(dim);

    m_openCount = new QLabel(this);
    m_openCount->setObjectName(QStringLiteral("openCount"));
    m_openCount->setFont(WidgetLook::pixelFont(font(), 24, true));

    // Which screen this is must read from across the kitchen: a cook at the fryer glancing up.
    m_viewName = new QLabel(this);
    m_viewName->setObjectName(QStringLiteral("viewName"));
    m_viewName->setTextFormat(Qt::PlainText); // station names come with the orders
    m_viewName->setAutoFillBackground(true);
    m_viewName->setContentsMargins(8, 2, 8, 2);
    m_viewName->setFont(WidgetLook::pixelFont(font(), 26, true));
    m_viewName->setPalette(WidgetLook::filled(palette(), style.selection, Qt::black));

    // Busy mode must be impossible to miss: a loud strip across the whole header, hidden while
    // the store takes orders (a strip, so the counts row keeps its width on a narrow screen).
    m_pause = new QLabel(this);
    m_pause->setObjectName(QStringLiteral("pauseState"));
    m_pause->setFont(WidgetLook::pixelFont(font(), 26, true));
    m_pause->setAlignment(Qt::AlignCenter);
    m_pause->setAutoFillBackground(true);
    m_pause->setContentsMargins(14, 6, 14, 6);
    m_pause->setPalette(WidgetLook::filled(palette(), style.late, style.lateText));
    m_pause->hide();

    // Two rows, so a long translation or a third feed never makes the window wider than the
    // screen: what is on the board (view, counts, who we are) above, how it reaches us (the
    // platform link, every feed's last word) below, and the pause strip under both.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(18, 8, 18, 4);
    layout->setSpacing(10);
    m_links = new QHBoxLayout;
    auto *links = m_links;
    links->setContentsMargins(18, 4, 18, 8);
    links->setSpacing(10);
    rows->addLayout(layout);
    rows->addLayout(links);
    rows->addWidget(m_pause);

    layout->addWidget(m_viewName, 0, Qt::AlignVCenter);
    layout->addWidget(m_openCount, 0, Qt::AlignVCenter);
    layout->addSpacing(12);
    m_emptyColours = WidgetLook::filled(palette(), style.rule, style.dimText);
    for (OrderState state : boardStates) {
        auto *count = new QLabel(this);
        count->setAutoFillBackground(true);
        count->setContentsMargins(12, 4, 12, 4);
        count->setFont(WidgetLook::pixelFont(font(), 18, true));
        m_stateColours.insert(
            state, WidgetLook::filled(palette(), style.stateColor(state), style.headerText));
        m_stateCounts.insert(state, count);
        layout->addWidget(count, 0, Qt::AlignVCenter);
    }
    layout->addSpacing(24);
    // Who we are, small and to the side: on a narrow screen it gives way to the counts.
    store->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(store, 1);

    m_syncStatus = new SyncStatusView(style, clock, this);
    links->addWidget(m_syncStatus, 0, Qt::AlignVCenter);
    links->addSpacing(16);
    m_feedStatus = new FeedStatusView(style, this);
    links->addWidget(m_feedStatus, 0, Qt::AlignVCenter);
    links->addStretch(1);

    // The service at a glance, on the right: the time, late tickets (loud, and in words), and
    // how fast tickets have gone out over the last hour.
    m_late = new QLabel(this);
    m_late->setObjectName(QStringLiteral("lateCount"));
    m_late->setAutoFillBackground(true);
    m_late->setContentsMargins(10, 2, 10, 2);
    m_late->setFont(WidgetLook::pixelFont(font(), 20, true));
    m_lateColours = WidgetLook::filled(palette(), style.late, style.lateText);
    m_average = new ElidedLabel(Qt::ElideRight, this);
    m_average->setObjectName(QStringLiteral("averageTicketTime"));
    // Never part of the row's minimum: giveWay() says when it goes, so it never widens the window.
    m_average->setShortFormKept(false);
    m_average->setFont(WidgetLook::pixelFont(font(), 18, true));
    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("clock"));
    m_clock->setFont(WidgetLook::pixelFont(font(), 24, true));
    links->addWidget(m_late, 0, Qt::AlignVCenter);
    links->addWidget(m_average, 0, Qt::AlignVCenter);
    links->addWidget(m_clock, 0, Qt::AlignVCenter);
    // The way in for a manager at a touch screen (a keyboard has its own key too).
    m_manager = new QToolButton(this);
    m_manager->setObjectName(QStringLiteral("managerButton"));
    m_manager->setText(tr("Manager"));
    m_manager->setMinimumSize(96, 44);
    m_manager->setFocusPolicy(Qt::NoFocus); // the board's keys stay with the tickets
    connect(m_manager, &QToolButton::clicked, this, &BoardHeader::managerRequested);
    links->addSpacing(12);
    links->addWidget(m_manager, 0, Qt::AlignVCenter);

    setCounts({});
}

bool BoardHeader::event(QEvent *event)
{
    // Any text in the links row that changes its width (a feed's age, the late count) asks for
    // a new layout: the row decides again what gives way.
    if (event->type() == QEvent::LayoutRequest)
        giveWay();
    return QFrame::event(event);
}

void BoardHeader::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    giveWay();
}

void BoardHeader::giveWay()
{
    // The links row never widens the window. What loses least gives way first: the average's
    // "last hour", then the feed chips' ages (their names stay, and an alarm keeps its mark),
    // then the sync detail down to how many changes wait, then the average, and last that
    // count. The state word, late count, clock and manager's button keep their size. All of
    // it is decided here, so the row's parts get the room they ask for and the layout never
    // shares a shortfall out evenly; and from the parts' own sizes, so a decision never undoes
    // itself on the next layout.
    const bool feeds = !m_feedStatus->isHidden();
    const int feedsWhole = feeds ? m_feedStatus->fullWidth() : 0;
    const int feedsShort = feeds ? m_feedStatus->minimumSizeHint().width() : 0;
    const int averageWhole = m_average->wholeSizeHint().width();
    const int averageShort = m_average->shortSizeHint().width();
    const int syncWhole = m_syncStatus->sizeHint().width();
    const int syncShort = m_syncStatus->shortSizeHint().width();
    const int syncLeast = m_syncStatus->minimumSizeHint().width();
    const int others = m_links->sizeHint().width() - m_average->sizeHint().width()
        - (feeds ? m_feedStatus->sizeHint().width() : 0)
        - std::min(syncWhole, m_syncStatus->maximumWidth());
    const int room = width() - others;

    const bool wholeFits = syncWhole + feedsWhole + averageWhole <= room;
    const bool feedsFit = syncWhole + feedsWhole + averageShort <= room;
    const bool averageFits = syncShort + feedsShort + averageShort <= room;
    using Room = ElidedLabel::Room;
    m_average->setRoom(wholeFits ? Room::Whole : averageFits ? Room::Short : Room::None);
    m_feedStatus->setCompact(!feedsFit);
    const int averageTakes = wholeFits ? averageWhole : averageFits ? averageShort : 0;
    // The sync view takes what is left; a maximum width is all it needs to shorten its detail.
    const int syncGets = room - (feedsFit ? feedsWhole : feedsShort) - averageTakes;
    m_syncStatus->setMaximumWidth(syncGets >= syncWhole ? QWIDGETSIZE_MAX
                                                        : std::max(syncLeast, syncGets));
}

void BoardHeader::setCounts(const QMap<OrderState, int> &openByState)
{
    int open = 0;
    for (OrderState state : boardStates) {
        const int count = openByState.value(state);
        open += count;
        QLabel *label = m_stateCounts.value(state);
        label->setText(tr("%1  %2").arg(TicketFormat::stateCaption(state)).arg(count));
        label->setPalette(count > 0 ? m_stateColours.value(state) : m_emptyColours);
    }
    m_openCount->setText(tr("%n open", nullptr, open));
}

void BoardHeader::setService(qint64 nowMs, int late, std::optional<qint64> averageMs)
{
    m_clock->setText(QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime().toString(
        QStringLiteral("HH:mm")));
    // No late ticket, no label: the row keeps its room for a narrow screen.
    m_late->setText(tr("%n LATE", nullptr, late));
    m_late->setPalette(m_lateColours);
    m_late->setVisible(late > 0);
    if (averageMs) {
        const QString elapsed = TicketFormat::elapsed(*averageMs);
        m_average->setFullText(tr("avg %1 last hour").arg(elapsed));
        m_average->setShortText(tr("avg %1", "the average ticket time, short").arg(elapsed));
    } else {
        m_average->setFullText(tr("avg –"));
        m_average->setShortText(m_average->fullText());
    }
}

QString BoardHeader::serviceText() const
{
    QStringList parts{m_clock->text()};
    if (!m_late->isHidden())
        parts.append(m_late->text());
    parts.append(m_average->fullText());
    return parts.join(QStringLiteral(" · "));
}

void BoardHeader::setPausedUntil(qint64 untilMs)
{
    if (untilMs <= 0) {
        m_pause->clear();
        m_pause->hide();
        return;
    }
    const QString time = QDateTime::fromMSecsSinceEpoch(untilMs).toLocalTime().toString(
        QStringLiteral("HH:mm"));
    m_pause->setText(tr("PAUSED until %1  ·  no new orders from the platform").arg(time));
    m_pause->show();
}

QString BoardHeader::pauseText() const
{
    return m_pause->text();
}

void BoardHeader::setViewName(const QString &name)
{
    m_viewName->setText(name);
}

QString BoardHeader::viewName() const
{
    return m_viewName->text();
}

QString BoardHeader::openCountText() const
{
    return m_openCount->text();
}
