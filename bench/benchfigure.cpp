// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchfigure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <stdexcept>

#include <algorithm>

double BenchFigure::ratio() const
{
    if (kind == Kind::Cost)
        return baselineValue > 0 ? value / baselineValue : 0;
    return value > 0 ? baselineValue / value : 0;
}

// Written by hand rather than through QJsonDocument, which sorts keys: the key order is part of
// the format people and scripts read.
QString BenchFigure::jsonLine() const
{
    const auto number = [](double x, int decimals) { return QString::number(x, 'f', decimals); };
    return QStringLiteral(R"({"bench":"%1","figure":"%2","value":%3,"baseline":"%4",)"
                          R"("baseline_value":%5,"ratio":%6,"target":%7})")
            .arg(bench, figure, number(value, 3), baseline, number(baselineValue, 3),
                 number(ratio(), 2), target ? number(*target, 1) : QStringLiteral("null"));
}

double BenchStats::median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

namespace BenchRun {

void check(bool ok, const QString &what)
{
    if (!ok)
        throw std::runtime_error(what.toStdString());
}

qint64 residentKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

QTextStream &progress()
{
    static QTextStream err(stderr);
    return err;
}

bool isQuickRun(const QString &description, const QString &quickHelp)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption quickOption(QStringLiteral("quick"), quickHelp);
    parser.addOption(quickOption);
    parser.process(*QCoreApplication::instance());
    return parser.isSet(quickOption);
}

int printFigures(const QString &bench,
                 const std::function<QList<BenchFigure>(const QTemporaryDir &dir)> &measure)
{
    // The store and hub report every open and session at info level; only warnings belong in a
    // bench's output.
    QLoggingCategory::setFilterRules(QStringLiteral("kc.*.info=false"));
    QTextStream err(stderr);
    const QTemporaryDir dir;
    if (!dir.isValid()) {
        err << bench << ": no temporary folder: " << dir.errorString() << Qt::endl;
        return 1;
    }
    try {
        const QList<BenchFigure> figures = measure(dir);
        QTextStream out(stdout);
        for (const BenchFigure &figure : figures)
            out << figure.jsonLine() << Qt::endl;
    } catch (const std::runtime_error &error) {
        err << bench << ": " << QString::fromStdString(error.what()) << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace BenchRun
