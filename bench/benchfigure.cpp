// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchfigure.h"

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
