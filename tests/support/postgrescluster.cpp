// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgrescluster.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <cerrno>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace {
// Whom the server runs as when the tests run as root (as CI does).
const char serverUser[] = "nobody";
constexpr int commandTimeoutMs = 60'000;

// Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/VERSION/bin.
QString findBinDir()
{
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList names = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(names.begin(), names.end(), [&numeric](const QString &a, const QString &b) {
        return numeric.compare(a, b) > 0; // newest first
    });
    for (const QString &name : std::as_const(names)) {
        const QString bin = versions.filePath(name + QStringLiteral("/bin"));
        if (QFileInfo::exists(bin + QStringLiteral("/initdb"))
            && QFileInfo::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty()) {
        const QString bin = QFileInfo(initdb).canonicalPath();
        if (QFileInfo::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return {};
}
// A test process that crashed or was killed left its server running: find those clusters by the
// pid file of the process that started them, and stop them (a killed test must not leave a
// PostgreSQL server per run behind on a CI machine).
void stopOrphans(const QString &binDir)
{
    QDir tmp(QStringLiteral("/tmp"));
    const QStringList folders =
        tmp.entryList({QStringLiteral("kc-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : folders) {
        QFile owner(tmp.filePath(folder + QStringLiteral("/owner.pid")));
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        const qint64 pid = owner.readAll().trimmed().toLongLong();
        if (pid <= 0 || ::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
            continue; // still running, or not ours to judge
        const QString data = tmp.filePath(folder + QStringLiteral("/data"));
        QStringList command {QDir(binDir).filePath(QStringLiteral("pg_ctl")),
                             QStringLiteral("-D"),
                             data,
                             QStringLiteral("-m"),
                             QStringLiteral("immediate"),
                             QStringLiteral("-w"),
                             QStringLiteral("stop")};
        if (geteuid() == 0)
            command = QStringList {QStringLiteral("runuser"), QStringLiteral("-u"),
                                   QString::fromLatin1(serverUser), QStringLiteral("--")}
                + command;
        QProcess::execute(command.takeFirst(), command);
        QDir(tmp.filePath(folder)).removeRecursively();
    }
}
} // namespace

PostgresCluster::~PostgresCluster()
{
    stop();
}

bool PostgresCluster::run(const QString &program, const QStringList &arguments,
                          QString *error) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path()); // one the server's user may enter
    const QString path = QDir(m_binDir).filePath(program);
    if (geteuid() == 0)
        process.start(QStringLiteral("runuser"),
                      QStringList {QStringLiteral("-u"), QString::fromLatin1(serverUser),
                                   QStringLiteral("--"), path}
                          + arguments);
    else
        process.start(path, arguments);
    const bool finished = process.waitForFinished(commandTimeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    *error = QStringLiteral("%1 failed (%2): %3")
                 .arg(program,
                      finished ? QStringLiteral("exit code %1").arg(process.exitCode())
                               : process.errorString(),
                      QString::fromLocal8Bit(process.readAll()).trimmed());
    return false;
}

bool PostgresCluster::start(QString *error)
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty()) {
        *error = QStringLiteral("PostgreSQL is not installed: no initdb and pg_ctl under "
                                "/usr/lib/postgresql/*/bin or in PATH. Install the Debian "
                                "packages postgresql and libqt6sql6-psql (scripts/test does).");
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral("Qt's PostgreSQL driver is missing: install libqt6sql6-psql "
                                "(scripts/test does).");
        return false;
    }
    stopOrphans(m_binDir);
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot make a temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    QFile owner(m_dir.filePath(QStringLiteral("owner.pid")));
    if (!owner.open(QIODevice::WriteOnly)
        || owner.write(QByteArray::number(QCoreApplication::applicationPid())) <= 0) {
        *error = QStringLiteral("cannot write %1").arg(owner.fileName());
        return false;
    }
    owner.close();
    if (geteuid() == 0) {
        const passwd *user = getpwnam(serverUser);
        if (!user
            || chown(QFile::encodeName(m_dir.path()).constData(), user->pw_uid, user->pw_gid)
                != 0) {
            *error = QStringLiteral("running as root, but cannot hand %1 to the user %2 that "
                                    "PostgreSQL would run as")
                         .arg(m_dir.path(), QString::fromLatin1(serverUser));
            return false;
        }
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), user(),
              QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")},
             error))
        return false;
    // Socket only, in our folder; no fsync for tests: a test cluster dies with its folder anyway.
    // A bench that weighs commits against fsyncs keeps PostgreSQL's durable defaults.
    const QString durability = m_durability == Durability::Full
            ? QString()
            : QStringLiteral(" -F -c synchronous_commit=off -c full_page_writes=off");
    const QString options =
        QStringLiteral("-c listen_addresses='' -k %1 -p %2%3 -c max_connections=200")
            .arg(m_dir.path())
            .arg(port())
            .arg(durability);
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-l"),
              m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options,
              QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
              QStringLiteral("start")},
             error))
        return false;
    m_running = true;
    m_adminConnection =
        QStringLiteral("kc-test-pg-admin-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_adminConnection);
    admin.setHostName(socketFolder());
    admin.setPort(port());
    admin.setUserName(user());
    admin.setDatabaseName(QStringLiteral("postgres"));
    if (!admin.open()) {
        *error = QStringLiteral("the test cluster started but refuses connections: %1")
                     .arg(admin.lastError().text());
        return false;
    }
    return true;
}

void PostgresCluster::stop()
{
    for (QString *connection : {&m_scratchConnection, &m_adminConnection}) {
        if (connection->isEmpty())
            continue;
        QSqlDatabase::database(*connection, false).close();
        QSqlDatabase::removeDatabase(*connection);
        connection->clear();
    }
    if (!m_running)
        return;
    m_running = false;
    QString error;
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
              QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
             &error))
        qWarning().noquote() << "cannot stop the test cluster:" << error;
}

bool PostgresCluster::restart(QString *error)
{
    if (!m_running
        || !run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                 QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("restart")},
                error))
        return false;
    for (const QString &name : {m_adminConnection, m_scratchConnection}) {
        if (name.isEmpty())
            continue;
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
        if (!db.open()) {
            *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

QString PostgresCluster::createDatabase(QString *error)
{
    const QString name = QStringLiteral("kc_test_%1").arg(++m_databases);
    QSqlQuery create(QSqlDatabase::database(m_adminConnection, false));
    if (!m_running || !create.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
        *error = QStringLiteral("cannot create a test database: %1")
                     .arg(m_running ? create.lastError().text()
                                    : QStringLiteral("the cluster is not running"));
        return {};
    }
    return name;
}

QString PostgresCluster::emptyDatabase(QString *error)
{
    const QString name = QStringLiteral("kc_scratch");
    if (m_scratchConnection.isEmpty()) {
        QSqlQuery create(QSqlDatabase::database(m_adminConnection, false));
        if (!m_running || !create.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            *error = QStringLiteral("cannot create the scratch database: %1")
                         .arg(create.lastError().text());
            return {};
        }
        m_scratchConnection = m_adminConnection + QStringLiteral("-scratch");
        QSqlDatabase scratch = QSqlDatabase::cloneDatabase(m_adminConnection, m_scratchConnection);
        scratch.setDatabaseName(name);
        if (!scratch.open()) {
            *error = QStringLiteral("cannot connect to the scratch database: %1")
                         .arg(scratch.lastError().text());
            return {};
        }
        // A connection a test left open would hold the drop up for good: fail in words instead.
        QSqlQuery(scratch).exec(QStringLiteral("SET lock_timeout = 5000"));
        QSqlQuery(scratch).exec(QStringLiteral("SET client_min_messages = warning")); // no NOTICEs
    }
    QSqlQuery reset(QSqlDatabase::database(m_scratchConnection, false));
    if (!reset.exec(QStringLiteral("DROP SCHEMA public CASCADE"))
        || !reset.exec(QStringLiteral("CREATE SCHEMA public"))) {
        *error = QStringLiteral("cannot empty the scratch database (a connection of the last "
                                "test still open?): %1")
                     .arg(reset.lastError().text());
        return {};
    }
    return name;
}

QString PostgresCluster::url(const QString &database) const
{
    return QStringLiteral("postgresql:///%1?host=%2&port=%3&user=%4")
        .arg(database, socketFolder())
        .arg(port())
        .arg(user());
}
