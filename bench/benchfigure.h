// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

#include <functional>
#include <optional>

class QTemporaryDir;

/**
 * One figure of a benchmark and its bare baseline from the same run, printed as the JSON line
 * CONVENTIONS.md specifies. ratio is always "lower is better": value ÷ baseline for a cost,
 * baseline ÷ value for a throughput, so it reads as "times slower than bare" either way.
 */
struct BenchFigure
{
    enum class Kind {
        Cost, // time per operation: lower is better
        Throughput, // operations per second: higher is better
    };

    QString bench;
    QString figure;
    Kind kind = Kind::Cost;
    double value = 0;
    QString baseline;
    double baselineValue = 0;
    std::optional<double> target; // the ratio the issue asked for; none if it set no target

    double ratio() const;
    /** {"bench":…,"figure":…,"value":…,"baseline":…,"baseline_value":…,"ratio":…,"target":…} */
    QString jsonLine() const;
};

namespace BenchStats {
/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
double median(QList<double> values);
} // namespace BenchStats

namespace BenchRun {
/** Throws std::runtime_error with what unless ok: a bench that cannot measure must not print. */
void check(bool ok, const QString &what);
/** The process's resident set as the kernel counts it (/proc/self/status), in KiB; 0 without /proc. */
qint64 residentKib();
/** Progress and diagnostics (stderr); stdout carries only the JSON lines. */
QTextStream &progress();
/**
 * Reads the command line of a bench whose only option is --quick (besides --help): true if a
 * short smoke run was asked for. --help, or an unknown option, prints the help and exits.
 */
bool isQuickRun(const QString &description, const QString &quickHelp);
/**
 * What every bench's main ends with: the project's info logs quieted, measure run in a fresh
 * temporary folder, its figures printed as JSON lines on stdout. A measurement that throws
 * std::runtime_error is reported on stderr as "bench: why". Returns the process's exit code.
 */
int printFigures(const QString &bench,
                 const std::function<QList<BenchFigure>(const QTemporaryDir &dir)> &measure);
} // namespace BenchRun
