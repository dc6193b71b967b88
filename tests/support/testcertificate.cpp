// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcertificate.h"

#include <QDebug>
#include <QFile>
#include <QProcess>

bool TestCertificate::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' '))
                             << "failed:" << process.errorString()
                             << process.readAllStandardError();
        return false;
    }
    return true;
}

bool TestCertificate::create()
{
    if (!m_dir.isValid())
        return false;
    // EC keys: made in milliseconds, where RSA takes a noticeable part of a second.
    const QStringList ec {QStringLiteral("-newkey"), QStringLiteral("ec"),
                          QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    if (!openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + ec
                 + QStringList {QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                QStringLiteral("-out"), QStringLiteral("ca.pem"),
                                QStringLiteral("-days"), QStringLiteral("2"),
                                QStringLiteral("-subj"), QStringLiteral("/CN=kc-test-ca")}))
        return false;
    if (!openssl(QStringList {QStringLiteral("req")} + ec
                 + QStringList {QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                QStringLiteral("-out"), QStringLiteral("server.csr"),
                                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}))
        return false;
    QFile extensions(m_dir.filePath(QStringLiteral("ext.cnf")));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n") < 0)
        return false;
    extensions.close();
    if (!openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                  QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                  QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                  QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                  QStringLiteral("server.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                  QStringLiteral("-extfile"), QStringLiteral("ext.cnf")}))
        return false;

    const QList<QSslCertificate> authority =
        QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ca.pem")));
    const QList<QSslCertificate> server =
        QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("server.pem")));
    QFile keyFile(m_dir.filePath(QStringLiteral("server.key")));
    if (authority.size() != 1 || server.size() != 1 || !keyFile.open(QIODevice::ReadOnly))
        return false;
    m_authority = authority.constFirst();
    m_certificate = server.constFirst();
    m_key = QSslKey(&keyFile, QSsl::Ec);
    return !m_key.isNull();
}

QSslConfiguration TestCertificate::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_certificate);
    configuration.setPrivateKey(m_key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

QSslConfiguration TestCertificate::trustingConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({m_authority});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}
