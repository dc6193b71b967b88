// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How many pages a PDF holds, counted as its page objects ("/Type /Page", not "/Pages"): the
// summary's tests hold it to exactly one.

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

inline int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![A-Za-z])"));
    int pages = 0;
    for (QRegularExpressionMatchIterator it = page.globalMatch(QString::fromLatin1(pdf));
         it.hasNext(); it.next())
        ++pages;
    return pages;
}
