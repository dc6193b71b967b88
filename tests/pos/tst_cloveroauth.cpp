// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/clover/cloveroauth.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
PosAnswer answer(int status, const QJsonObject &body, qint64 retryAfterMs = 0)
{
    PosAnswer answer;
    answer.status = status;
    answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    answer.retryAfterMs = retryAfterMs;
    return answer;
}
} // namespace

// Clover's expiring OAuth pair: renewed before it lapses, kept, and refused in words.
class TestCloverOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theOAuthPairRenewsBeforeItLapsesAndIsKept();
    void aRefusedRefreshReadsInWords();
};

void TestCloverOAuth::theOAuthPairRenewsBeforeItLapsesAndIsKept()
{
    const qint64 now = 1'796'212'800'000;
    CloverOAuth auth(QStringLiteral("APP1"),
                     {"access-1", now + 30 * 60'000, "refresh-1", now + 365LL * 86'400'000});
    QCOMPARE(auth.token(now), QByteArray("access-1"));
    QCOMPARE(auth.token(now + 30 * 60'000 - CloverOAuth::renewMarginMs - 1), QByteArray("access-1"));
    QVERIFY(!auth.token(now + 30 * 60'000 - CloverOAuth::renewMarginMs)); // within the margin
    const std::optional<PosCall> renewal = auth.renewal();
    QVERIFY(renewal);
    QCOMPARE(renewal->verb, QByteArray("POST"));
    QCOMPARE(renewal->path, QStringLiteral("/oauth/v2/refresh"));
    QCOMPARE(renewal->body->value(QLatin1String("client_id")).toString(), QStringLiteral("APP1"));
    QCOMPARE(renewal->body->value(QLatin1String("refresh_token")).toString(),
             QStringLiteral("refresh-1"));

    const qint64 later = now + 26 * 60'000;
    const QJsonObject pair {{QStringLiteral("access_token"), QStringLiteral("access-2")},
                            {QStringLiteral("access_token_expiration"), later / 1000 + 1800},
                            {QStringLiteral("refresh_token"), QStringLiteral("refresh-2")},
                            {QStringLiteral("refresh_token_expiration"), later / 1000 + 86'400}};
    QVERIFY(auth.renewed(answer(200, pair), later).ok());
    QCOMPARE(auth.token(later), QByteArray("access-2"));
    QCOMPARE(QJsonDocument::fromJson(auth.secretToKeep()).object(), pair);

    // What was kept starts the next run with the same pair.
    Result<std::unique_ptr<CloverOAuth>> kept =
            CloverOAuth::fromKept(auth.secretToKeep(), QStringLiteral("APP1"));
    QVERIFY2(kept.ok(), qPrintable(kept.error()));
    QCOMPARE((*kept)->token(later), QByteArray("access-2"));
    QCOMPARE((*kept)->renewal()->body->value(QLatin1String("refresh_token")).toString(),
             QStringLiteral("refresh-2"));
    QVERIFY(!CloverOAuth::fromKept("not json", QStringLiteral("APP1")).ok());
    QVERIFY(!CloverOAuth::fromKept(R"({"access_token":"a"})", QStringLiteral("APP1")).ok());

    // Clover refused the access token: renewed before the next call, however long it had left.
    auth.forget();
    QVERIFY(!auth.token(later));
}


void TestCloverOAuth::aRefusedRefreshReadsInWords()
{
    const qint64 now = 1'796'212'800'000;
    CloverOAuth auth(QStringLiteral("APP1"), {"access-1", now, "refresh-1", now + 1000});
    const Result<void> refused = auth.renewed(
            answer(401, {{QStringLiteral("message"), QStringLiteral("Refresh token already used")}}),
            now);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error(), QStringLiteral("Clover refused the saved sign-in; a manager must "
                                             "connect Clover again"));
    const Result<void> later = auth.renewed(answer(503, {}), now);
    QVERIFY(!later.ok());
    QVERIFY2(later.error().contains(QStringLiteral("tried again")), qPrintable(later.error()));
    QVERIFY(!auth.token(now)); // still nothing to send
}

QTEST_GUILESS_MAIN(TestCloverOAuth)
#include "tst_cloveroauth.moc"
