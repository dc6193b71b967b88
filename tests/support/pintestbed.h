// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "security/credentialstore.h"
#include "security/managerpin.h"
#include "security/pinhash.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

/**
 * A manager PIN over the real keyring that tests/support/with-keyring.sh starts: a settings file
 * of its own and a store id of its own, so test functions sharing one keyring never meet, and
 * the fewest hashing rounds the PIN allows, so a test does not wait on the slow hash.
 */
class PinTestBed final
{
    Q_DISABLE_COPY_MOVE(PinTestBed)

public:
    // The keyring answers over D-Bus; a loaded CI machine can take seconds.
    static constexpr int keyringTimeoutMs = 15'000;

    /** Whether the test runs beside a keyring of its own (never the user's). */
    static bool hasSandboxKeyring() { return qEnvironmentVariableIsSet("KC_KEYRING_SANDBOX"); }

    explicit PinTestBed(const Clock &clock)
        : m_settings(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat)
        , m_credentials(QStringLiteral("kitchen-console-test"))
        , m_pin(m_credentials, m_settings, QUuid::createUuid().toString(QUuid::WithoutBraces),
                clock)
    {
        m_pin.setIterations(PinHash::minIterations);
    }

    bool isValid() const { return m_dir.isValid(); }
    ManagerPin &pin() { return m_pin; }
    QSettings &settings() { return m_settings; }
    CredentialStore &credentials() { return m_credentials; }

    /** Sets the PIN and waits until the keyring holds it. */
    bool setPin(const QString &digits)
    {
        QSignalSpy set(&m_pin, &ManagerPin::pinSet);
        if (!set.isValid())
            return false;
        m_pin.setPin(digits);
        return set.wait(keyringTimeoutMs);
    }

private:
    QTemporaryDir m_dir;
    QSettings m_settings;
    CredentialStore m_credentials;
    ManagerPin m_pin;
};
