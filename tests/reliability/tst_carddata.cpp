// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Card numbers never stored or logged, end to end: card-like numbers in every shape go through
// every path free text takes (a platform order over the hub's HTTP API, a platform's cancel, a
// staff reject, a counter order from Square, a POS's error bodies, a dead letter and the manager's
// reason to let it go) on a real hub and real consoles on 127.0.0.1. Then every byte of every file
// the run wrote (SQLite files, their -wal and -shm) and every log line are searched for them.
#include "../pos/cloversignin.h"
#include "../pos/squaretill.h"
#include "enginetestbed.h"
#include "storetestsupport.h"
#include "synctestbed.h"
#include "testcards.h"

#include "channels/channelregistry.h"
#include "common/redactingmessagehandler.h"
#include "fakes/clover/cloverfake.h"
#include "fakes/square/squarefake.h"
#include "hub/hubhttpapi.h"
#include "hub/submitter.h"
#include "pos/clover/cloveroauth.h"
#include "pos/clover/clovervendor.h"
#include "pos/poschannel.h"
#include "pos/posfeed.h"
#include "session/posconnection.h"
#include "store/outbox.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString storeId = QStringLiteral("store-cards");
const QString expoId = QStringLiteral("expo");
const Actor cook = Actor::staff(QStringLiteral("cook-1"));
const Actor manager = Actor::manager(QStringLiteral("manager-1"));
// Numbers that are not cards and must stay as they are.
const QString phone = QStringLiteral("+1 415 555 0100");
const QString ticket = QStringLiteral("181");

// The test numbers by name (tests/data/hostile/card-numbers.json).
constexpr auto card = &TestCards::number;

/** Every card of the test, in the shapes it is sent in. */
QStringList cards()
{
    return {card("visa_spaced"), card("visa_dashed"), card("mastercard_other"), card("visa_13"),
            card("visa_19"),     card("discover"),    card("amex_dashed"),      card("visa_other")};
}

QMutex logLock;
QStringList logLines;

void keepLine(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker locked(&logLock);
    logLines.append(QString::fromUtf8(context.category) + QLatin1String(": ") + message);
}

/** Where bytes hold a card, in the form sent or as its digits alone; empty when none does. */
QStringList cardsIn(const QByteArray &bytes, const QString &where)
{
    QStringList found;
    for (const QString &number : cards()) {
        QString digits = number;
        digits.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
        for (const QString &form : {number, digits}) {
            if (bytes.contains(form.toUtf8()))
                found.append(QStringLiteral("%1 holds %2").arg(where, form));
        }
    }
    return found;
}

/** Every file under folder (SQLite files, -wal, -shm) read whole, its bytes joined. */
QByteArray bytesUnder(const QString &folder, QStringList *problems, int *files)
{
    QByteArray all;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly)) {
            problems->append(QStringLiteral("cannot read ") + file.fileName());
            continue;
        }
        const QByteArray bytes = file.readAll();
        *problems += cardsIn(bytes, file.fileName());
        all += bytes;
        ++*files;
    }
    return all;
}
} // namespace

class TestCardData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void platformStaffAndPosWordsReachNoFile();
    void posErrorBodiesAndDeadLettersReachNoFile();

private:
    /** POSTs body to the hub's HTTP API; the status, 0 when no answer came. */
    int post(const QString &path, const QJsonObject &body, const QString &key);
    /** No file under these folders and no log line holds a card; what must stay is there. */
    void checkNothingKept(const QStringList &folders, const QStringList &kept);

    QtMessageHandler m_qtHandler = nullptr;
    std::unique_ptr<RedactingMessageHandler> m_redacting;
    SystemClock m_clock;
    QNetworkAccessManager m_http;
    quint16 m_httpPort = 0;
};

void TestCardData::initTestCase()
{
    QVERIFY2(cards().size() == 8 && !cards().contains(QString()), "tests/data/hostile is missing");
    // As each program's main.cpp does: the redacting handler over the one that writes (here, keeps).
    m_qtHandler = qInstallMessageHandler(keepLine);
    m_redacting = std::make_unique<RedactingMessageHandler>();
}

void TestCardData::cleanupTestCase()
{
    m_redacting.reset();
    qInstallMessageHandler(m_qtHandler);
}

void TestCardData::init()
{
    const QMutexLocker locked(&logLock);
    logLines.clear();
}

int TestCardData::post(const QString &path, const QJsonObject &body, const QString &key)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_httpPort).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Idempotency-Key", key.toUtf8());
    std::unique_ptr<QNetworkReply> reply(
            m_http.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.isValid() || (!reply->isFinished() && !finished.wait(10'000)))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TestCardData::checkNothingKept(const QStringList &folders, const QStringList &kept)
{
    QStringList problems;
    QByteArray everything;
    int files = 0;
    for (const QString &folder : folders)
        everything += bytesUnder(folder, &problems, &files);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(files >= 2 * folders.size()); // each store's file and its -wal at least
    for (const QString &text : kept)
        QVERIFY2(everything.contains(text.toUtf8()), qPrintable(text + QStringLiteral(" is gone")));
    QVERIFY(everything.contains(QStringLiteral("•••• ").toUtf8())); // the masks are there

    const QMutexLocker locked(&logLock);
    QVERIFY(!logLines.isEmpty());
    const QStringList logged = cardsIn(logLines.join(QLatin1Char('\n')).toUtf8(), QStringLiteral("the log"));
    QVERIFY2(logged.isEmpty(), qPrintable(logged.join(QLatin1Char('\n'))));
}

void TestCardData::platformStaffAndPosWordsReachNoFile()
{
    SyncTest::HubBed hub(m_clock);
    QVERIFY(hub.start({{storeId, {expoId}}}));
    QVERIFY(hub.records().credentials().setRight(storeId, expoId, Submitter::posRelayRight, true));
    HubHttpApi api(hub.hub(), m_clock);
    QVERIFY(api.listen(0));
    m_httpPort = api.serverPort();
    SquareFake square;
    square.setCardNumberInNotes(true); // Square's line notes carry one, as a cashier typed it
    QVERIFY(square.listen());

    std::unique_ptr<SyncTest::Console> expo = hub.console(storeId, expoId);
    PosSettings settings;
    settings.vendor = QStringLiteral("square");
    settings.baseUrl = square.baseUrl();
    settings.locationId = QString::fromLatin1(SquareFake::defaultLocation);
    PosSecrets secrets;
    secrets.token = QByteArray(SquareFake::defaultToken);
    secrets.webhookKey = square.signatureKey().toUtf8();
    PosConnection &pos =
            expo->session().connectPos(settings, PosConnection::Context {storeId, 15, {}, {}});
    QVERIFY(pos.startWithSecrets(secrets));
    QTRY_VERIFY_WITH_TIMEOUT(expo->isLive(), 10'000);
    QTRY_VERIFY(expo->engine().channels().mayRelayPos());

    // A platform order whose customer typed cards everywhere, beside numbers that are no cards.
    Order placed = StoreTest::sampleOrder(QStringLiteral("web-1"), ticket);
    placed.storeId = storeId;
    placed.customerName = QStringLiteral("Ana %1").arg(card("discover"));
    placed.notes = {QStringLiteral("call %1, pay with %2").arg(phone, card("visa_spaced")),
                    QStringLiteral("not a card: %1").arg(card("fails_luhn"))};
    placed.items[0].notes = QStringLiteral("card%1x").arg(card("visa_13"));
    placed.items[0].modifiers = {card("visa_19"), QStringLiteral("no onions")};
    const QString ordersPath = QStringLiteral("/v1/stores/%1/orders").arg(storeId);
    QCOMPARE(post(ordersPath, placed.toJson(), QStringLiteral("key-1")), 201);
    QCOMPARE(post(ordersPath, placed.toJson(), QStringLiteral("key-1")), 201); // a retry
    QTRY_VERIFY_WITH_TIMEOUT(expo->store().order(placed.id).has_value(), 10'000);
    const Order shown = *expo->store().order(placed.id);
    QCOMPARE(shown.customerName, QStringLiteral("Ana •••• 9424"));
    QCOMPARE(shown.notes, QStringList({QStringLiteral("call %1, pay with •••• 1111").arg(phone),
                                       QStringLiteral("not a card: %1").arg(card("fails_luhn"))}));
    QCOMPARE(shown.items.at(0).notes, QStringLiteral("card•••• 2222x"));
    QCOMPARE(shown.number, ticket);

    // The same event sent twice with a card (a console resending after a lost ack) is the same
    // event both times: masked alike before the hub compares it.
    Order second = StoreTest::sampleOrder(QStringLiteral("web-2"), QStringLiteral("182"));
    second.storeId = storeId;
    second.customerName = QStringLiteral("Bo %1").arg(card("mastercard_other"));
    const OrderEvent raw = StoreTest::placedEvent(second, m_clock.nowMs());
    QCOMPARE(hub.hub().submit(raw).status, SubmitOutcome::Status::Accepted);
    QCOMPARE(hub.hub().submit(raw).status, SubmitOutcome::Status::Duplicate);

    // Staff reject the first with a reason holding a card; the platform cancels the second.
    QVERIFY(expo->engine().reject(placed.id, cook, QStringLiteral("paid by %1?").arg(card("visa_dashed"))).ok);
    QTRY_VERIFY_WITH_TIMEOUT(hub.log().order(storeId, placed.id)->state == OrderState::Rejected,
                             10'000);
    QCOMPARE(hub.log().order(storeId, placed.id)->lastReason, QStringLiteral("paid by •••• 1111?"));
    QCOMPARE(post(QStringLiteral("/v1/stores/%1/orders/%2/cancel").arg(storeId, second.id),
                  {{QStringLiteral("reason"), QStringLiteral("refund to %1").arg(card("amex_dashed"))}},
                  QStringLiteral("key-2")),
             200);
    QTRY_VERIFY_WITH_TIMEOUT(expo->stateOf(second.id) == OrderState::Cancelled, 10'000);

    // A counter order rung up at Square for a customer who gave a card as a name; Square's own
    // line notes carry another. The expo console relays it to the hub.
    const QString squareId = square.createCounterOrder(
            SquareTill::counterOrder(QStringLiteral("Cy %1").arg(card("visa_other"))));
    pos.feed()->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(hub.log().order(storeId, squareId).has_value(), 10'000);
    QCOMPARE(hub.log().order(storeId, squareId)->customerName, QStringLiteral("Cy •••• 1881"));

    QTRY_VERIFY_WITH_TIMEOUT(Outbox(expo->store()).pendingCount(QStringLiteral("platform")) == 0,
                             10'000);
    const QString consoleFolder = expo->folder();
    const QString hubFolder = QFileInfo(hub.databasePath()).absolutePath();
    checkNothingKept({consoleFolder, hubFolder}, {phone, card("fails_luhn"), ticket});
}

void TestCardData::posErrorBodiesAndDeadLettersReachNoFile()
{
    constexpr qint64 t0 = 1'796'212'800'000; // 2026-12-02T12:00Z
    const QString destination = QStringLiteral("pos:clover");
    EngineConfig config;
    config.storeId = storeId;
    config.consoleId = expoId;
    config.destinations = {QStringLiteral("platform")}; // no link: its queue only grows
    EngineTestbed bed(t0, config);
    QVERIFY(bed.open());
    CloverFake clover;
    ManualClock &clock = bed.clock();
    clover.setClock([&clock] { return clock.nowMs(); });
    QVERIFY(clover.listen());
    CloverVendor vendor(CloverVendor::Config {QString::fromLatin1(CloverFake::defaultMerchantId),
                                              QString::fromLatin1(CloverFake::defaultAppId),
                                              QByteArray(CloverFake::defaultWebhookAuthCode)});
    PosHttp http(vendor, clock);
    http.setBaseUrl(clover.baseUrl());
    http.setAuth(std::make_unique<CloverOAuth>(QString::fromLatin1(CloverFake::defaultAppId),
                                               CloverSignIn::pairOf(clover.issueTokens())));
    PosChannel channel(vendor, http, bed.store());
    RetryPolicy policy;
    policy.baseMs = 50;
    policy.maxAttempts = 3;
    bed.engine().channels().add(channel, policy);

    // Clover's error bodies echo a card twice (a server error, then a refusal): both are kept as
    // the dead letter's first and last error, and logged.
    clover.failNext(1, 500, QStringLiteral("/v3"), QStringLiteral("card %1 declined").arg(card("visa_19")));
    clover.failNext(1, 400, QStringLiteral("/v3"),
                    QStringLiteral("bad note: %1 / %2").arg(card("discover"), phone));
    Order order = StoreTest::sampleOrder(QStringLiteral("hub-1"), ticket);
    order.storeId = storeId;
    order.source = QStringLiteral("platform");
    QSignalSpy drained(&bed.engine(), &OrderEngine::incomingDrained);
    QVERIFY(drained.isValid());
    bed.engine().applyIncoming({StoreTest::incoming(StoreTest::placedEvent(order, t0))});
    QVERIFY(drained.wait(5000));
    TransitionDetails accept;
    accept.promisedAt = t0 + 30 * 60'000;
    QVERIFY(bed.engine().transition(order.id, OrderState::Accepted, cook, accept).ok);
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                clock.advanceMs(1000);
                bed.engine().channels().dispatchSoon();
                return Outbox(bed.store()).deadLetters().size() == 1;
            }(),
            10'000);
    const DeadLetter dead = Outbox(bed.store()).deadLetters().constFirst();
    QCOMPARE(dead.destination, destination);
    QVERIFY2(dead.firstError.contains(QStringLiteral("card •••• 0006 declined")), qPrintable(dead.firstError));
    QVERIFY2(dead.lastError.contains(QStringLiteral("•••• 9424 / ") + phone), qPrintable(dead.lastError));
    // The manager lets it go, saying why in words that hold a card too.
    QVERIFY(bed.engine()
                    .channels()
                    .discard(dead.id, manager, expoId,
                             QStringLiteral("customer read %1").arg(card("visa_spaced")))
                    .committed());

    checkNothingKept({QFileInfo(bed.store().path()).absolutePath()}, {phone, ticket});
}

QTEST_GUILESS_MAIN(TestCardData)
#include "tst_carddata.moc"
