// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// pos-fake's composition root: one fake vendor on 127.0.0.1, its port printed on stdout as one
// JSON line, stopped by SIGTERM or SIGINT, or by stdin closing when --watch-stdin is given (a
// parent that dies closes the pipe, so the fake goes with it).
#include "fakes/clover/cloverfake.h"
#include "fakes/square/squarefake.h"
#include "fakes/toast/toastfake.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <memory>

// Stopping on a signal or on stdin's end is POSIX; elsewhere the fake says it cannot and runs
// until it is killed.
#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {
enum ExitCode {
    Ok = 0,
    UsageError = 2,
    ListenError = 4,
};

void printLine(FILE *stream, const QByteArray &line)
{
    std::fprintf(stream, "%s\n", line.constData());
    std::fflush(stream);
}

#ifdef Q_OS_UNIX
int stopWriteFd = -1;

extern "C" void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(stopWriteFd, &byte, 1);
}

// SIGTERM and SIGINT end the event loop, through a socket pair (all a handler may safely do).
bool quitOnStopSignals(QCoreApplication &app)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0)
        return false;
    stopWriteFd = fds[0];
    auto *notifier = new QSocketNotifier(fds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

void quitWhenStdinCloses(QCoreApplication &app)
{
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        char buffer[256];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            notifier->setEnabled(false);
            QCoreApplication::quit();
        }
    });
}
#else
bool quitOnStopSignals(QCoreApplication &)
{
    return false;
}

void quitWhenStdinCloses(QCoreApplication &)
{
    printLine(stderr, "pos-fake: warning: --watch-stdin is not supported on this system");
}
#endif

void stopWhenAsked(QCoreApplication &app, const QCommandLineParser &parser)
{
    if (!quitOnStopSignals(app))
        printLine(stderr, "pos-fake: warning: cannot handle SIGTERM/SIGINT");
    if (parser.isSet(QStringLiteral("watch-stdin")))
        quitWhenStdinCloses(app);
}

// The Toast fake: client credentials for the login, its restaurant, its webhook secret.
int runToast(QCoreApplication &app, const QCommandLineParser &parser, quint16 port)
{
    auto toast = std::make_unique<ToastFake>();
    if (parser.isSet(QStringLiteral("seed")))
        toast->setSeed(parser.value(QStringLiteral("seed")).toUInt());
    if (parser.isSet(QStringLiteral("restaurant")))
        toast->setRestaurantGuid(parser.value(QStringLiteral("restaurant")));
    if (parser.isSet(QStringLiteral("signature-key")))
        toast->setWebhookSecret(parser.value(QStringLiteral("signature-key")));
    toast->setWebhookUrl(parser.value(QStringLiteral("webhook-url")));
    if (!toast->listen(port))
        return ListenError;
    stopWhenAsked(app, parser);
    // On the wall clock, Toast's webhook retries fall due by themselves.
    QTimer retries;
    QObject::connect(&retries, &QTimer::timeout, toast.get(), [&toast] { toast->tick(); });
    retries.start(1000);

    const QJsonObject ready {
        {QStringLiteral("vendor"), toast->vendor()},
        {QStringLiteral("port"), toast->port()},
        {QStringLiteral("base_url"), toast->baseUrl().toString()},
        {QStringLiteral("client_id"), toast->clientId()},
        {QStringLiteral("client_secret"), toast->clientSecret()},
        {QStringLiteral("restaurant_guid"), toast->restaurantGuid()},
        {QStringLiteral("signature_key"), toast->webhookSecret()},
        {QStringLiteral("webhook_url"), toast->webhookUrl()}};
    printLine(stdout, QJsonDocument(ready).toJson(QJsonDocument::Compact));
    const int exitCode = QCoreApplication::exec();
    retries.stop();
    toast.reset();
    return exitCode;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pos-fake"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake POS vendor server on 127.0.0.1, for tests and the demo."));
    parser.addHelpOption();
    const QCommandLineOption vendor(QStringLiteral("vendor"),
                                    QStringLiteral("square, toast or clover"),
                                    QStringLiteral("name"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on (0: any free port)."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
                                        QStringLiteral("Where to POST webhooks."),
                                        QStringLiteral("url"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for ids, so a run repeats."),
                                  QStringLiteral("n"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("An access token to accept besides the "
                                                  "default one."),
                                   QStringLiteral("token"));
    const QCommandLineOption signatureKey(QStringLiteral("signature-key"),
                                          QStringLiteral("The webhook signature key (Square)."),
                                          QStringLiteral("key"));
    const QCommandLineOption authCode(QStringLiteral("auth-code"),
                                      QStringLiteral("The webhooks' X-Clover-Auth code (Clover)."),
                                      QStringLiteral("code"));
    const QCommandLineOption watchStdin(QStringLiteral("watch-stdin"),
                                        QStringLiteral("Stop when stdin closes."));
    const QCommandLineOption restaurant(QStringLiteral("restaurant"),
                                        QStringLiteral("Toast: the restaurant GUID."),
                                        QStringLiteral("guid"));
    parser.addOptions(
        {vendor, port, webhookUrl, seed, token, signatureKey, authCode, watchStdin, restaurant});
    parser.process(app);

    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    if (!portOk || portNumber > 65535) {
        printLine(stderr, "pos-fake: --port wants a number from 0 to 65535");
        return UsageError;
    }
    const QString vendorName = parser.value(vendor);
    if (vendorName == QLatin1String("toast"))
        return runToast(app, parser, quint16(portNumber));
    if (vendorName != QLatin1String("square") && vendorName != QLatin1String("clover")) {
        printLine(stderr, "pos-fake: --vendor must be square, toast or clover");
        return UsageError;
    }
    std::unique_ptr<FakeVendorServer> fake;
    QJsonObject ready;
    if (vendorName == QLatin1String("clover")) {
        auto clover = std::make_unique<CloverFake>();
        if (parser.isSet(seed))
            clover->setSeed(parser.value(seed).toUInt());
        if (parser.isSet(token))
            clover->addApiToken(parser.value(token));
        if (parser.isSet(authCode))
            clover->setWebhookAuthCode(parser.value(authCode));
        ready = {{QStringLiteral("token"),
                  parser.isSet(token) ? parser.value(token)
                                      : QString::fromLatin1(CloverFake::defaultApiToken)},
                 {QStringLiteral("oauth"), clover->issueTokens().toJson()},
                 {QStringLiteral("merchant_id"), clover->merchantId()},
                 {QStringLiteral("app_id"), clover->appId()},
                 {QStringLiteral("auth_code"), clover->webhookAuthCode()}};
        fake = std::move(clover);
    } else {
        auto square = std::make_unique<SquareFake>();
        if (parser.isSet(seed))
            square->setSeed(parser.value(seed).toUInt());
        if (parser.isSet(token))
            square->addAccessToken(parser.value(token));
        if (parser.isSet(signatureKey))
            square->setSignatureKey(parser.value(signatureKey));
        ready = {{QStringLiteral("token"),
                  parser.isSet(token) ? parser.value(token)
                                      : QString::fromLatin1(SquareFake::defaultToken)},
                 {QStringLiteral("location_id"), QString::fromLatin1(SquareFake::defaultLocation)},
                 {QStringLiteral("signature_key"), square->signatureKey()}};
        fake = std::move(square);
    }
    fake->setWebhookUrl(parser.value(webhookUrl));
    if (!fake->listen(quint16(portNumber)))
        return ListenError;

    stopWhenAsked(app, parser);

    ready.insert(QStringLiteral("vendor"), fake->vendor());
    ready.insert(QStringLiteral("port"), fake->port());
    ready.insert(QStringLiteral("base_url"), fake->baseUrl().toString());
    ready.insert(QStringLiteral("webhook_url"), fake->webhookUrl());
    printLine(stdout, QJsonDocument(ready).toJson(QJsonDocument::Compact));
    const int exitCode = QCoreApplication::exec();
    fake.reset();
    return exitCode;
}
