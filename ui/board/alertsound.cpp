// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertsound.h"

#include "common/clock.h"
#include "shared/uilogging.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>

AlertSound::AlertSound(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_heldTimer.setSingleShot(true);
    connect(&m_heldTimer, &QTimer::timeout, this, &AlertSound::playHeld);
}

AlertSound::Sound AlertSound::soundFor(KitchenAlert::Kind kind)
{
    return kind == KitchenAlert::Kind::NewOrder ? Sound::Chime : Sound::Urgent;
}

QUrl AlertSound::sourceOf(Sound sound)
{
    return QUrl(sound == Sound::Chime ? QStringLiteral("qrc:/sounds/chime.wav")
                                      : QStringLiteral("qrc:/sounds/urgent.wav"));
}

bool AlertSound::isAvailable() const
{
    return !QMediaDevices::audioOutputs().isEmpty();
}

void AlertSound::setMuted(bool muted)
{
    if (m_muted == muted)
        return;
    m_muted = muted;
    qCInfo(lcAlertSound) << (muted ? "alert sounds muted" : "alert sounds on");
    Q_EMIT mutedChanged(muted);
}

void AlertSound::alert(const KitchenAlert &alert)
{
    play(alert.kind);
}

void AlertSound::play(KitchenAlert::Kind kind)
{
    if (m_muted || !isAvailable()) {
        qCDebug(lcAlertSound) << "alert cannot be heard (muted:" << m_muted << "); visual fallback";
        Q_EMIT visualFallback(kind);
        return;
    }
    m_lastKind[std::size_t(soundFor(kind))] = kind;
    const std::optional<int> now = m_pacer.offer(int(soundFor(kind)), m_clock.nowMs());
    if (now) {
        start(Sound(*now));
    } else if (const std::optional<qint64> until = m_pacer.heldUntil()) {
        m_heldTimer.start(int(std::max<qint64>(0, *until - m_clock.nowMs())));
    }
}

void AlertSound::playHeld()
{
    const std::optional<int> held = m_pacer.takeHeld(m_clock.nowMs());
    if (held && (m_muted || !isAvailable())) {
        // Muted or unplugged while the sound waited: the alert must still be seen.
        Q_EMIT visualFallback(m_lastKind[std::size_t(*held)]);
    } else if (held) {
        start(Sound(*held));
    }
    else if (const std::optional<qint64> until = m_pacer.heldUntil())
        m_heldTimer.start(int(std::max<qint64>(1, *until - m_clock.nowMs())));
}

void AlertSound::start(Sound sound)
{
    QSoundEffect *sfx = effect(sound);
    if (sfx->status() == QSoundEffect::Error) {
        qCWarning(lcAlertSound) << "cannot play" << sourceOf(sound) << "; visual fallback";
        Q_EMIT visualFallback(m_lastKind[std::size_t(sound)]);
        return;
    }
    sfx->play();
    Q_EMIT played(sound);
}

QSoundEffect *AlertSound::effect(Sound sound)
{
    QSoundEffect *&sfx = m_effects[std::size_t(sound)];
    if (!sfx) {
        sfx = new QSoundEffect(this);
        sfx->setSource(sourceOf(sound));
    }
    return sfx;
}
