// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstatusview.h"

#include "common/clock.h"
#include "sync/platformlink.h"
#include "sync/syncclient.h"
#include "shared/elidedlabel.h"
#include "shared/widgetlook.h"
#include "ticketstyle.h"

#include <QGridLayout>
#include <QLabel>

namespace {
constexpr int tickMs = 1000;
} // namespace

SyncStatusView::SyncStatusView(const TicketStyle &style, const Clock &clock, QWidget *parent)
    : QFrame(parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("syncStatus"));
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Platform link"));

    const QColor online {0x2e, 0x7d, 0x32};
    m_localColours = WidgetLook::filled(palette(), style.rule, style.cardText);
    m_onlineColours = WidgetLook::filled(palette(), online, style.headerText);
    m_connectingColours = WidgetLook::filled(palette(), style.warn, style.warnText);
    m_offlineColours = WidgetLook::filled(palette(), style.late, style.lateText);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("syncState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setAutoFillBackground(true);
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setContentsMargins(12, 2, 12, 2);
    m_state->setFont(WidgetLook::pixelFont(font(), 30, true));

    // The detail gives way on a narrow screen (the state word says what matters most): to how
    // many changes wait, then to nothing. Its whole text stays in the tooltip and for screen
    // readers. How much room it has is the header's to say.
    m_detail = new ElidedLabel(Qt::ElideRight, this);
    m_detail->setObjectName(QStringLiteral("syncDetail"));
    m_detail->setShortFormKept(false);
    m_detail->setFont(WidgetLook::pixelFont(font(), 19, true));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("syncProblem"));
    // The hub's and the POS's own words: shown as written, never as markup.
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setFont(WidgetLook::pixelFont(font(), 16, true));
    QPalette problemColours = m_problem->palette();
    problemColours.setColor(QPalette::WindowText, style.banner);
    m_problem->setPalette(problemColours);
    m_problem->setWordWrap(true);
    // Wraps within the width the state and detail take: a long problem (or a longer language)
    // must not widen the header past the screen.
    m_problem->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_problem->hide();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(12);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_state, 0, 0, Qt::AlignVCenter);
    layout->addWidget(m_detail, 0, 1, Qt::AlignVCenter);
    layout->addWidget(m_problem, 1, 0, 1, 2); // only while there is one

    m_tick.setInterval(tickMs);
    connect(&m_tick, &QTimer::timeout, this, &SyncStatusView::refresh);
    refresh();
}

void SyncStatusView::setSource(const SyncClient *client, const PlatformLink *link)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_link = link;
    m_since.start();
    if (m_client) {
        connect(m_client, &SyncClient::statusChanged, this, &SyncStatusView::refresh);
        m_tick.start();
    } else {
        m_tick.stop();
    }
    refresh();
}

void SyncStatusView::setProblem(const QString &problem)
{
    m_linkProblem = problem;
    showProblems();
}

void SyncStatusView::setStoreProblem(const QString &problem)
{
    m_storeProblem = problem;
    refresh();
}

void SyncStatusView::setPosProblem(const QString &problem)
{
    m_posProblem = problem;
    showProblems();
}

void SyncStatusView::showProblems()
{
    QStringList lines;
    if (!m_storeProblem.isEmpty()) {
        lines.append(m_storeProblem);
        if (m_client && m_client->isNotSaving())
            lines.append(tr("New orders and changes from the platform wait there until this "
                            "console can save again; nothing is lost."));
    }
    if (!m_linkProblem.isEmpty())
        lines.append(m_linkProblem);
    if (!m_posProblem.isEmpty())
        lines.append(m_posProblem);
    const QString text = lines.join(QLatin1Char('\n'));
    if (text == m_problem->text())
        return;
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

QSize SyncStatusView::shortSizeHint() const
{
    const int shortBy = m_detail->shortSizeHint().width() - m_detail->minimumSizeHint().width();
    return minimumSizeHint() + QSize(shortBy, 0);
}

QString SyncStatusView::stateText() const
{
    return m_state->text();
}

QString SyncStatusView::detailText() const
{
    return m_detail->fullText();
}

QString SyncStatusView::problemText() const
{
    return m_problem->text();
}

QString SyncStatusView::duration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms) / 1000;
    const QLatin1Char zero('0');
    if (seconds < 3600)
        return tr("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, zero);
    return tr("%1:%2:%3")
        .arg(seconds / 3600)
        .arg(seconds / 60 % 60, 2, 10, zero)
        .arg(seconds % 60, 2, 10, zero);
}

QString SyncStatusView::waitingText() const
{
    const ChannelHealth health = m_client->health();
    const int pending = health.pending;
    if (pending == 0)
        return tr("All changes sent");
    const QString count =
        pending == 1 ? tr("1 change waiting") : tr("%1 changes waiting").arg(pending);
    if (!health.oldestPendingAt)
        return count;
    return tr("%1 · oldest %2").arg(count, duration(m_clock.nowMs() - *health.oldestPendingAt));
}

QString SyncStatusView::waitingShortText() const
{
    const int pending = m_client->health().pending;
    return pending == 0 ? tr("All sent") : tr("%n waiting", nullptr, pending);
}

void SyncStatusView::refresh()
{
    showProblems(); // whether the platform's events wait on us can change at any status change
    m_detail->setShortText(m_client ? waitingShortText() : QString());
    if (!m_storeProblem.isEmpty()) {
        // Nothing about the link matters as much: whatever staff do now is not being kept.
        m_state->setText(tr("NOT SAVING"));
        m_state->setPalette(m_offlineColours);
        m_detail->setFullText(m_client ? waitingText() : tr("No platform link"));
        return;
    }
    if (!m_client) {
        m_state->setText(tr("Local only"));
        m_state->setPalette(m_localColours);
        m_detail->setFullText(tr("No platform link"));
        return;
    }
    const QString waiting = waitingText();
    switch (m_client->linkState()) {
    case PlatformLink::State::Live:
        m_state->setText(tr("Online"));
        m_state->setPalette(m_onlineColours);
        m_detail->setFullText(waiting);
        return;
    case PlatformLink::State::Connecting:
        m_state->setText(tr("Connecting…"));
        m_state->setPalette(m_connectingColours);
        m_detail->setFullText(waiting);
        return;
    case PlatformLink::State::Offline:
        break;
    }
    // Silent since the platform last spoke, or since we started trying if it never did.
    const qint64 heard = m_link ? m_link->silentForMs() : -1;
    const qint64 silent = heard >= 0 ? heard : m_since.elapsed();
    m_state->setText(tr("OFFLINE"));
    m_state->setPalette(m_offlineColours);
    m_detail->setFullText(waiting + QLatin1Char('\n')
                          + tr("Platform silent for %1").arg(duration(silent)));
}
