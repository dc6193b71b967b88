// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "minutedialog.h"

/**
 * Pushing an order's promised time back: +5, +10, +15, +20 or +30 minutes, with the new time
 * shown before it is sent.
 */
class DelayDialog final : public MinuteDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DelayDialog)

public:
    static QList<int> delays();

    /** promisedAt is the order's current promise (UTC ms; 0 if none). */
    DelayDialog(const QString &orderLabel, qint64 promisedAt, const Clock &clock,
                QWidget *parent = nullptr);

private:
    void describeChoice() override;

    qint64 m_promisedAt = 0;
};
