// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "pos/possetup.h"

#include <QObject>

#include <functional>

class CredentialStore;

/**
 * Puts the POS secrets a manager typed over the ones the keychain holds: reads the store's entry
 * afresh (so a sign-in the running POS renewed while the settings were open is kept), lays every
 * typed field over it and writes it back. Untyped fields keep their saved value.
 * It talks to the keyring through a CredentialStore of its own: the running POS listens to the
 * shared one's answers and would restart on every read of its key.
 */
class PosSecretsWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosSecretsWriter)

public:
    using Done = std::function<void(const Result<void> &written)>;

    /**
     * Writes typed over what is kept under key in service's keyring; done is called once, with
     * the keyring's words on a failure. The write lives as long as context, which must be set.
     * Nothing typed: done at once, nothing written.
     */
    static void write(const QString &service, const QString &key, const PosSecrets &typed,
                      QObject *context, Done done);
    /** stored with each non-empty field of typed in its place. */
    static PosSecrets merged(const PosSecrets &stored, const PosSecrets &typed);
    static bool isEmpty(const PosSecrets &secrets);

private:
    PosSecretsWriter(const QString &service, QString key, PosSecrets typed, QObject *context,
                     Done done);
    void writeOver(const PosSecrets &stored);
    void finish(const Result<void> &written);

    CredentialStore *const m_credentials;
    const QString m_key;
    const PosSecrets m_typed;
    Done m_done;
    bool m_reading = true;
};
