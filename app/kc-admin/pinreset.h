// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exitcode.h"

#include <QObject>
#include <QTimer>

class ManagerPin;
class QSettings;
class QTextStream;

/**
 * pin-reset: forgets a store's manager PIN on this machine, for a manager who forgot it (or a
 * record the keyring cannot read). Drives ManagerPin::reset(): the keyring's record is removed,
 * then the wrong PINs and any wait kept in the console's settings are cleared, so the next
 * opening of the dashboard sets a new PIN. Prints what it did, never the PIN or its record.
 * Answers done() once: Ok; KeyringUnavailable (nothing was changed); CannotWrite (the settings
 * file cannot be written: checked first, so nothing was changed, unless it failed afterwards).
 */
class PinReset final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PinReset)

public:
    static constexpr int defaultTimeoutMs = 30'000;

    /** pin must be built over settings; all must outlive this. */
    PinReset(ManagerPin &pin, QSettings &settings, const QString &storeId, QTextStream &out,
             QTextStream &err, QObject *parent = nullptr);

    /** Bounds the keyring's answer: a keyring waiting for an unlock nobody sees must not hang. */
    void setTimeoutMs(int timeoutMs);
    void start();

Q_SIGNALS:
    void done(ExitCode code);

private:
    void onReset(bool wasSet);
    void onFailed(const QString &message);
    void onTimeout();
    void notReset(const QString &message);

    ManagerPin &m_pin;
    QSettings &m_settings;
    const QString m_storeId;
    QTextStream &m_out;
    QTextStream &m_err;
    QTimer m_timer;
    int m_wrongBefore = 0;
    bool m_waitBefore = false;
};
