// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QList>
#include <QPalette>
#include <QTimer>

class QLabel;
class QVBoxLayout;
struct TicketStyle;

/**
 * Alerts staff must not miss (the platform's history overtook this console: a cancel while
 * offline, a refused bump). Unlike the notice banner they stay until acknowledged, one at a time,
 * with the acknowledge key (C by default) or a tap on the alert; several stack, newest last.
 * Hidden when there are none.
 */
class AlertBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertBanner)

public:
    static constexpr int maxShown = 3; // more are counted in a last line, so the board keeps room

    explicit AlertBanner(const TicketStyle &style, QWidget *parent = nullptr);

    /** The key named in the hint line, as the key map binds it. */
    void setAcknowledgeKeyName(const QString &keyName);
    /** Adds an alert; details (what changed, item by item) show under it until acknowledged. */
    void addAlert(const QString &orderId, const QString &message, const QStringList &details = {});
    /** Flashes the strip a few times: the visual fallback when the sound is muted or absent. */
    void flash();
    bool isFlashing() const { return m_flashTimer.isActive(); }
    /** Acknowledges the oldest alert; false when there was none. */
    bool acknowledgeOldest();
    void acknowledge(int index);

    int count() const { return int(m_alerts.size()); }
    /** The alerts' messages, oldest first. */
    QStringList messages() const;

Q_SIGNALS:
    void acknowledged(const QString &orderId);

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Alert
    {
        QString orderId;
        QString message;
        QStringList details;
    };
    void rebuild();
    void onFlashTick();

    QList<Alert> m_alerts;
    QList<QLabel *> m_rows;
    QLabel *m_more = nullptr;
    QLabel *m_hint = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QPalette m_colours;
    QPalette m_flashColours;
    QTimer m_flashTimer;
    int m_flashTicks = 0;
};
