// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pinreset.h"

#include "adminlogging.h"

#include "security/managerpin.h"

#include <QSettings>
#include <QTextStream>

PinReset::PinReset(ManagerPin &pin, QSettings &settings, const QString &storeId, QTextStream &out,
                   QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_pin(pin)
    , m_settings(settings)
    , m_storeId(storeId)
    , m_out(out)
    , m_err(err)
{
    connect(&m_pin, &ManagerPin::pinReset, this, &PinReset::onReset);
    connect(&m_pin, &ManagerPin::failed, this, &PinReset::onFailed);
    m_timer.setSingleShot(true);
    m_timer.setInterval(defaultTimeoutMs);
    connect(&m_timer, &QTimer::timeout, this, &PinReset::onTimeout);
}

void PinReset::setTimeoutMs(int timeoutMs)
{
    m_timer.setInterval(timeoutMs);
}

void PinReset::start()
{
    // Checked before the keyring is touched, so a PIN is never removed with its count left over.
    if (!m_settings.isWritable()) {
        m_err << tr("kc-admin: the settings file %1 cannot be written; nothing was changed.")
                     .arg(m_settings.fileName())
              << Qt::endl;
        Q_EMIT done(ExitCode::CannotWrite);
        return;
    }
    m_wrongBefore = m_pin.wrongPinsInARow();
    m_waitBefore = m_pin.isLockedOut();
    qCDebug(lcAdmin).noquote() << "resetting the manager PIN of store" << m_storeId
                               << "with the settings in" << m_settings.fileName();
    m_timer.start();
    m_pin.reset();
}

void PinReset::onReset(bool wasSet)
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    m_out << (wasSet ? tr("Removed the manager PIN of store %1 from the keyring.")
                     : tr("No manager PIN of store %1 was in the keyring; nothing to remove."))
                 .arg(m_storeId)
          << Qt::endl;
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError) {
        m_err << tr("kc-admin: the wrong PINs counted in %1 could not be cleared; the next "
                    "manager PIN set on the console clears them.")
                     .arg(m_settings.fileName())
              << Qt::endl;
        Q_EMIT done(ExitCode::CannotWrite);
        return;
    }
    const QString file = m_settings.fileName();
    const QString wrong = m_wrongBefore == 1
        ? tr("1 wrong PIN")
        : tr("%n wrong PINs in a row", nullptr, m_wrongBefore);
    if (m_wrongBefore == 0)
        m_out << tr("No wrong PINs were counted (%1).").arg(file) << Qt::endl;
    else if (m_waitBefore) // a wait starts at the third wrong PIN: "they" is always plural here
        m_out << tr("Cleared %1 and the wait they started (%2).").arg(wrong, file) << Qt::endl;
    else
        m_out << tr("Cleared %1 (%2).").arg(wrong, file) << Qt::endl;
    m_out << tr("The dashboard asks for a new manager PIN the next time it is opened.")
          << Qt::endl;
    Q_EMIT done(ExitCode::Ok);
}

void PinReset::onFailed(const QString &message)
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    notReset(message);
}

void PinReset::onTimeout()
{
    m_pin.disconnect(this); // a late answer changes nothing here
    notReset(tr("the keyring did not answer within %1 s; is it locked? Run pin-reset again once "
                "it answers.")
                 .arg(m_timer.interval() / 1000.0));
}

void PinReset::notReset(const QString &message)
{
    m_err << tr("kc-admin: the manager PIN of store %1 was not reset: %2").arg(m_storeId, message)
          << Qt::endl;
    Q_EMIT done(ExitCode::KeyringUnavailable);
}
