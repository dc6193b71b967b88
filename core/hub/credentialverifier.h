// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrethasher.h"

#include <QByteArray>
#include <QObject>
#include <QThreadPool>

#include <functional>

/**
 * Checks console secrets against their PBKDF2 hashes on worker threads, so a reconnect storm of
 * hellos never stalls the hub's event loop. Verdicts come back on this object's thread.
 */
class CredentialVerifier final : public QObject
{
    Q_OBJECT

public:
    /** maxThreads: concurrent verifications (0: one per core). */
    explicit CredentialVerifier(int maxThreads = 0, QObject *parent = nullptr);
    /** Waits for verifications under way; their verdicts are dropped. */
    ~CredentialVerifier() override;
    Q_DISABLE_COPY_MOVE(CredentialVerifier)

    /**
     * Verifies secret against hash off this thread; later calls done(matches) on this object's
     * thread, unless receiver has been deleted by then. Never calls done before returning.
     */
    void verify(const QByteArray &secret, const SecretHash &hash, QObject *receiver,
                std::function<void(bool matches)> done);

private:
    QThreadPool m_pool;
};
