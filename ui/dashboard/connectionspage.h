// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class ConsoleSession;
class QLabel;
class QPushButton;

/**
 * The dashboard's page for how this console is connected: the platform it syncs with (address,
 * store and console, whether the platform takes a manager's word from this console, and how much
 * of the store's older history has arrived), and the store's POS, which a manager changes from
 * here (the board's own settings leave it out).
 */
class ConnectionsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPage)

public:
    explicit ConnectionsPage(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads the connections again (after the POS was changed, as the link's word changes). */
    void refresh();

    QString platformText() const;
    QString managerText() const;
    /** Empty when the console never started from a snapshot (it has the whole history). */
    QString historyText() const;
    QString posText() const;
    QPushButton *changePosButton() const { return m_changePos; }
    QPushButton *setupButton() const { return m_setup; }

Q_SIGNALS:
    /** The manager asked to change the POS connection. */
    void posSettingsRequested();
    /** The manager asked to set this screen up again: pairing, store, station. */
    void setupRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshHistory();

    ConsoleSession &m_session;
    QLabel *m_platform;
    QLabel *m_manager;
    QLabel *m_history;
    QLabel *m_pos;
    QPushButton *m_changePos;
    QPushButton *m_setup;
};
