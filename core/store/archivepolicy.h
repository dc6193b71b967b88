// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/** When a finished order leaves the live store (setting archive/after_days). */
struct ArchivePolicy
{
    // Past the dashboard's longest window (30 days), so no figure a manager can ask for changes.
    static constexpr int defaultAfterDays = 35;
    static constexpr int minimumAfterDays = 31;

    int afterDays = defaultAfterDays;
    // Orders moved per write transaction: the live store's lock is held for one batch at a time.
    int ordersPerBatch = 200;
};
