// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QUrl>

#include <optional>

/** What the kitchen console was asked to do on its command line. */
struct ConsoleCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleCommandLine)

public:
    QString storePath; // empty: the default location, or a temporary store in demo mode
    static inline const QString defaultStoreId = QStringLiteral("store-1");
    QString storeId = defaultStoreId;
    QString consoleId;
    bool identityGiven = false; // --store-id or --console-id: over what the setup saved
    QString staffId; // empty: from the settings file
    int prepMinutes = 0; // 0: from the settings file
    QString settingsPath; // an INI file; empty: the platform's usual place
    std::optional<QString> station; // set: show this station ("" or "expo": the expo view)
    std::optional<QString> language; // set: the board's language, over the settings ("": system)
    bool demo = false;
    int demoRate = 6; // orders per minute
    quint32 demoSeed = 1;
    QString screenshotPath;
    int screenshotDelayMs = 3000;
    int quitAfterSeconds = 0; // 0: run until closed
    bool fullScreen = false; // --fullscreen or --kiosk; the settings may ask for it too
    bool kiosk = false; // full screen, kept awake, restarted after a crash
    bool setup = false; // run the setup flow, even if this console was set up
    QSize windowSize; // invalid: the screen's free area
    QUrl hubUrl; // empty: no platform link (local only), unless the demo starts its own hub
    QString hubCaPath; // a PEM CA certificate to trust for wss://
    QString orderHubPath; // the demo's order-hub; empty: look beside this executable
    bool enroll = false; // read a secret from stdin into the keyring and exit

    /** Parses the application's arguments; on a usage error returns nothing and says why. */
    static std::optional<ConsoleCommandLine> parse(const QStringList &arguments, QString *error);
    /** What must be known before parsing: the language (--lang) and where the settings are. */
    struct Early
    {
        std::optional<QString> language;
        QString settingsPath;
    };
    /** Reads --lang and --settings alone, acting on nothing and reporting no error. */
    static Early peek(const QStringList &arguments);
    /**
     * Whether the raw arguments ask for something that needs no display: --enroll, or the help
     * and version texts (which must work on a headless machine, in a package's checks too).
     */
    static bool needsNoDisplay(int argc, char *argv[]);
    /**
     * Whether Qt will find a screen to show the board on: always on Windows and macOS; elsewhere
     * when a platform is named (-platform, QT_QPA_PLATFORM) or a display is in the environment.
     * Without one, the options are still judged, and the console says why it cannot start.
     */
    static bool displayAvailable(int argc, char *argv[]);
    /** Whether the raw arguments ask for --kiosk (and not for help): a supervisor runs first. */
    static bool wantsSupervisor(int argc, char *argv[]);
};
