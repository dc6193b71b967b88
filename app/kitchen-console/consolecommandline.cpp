// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolecommandline.h"

#include "settings/languageloader.h"
#include "sync/platformlink.h"

#include <QCommandLineParser>
#include <QSysInfo>

#include <cstring>

namespace {
// A positive number from an option, or nothing.
std::optional<int> positive(const QCommandLineParser &parser, const QCommandLineOption &option,
                            bool allowZero = false)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 0 || (value == 0 && !allowZero))
        return std::nullopt;
    return value;
}
} // namespace

std::optional<ConsoleCommandLine> ConsoleCommandLine::parse(const QStringList &arguments,
                                                            QString *error)
{
    ConsoleCommandLine line;
    line.consoleId = QStringLiteral("console-") + QSysInfo::machineHostName();

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("The kitchen board: new tickets, bump, recall, reject."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption store(QStringLiteral("store"),
                                   tr("The store file (default: in the application data folder)."),
                                   tr("path"));
    const QCommandLineOption storeId(QStringLiteral("store-id"), tr("This store's id."), tr("id"),
                                     line.storeId);
    const QCommandLineOption consoleId(QStringLiteral("console-id"),
                                       tr("This console's id, recorded on every event."), tr("id"),
                                       line.consoleId);
    const QCommandLineOption staff(QStringLiteral("staff"),
                                   tr("Who is bumping tickets (default: from the settings)."),
                                   tr("id"));
    const QCommandLineOption prep(
        QStringLiteral("prep-minutes"),
        tr("The preselected prep-time quote when accepting (default: from the settings)."),
        tr("minutes"));
    const QCommandLineOption settingsFile(
        QStringLiteral("settings"),
        tr("The settings file (INI) for thresholds, stations, keys and the look."), tr("path"));
    const QCommandLineOption stationOption(
        QStringLiteral("station"), tr("Show one station's items, or \"expo\" for whole orders."),
        tr("name"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        tr("The board's language, e.g. es (default: from the settings, else the system's)."),
        tr("language"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        tr("Demo mode: orders from a simulated platform (a local order-hub). The store is "
           "temporary unless --store names one; the platform's log is then kept beside it."));
    const QCommandLineOption rate(QStringLiteral("rate"), tr("Demo orders per minute."), tr("n"),
                                  QString::number(line.demoRate));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Demo random seed."), tr("n"),
                                  QString::number(line.demoSeed));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        tr("Save a PNG of the window after --screenshot-delay, print its path and quit."),
        tr("path"));
    const QCommandLineOption screenshotDelay(QStringLiteral("screenshot-delay"),
                                             tr("Milliseconds before the screenshot."), tr("ms"),
                                             QString::number(line.screenshotDelayMs));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       tr("Quit after this many seconds."), tr("seconds"));
    const QCommandLineOption fullScreen(
        QStringLiteral("fullscreen"),
        tr("Fill the screen the window is on, as board/full_screen does."));
    const QCommandLineOption kiosk(
        QStringLiteral("kiosk"),
        tr("Kiosk: full screen, the screen kept awake, and the board started again by itself "
           "if it ever crashes, where it left off."));
    const QCommandLineOption setupOption(
        QStringLiteral("setup"),
        tr("Show the setup (language, platform pairing, which screen) even if this console "
           "was set up; it shows by itself the first time."));
    const QCommandLineOption size(QStringLiteral("size"), tr("Window size, e.g. 1600x900."),
                                  tr("WxH"));
    const QCommandLineOption hub(
        QStringLiteral("hub"),
        tr("The platform's WebSocket address (wss://host:port, or ws://127.0.0.1:port)."),
        tr("url"));
    const QCommandLineOption hubCa(
        QStringLiteral("hub-ca"), tr("Also trust this PEM CA certificate for wss://."), tr("file"));
    const QCommandLineOption enroll(
        QStringLiteral("enroll"),
        tr("Read this console's platform secret from stdin (one line), keep it in the keyring "
           "and exit."));
    const QCommandLineOption orderHub(QStringLiteral("order-hub"),
                                      tr("The order-hub program the demo starts."), tr("path"));
    parser.addOptions({store, storeId, consoleId, staff, prep, demo, rate, seed, screenshot,
                       screenshotDelay, quitAfter, fullScreen, kiosk, setupOption, size, hub, hubCa,
                       enroll, orderHub, settingsFile, stationOption, lang});
    // parse(), not process(): process() exits with 1 on a bad option, and the contract says 2.
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    line.storePath = parser.value(store);
    line.storeId = parser.value(storeId).trimmed();
    line.consoleId = parser.value(consoleId).trimmed();
    line.staffId = parser.value(staff).trimmed();
    line.demo = parser.isSet(demo);
    line.screenshotPath = parser.value(screenshot);
    line.kiosk = parser.isSet(kiosk);
    line.fullScreen = parser.isSet(fullScreen) || line.kiosk;
    line.setup = parser.isSet(setupOption);
    line.identityGiven = parser.isSet(storeId) || parser.isSet(consoleId);
    line.enroll = parser.isSet(enroll);
    line.hubCaPath = parser.value(hubCa);
    line.orderHubPath = parser.value(orderHub);
    line.settingsPath = parser.value(settingsFile);
    if (parser.isSet(stationOption)) {
        const QString station = parser.value(stationOption).trimmed();
        line.station = station == QLatin1String("expo") ? QString() : station;
    }
    if (parser.isSet(lang)) {
        const QString language = parser.value(lang).trimmed();
        if (!language.isEmpty() && !LanguageLoader::isLanguageName(language)) {
            *error = tr("--lang needs a language name such as es or es_MX.");
            return std::nullopt;
        }
        line.language = language;
    }
    if (parser.isSet(hub)) {
        line.hubUrl = QUrl(parser.value(hub), QUrl::StrictMode);
        if (!line.hubUrl.isValid() || line.hubUrl.port() <= 0) {
            *error = tr("--hub needs ws://127.0.0.1:PORT or wss://HOST:PORT.");
            return std::nullopt;
        }
        if (const Result<void> allowed = PlatformLink::isAllowedUrl(line.hubUrl); !allowed) {
            *error = allowed.error();
            return std::nullopt;
        }
    }
    if (line.storeId.isEmpty() || line.consoleId.isEmpty()
        || (parser.isSet(staff) && line.staffId.isEmpty())) {
        *error = tr("--store-id, --console-id and --staff must not be empty.");
        return std::nullopt;
    }

    const auto prepValue = parser.isSet(prep) ? positive(parser, prep) : std::optional<int>(0);
    const auto rateValue = positive(parser, rate);
    const auto seedValue = positive(parser, seed, true);
    const auto delayValue = positive(parser, screenshotDelay, true);
    if (!prepValue || !rateValue || !seedValue || !delayValue) {
        *error = tr("--prep-minutes and --rate need a number above 0; --seed and "
                    "--screenshot-delay a number of at least 0.");
        return std::nullopt;
    }
    line.prepMinutes = *prepValue;
    line.demoRate = *rateValue;
    line.demoSeed = quint32(*seedValue);
    line.screenshotDelayMs = *delayValue;
    if (parser.isSet(quitAfter)) {
        const auto quitValue = positive(parser, quitAfter);
        if (!quitValue) {
            *error = tr("--quit-after needs a number of seconds above 0.");
            return std::nullopt;
        }
        line.quitAfterSeconds = *quitValue;
    }
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        const int width = parts.size() == 2 ? parts.at(0).toInt() : 0;
        const int height = parts.size() == 2 ? parts.at(1).toInt() : 0;
        if (width < 320 || height < 240) {
            *error = tr("--size needs WIDTHxHEIGHT, at least 320x240.");
            return std::nullopt;
        }
        line.windowSize = QSize(width, height);
    }
    return line;
}

ConsoleCommandLine::Early ConsoleCommandLine::peek(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("language"));
    const QCommandLineOption settingsFile(QStringLiteral("settings"), QString(),
                                          QStringLiteral("path"));
    parser.addOptions({lang, settingsFile});
    parser.parse(arguments); // other options are unknown here: parse() reports them, nothing more
    Early early;
    if (parser.isSet(lang))
        early.language = parser.value(lang).trimmed();
    early.settingsPath = parser.value(settingsFile);
    return early;
}

bool ConsoleCommandLine::needsNoDisplay(int argc, char *argv[])
{
    // The flags QCommandLineParser answers for itself (addHelpOption, addVersionOption).
    static const char *const headless[] = {"--enroll", "--help", "--help-all", "-h", "-?",
                                           "--version", "-v"};
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : headless) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

bool ConsoleCommandLine::wantsSupervisor(int argc, char *argv[])
{
    if (needsNoDisplay(argc, argv))
        return false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--kiosk") == 0)
            return true;
    }
    return false;
}

bool ConsoleCommandLine::displayAvailable(int argc, char *argv[])
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    for (const char *variable : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        if (!qEnvironmentVariableIsEmpty(variable))
            return true;
    }
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return true;
    }
    return false;
#else
    Q_UNUSED(argc)
    Q_UNUSED(argv)
    return true;
#endif
}
