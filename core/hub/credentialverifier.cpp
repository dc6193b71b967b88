// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialverifier.h"

#include <QPointer>
#include <QThread>

CredentialVerifier::CredentialVerifier(int maxThreads, QObject *parent)
    : QObject(parent)
{
    m_pool.setObjectName(QStringLiteral("credential-verifier"));
    m_pool.setMaxThreadCount(maxThreads > 0 ? maxThreads : QThread::idealThreadCount());
}

CredentialVerifier::~CredentialVerifier()
{
    // The tasks post to this object; none may outlive it.
    m_pool.clear();
    m_pool.waitForDone();
}

void CredentialVerifier::verify(const QByteArray &secret, const SecretHash &hash,
                                QObject *receiver, std::function<void(bool)> done)
{
    // The QPointer is only read on this thread, where the receiver would be deleted.
    QPointer<QObject> guard(receiver);
    m_pool.start([this, secret, hash, guard = std::move(guard), done = std::move(done)]() mutable {
        const bool matches = SecretHasher::verify(secret, hash);
        QMetaObject::invokeMethod(
            this,
            [guard = std::move(guard), done = std::move(done), matches] {
                if (guard)
                    done(matches);
            },
            Qt::QueuedConnection);
    });
}
