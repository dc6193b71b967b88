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
    m_repeatTimer.setInterval(defaultRepeatIntervalMs);
    connect(&m_repeatTimer, &QTimer::timeout, this, &AlertSound::repeatChime);
}

std::optional<AlertSound::Sound> AlertSound::soundFor(KitchenAlert::Kind kind)
{
    switch (kind) {
    case KitchenAlert::Kind::NewOrder:
        return Sound::Chime;
    case KitchenAlert::Kind::Changed:
    case KitchenAlert::Kind::Cancelled:
    case KitchenAlert::Kind::Overtaken:
        return Sound::Change;
    case KitchenAlert::Kind::Late:
    case KitchenAlert::Kind::FeedQuiet:
        return Sound::Urgent;
    case KitchenAlert::Kind::FeedBack:
        break;
    }
    return std::nullopt;
}

QUrl AlertSound::sourceOf(Sound sound)
{
    switch (sound) {
    case Sound::Chime:
        return QUrl(QStringLiteral("qrc:/sounds/chime.wav"));
    case Sound::Change:
        return QUrl(QStringLiteral("qrc:/sounds/change.wav"));
    case Sound::Urgent:
        break;
    }
    return QUrl(QStringLiteral("qrc:/sounds/urgent.wav"));
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
    if (muted)
        m_repeatTimer.stop(); // a reminder nobody can hear is no reminder
    Q_EMIT mutedChanged(muted);
}

void AlertSound::setRepeatNewOrders(bool repeat)
{
    m_repeatNewOrders = repeat;
    if (!repeat)
        m_repeatTimer.stop();
}

void AlertSound::setRepeatIntervalMs(int ms)
{
    // QTimer restarts a running timer on any setInterval: options applied again unchanged must not
    // put off a reminder that is already counting down.
    if (ms != m_repeatTimer.interval())
        m_repeatTimer.setInterval(ms);
}

void AlertSound::lookedAt()
{
    if (m_repeatTimer.isActive())
        qCDebug(lcAlertSound) << "someone looked: the new-order chime stops repeating";
    m_repeatTimer.stop();
}

void AlertSound::alert(const KitchenAlert &alert)
{
    play(alert.kind);
}

void AlertSound::play(KitchenAlert::Kind kind)
{
    const std::optional<Sound> sound = soundFor(kind);
    if (!sound)
        return;
    if (kind == KitchenAlert::Kind::NewOrder && m_repeatNewOrders && !m_muted)
        m_repeatTimer.start(); // from this chime on, until someone looks
    if (m_muted || !isAvailable()) {
        qCDebug(lcAlertSound) << "alert cannot be heard (muted:" << m_muted << "); visual fallback";
        Q_EMIT visualFallback(kind);
        return;
    }
    m_lastKind[std::size_t(*sound)] = kind;
    const std::optional<int> now = m_pacer.offer(int(*sound), m_clock.nowMs());
    if (now) {
        start(Sound(*now));
    } else if (const std::optional<qint64> until = m_pacer.heldUntil()) {
        m_heldTimer.start(int(std::max<qint64>(0, *until - m_clock.nowMs())));
    }
}

void AlertSound::repeatChime()
{
    // The first chime was shown when it could not be heard; a reminder is sound only, so a
    // muted or silent board does not blink every few seconds.
    Q_EMIT repeated();
    if (m_muted || !isAvailable())
        return;
    if (const std::optional<int> now = m_pacer.offer(int(Sound::Chime), m_clock.nowMs()))
        start(Sound(*now));
}

void AlertSound::playHeld()
{
    const std::optional<int> held = m_pacer.takeHeld(m_clock.nowMs());
    if (held && (m_muted || !isAvailable())) {
        // Muted or unplugged while the sound waited: the alert must still be seen.
        Q_EMIT visualFallback(m_lastKind[std::size_t(*held)]);
    } else if (held) {
        start(Sound(*held));
    } else if (const std::optional<qint64> until = m_pacer.heldUntil()) {
        m_heldTimer.start(int(std::max<qint64>(1, *until - m_clock.nowMs())));
    }
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
