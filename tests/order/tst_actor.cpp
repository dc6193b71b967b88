// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/actor.h"

#include "ordertestsupport.h"

#include <QtTest/QTest>

class TestActor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void everyRoleHasARoundTrip();
    void refused_data();
    void refused();
    void equality();
};

void TestActor::roundTrip_data()
{
    QTest::addColumn<Actor>("actor");
    QTest::addColumn<QString>("text");
    QTest::addColumn<ActorRole>("role");

    QTest::newRow("staff") << Actor::staff(QStringLiteral("ana")) << QStringLiteral("staff:ana")
                           << ActorRole::Staff;
    QTest::newRow("manager") << Actor::manager(QStringLiteral("m-7"))
                             << QStringLiteral("manager:m-7") << ActorRole::Manager;
    QTest::newRow("pos") << Actor::pos(QStringLiteral("square")) << QStringLiteral("pos:square")
                         << ActorRole::Pos;
    QTest::newRow("platform") << Actor::platform() << QStringLiteral("platform")
                              << ActorRole::Platform;
    QTest::newRow("auto_accept") << Actor::autoAccept() << QStringLiteral("auto_accept")
                                 << ActorRole::AutoAccept;
    QTest::newRow("system") << Actor::system() << QStringLiteral("system") << ActorRole::System;
    // Only the first colon separates role from id; the id keeps the rest.
    QTest::newRow("id with colon") << Actor::staff(QStringLiteral("ana:2"))
                                   << QStringLiteral("staff:ana:2") << ActorRole::Staff;
    QTest::newRow("non-ASCII id") << Actor::staff(QStringLiteral("zoë"))
                                  << QStringLiteral("staff:zoë") << ActorRole::Staff;
}

void TestActor::roundTrip()
{
    QFETCH(Actor, actor);
    QFETCH(QString, text);
    QFETCH(ActorRole, role);

    QCOMPARE(actor.role, role);
    QCOMPARE(actor.toString(), text);
    QCOMPARE(Actor::fromString(text), std::optional<Actor>(actor));
}

void TestActor::everyRoleHasARoundTrip()
{
    // Guards the table above against a role added later without a row.
    for (ActorRole role : ActorRoles::all()) {
        const bool named =
            role == ActorRole::Staff || role == ActorRole::Manager || role == ActorRole::Pos;
        const Actor actor {role, named ? QStringLiteral("x1") : QString()};
        QCOMPARE(Actor::fromString(actor.toString()), std::optional<Actor>(actor));
    }
}

void TestActor::refused_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("unknown role") << QStringLiteral("chef");
    QTest::newRow("unknown role with id") << QStringLiteral("chef:ana");
    QTest::newRow("capitalised role") << QStringLiteral("Staff:ana");
    QTest::newRow("staff without id") << QStringLiteral("staff");
    QTest::newRow("staff with empty id") << QStringLiteral("staff:");
    QTest::newRow("manager without id") << QStringLiteral("manager");
    QTest::newRow("pos without id") << QStringLiteral("pos");
    QTest::newRow("platform with id") << QStringLiteral("platform:x");
    QTest::newRow("system with id") << QStringLiteral("system:cron");
    QTest::newRow("auto_accept with id") << QStringLiteral("auto_accept:1");
    QTest::newRow("only an id") << QStringLiteral(":ana");
}

void TestActor::refused()
{
    QFETCH(QString, text);

    QCOMPARE(Actor::fromString(text), std::nullopt);
}

void TestActor::equality()
{
    const Actor ana = Actor::staff(QStringLiteral("ana"));
    QCOMPARE(ana, Actor::staff(QStringLiteral("ana")));
    QVERIFY(!(ana != Actor::staff(QStringLiteral("ana"))));
    QVERIFY(ana != Actor::staff(QStringLiteral("bo")));
    QVERIFY(ana != Actor::manager(QStringLiteral("ana")));
    QVERIFY(Actor::platform() != Actor::system());
    QCOMPARE(Actor(), Actor::system()); // the default actor is the system
}

QTEST_GUILESS_MAIN(TestActor)
#include "tst_actor.moc"
