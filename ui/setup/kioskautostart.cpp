// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kioskautostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace KioskAutostart {

QString entryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
            .filePath(QStringLiteral("autostart/org.kitchenconsole.KitchenConsole-kiosk.desktop"));
}

Result<void> enable(const QString &program)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (!QDir().mkpath(QFileInfo(entryPath()).absolutePath()))
        return Failure {QStringLiteral("cannot make the folder of %1").arg(entryPath())};
    // Inside the Exec key's quotes, ", `, $ and \ are escaped with a backslash.
    QString quoted;
    for (const QChar c : program) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted.append(u'\\');
        quoted.append(c);
    }
    QSaveFile file(entryPath());
    if (!file.open(QIODevice::WriteOnly))
        return Failure {file.errorString()};
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Kitchen Console (kiosk)\n"
                                         "Comment=The kitchen board, full screen, at login\n"
                                         "Exec=\"%1\" --kiosk\n"
                                         "Icon=org.kitchenconsole.KitchenConsole\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                                  .arg(quoted);
    file.write(entry.toUtf8());
    if (!file.commit())
        return Failure {file.errorString()};
    return {};
#else
    Q_UNUSED(program)
    return Failure {QStringLiteral("starting at login is set up by the installer on this system")};
#endif
}

Result<void> disable()
{
    QFile entry(entryPath());
    if (entry.exists() && !entry.remove())
        return Failure {entry.errorString()};
    return {};
}

} // namespace KioskAutostart
