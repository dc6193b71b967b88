// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class ChannelRegistry;
class ChannelUptime;
class Clock;
class QTableView;
class SyncHealthModel;

/**
 * Every link of this console (the platform, the POS) green, amber or red with the reason in
 * words: read on each change of a link and once a second, so ages keep counting.
 */
class SyncHealthPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHealthPanel)

public:
    SyncHealthPanel(const ChannelRegistry &channels, const ChannelUptime &uptime,
                    const Clock &clock, QWidget *parent = nullptr);

    const SyncHealthModel &model() const { return *m_model; }
    SyncHealthModel &model() { return *m_model; }
    /** Reads every link's health now. */
    void refresh();

private:
    void follow();

    const ChannelRegistry &m_channels;
    const ChannelUptime &m_uptime;
    const Clock &m_clock;
    SyncHealthModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QTimer m_tick;
};
