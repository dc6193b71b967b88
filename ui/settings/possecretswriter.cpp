// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "possecretswriter.h"

#include "security/credentialstore.h"
#include "shared/uilogging.h"

namespace {
// What each field of PosSecrets is, for merging field by field.
constexpr QByteArray PosSecrets::*fields[] = {&PosSecrets::token, &PosSecrets::webhookKey,
                                              &PosSecrets::clientId, &PosSecrets::clientSecret,
                                              &PosSecrets::oauth};
} // namespace

PosSecrets PosSecretsWriter::merged(const PosSecrets &stored, const PosSecrets &typed)
{
    PosSecrets result = stored;
    for (QByteArray PosSecrets::*field : fields) {
        if (!(typed.*field).isEmpty())
            result.*field = typed.*field;
    }
    return result;
}

bool PosSecretsWriter::isEmpty(const PosSecrets &secrets)
{
    for (QByteArray PosSecrets::*field : fields) {
        if (!(secrets.*field).isEmpty())
            return false;
    }
    return true;
}

void PosSecretsWriter::write(const QString &service, const QString &key, const PosSecrets &typed,
                             QObject *context, Done done)
{
    Q_ASSERT(context);
    if (isEmpty(typed)) {
        done({});
        return;
    }
    new PosSecretsWriter(service, key, typed, context, std::move(done));
}

PosSecretsWriter::PosSecretsWriter(const QString &service, QString key, PosSecrets typed,
                                   QObject *context, Done done)
    : QObject(context)
    , m_credentials(new CredentialStore(service, this))
    , m_key(std::move(key))
    , m_typed(std::move(typed))
    , m_done(std::move(done))
{
    connect(m_credentials, &CredentialStore::readDone, this,
            [this](const QString &key, const QByteArray &secret) {
                if (key == m_key && m_reading)
                    writeOver(PosSecrets::fromJson(secret));
            });
    connect(m_credentials, &CredentialStore::written, this, [this](const QString &key) {
        if (key == m_key && !m_reading)
            finish({});
    });
    connect(m_credentials, &CredentialStore::failed, this,
            [this](const QString &key, const QString &message) {
                if (key != m_key)
                    return;
                if (m_reading) {
                    // Usually nothing is kept yet; a keyring out of reach fails the write too.
                    writeOver({});
                    return;
                }
                finish(Failure {tr("The keyring did not keep the POS sign-in: %1").arg(message)});
            });
    m_credentials->read(m_key);
}

void PosSecretsWriter::writeOver(const PosSecrets &stored)
{
    m_reading = false;
    qCInfo(lcSettings).noquote() << "writing the POS secrets" << m_key; // the key, never a secret
    m_credentials->write(m_key, merged(stored, m_typed).toJson());
}

void PosSecretsWriter::finish(const Result<void> &written)
{
    const Done done = std::move(m_done);
    deleteLater();
    done(written);
}
