// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "minutedialog.h"

/**
 * Accepting an order: how many minutes until it is ready, in 5-minute steps, the store's default
 * chosen, with the promised ready time shown before it is sent.
 */
class AcceptDialog final : public MinuteDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptDialog)

public:
    /** The quotes offered: 5…60 in 5-minute steps, then 90 and 120 for catering-sized orders. */
    static QList<int> quotes();

    AcceptDialog(const QString &orderLabel, int defaultMinutes, const Clock &clock,
                 QWidget *parent = nullptr);

private:
    void describeChoice() override;
};
