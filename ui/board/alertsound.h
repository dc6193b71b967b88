// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/kitchenalert.h"
#include "soundpacer.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <array>
#include <optional>

class Clock;
class QSoundEffect;

/**
 * Plays a short sound for each kitchen alert, one sound per meaning so a cook knows without
 * looking: a chime for new orders, a falling two-tone for an order changed or cancelled (or
 * overruled by the platform), insistent beeps for late orders and quiet feeds. A feed back
 * online makes no sound. Sounds are paced (one per second at most, a more urgent one held for the
 * end of the gap). When a sound cannot be heard (muted, or no audio output) it says so through
 * visualFallback(), so the board can flash instead: an alert is never silent and unseen. With
 * repeatNewOrders on, the chime sounds again every repeat interval until someone looks at the
 * board (lookedAt()).
 */
class AlertSound final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertSound)

public:
    // In rising urgency: the pacer holds a more urgent sound for the end of its gap.
    enum class Sound {
        Chime, // new orders
        Change, // changed, cancelled, overtaken
        Urgent, // late, feed quiet
    };
    Q_ENUM(Sound)

    static constexpr int defaultRepeatIntervalMs = 10'000;

    explicit AlertSound(const Clock &clock, QObject *parent = nullptr);

    /** Which sound an alert of this kind makes; none for good news (a feed back online). */
    static std::optional<Sound> soundFor(KitchenAlert::Kind kind);
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

    /** Whether the new-order chime repeats until someone looks (a setting; off by default). */
    void setRepeatNewOrders(bool repeat);
    bool repeatsNewOrders() const { return m_repeatNewOrders; }
    /** How long the new-order chime waits before it sounds again (BoardOptions' setting). */
    void setRepeatIntervalMs(int ms);
    int repeatIntervalMs() const { return m_repeatTimer.interval(); }
    /** Whether a new order is waiting for someone to look (the chime repeats meanwhile). */
    bool isRepeating() const { return m_repeatTimer.isActive(); }
    /** Someone looked at the board (a key, a tap): the new-order chime stops repeating. */
    void lookedAt();

Q_SIGNALS:
    /** An alert of this kind is due but cannot be heard: show it instead. */
    void visualFallback(KitchenAlert::Kind kind);
    /** A sound started. */
    void played(AlertSound::Sound sound);
    /** The new-order chime came round again: nobody has looked since the new order. */
    void repeated();
    void mutedChanged(bool muted);

private:
    void start(Sound sound);
    void playHeld();
    void repeatChime();
    QSoundEffect *effect(Sound sound);

    static constexpr std::size_t soundCount = 3;

    const Clock &m_clock;
    SoundPacer m_pacer;
    QTimer m_heldTimer;
    QTimer m_repeatTimer;
    std::array<QSoundEffect *, soundCount> m_effects {}; // made on first use, only with an output
    // The latest alert kind behind each sound, for a fallback that comes after the pacing.
    std::array<KitchenAlert::Kind, soundCount> m_lastKind {
        KitchenAlert::Kind::NewOrder, KitchenAlert::Kind::Changed, KitchenAlert::Kind::Late};
    bool m_muted = false;
    bool m_repeatNewOrders = false;
};
