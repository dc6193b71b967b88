// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/kitchenalert.h"
#include "soundpacer.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <array>

class Clock;
class QSoundEffect;

/**
 * Plays a short sound for each kitchen alert: a chime for new orders, an urgent beep for the rest.
 * Sounds are paced (one per second at most, a more urgent one held for the end of the gap). When a
 * sound cannot be heard (muted, or no audio output) it says so through visualFallback(), so the
 * board can flash instead: an alert is never silent and unseen.
 */
class AlertSound final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertSound)

public:
    enum class Sound {
        Chime, // new orders
        Urgent, // late, cancelled, changed, overtaken, feed quiet
    };
    Q_ENUM(Sound)

    explicit AlertSound(const Clock &clock, QObject *parent = nullptr);

    /** Which sound an alert of this kind makes. */
    static Sound soundFor(KitchenAlert::Kind kind);
    /** Where a sound's WAV lives (compiled into the resources). */
    static QUrl sourceOf(Sound sound);

    /** Sounds the alert, or asks for a visual fallback; connect KitchenAlerts::raised here. */
    void alert(const KitchenAlert &alert);
    /** The same, for a kind alone. */
    void play(KitchenAlert::Kind kind);

    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    /** Whether the system has an audio output to play on (asked each time; devices come and go). */
    bool isAvailable() const;
    /** The shortest time between two sounds. */
    void setMinGapMs(qint64 ms) { m_pacer.setGapMs(ms); }

Q_SIGNALS:
    /** An alert of this kind is due but cannot be heard: show it instead. */
    void visualFallback(KitchenAlert::Kind kind);
    /** A sound started. */
    void played(AlertSound::Sound sound);
    void mutedChanged(bool muted);

private:
    void start(Sound sound);
    void playHeld();
    QSoundEffect *effect(Sound sound);

    const Clock &m_clock;
    SoundPacer m_pacer;
    QTimer m_heldTimer;
    std::array<QSoundEffect *, 2> m_effects{}; // made on first use, only when there is an output
    // The latest alert kind behind each sound, for a fallback that comes after the pacing.
    std::array<KitchenAlert::Kind, 2> m_lastKind{KitchenAlert::Kind::NewOrder,
                                                 KitchenAlert::Kind::Late};
    bool m_muted = false;
};
