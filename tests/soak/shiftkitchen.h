// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "synctestbed.h"

#include "board/boardactions.h"
#include "board/mainwindow.h"
#include "board/staffrobot.h"

#include <memory>
#include <vector>

/**
 * One console as a kitchen runs it: a ConsoleSession with the kitchen's services over a store file
 * on disk, linked to the hub over 127.0.0.1, the manager's figures running, the board's whole
 * window shown (offscreen) and scripted staff working it through the board's commands: expo, and
 * a robot for each station of the menu, all on this one screen's engine.
 */
class ShiftKitchen final
{
public:
    static inline const QString storeId = QStringLiteral("store-soak");
    static inline const QString consoleId = QStringLiteral("expo");

    ShiftKitchen(const QUrl &hubUrl, const Clock &clock, quint32 seed);
    ~ShiftKitchen();
    Q_DISABLE_COPY_MOVE(ShiftKitchen)

    /** Starts the link and waits (the event loop running) until it is live and the window shown. */
    bool start();
    /** Every robot takes one look at the board and acts; each look timed for the stall tally. */
    void act();
    /** The expo presses the acknowledge key, as at a glance between tickets. */
    void acknowledgeAlerts();

    SyncTest::Console &console() { return *m_console; }
    MainWindow &window() { return *m_window; }
    const std::vector<std::unique_ptr<StaffRobot>> &robots() const { return m_robots; }
    /** Every robot's tally summed. */
    StaffRobot::Tally tally() const;

private:
    void addRobot(const QString &station, const StaffRobot::Pace &pace);

    const Clock &m_clock;
    // Declared in the order they depend on each other: destroyed the other way round.
    std::unique_ptr<SyncTest::Console> m_console;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<BoardActions>> m_actions;
    std::vector<std::unique_ptr<StaffRobot>> m_robots;
};

/**
 * Runs the event loop until done() holds or realMs pass; whether it held. The loop never sleeps
 * between looks (QTest::qWaitFor does), so every gap the probe sees is the program's own work.
 */
bool runUntil(const std::function<bool()> &done, qint64 realMs);
