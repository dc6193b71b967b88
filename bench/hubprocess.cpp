// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubprocess.h"

#include "benchfigure.h"

#include <QElapsedTimer>
#include <QRegularExpression>

HubProcess::HubProcess(const QString &program, const QStringList &arguments)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kc.*.info=false"));
    m_process.setProcessEnvironment(environment);
    m_process.start(program, arguments);
    BenchRun::check(m_process.waitForStarted(), QStringLiteral("order-hub did not start"));
    static const QRegularExpression line(
            QStringLiteral("order-hub listening ws=(\\d+) http=(\\d+)"));
    QByteArray output;
    QElapsedTimer waited;
    waited.start();
    QRegularExpressionMatch match;
    while (!(match = line.match(QString::fromUtf8(output))).hasMatch()) {
        BenchRun::check(waited.elapsed() < 30'000 && m_process.state() == QProcess::Running,
                        QStringLiteral("order-hub did not listen"));
        m_process.waitForReadyRead(1000);
        output += m_process.readAllStandardOutput();
    }
    m_wsPort = quint16(match.captured(1).toUInt());
    m_httpPort = quint16(match.captured(2).toUInt());
}

HubProcess::~HubProcess()
{
    m_process.kill();
    m_process.waitForFinished();
}
