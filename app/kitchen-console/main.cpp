// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The kitchen console's composition root: builds the store, the engine and the window from the
// command line and wires them; nothing here is worth testing on its own.
#include "consolecommandline.h"
#include "demohistory.h"

#include "common/clock.h"
#include "engine/orderengine.h"
#include "mainwindow.h"
#include "sim/demofeed.h"
#include "store/store.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {
enum ExitCode {
    Ok = 0,
    UsageError = 2,
    StoreError = 3,
    ScreenshotError = 4,
};

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

QSize windowSize(const ConsoleCommandLine &line)
{
    if (line.windowSize.isValid())
        return line.windowSize;
    const QScreen *screen = QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableGeometry().size() : QSize();
    return available.expandedTo(QSize(1280, 800)); // offscreen screens are tiny
}

void scheduleScreenshot(MainWindow &window, const QString &path, int delayMs)
{
    QTimer::singleShot(delayMs, &window, [&window, path] {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (!window.grab().save(absolute, "PNG")) {
            printLine(stderr, QApplication::translate("main", "Could not write %1").arg(absolute));
            QCoreApplication::exit(ScreenshotError);
            return;
        }
        printLine(stdout, absolute);
        QCoreApplication::quit();
    });
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("kitchen-console"));
    QApplication::setOrganizationName(QStringLiteral("KitchenConsole"));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Kitchen Console"));
    QApplication::setApplicationVersion(QStringLiteral(KC_VERSION));
    QApplication::setStyle(QStringLiteral("Fusion")); // the dark palette reads the same everywhere

    QString error;
    const std::optional<ConsoleCommandLine> line =
        ConsoleCommandLine::parse(QApplication::arguments(), &error);
    if (!line) {
        printLine(stderr, error);
        return UsageError;
    }

    // Demo mode keeps its store in a folder that lives exactly as long as this run.
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

    Store store(storePath);
    if (!store.open()) {
        printLine(stderr, store.errorString());
        return StoreError;
    }

    SystemClock clock;
    EngineConfig config;
    config.storeId = line->storeId;
    config.consoleId = line->consoleId;
    if (line->demo && store.eventCount() == 0)
        DemoHistory::seed(store, config, clock.nowMs(), line->demoSeed);
    OrderEngine engine(store, clock, config);

    BoardOptions options;
    options.staffId = line->staffId;
    options.defaultPrepMinutes = line->prepMinutes;
    MainWindow window(engine, clock, options);
    window.resize(windowSize(*line));
    if (line->fullScreen)
        window.showFullScreen();
    else
        window.show();

    std::unique_ptr<DemoFeed> feed;
    if (line->demo) {
        feed = std::make_unique<DemoFeed>(engine, clock, line->demoRate, line->demoSeed);
        feed->start();
    }
    if (!line->screenshotPath.isEmpty())
        scheduleScreenshot(window, line->screenshotPath, line->screenshotDelayMs);
    if (line->quitAfterSeconds > 0)
        QTimer::singleShot(line->quitAfterSeconds * 1000, &app, &QCoreApplication::quit);

    return QApplication::exec();
}
