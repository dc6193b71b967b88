// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QTimer>

struct TicketStyle;

/**
 * A strip across the top of the board that says what just happened: a refusal in warning colours,
 * a confirmation in calm ones; it clears itself after a while. The strip keeps its place when
 * empty, so a notice never makes the tickets jump.
 */
class NoticeBanner final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeBanner)

public:
    enum class Kind {
        Info,
        Warning,
    };

    explicit NoticeBanner(const TicketStyle &style, QWidget *parent = nullptr);

    void setTimeoutMs(int timeoutMs) { m_timer.setInterval(timeoutMs); }
    Kind kind() const { return m_kind; }
    bool hasNotice() const { return !text().isEmpty(); }

    void showNotice(const QString &text, Kind kind);
    void clearNotice();

private:
    QPalette m_idleColours;
    QPalette m_infoColours;
    QPalette m_warningColours;
    QTimer m_timer;
    Kind m_kind = Kind::Info;
};
