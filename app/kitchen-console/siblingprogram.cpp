// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "siblingprogram.h"

#include <QDir>
#include <QFileInfo>

QString findSiblingProgram(const QString &applicationDir, const QString &name)
{
    const QDir here(applicationDir);
    for (const QString &candidate : {here.filePath(QStringLiteral("../") + name + u'/' + name),
                                     here.filePath(name)}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return {};
}
