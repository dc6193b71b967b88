// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

/**
 * Turns SIGTERM and SIGINT into a Qt signal on the event loop. The handler only writes the
 * signal's number to a socket pair (async-signal-safe); a QSocketNotifier reads it and emits
 * stopRequested(), where the real work of stopping may run. One per process.
 */
class StopSignals final : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;
    Q_DISABLE_COPY_MOVE(StopSignals)

    /** Installs the handlers; false with errorString() when the socket pair or a handler fails. */
    bool install();
    /** Why install() failed. */
    QString errorString() const { return m_error; }
    /** The signal's name for logs, e.g. "SIGTERM". */
    static QString name(int signalNumber);

Q_SIGNALS:
    /** SIGTERM or SIGINT arrived (once per delivery). */
    void stopRequested(int signalNumber);

private:
    void onReadable();
    void restore();

    QSocketNotifier *m_notifier = nullptr;
    QString m_error;
    bool m_installed = false;
};
