// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "order/statemachine.h"

#include "ordertestsupport.h"

#include <memory>

#include <QtTest/QTest>

using namespace OrderFixtures;

namespace {
using S = OrderState;
using R = ActorRole;
using T = OrderType;

enum class Needs { Nothing, PromisedTime, Reason };

struct Edge
{
    S from;
    S to;
    QList<R> roles;
    QList<T> types;
    Needs needs = Needs::Nothing;
};

const QList<T> anyType {T::Pickup, T::Delivery, T::DineIn};

// The oracle: DESIGN.md's transition table written out again by hand, one edge per line, so the
// test does not trust statemachine.cpp's copy of it.
const QList<Edge> &designEdges()
{
    static const QList<Edge> edges {
        {S::Placed, S::Accepted, {R::Staff, R::Pos, R::AutoAccept}, anyType, Needs::PromisedTime},
        {S::Placed, S::Rejected, {R::Staff, R::Pos, R::AutoAccept}, anyType, Needs::Reason},
        {S::Placed, S::Cancelled, {R::Platform, R::Pos, R::Manager}, anyType, Needs::Reason},
        {S::Accepted, S::Cancelled, {R::Platform, R::Pos, R::Manager}, anyType, Needs::Reason},
        {S::Preparing, S::Cancelled, {R::Platform, R::Pos, R::Manager}, anyType, Needs::Reason},
        {S::Ready, S::Cancelled, {R::Platform, R::Pos, R::Manager}, anyType, Needs::Reason},
        {S::Accepted, S::Preparing, {R::Staff, R::Pos}, anyType},
        {S::Preparing, S::Ready, {R::Staff, R::Pos}, anyType},
        {S::Ready, S::PickedUp, {R::Staff, R::Platform}, {T::Pickup, T::DineIn}},
        {S::Ready, S::OutForDelivery, {R::Platform, R::Staff}, {T::Delivery}},
        {S::OutForDelivery, S::Delivered, {R::Platform}, {T::Delivery}},
        {S::PickedUp, S::Refunded, {R::Platform, R::Manager}, anyType},
        {S::Delivered, S::Refunded, {R::Platform, R::Manager}, anyType},
        {S::Cancelled, S::Refunded, {R::Platform, R::Manager}, anyType},
    };
    return edges;
}

// Recalls are their own event kind: staff only, within the window, "as above" for order types.
const QList<Edge> &designRecalls()
{
    static const QList<Edge> edges {
        {S::Ready, S::Preparing, {R::Staff}, anyType},
        {S::PickedUp, S::Ready, {R::Staff}, {T::Pickup, T::DineIn}},
    };
    return edges;
}

const Edge *findEdge(const QList<Edge> &edges, S from, std::optional<S> to = std::nullopt)
{
    for (const Edge &edge : edges) {
        if (edge.from == from && (!to || edge.to == *to))
            return &edge;
    }
    return nullptr;
}

// Which refusals the design allows for a request; empty when the request is legal.
QList<Refusal> expectedRefusals(const Edge *edge, S from, S to, T type, R role)
{
    if (from == S::Rejected || from == S::Refunded)
        return {Refusal::FinalState};
    if (from == to)
        return {Refusal::AlreadyThere};
    if (!edge)
        return {Refusal::NoSuchStep};
    QList<Refusal> refusals;
    if (!edge->types.contains(type))
        refusals.append(Refusal::WrongOrderType);
    if (!edge->roles.contains(role))
        refusals.append(Refusal::NotPermitted);
    return refusals;
}

QByteArray rowName(S from, S to, T type, R role)
{
    return (OrderStates::toString(from) + QLatin1String("->") + OrderStates::toString(to)
            + QLatin1Char(' ') + OrderTypes::toString(type) + QLatin1Char(' ')
            + ActorRoles::toString(role))
        .toUtf8();
}

QByteArray stepName(S state, T type, std::optional<S> target)
{
    return (OrderStates::toString(state) + QLatin1Char(' ') + OrderTypes::toString(type)
            + QLatin1String(" -> ")
            + (target ? OrderStates::toString(*target) : QStringLiteral("none")))
        .toUtf8();
}

const TransitionDetails fullDetails {QStringLiteral("customer called"), t0 + 20 * minuteMs};
} // namespace

class TestStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitionTable_data();
    void transitionTable();
    void refusalCodes_data();
    void refusalCodes();
    void refusalNamesOrderIdWithoutNumber();
    void rejectCheck_data();
    void rejectCheck();
    void recallTable_data();
    void recallTable();
    void recallWindow_data();
    void recallWindow();
    void recallRefusalSaysHowLong_data();
    void recallRefusalSaysHowLong();
    void nextStep_data();
    void nextStep();
    void recallTarget_data();
    void recallTarget();
};

void TestStateMachine::transitionTable_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<S>("to");
    QTest::addColumn<T>("type");
    QTest::addColumn<R>("role");
    QTest::addColumn<QList<Refusal>>("refusals");
    QTest::addColumn<Needs>("needs");

    for (S from : OrderStates::all()) {
        for (S to : OrderStates::all()) {
            const Edge *edge = findEdge(designEdges(), from, to);
            for (T type : OrderTypes::all()) {
                for (R role : ActorRoles::all()) {
                    QTest::newRow(rowName(from, to, type, role).constData())
                        << from << to << type << role
                        << expectedRefusals(edge, from, to, type, role)
                        << (edge ? edge->needs : Needs::Nothing);
                }
            }
        }
    }
}

void TestStateMachine::transitionTable()
{
    QFETCH(S, from);
    QFETCH(S, to);
    QFETCH(T, type);
    QFETCH(R, role);
    QFETCH(QList<Refusal>, refusals);
    QFETCH(Needs, needs);

    const StateMachine machine;
    const Order subject = order(from, type);
    const Verdict verdict = machine.check(subject, to, role, fullDetails, t0 + minuteMs);

    if (refusals.isEmpty()) {
        QVERIFY2(verdict.allowed(), qPrintable(verdict.reason));
        QVERIFY(verdict.reason.isEmpty());
    } else {
        QVERIFY(!verdict.allowed());
        QVERIFY2(refusals.contains(verdict.refusal),
                 std::unique_ptr<char[]>(toString(verdict.refusal)).get());
        QVERIFY2(verdict.reason.contains(QLatin1String("417")), qPrintable(verdict.reason));
    }

    // A legal edge that needs a detail is refused without it, for the right reason.
    if (refusals.isEmpty() && needs != Needs::Nothing) {
        const Verdict bare = machine.check(subject, to, role, {}, t0 + minuteMs);
        QCOMPARE(bare.refusal,
                 needs == Needs::PromisedTime ? Refusal::MissingPromisedTime
                                              : Refusal::MissingReason);
        QVERIFY2(bare.reason.contains(QLatin1String("417")), qPrintable(bare.reason));
    }
}

void TestStateMachine::refusalCodes_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<S>("to");
    QTest::addColumn<T>("type");
    QTest::addColumn<R>("role");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("promisedAt");
    QTest::addColumn<Refusal>("expected");

    const QString why = QStringLiteral("out of buns");
    const qint64 promise = t0 + 15 * minuteMs;

    QTest::newRow("rejected is final") << S::Rejected << S::Accepted << T::Pickup << R::Staff << why
                                       << promise << Refusal::FinalState;
    QTest::newRow("rejected cannot be cancelled")
        << S::Rejected << S::Cancelled << T::Delivery << R::Manager << why << promise
        << Refusal::FinalState;
    QTest::newRow("refunded is final") << S::Refunded << S::Cancelled << T::DineIn << R::Platform
                                       << why << promise << Refusal::FinalState;
    QTest::newRow("already preparing") << S::Preparing << S::Preparing << T::Pickup << R::Staff
                                       << why << promise << Refusal::AlreadyThere;
    QTest::newRow("already cancelled") << S::Cancelled << S::Cancelled << T::Pickup << R::Manager
                                       << why << promise << Refusal::AlreadyThere;
    QTest::newRow("placed skips to ready")
        << S::Placed << S::Ready << T::Pickup << R::Staff << why << promise << Refusal::NoSuchStep;
    QTest::newRow("delivered back to placed")
        << S::Delivered << S::Placed << T::Delivery << R::Platform << why << promise
        << Refusal::NoSuchStep;
    QTest::newRow("out for delivery not cancellable")
        << S::OutForDelivery << S::Cancelled << T::Delivery << R::Platform << why << promise
        << Refusal::NoSuchStep;
    QTest::newRow("recall is not a transition") << S::Ready << S::Preparing << T::Pickup << R::Staff
                                                << why << promise << Refusal::NoSuchStep;
    QTest::newRow("delivery order picked up") << S::Ready << S::PickedUp << T::Delivery << R::Staff
                                              << why << promise << Refusal::WrongOrderType;
    QTest::newRow("pickup order out for delivery")
        << S::Ready << S::OutForDelivery << T::Pickup << R::Platform << why << promise
        << Refusal::WrongOrderType;
    QTest::newRow("dine-in order delivered")
        << S::OutForDelivery << S::Delivered << T::DineIn << R::Platform << why << promise
        << Refusal::WrongOrderType;
    QTest::newRow("staff marks delivered") << S::OutForDelivery << S::Delivered << T::Delivery
                                           << R::Staff << why << promise << Refusal::NotPermitted;
    QTest::newRow("staff cancels") << S::Placed << S::Cancelled << T::Pickup << R::Staff << why
                                   << promise << Refusal::NotPermitted;
    QTest::newRow("staff refunds") << S::PickedUp << S::Refunded << T::Pickup << R::Staff << why
                                   << promise << Refusal::NotPermitted;
    QTest::newRow("manager accepts") << S::Placed << S::Accepted << T::Pickup << R::Manager << why
                                     << promise << Refusal::NotPermitted;
    QTest::newRow("system accepts") << S::Placed << S::Accepted << T::Delivery << R::System << why
                                    << promise << Refusal::NotPermitted;
    QTest::newRow("platform starts cooking")
        << S::Accepted << S::Preparing << T::Pickup << R::Platform << why << promise
        << Refusal::NotPermitted;
    QTest::newRow("accept without time") << S::Placed << S::Accepted << T::Pickup << R::Staff << why
                                         << qint64(0) << Refusal::MissingPromisedTime;
    QTest::newRow("accept with negative time")
        << S::Placed << S::Accepted << T::DineIn << R::AutoAccept << why << qint64(-5)
        << Refusal::MissingPromisedTime;
    QTest::newRow("reject without reason") << S::Placed << S::Rejected << T::Pickup << R::Pos
                                           << QString() << promise << Refusal::MissingReason;
    QTest::newRow("reject with blank reason")
        << S::Placed << S::Rejected << T::Pickup << R::Staff << QStringLiteral("  \t ") << promise
        << Refusal::MissingReason;
    QTest::newRow("cancel without reason") << S::Ready << S::Cancelled << T::Delivery << R::Platform
                                           << QString() << promise << Refusal::MissingReason;
}

void TestStateMachine::refusalCodes()
{
    QFETCH(S, from);
    QFETCH(S, to);
    QFETCH(T, type);
    QFETCH(R, role);
    QFETCH(QString, reason);
    QFETCH(qint64, promisedAt);
    QFETCH(Refusal, expected);

    const Verdict verdict =
        StateMachine().check(order(from, type), to, role, {reason, promisedAt}, t0);
    QCOMPARE(verdict.refusal, expected);
    QVERIFY(!verdict.allowed());
    QVERIFY2(verdict.reason.contains(QLatin1String("417")), qPrintable(verdict.reason));
}

void TestStateMachine::refusalNamesOrderIdWithoutNumber()
{
    Order subject = order(S::Placed);
    subject.number.clear();
    const Verdict verdict = StateMachine().check(subject, S::Ready, R::Staff, fullDetails, t0);
    QCOMPARE(verdict.refusal, Refusal::NoSuchStep);
    QVERIFY2(verdict.reason.contains(subject.id), qPrintable(verdict.reason));
}

void TestStateMachine::rejectCheck_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<T>("type");
    QTest::addColumn<R>("role");
    QTest::addColumn<QList<Refusal>>("refusals");

    for (S from : OrderStates::all()) {
        const Edge *edge = findEdge(designEdges(), from, S::Rejected);
        for (T type : OrderTypes::all()) {
            for (R role : ActorRoles::all()) {
                QTest::newRow(rowName(from, S::Rejected, type, role).constData())
                    << from << type << role
                    << expectedRefusals(edge, from, S::Rejected, type, role);
            }
        }
    }
}

// Before a reason is asked for: refused as the table refuses, but never for the missing reason.
void TestStateMachine::rejectCheck()
{
    QFETCH(S, from);
    QFETCH(T, type);
    QFETCH(R, role);
    QFETCH(QList<Refusal>, refusals);

    const StateMachine machine;
    const Order subject = order(from, type);
    const Verdict verdict = machine.checkReject(subject, role, t0 + minuteMs);

    if (refusals.isEmpty()) {
        QVERIFY2(verdict.allowed(), qPrintable(verdict.reason));
        // The reject itself still needs the reason the check did not ask for.
        QCOMPARE(machine.check(subject, S::Rejected, role, {}, t0 + minuteMs).refusal,
                 Refusal::MissingReason);
    } else {
        QVERIFY(!verdict.allowed());
        QVERIFY2(refusals.contains(verdict.refusal),
                 std::unique_ptr<char[]>(toString(verdict.refusal)).get());
        QVERIFY2(verdict.reason.contains(QLatin1String("417")), qPrintable(verdict.reason));
    }
}

void TestStateMachine::recallTable_data()
{
    QTest::addColumn<S>("state");
    QTest::addColumn<T>("type");
    QTest::addColumn<R>("role");
    QTest::addColumn<QList<Refusal>>("refusals");

    for (S state : OrderStates::all()) {
        const Edge *edge = findEdge(designRecalls(), state);
        for (T type : OrderTypes::all()) {
            for (R role : ActorRoles::all()) {
                QList<Refusal> refusals;
                if (!edge) {
                    refusals = {Refusal::NoSuchStep};
                } else {
                    if (!edge->types.contains(type))
                        refusals.append(Refusal::WrongOrderType);
                    if (!edge->roles.contains(role))
                        refusals.append(Refusal::NotPermitted);
                }
                const std::optional<S> target =
                    edge ? std::optional<S>(edge->to) : std::optional<S>();
                const QByteArray name =
                    stepName(state, type, target) + ' ' + ActorRoles::toString(role).toUtf8();
                QTest::newRow(name.constData()) << state << type << role << refusals;
            }
        }
    }
}

void TestStateMachine::recallTable()
{
    QFETCH(S, state);
    QFETCH(T, type);
    QFETCH(R, role);
    QFETCH(QList<Refusal>, refusals);

    const Order subject = order(state, type);
    const Verdict verdict = StateMachine().checkRecall(subject, role, t0 + minuteMs);
    if (refusals.isEmpty()) {
        QVERIFY2(verdict.allowed(), qPrintable(verdict.reason));
    } else {
        QVERIFY(!verdict.allowed());
        QVERIFY2(refusals.contains(verdict.refusal),
                 std::unique_ptr<char[]>(toString(verdict.refusal)).get());
        QVERIFY2(verdict.reason.contains(QLatin1String("417")), qPrintable(verdict.reason));
    }
}

void TestStateMachine::recallWindow_data()
{
    QTest::addColumn<std::optional<qint64>>("window"); // none: the default constructor
    QTest::addColumn<S>("state");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<bool>("allowed");

    const std::optional<qint64> byDefault;
    const std::optional<qint64> twoMinutes = 2 * minuteMs;
    QTest::newRow("default, at once") << byDefault << S::Ready << qint64(0) << true;
    QTest::newRow("default, 9 min") << byDefault << S::Ready << 9 * minuteMs << true;
    QTest::newRow("default, exactly 10 min") << byDefault << S::PickedUp << 10 * minuteMs << true;
    QTest::newRow("default, 10 min + 1 ms") << byDefault << S::Ready << 10 * minuteMs + 1 << false;
    QTest::newRow("default, an hour") << byDefault << S::PickedUp << 60 * minuteMs << false;
    QTest::newRow("2 min, 1 min") << twoMinutes << S::PickedUp << minuteMs << true;
    QTest::newRow("2 min, exactly 2 min") << twoMinutes << S::Ready << 2 * minuteMs << true;
    QTest::newRow("2 min, 2 min + 1 ms") << twoMinutes << S::Ready << 2 * minuteMs + 1 << false;
    QTest::newRow("2 min, 9 min") << twoMinutes << S::PickedUp << 9 * minuteMs << false;
    QTest::newRow("30 min, 29 min")
        << std::optional<qint64>(30 * minuteMs) << S::Ready << 29 * minuteMs << true;
}

void TestStateMachine::recallWindow()
{
    QFETCH(std::optional<qint64>, window);
    QFETCH(S, state);
    QFETCH(qint64, elapsedMs);
    QFETCH(bool, allowed);

    const StateMachine machine = window ? StateMachine(*window) : StateMachine();
    QCOMPARE(machine.recallWindowMs(), window.value_or(10 * minuteMs));

    Order subject = order(state, T::DineIn);
    subject.stateSince = t0 + 3 * minuteMs;
    const Verdict verdict = machine.checkRecall(subject, R::Staff, subject.stateSince + elapsedMs);
    if (allowed) {
        QVERIFY2(verdict.allowed(), qPrintable(verdict.reason));
    } else {
        QCOMPARE(verdict.refusal, Refusal::RecallWindowPassed);
        QVERIFY2(verdict.reason.contains(QLatin1String("417")), qPrintable(verdict.reason));
    }

    // However fresh the bump, only staff may recall.
    const Verdict byPlatform = machine.checkRecall(subject, R::Platform, subject.stateSince);
    QCOMPARE(byPlatform.refusal, Refusal::NotPermitted);
}

void TestStateMachine::recallRefusalSaysHowLong_data()
{
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<QString>("elapsedText");
    QTest::addColumn<QString>("windowText");
    // Rounded up: half a minute past a 10 min window must not read "10 min ago".
    QTest::newRow("just past the default") << 10 * minuteMs << 10 * minuteMs + 30'000 << "11 min"
                                           << "10 min";
    QTest::newRow("long past") << 10 * minuteMs << 120 * minuteMs << "120 min" << "10 min";
    QTest::newRow("a window under a minute") << qint64(30'000) << qint64(45'000) << "45 s"
                                             << "30 s";
}

void TestStateMachine::recallRefusalSaysHowLong()
{
    QFETCH(qint64, windowMs);
    QFETCH(qint64, elapsedMs);
    QFETCH(QString, elapsedText);
    QFETCH(QString, windowText);
    Order subject = order(OrderState::Ready);
    subject.stateSince = t0;
    const Verdict verdict =
            StateMachine(windowMs).checkRecall(subject, ActorRole::Staff, t0 + elapsedMs);
    QCOMPARE(verdict.refusal, Refusal::RecallWindowPassed);
    QVERIFY2(verdict.reason.contains(QStringLiteral("bumped ") + elapsedText + QStringLiteral(" ago")),
             qPrintable(verdict.reason));
    QVERIFY2(verdict.reason.contains(QStringLiteral("within ") + windowText),
             qPrintable(verdict.reason));
}

void TestStateMachine::nextStep_data()
{
    QTest::addColumn<S>("state");
    QTest::addColumn<T>("type");
    QTest::addColumn<std::optional<S>>("expected");

    for (T type : OrderTypes::all()) {
        const S handOver = type == T::Delivery ? S::OutForDelivery : S::PickedUp;
        for (S state : OrderStates::all()) {
            std::optional<S> next;
            switch (state) {
            case S::Placed:
                next = S::Accepted;
                break;
            case S::Accepted:
                next = S::Preparing;
                break;
            case S::Preparing:
                next = S::Ready;
                break;
            case S::Ready:
                next = handOver;
                break;
            default:
                break; // out for delivery is the courier's; the rest are done
            }
            QTest::newRow(stepName(state, type, next).constData()) << state << type << next;
        }
    }
}

void TestStateMachine::nextStep()
{
    QFETCH(S, state);
    QFETCH(T, type);
    QFETCH(std::optional<S>, expected);

    const Order subject = order(state, type);
    QCOMPARE(StateMachine::nextStep(subject), expected);
    // A bump must be something staff are allowed to do.
    if (expected) {
        const Verdict verdict =
            StateMachine().check(subject, *expected, R::Staff, fullDetails, t0 + minuteMs);
        QVERIFY2(verdict.allowed(), qPrintable(verdict.reason));
    }
}

void TestStateMachine::recallTarget_data()
{
    QTest::addColumn<S>("state");
    QTest::addColumn<T>("type");
    QTest::addColumn<std::optional<S>>("expected");

    for (T type : OrderTypes::all()) {
        for (S state : OrderStates::all()) {
            // A delivery order is never picked up, so that pairing is not a real order.
            if (type == T::Delivery && state == S::PickedUp)
                continue;
            const Edge *edge = findEdge(designRecalls(), state);
            const std::optional<S> target = edge ? std::optional<S>(edge->to) : std::optional<S>();
            QTest::newRow(stepName(state, type, target).constData()) << state << type << target;
        }
    }
}

void TestStateMachine::recallTarget()
{
    QFETCH(S, state);
    QFETCH(T, type);
    QFETCH(std::optional<S>, expected);

    QCOMPARE(StateMachine::recallTarget(order(state, type)), expected);
}

QTEST_GUILESS_MAIN(TestStateMachine)
#include "tst_statemachine.moc"
