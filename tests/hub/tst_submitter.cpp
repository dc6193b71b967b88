// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Submitter: which actor roles a console may put on the events it hands to the hub.
#include "hubtestsupport.h"

#include "hub/submitter.h"

#include <QTest>

namespace {
const QString storeA = QStringLiteral("store-a");
const QString console = QStringLiteral("grill-1");

OrderEvent eventOf(EventKind kind, ActorRole role, const QString &storeId = storeA)
{
    OrderEvent event;
    event.id = QUuid::createUuid();
    event.storeId = storeId;
    event.orderId = EventKinds::isStoreLevel(kind) ? QString() : QStringLiteral("ord-1");
    event.kind = kind;
    event.actor = HubTest::actorOf(role);
    event.origin = console;
    return event;
}
} // namespace

class TestSubmitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void consoleClaims_data();
    void consoleClaims();
    void platformMayNameAnyone_data();
    void platformMayNameAnyone();
    void consoleIsBoundToItsStore();
    void aRelayConsoleMaySpeakForThePos_data();
    void aRelayConsoleMaySpeakForThePos();
    void aManagerConsoleMayActAsManager_data();
    void aManagerConsoleMayActAsManager();
};

void TestSubmitter::consoleClaims_data()
{
    QTest::addColumn<EventKind>("kind");
    QTest::addColumn<ActorRole>("role");
    QTest::addColumn<bool>("allowed");
    const QList<EventKind> kinds = HubTest::allKinds();
    for (EventKind kind : kinds) {
        for (ActorRole role : ActorRoles::all()) {
            // Staff on anything a console sends; system only on the store's own events (a pause
            // running out); no other role is the console's to claim.
            const bool allowed = role == ActorRole::Staff
                || (role == ActorRole::System && EventKinds::isStoreLevel(kind));
            QTest::addRow("%s by %s", qPrintable(EventKinds::toString(kind)),
                          qPrintable(ActorRoles::toString(role)))
                << kind << role << allowed;
        }
    }
}

void TestSubmitter::consoleClaims()
{
    QFETCH(EventKind, kind);
    QFETCH(ActorRole, role);
    QFETCH(bool, allowed);
    QCOMPARE(Submitter::consoleMayClaim(role, kind), allowed);
    const Submitter submitter = Submitter::console(storeA, console);
    QCOMPARE(submitter.kind(), Submitter::Kind::Console);
    const QString refusal = submitter.refusal(eventOf(kind, role));
    QCOMPARE(refusal.isEmpty(), allowed);
    if (!allowed) {
        // Says who tried, what and as whom, in words staff and support can act on.
        QVERIFY2(refusal.contains(console), qPrintable(refusal));
        QVERIFY2(refusal.contains(EventKinds::toString(kind)), qPrintable(refusal));
        QVERIFY2(refusal.contains(ActorRoles::displayName(role)), qPrintable(refusal));
        QVERIFY2(refusal.contains(HubTest::actorOf(role).toString()), qPrintable(refusal));
    }
}

void TestSubmitter::platformMayNameAnyone_data()
{
    HubTest::addKindByRoleRows();
}

// The hub's own services build their events; the state machine judges the roles they name.
void TestSubmitter::platformMayNameAnyone()
{
    QFETCH(EventKind, kind);
    QFETCH(ActorRole, role);
    const Submitter platform = Submitter::platform();
    QCOMPARE(platform.kind(), Submitter::Kind::Platform);
    QCOMPARE(platform.refusal(eventOf(kind, role)), QString());
    QCOMPARE(platform.refusal(eventOf(kind, role, QStringLiteral("store-b"))), QString());
}

void TestSubmitter::consoleIsBoundToItsStore()
{
    const Submitter submitter = Submitter::console(storeA, console);
    QCOMPARE(submitter.storeId(), storeA);
    QCOMPARE(submitter.consoleId(), console);
    const QString refusal = submitter.refusal(
        eventOf(EventKind::NoteAdded, ActorRole::Staff, QStringLiteral("store-b")));
    QVERIFY2(refusal.contains(QStringLiteral("store-b")), qPrintable(refusal));
    QVERIFY2(refusal.contains(storeA), qPrintable(refusal));
}

void TestSubmitter::aRelayConsoleMaySpeakForThePos_data()
{
    HubTest::addKindByRoleRows();
}

// The right the hub granted adds the POS's words on its orders, and nothing else: not the
// store's pause, not a manager's or the platform's role.
void TestSubmitter::aRelayConsoleMaySpeakForThePos()
{
    QFETCH(EventKind, kind);
    QFETCH(ActorRole, role);
    const Submitter relay =
            Submitter::console(storeA, console, {Submitter::posRelayRight});
    QVERIFY(relay.mayRelayPos());
    QVERIFY(!Submitter::console(storeA, console).mayRelayPos());
    const bool allowed = role == ActorRole::Pos ? !EventKinds::isStoreLevel(kind)
                                                : Submitter::consoleMayClaim(role, kind);
    QCOMPARE(relay.mayClaim(role, kind), allowed);
    QCOMPARE(relay.refusal(eventOf(kind, role)).isEmpty(), allowed);
    if (role == ActorRole::Pos && !EventKinds::isStoreLevel(kind)) {
        // Without the right, the refusal says what would allow it.
        const QString refusal = Submitter::console(storeA, console).refusal(eventOf(kind, role));
        QVERIFY2(refusal.contains(QLatin1String("--grant-pos-relay store-a:grill-1")),
                 qPrintable(refusal));
    }
}

void TestSubmitter::aManagerConsoleMayActAsManager_data()
{
    QTest::addColumn<EventKind>("kind");
    QTest::addColumn<ActorRole>("role");
    QTest::addColumn<bool>("granted");
    const QList<EventKind> kinds = HubTest::allKinds();
    for (EventKind kind : kinds) {
        for (ActorRole role : ActorRoles::all()) {
            for (const bool granted : {true, false})
                QTest::addRow("%s by %s, %s", qPrintable(EventKinds::toString(kind)),
                              qPrintable(ActorRoles::toString(role)),
                              granted ? "granted" : "not granted")
                    << kind << role << granted;
        }
    }
}

// The right adds the manager's role on any event, an order's (a cancel, a refund) or the
// store's (a pause), and nothing else: not the POS's or the platform's role.
void TestSubmitter::aManagerConsoleMayActAsManager()
{
    QFETCH(EventKind, kind);
    QFETCH(ActorRole, role);
    QFETCH(bool, granted);
    const Submitter submitter = granted
        ? Submitter::console(storeA, console, {Submitter::managerRight})
        : Submitter::console(storeA, console);
    QCOMPARE(submitter.mayActAsManager(), granted);
    QVERIFY(!submitter.mayRelayPos());
    const bool allowed =
        role == ActorRole::Manager ? granted : Submitter::consoleMayClaim(role, kind);
    QCOMPARE(submitter.mayClaim(role, kind), allowed);
    const QString refusal = submitter.refusal(eventOf(kind, role));
    QCOMPARE(refusal.isEmpty(), allowed);
    // Without the right, the refusal says what would allow it; no other refusal offers it.
    QCOMPARE(refusal.contains(QLatin1String("--grant-manager store-a:grill-1")),
             role == ActorRole::Manager && !granted);
    if (!allowed) {
        QVERIFY2(refusal.contains(EventKinds::toString(kind)), qPrintable(refusal));
        QVERIFY2(refusal.contains(HubTest::actorOf(role).toString()), qPrintable(refusal));
    }
}

QTEST_GUILESS_MAIN(TestSubmitter)
#include "tst_submitter.moc"
