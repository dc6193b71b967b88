// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/alertdigest.h"

#include <QFrame>
#include <QList>
#include <QPalette>
#include <QTimer>

class QLabel;
class QVBoxLayout;
struct TicketStyle;

/**
 * The alerts staff must not miss (an order cancelled or changed under their hands, the platform
 * overruling this console, a quiet feed), in one strip of bounded height: alerts of one kind
 * raised close together merge into one line (AlertDigest), the newest maxRows lines show, each on
 * one line (cut short with "…" when too long), and a last line counts the rest and names the key
 * that acknowledges them all (C by default; a tap on the strip does the same). A feed's alarm goes
 * by itself when the feed speaks again. Hidden when there are none.
 */
class AlertBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertBanner)

public:
    static constexpr int maxRows = 3; // the newest lines; older ones are counted, never stacked

    explicit AlertBanner(const TicketStyle &style, QWidget *parent = nullptr);

    /** The key named in the hint line, as the key map binds it. */
    void setAcknowledgeKeyName(const QString &keyName);
    /** Alerts of one kind this close together merge into one line. */
    void setMergeWindowMs(qint64 ms) { m_digest.setMergeWindowMs(ms); }

    /** Adds a kitchen alert, merged with its kind's latest line when raised shortly after it. */
    void addAlert(const KitchenAlert &alert);
    /** Adds an alert from outside the kitchen's flow (a rebuilt store): a line of its own. */
    void addAlert(const QString &message, const QStringList &details = {});
    /** Takes down an alarm that no longer holds (a quiet feed that spoke again). */
    void withdraw(KitchenAlert::Kind kind, const QString &source);
    /** A ticket was acknowledged on the board: a line whose every ticket was, goes. */
    void acknowledgeOrder(const QString &orderId);
    /** The order left the kitchen's work: lines about it being new, late or changed forget it. */
    void orderSettled(const QString &orderId);
    /** Acknowledges every alert; false when there was none. */
    bool acknowledgeAll();

    /** Flashes the strip a few times: the visual fallback when the sound is muted or absent. */
    void flash();
    bool isFlashing() const { return m_flashTimer.isActive(); }

    /** How many lines (merged alerts) wait, shown or counted. */
    int count() const { return m_digest.count(); }
    /** Their titles, the oldest first. */
    QStringList messages() const;
    /** What the strip says now, line by line as shown (cut to its width), top to bottom. */
    QStringList shownLines() const;

Q_SIGNALS:
    /** The strip was tapped: staff acknowledge every alert (as with the key). */
    void acknowledgeAllRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void fitRows();
    void onFlashTick();

    AlertDigest m_digest;
    QList<QLabel *> m_rows;
    QStringList m_rowTexts; // each row's whole text, cut to the width by fitRows()
    QLabel *m_footer = nullptr;
    QString m_hint;
    QPalette m_colours;
    QPalette m_flashColours;
    QTimer m_flashTimer;
    int m_flashTicks = 0;
};
