// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The kitchen console's composition root: builds the console's session (store, engine, busy
// mode, feeds, alerts, the platform connection) and the window from the command line and wires
// them; nothing here is worth testing on its own.
#include "consolecommandline.h"
#include "consolelogging.h"
#include "demohub.h"
#include "demotill.h"
#include "kiosksupervisor.h"

#include "board/alertbanner.h"
#include "board/mainwindow.h"
#include "board/noticebanner.h"
#include "board/ticketstyle.h"
#include "board/windowplacement.h"
#include "channels/retrypolicy.h"
#include "common/clock.h"
#include "common/redactingmessagehandler.h"
#include "dashboard/managerdesk.h"
#include "engine/demofeed.h"
#include "security/credentialstore.h"
#include "security/managerpin.h"
#include "shared/touchstyle.h"
#include "session/archiveschedule.h"
#include "session/consolesession.h"
#include "session/platformconnection.h"
#include "settings/boardsettings.h"
#include "settings/languageloader.h"
#include "setup/kioskautostart.h"
#include "setup/pairingpage.h"
#include "setup/setupchoices.h"
#include "setup/setupflow.h"
#include "shared/paintmemory.h"
#include "shared/screenawake.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {
enum ExitCode {
    Ok = 0,
    EnrollError = 1,
    UsageError = 2,
    StoreError = 3,
    ScreenshotError = 4,
    NoDisplay = 5,
};

constexpr int demoFillOrders = 5; // the in-process fallback fills the board at once

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qUtf8Printable(text));
    std::fflush(stream);
}

QString defaultStorePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("store.sqlite"));
}

// --enroll: one line from stdin into the keyring. The secret is never echoed or logged.
int enroll(const ConsoleCommandLine &line)
{
    QTextStream input(stdin);
    const QByteArray secret = input.readLine().trimmed().toUtf8();
    if (secret.isEmpty()) {
        printLine(stderr, QCoreApplication::translate("main", "No secret on stdin."));
        return EnrollError;
    }
    CredentialStore credentials(CredentialStore::consoleService());
    QObject::connect(&credentials, &CredentialStore::written, &credentials, [&line] {
        printLine(stdout,
                  QCoreApplication::translate("main", "credential saved for console %1 of store %2")
                      .arg(line.consoleId, line.storeId));
        QCoreApplication::exit(Ok);
    });
    QObject::connect(&credentials, &CredentialStore::failed, &credentials,
                     [](const QString &, const QString &message) {
                         printLine(stderr, message);
                         QCoreApplication::exit(EnrollError);
                     });
    credentials.write(CredentialStore::consoleKey(line.storeId, line.consoleId), secret);
    return QCoreApplication::exec();
}

// Ends the run; with a demo hub, only once the hub is gone (terminate, then kill).
class Shutdown final
{
public:
    void setHub(DemoHub *hub)
    {
        m_hub = hub;
        QObject::connect(hub, &DemoHub::stopped, hub, [this] {
            if (m_quitting)
                QCoreApplication::exit(m_exitCode);
        });
    }
    void quit(int exitCode = Ok)
    {
        m_exitCode = exitCode;
        m_quitting = true;
        if (m_hub)
            m_hub->stop();
        else
            QCoreApplication::exit(exitCode);
    }

private:
    DemoHub *m_hub = nullptr;
    int m_exitCode = Ok;
    bool m_quitting = false;
};

// In words a manager reads, until someone acknowledges it; the log keeps the details for support.
void announceRepair(MainWindow &window, const RepairReport &report)
{
    QStringList details;
    details.append(QApplication::translate("main", "The damaged file was kept for support, "
                                                   "beside the new one, as %1.")
                           .arg(QFileInfo(report.setAsidePath).fileName()));
    if (report.startedEmpty())
        details.append(QApplication::translate("main", "Nothing could be read from it: the board "
                                                       "fills again as the platform resends its "
                                                       "orders."));
    else
        details.append(QApplication::translate("main", "Orders recovered from it: %1.")
                               .arg(report.ordersRebuilt));
    if (report.startedEmpty() || report.unreadableEvents > 0)
        details.append(QApplication::translate("main", "Changes made on this screen shortly "
                                                       "before may not have reached the "
                                                       "platform: check open orders against it."));
    const QString title = QApplication::translate(
            "main", "The order database was damaged and has been rebuilt; orders are being "
                    "fetched again from the platform.");
    qCWarning(lcConsole).noquote() << title << details.join(QLatin1Char(' '));
    window.alerts()->addAlert(title, details);
}

// Whether this start is a console's first with nothing configured: no setup saved, no identity,
// platform or demo on the command line. Then the setup flow comes instead of an empty board.
// A run that ends by itself (a screenshot, --quit-after) never waits for someone to set it up.
bool isFirstRun(const ConsoleCommandLine &line, QSettings &settings)
{
    return !SetupSettings::isDone(settings) && !line.demo && line.hubUrl.isEmpty()
            && !line.identityGiven && line.screenshotPath.isEmpty() && line.quitAfterSeconds == 0;
}

// The setup flow, on the screen the board will use; false when closed before the end.
// cancellable: run again from a working board, which it may leave as it was.
bool runSetup(const ConsoleCommandLine &line, QSettings &settings, CredentialStore &keyring,
              LanguageLoader &language, const std::optional<QSslConfiguration> &ssl,
              bool cancellable = false)
{
    SetupChoices start = SetupSettings::load(settings);
    if (start.storeId.isEmpty())
        start.storeId = line.storeId;
    if (start.consoleId.isEmpty())
        start.consoleId = line.consoleId;
    SetupFlow flow(keyring, settings, start,
                   [&language](const QString &chosen) { return language.load(chosen); });
    flow.setPalette(TicketStyle::fromOptions(BoardSettings::load(settings, start.storeId))
                            .widgetPalette()); // the board's look from the first screen on
    flow.setCancellable(cancellable);
    flow.pairingPage()->setSsl(ssl); // a private CA given with --hub-ca is trusted for pairing too
    WindowPlacement::show(flow, {line.windowSize, line.fullScreen});
    if (flow.exec() != QDialog::Accepted) {
        qCInfo(lcConsole) << "setup closed before the end; nothing saved";
        return false;
    }
    const SetupChoices chosen = flow.choices();
    SetupSettings::save(settings, chosen);
    // Started at login, full screen, restarted after a crash: what a kitchen screen does.
    const Result<void> autostart = chosen.kiosk
            ? KioskAutostart::enable(QCoreApplication::applicationFilePath())
            : KioskAutostart::disable();
    if (!autostart)
        qCWarning(lcConsole).noquote() << "kiosk autostart:" << autostart.error();
    return true;
}

// Starts this program again once this run has let go of everything (its store's lock too):
// QCoreApplication calls post routines as it is destroyed, after every local of main().
void startAgainAfterExit()
{
    static QString program;
    static QStringList arguments;
    program = QCoreApplication::applicationFilePath();
    arguments = QCoreApplication::arguments().mid(1);
    arguments.removeAll(QStringLiteral("--setup"));
    qAddPostRoutine([] {
        if (!QProcess::startDetached(program, arguments))
            std::fprintf(stderr, "could not start kitchen-console again\n");
    });
}

void scheduleScreenshot(MainWindow &window, Shutdown &shutdown, const QString &path, int delayMs)
{
    QTimer::singleShot(delayMs, &window, [&window, &shutdown, path] {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (!window.grab().save(absolute, "PNG")) {
            printLine(stderr, QApplication::translate("main", "Could not write %1").arg(absolute));
            shutdown.quit(ScreenshotError);
            return;
        }
        printLine(stdout, absolute);
        shutdown.quit();
    });
}
} // namespace

int main(int argc, char *argv[])
{
    // First, before anything can log: no log line of this program holds a card number.
    const RedactingMessageHandler redactedLogs;
    PaintMemory::keepLargeBlocksForReuse();
    // --kiosk: a supervisor, needing no display, runs the board as its child and restarts it.
    if (ConsoleCommandLine::wantsSupervisor(argc, argv) && !KioskSupervisor::isChild()) {
        QCoreApplication supervisorApp(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("kitchen-console"));
        KioskSupervisor supervisor(QCoreApplication::applicationFilePath(),
                                   QCoreApplication::arguments().mid(1));
        supervisor.start();
        return QCoreApplication::exec();
    }
    // Enrolling, help and the version are terminal jobs: no display needed. Without a display the
    // options are still judged (2 for a bad one) before saying why the board cannot show.
    const bool display = ConsoleCommandLine::displayAvailable(argc, argv);
    const std::unique_ptr<QCoreApplication> app =
            ConsoleCommandLine::needsNoDisplay(argc, argv) || !display
            ? std::make_unique<QCoreApplication>(argc, argv)
            : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kitchen-console"));
    QCoreApplication::setOrganizationName(QStringLiteral("KitchenConsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KC_VERSION));

    // The language first, from --lang or the settings file: the parser's --help and usage
    // errors, the settings' defaults and the widgets all translate their text once, when made.
    const ConsoleCommandLine::Early early = ConsoleCommandLine::peek(QCoreApplication::arguments());
    std::unique_ptr<QSettings> settings = early.settingsPath.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(early.settingsPath, QSettings::IniFormat);
    LanguageLoader language;
    language.load(early.language.value_or(BoardSettings::language(*settings)));

    QString error;
    std::optional<ConsoleCommandLine> line =
        ConsoleCommandLine::parse(QCoreApplication::arguments(), &error);
    if (!line) {
        printLine(stderr, error);
        return UsageError;
    }

    if (line->enroll)
        return enroll(*line);
    if (!display) {
        printLine(stderr, QCoreApplication::translate(
                                  "main", "No display to show the board on: DISPLAY and "
                                          "WAYLAND_DISPLAY are not set. Start it in the desktop "
                                          "session, or with -platform offscreen."));
        return NoDisplay;
    }

    QGuiApplication::setApplicationDisplayName(QApplication::translate("main", "Kitchen Console"));
    QGuiApplication::setDesktopFileName(QStringLiteral(KC_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(
            QStringLiteral(KC_APP_ID), QIcon(QStringLiteral(":/icons/" KC_APP_ID ".png"))));
    // Fusion, so the dark palette reads the same everywhere, with step buttons a finger can hit.
    QApplication::setStyle(new TouchStyle);

    const Result<std::optional<QSslConfiguration>> trusted =
        PlatformLink::trustingCa(line->hubCaPath);
    if (!trusted) {
        printLine(stderr, trusted.error());
        return UsageError;
    }
    const std::optional<QSslConfiguration> &ssl = *trusted;

    CredentialStore credentials(CredentialStore::consoleService());
    if ((line->setup || isFirstRun(*line, *settings))
        && !runSetup(*line, *settings, credentials, language, ssl))
        return Ok;
    // Who this console is and where its platform is: the command line's word, else the setup's.
    if (const SetupChoices saved = SetupSettings::load(*settings); !line->identityGiven) {
        if (!saved.storeId.isEmpty())
            line->storeId = saved.storeId;
        if (!saved.consoleId.isEmpty())
            line->consoleId = saved.consoleId;
        if (line->hubUrl.isEmpty() && !line->demo && saved.withPlatform())
            line->hubUrl = saved.platformUrl;
    }

    // Demo mode keeps its store in a folder that lives exactly as long as this run, unless --store
    // names one; the demo hub's log lives beside the store either way, so both last equally long.
    std::unique_ptr<QTemporaryDir> demoFolder;
    QString storePath = line->storePath;
    if (storePath.isEmpty() && line->demo) {
        demoFolder = std::make_unique<QTemporaryDir>();
        if (!demoFolder->isValid()) {
            printLine(stderr, demoFolder->errorString());
            return StoreError;
        }
        storePath = demoFolder->filePath(QStringLiteral("demo-store.sqlite"));
    } else if (storePath.isEmpty()) {
        storePath = defaultStorePath();
    }

    SystemClock clock;
    SessionConfig config = SessionConfig::forConsole(storePath, line->storeId, line->consoleId);
    config.archive = ArchiveSchedule::policyFrom(*settings);
    ConsoleSession session(config, clock);
    if (const Result<void> opened = session.open(); !opened) {
        printLine(stderr, opened.error());
        return StoreError;
    }
    // Where this board resumes, for whoever reads the log after a restart.
    qCInfo(lcConsole).noquote() << "board resumes console" << line->consoleId << "of store"
                                << line->storeId << "with" << session.engine().openOrders().size()
                                << "open orders from" << storePath;

    BoardOptions options = BoardSettings::load(*settings, line->storeId);
    if (!line->staffId.isEmpty())
        options.staffId = line->staffId;
    if (line->prepMinutes > 0)
        options.policy.defaultPrepMinutes = line->prepMinutes;
    if (line->station) {
        if (line->station->isEmpty() || options.policy.stations.contains(*line->station))
            options.station = *line->station;
        else
            qCWarning(lcConsole).noquote() << "--station" << *line->station
                                           << "is not one of the store's stations"
                                           << options.policy.stations << "; showing expo";
    }
    MainWindow window(session, options);
    QObject::connect(&window, &MainWindow::optionsChanged, &window,
                     [&settings, storeId = line->storeId](const BoardOptions &saved) {
                         BoardSettings::save(*settings, storeId, saved);
                         settings->sync();
                         if (settings->status() != QSettings::NoError)
                             qCWarning(lcConsole).noquote()
                                     << "could not save the settings to" << settings->fileName();
                     });
    // The view chosen with S is this screen's own setting: after a restart the grill screen is
    // the grill's again. Only that key is written, so command-line overrides stay one-off.
    QObject::connect(&window, &MainWindow::stationChanged, &window,
                     [&settings](const QString &station) {
                         settings->setValue(QStringLiteral("board/station"), station);
                     });
    // The file keeps the store's rules as this console last followed them.
    BoardSettings::followStorePolicy(session.storePolicy(), *settings, line->storeId);
    if (session.repairReport())
        announceRepair(window, *session.repairReport());
    // Sized by the screen the window is on, full screen when the command line or the settings
    // ask for it: the same console fits 1024×768 and 4K.
    WindowPlacement::show(window, {line->windowSize, line->fullScreen || options.fullScreen});
    std::unique_ptr<ScreenAwake> awake;
    if (line->kiosk)
        awake = std::make_unique<ScreenAwake>(
                QApplication::translate("main", "The kitchen board is showing orders"));

    Shutdown shutdown;
    QGuiApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(qApp, &QGuiApplication::lastWindowClosed, &window,
                     [&shutdown] { shutdown.quit(); });

    LinkConfig link; // the ids come from the session
    link.ssl = ssl;
    auto connectTo = [&](const QUrl &url) {
        link.url = url;
        PlatformConnection &connection = session.connectPlatform(link);
        connection.client().setRetryPolicy(
                RetryPolicy::fromSettings(*settings, PlatformChannel::name));
        window.setSync(&connection.client(), &connection.link());
        QObject::connect(&connection, &PlatformConnection::problem, &window,
                         &MainWindow::setSyncProblem);
        return &connection;
    };

    ManagerPin managerPin(credentials, *settings, line->storeId, clock);
    ManagerDesk managerDesk(session, window, managerPin);
    // A manager sets the screen up again (pairing, store, station): the board starts anew with it,
    // under the kiosk's supervisor when there is one.
    QObject::connect(&managerDesk, &ManagerDesk::setupRequested, &window, [&] {
        if (!runSetup(*line, *settings, credentials, language, ssl, true))
            return;
        if (KioskSupervisor::isChild()) {
            shutdown.quit(KioskSupervisor::restartCode);
            return;
        }
        startAgainAfterExit();
        shutdown.quit();
    });
    std::unique_ptr<DemoHub> demoHub;
    std::unique_ptr<DemoFeed> feed;
    if (!line->hubUrl.isEmpty()) {
        connectTo(line->hubUrl)->startFromKeyring(credentials);
    } else if (line->demo) {
        DemoHub::Options hubOptions;
        hubOptions.program = line->orderHubPath.isEmpty()
            ? DemoHub::findProgram(QCoreApplication::applicationDirPath())
            : line->orderHubPath;
        hubOptions.logPath = DemoHub::logPathBeside(storePath);
        hubOptions.storeId = line->storeId;
        hubOptions.consoleId = line->consoleId;
        hubOptions.ordersPerMinute = line->demoRate;
        hubOptions.seed = line->demoSeed;
        demoHub = std::make_unique<DemoHub>(hubOptions);
        shutdown.setHub(demoHub.get());
        QObject::connect(demoHub.get(), &DemoHub::ready, &window, [&](const QUrl &url) {
            connectTo(url)->startWithCredential(demoHub->secret());
        });
        QObject::connect(demoHub.get(), &DemoHub::failed, &window, [&](const QString &message) {
            if (feed || session.platform())
                return; // already running one way or the other
            qCWarning(lcConsole).noquote() << "demo without platform:" << message;
            printLine(stderr, message);
            window.setSyncProblem(
                QApplication::translate("main", "Demo without platform: %1").arg(message));
            feed = std::make_unique<DemoFeed>(session.engine(), clock, line->demoRate,
                                              line->demoSeed);
            feed->placeNow(demoFillOrders);
            feed->start();
        });
        demoHub->start();
    }

    // The store's POS, from the settings and the keychain; the demo's is a fake Square beside
    // the demo hub, whose cashier rings up counter orders.
    // (The session fills in the store's quote and routes, and keeps them in step.)
    PosConnection::Context posContext;
    posContext.storeId = line->storeId;
    posContext.retry = RetryPolicy::fromSettings(*settings, QStringLiteral("pos"));
    auto connectPos = [&](const PosSettings &pos) {
        PosConnection &connection = session.connectPos(pos, posContext);
        QObject::connect(&connection, &PosConnection::problem, &window,
                         &MainWindow::setPosProblem);
        return &connection;
    };
    std::unique_ptr<DemoTill> till;
    if (line->demo) {
        // A store that lasts meets this till again: a till of its own each run, so its order
        // ids never repeat one the store holds (a fresh demo store keeps the seed's run).
        const quint32 tillSeed = line->storePath.isEmpty()
                ? line->demoSeed
                : line->demoSeed ^ quint32(QDateTime::currentMSecsSinceEpoch());
        till = std::make_unique<DemoTill>(DemoTill::Options {
                DemoTill::findProgram(QCoreApplication::applicationDirPath()),
                std::max(1, line->demoRate / 3), tillSeed});
        QObject::connect(till.get(), &DemoTill::ready, &window,
                         [&](const PosSettings &pos, const PosSecrets &secrets) {
                             PosConnection *connection = connectPos(pos);
                             if (connection->startWithSecrets(secrets))
                                 till->sendWebhooksTo(connection->listenLocally());
                         });
        QObject::connect(till.get(), &DemoTill::failed, &window, [&](const QString &message) {
            qCWarning(lcConsole).noquote() << "demo without a till:" << message;
            window.setPosProblem(
                    QApplication::translate("main", "Demo without a till: %1").arg(message));
        });
        till->start();
    } else if (const PosSettings pos = PosSettings::load(*settings); pos.isSet()) {
        connectPos(pos)->startFromKeyring(credentials);
    }
    // The settings' POS page: saved secrets are read afresh, and a changed POS is connected anew;
    // "None" disconnects the running one (its queued events stay in the store).
    window.setPosSetup(*settings, credentials);
    QObject::connect(&window, &MainWindow::posSettingsChanged, &window,
                     [&](const PosSettings &pos) {
                         if (pos.isSet()) {
                             connectPos(pos)->startFromKeyring(credentials);
                             return;
                         }
                         session.disconnectPos();
                         window.setPosProblem({});
                     });

    if (!line->screenshotPath.isEmpty())
        scheduleScreenshot(window, shutdown, line->screenshotPath, line->screenshotDelayMs);
    if (line->quitAfterSeconds > 0)
        QTimer::singleShot(line->quitAfterSeconds * 1000, &window,
                           [&shutdown] { shutdown.quit(); });

    return QCoreApplication::exec();
}
