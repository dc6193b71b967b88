// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Another program holding a store's write lock, as a support engineer's sqlite3 shell or a stuck
// backup would: opens the file, takes the write lock (BEGIN IMMEDIATE), prints "locked", and
// keeps it until its standard input closes. Used by tests of what the console does meanwhile.
//   kc_lockholder STORE_PATH

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() != 2) {
        err << "usage: kc_lockholder STORE_PATH\n";
        return 2;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(arguments.at(1));
    QSqlQuery begin(db);
    if (!db.open() || !begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        err << "cannot lock " << arguments.at(1) << ": " << begin.lastError().text() << '\n';
        return 3;
    }
    out << "locked" << Qt::endl;
    // Released when the test closes our standard input (or dies, which closes it too).
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&app] {
        char buffer[64];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            app.quit();
    });
    app.exec();
    QSqlQuery rollback(db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    out << "released" << Qt::endl;
    return 0;
}
