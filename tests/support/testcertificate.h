// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStringList>
#include <QTemporaryDir>

/**
 * A server certificate for 127.0.0.1 signed by a throwaway CA, both made with openssl when a test
 * starts: no key ever sits in the tree, and the system's CAs never know this one. openssl is a
 * test dependency (scripts/deps), so create() failing is a test failure, not a skip.
 */
class TestCertificate final
{
public:
    /** Makes the CA and the server certificate; false (with openssl's words) if it could not. */
    bool create();

    /** The CA a console must trust to accept the server certificate. */
    QSslCertificate authority() const { return m_authority; }
    /** What a wss:// server presents: the certificate and its key; clients are not asked for one.
     */
    QSslConfiguration serverConfiguration() const;
    /** A client's configuration that trusts the test CA and checks the hub's certificate. */
    QSslConfiguration trustingConfiguration() const;

private:
    bool openssl(const QStringList &arguments);

    QTemporaryDir m_dir;
    QSslCertificate m_authority;
    QSslCertificate m_certificate;
    QSslKey m_key;
};
