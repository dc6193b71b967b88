// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommands.h"

#include "adminformat.h"
#include "adminlogging.h"

#include "common/clock.h"
#include "order/actor.h"
#include "store/outbox.h"
#include "store/projectionverifier.h"
#include "store/store.h"
#include "store/storearchiver.h"
#include "store/storeintegrity.h"

#include <QTextStream>

AdminCommands::AdminCommands(Store &store, const Clock &clock, QTextStream &out, QTextStream &err)
    : m_store(store), m_clock(clock), m_out(out), m_err(err)
{
}

ExitCode AdminCommands::list(bool includeClosed, OutputFormat format)
{
    const QList<Order> orders = m_store.orders(!includeClosed);
    if (format == OutputFormat::JsonLines) {
        for (const Order &order : orders)
            m_out << AdminFormat::jsonLine(AdminFormat::orderJson(order)) << Qt::endl;
        return ExitCode::Ok;
    }
    if (orders.isEmpty()) {
        m_out << (includeClosed ? QStringLiteral("No orders.") : QStringLiteral("No open orders."))
              << Qt::endl;
        return ExitCode::Ok;
    }
    const qint64 now = m_clock.nowMs();
    m_out << AdminFormat::orderHeader() << Qt::endl;
    for (const Order &order : orders)
        m_out << AdminFormat::orderLine(order, now) << Qt::endl;
    return ExitCode::Ok;
}

std::optional<Order> AdminCommands::findOrder(const QString &orderRef)
{
    if (std::optional<Order> byId = m_store.order(orderRef))
        return byId;
    // Ticket numbers come round again (each day, each generator), so take the latest one.
    QList<Order> matches;
    const QList<Order> all = m_store.orders(false);
    for (const Order &order : all) {
        if (order.number == orderRef)
            matches.append(order);
    }
    if (matches.isEmpty())
        return std::nullopt;
    if (matches.size() > 1)
        tellOfOthers(orderRef, matches.size(), matches.constLast().id);
    return matches.constLast();
}

std::optional<QString> AdminCommands::findArchivedOrder(const QString &orderRef)
{
    if (StoreArchiver::isArchived(m_store, orderRef))
        return orderRef;
    const Result<QStringList> numbered = StoreArchiver::archivedOrdersNumbered(m_store, orderRef);
    if (!numbered) {
        m_err << QStringLiteral("Cannot read the archive: %1").arg(numbered.error()) << Qt::endl;
        return std::nullopt;
    }
    if (numbered->isEmpty())
        return std::nullopt;
    if (numbered->size() > 1)
        tellOfOthers(orderRef, numbered->size(), numbered->constFirst());
    return numbered->constFirst();
}

void AdminCommands::tellOfOthers(const QString &number, qsizetype matches, const QString &shownId)
{
    m_err << QStringLiteral("Number %1 matches %2 orders; showing the most recent (%3). "
                            "Pass an order id to see another.")
                     .arg(number, QString::number(matches), shownId)
          << Qt::endl;
}

ExitCode AdminCommands::events(const QString &orderRef, OutputFormat format)
{
    const std::optional<Order> order = findOrder(orderRef);
    if (!order) {
        // A finished order archived from the store: its trail is in its month's archive file.
        if (const std::optional<QString> archivedId = findArchivedOrder(orderRef))
            return archivedEvents(*archivedId, format);
        m_err << QStringLiteral("No order with id or number \"%1\" in %2.")
                         .arg(orderRef, m_store.path())
              << Qt::endl;
        return ExitCode::NotFound;
    }
    const QList<OrderEvent> events = m_store.events(order->id);
    if (format == OutputFormat::JsonLines) {
        for (const OrderEvent &event : events)
            m_out << AdminFormat::jsonLine(AdminFormat::eventJson(event)) << Qt::endl;
        return ExitCode::Ok;
    }
    m_out << QStringLiteral("Order %1 (%2): %3, now %4, %5 events")
                     .arg(order->number, order->id, OrderTypes::toString(order->type),
                          OrderStates::toString(order->state), QString::number(events.size()))
          << Qt::endl;
    m_out << AdminFormat::eventHeader() << Qt::endl;
    for (const OrderEvent &event : events)
        m_out << AdminFormat::eventLine(event) << Qt::endl;
    return ExitCode::Ok;
}

ExitCode AdminCommands::archivedEvents(const QString &orderId, OutputFormat format)
{
    const Result<QList<OrderEvent>> archived = StoreArchiver::archivedEvents(m_store, orderId);
    if (!archived) {
        m_err << QStringLiteral("Order %1 is archived, but its archive cannot be read: %2")
                         .arg(orderId, archived.error())
              << Qt::endl;
        return ExitCode::StoreUnavailable;
    }
    if (format == OutputFormat::Text)
        m_out << QStringLiteral("Order %1: archived, %2 events")
                         .arg(orderId, QString::number(archived->size()))
              << Qt::endl
              << AdminFormat::eventHeader() << Qt::endl;
    for (const OrderEvent &event : *archived)
        m_out << (format == OutputFormat::JsonLines
                          ? AdminFormat::jsonLine(AdminFormat::eventJson(event))
                          : AdminFormat::eventLine(event))
              << Qt::endl;
    return ExitCode::Ok;
}

ExitCode AdminCommands::verify()
{
    const VerifyReport report = ProjectionVerifier(m_store).verify();
    const QString counts = QStringLiteral("%1 orders, %2 events")
                                   .arg(QString::number(report.ordersChecked),
                                        QString::number(report.eventsReplayed));
    if (report.ok()) {
        m_out << QStringLiteral("OK: ") << counts << Qt::endl;
        return ExitCode::Ok;
    }
    for (const QString &problem : report.problems)
        m_out << problem << Qt::endl;
    const qsizetype problems = report.problems.size();
    m_out << QStringLiteral("FAILED: %1 %2 in %3. Run \"rebuild\" to replace the projection with "
                            "the one replayed from the log.")
                     .arg(QString::number(problems),
                          problems == 1 ? QStringLiteral("problem") : QStringLiteral("problems"),
                          counts)
          << Qt::endl;
    return ExitCode::ProblemsFound;
}

ExitCode AdminCommands::rebuild()
{
    qCInfo(lcAdmin).noquote() << "rebuilding the projection of" << m_store.path();
    if (const Result<void> rebuilt = ProjectionVerifier(m_store).rebuild(); !rebuilt) {
        m_err << QStringLiteral("Cannot rebuild the projection of %1: %2")
                         .arg(m_store.path(), rebuilt.error())
              << Qt::endl;
        return ExitCode::StoreUnavailable;
    }
    m_out << QStringLiteral("Rebuilt the projection from %1 events: %2 orders.")
                     .arg(QString::number(m_store.eventCount()),
                          QString::number(m_store.orders(false).size()))
          << Qt::endl;
    return ExitCode::Ok;
}

ExitCode AdminCommands::archive(int afterDays)
{
    ArchivePolicy policy;
    policy.afterDays = afterDays;
    qCInfo(lcAdmin).noquote() << "archiving orders finished over" << afterDays << "days ago from"
                              << m_store.path();
    const Result<ArchiveReport> archived = StoreArchiver(m_store.path(), m_clock, policy).run();
    if (!archived) {
        // Each batch is archived whole or not at all: what went before stays archived.
        m_err << QStringLiteral("Archiving stopped: %1. Orders archived before this stay in "
                                "their archive files; run archive again once that is mended.")
                         .arg(archived.error())
              << Qt::endl;
        return ExitCode::StoreUnavailable;
    }
    if (archived->orders == 0) {
        m_out << QStringLiteral("Nothing to archive: no order finished over %1 days ago is left "
                                "in the store (one still waiting for the platform, a POS or a "
                                "dead letter stays until that is settled).")
                         .arg(afterDays)
              << Qt::endl;
        return ExitCode::Ok;
    }
    m_out << QStringLiteral("Archived orders: %1 (%2 events), finished over %3 days ago, to %4.")
                     .arg(QString::number(archived->orders), QString::number(archived->events),
                          QString::number(afterDays), archived->files.join(QStringLiteral(", ")))
          << Qt::endl;
    return ExitCode::Ok;
}

ExitCode AdminCommands::outbox()
{
    Outbox outbox(m_store);
    m_out << QStringLiteral("Pending: %1").arg(outbox.pendingCount()) << Qt::endl;
    if (const std::optional<qint64> oldest = outbox.oldestPendingAt()) {
        m_out << QStringLiteral("Oldest pending: %1 (%2 ago)")
                         .arg(AdminFormat::isoTime(*oldest),
                              AdminFormat::age(m_clock.nowMs() - *oldest))
              << Qt::endl;
    } else {
        m_out << QStringLiteral("Oldest pending: none") << Qt::endl;
    }
    const ParkedCount parked = outbox.parked();
    m_out << QStringLiteral("Parked: %1 %2 of %3 %4, waiting behind a dead letter")
                     .arg(QString::number(parked.events),
                          parked.events == 1 ? QStringLiteral("entry") : QStringLiteral("entries"),
                          QString::number(parked.orders),
                          parked.orders == 1 ? QStringLiteral("order") : QStringLiteral("orders"))
          << Qt::endl;
    const QList<DeadLetter> letters = outbox.deadLetters();
    m_out << QStringLiteral("Dead letters: %1").arg(letters.size()) << Qt::endl;
    for (const DeadLetter &letter : letters)
        m_out << QStringLiteral("  ") << AdminFormat::deadLetterLine(letter) << Qt::endl;
    return ExitCode::Ok;
}

ExitCode AdminCommands::check()
{
    const Result<QStringList> checked = m_store.integrityProblems(StoreIntegrity::Depth::Full);
    if (!checked) {
        m_err << QStringLiteral("Cannot check %1: %2").arg(m_store.path(), checked.error())
              << Qt::endl;
        return ExitCode::StoreUnavailable;
    }
    const QStringList &damage = *checked;
    if (damage.isEmpty()) {
        m_out << QStringLiteral("OK: SQLite found no damage in %1").arg(m_store.path()) << Qt::endl;
        return ExitCode::Ok;
    }
    for (const QString &line : damage)
        m_out << line << Qt::endl;
    m_out << QStringLiteral("DAMAGED: %1. Keep the file for support; the kitchen console sets a "
                            "damaged store aside and rebuilds it when it starts.")
                     .arg(m_store.path())
          << Qt::endl;
    return ExitCode::StoreDamaged;
}

ExitCode AdminCommands::redrive(qint64 deadLetterId, const QString &managerId,
                                const QString &reason)
{
    return decide(deadLetterId, managerId, reason, true);
}

ExitCode AdminCommands::discard(qint64 deadLetterId, const QString &managerId,
                                const QString &reason)
{
    return decide(deadLetterId, managerId, reason, false);
}

ExitCode AdminCommands::decide(qint64 deadLetterId, const QString &managerId,
                               const QString &reason, bool redrive)
{
    const std::optional<DeadLetter> letter = Outbox(m_store).deadLetter(deadLetterId);
    if (!letter) {
        m_err << QStringLiteral("No dead letter #%1 in %2 (\"outbox\" lists them).")
                         .arg(QString::number(deadLetterId), m_store.path())
              << Qt::endl;
        return ExitCode::NotFound;
    }
    const Actor manager = Actor::manager(managerId);
    const QString origin = QStringLiteral("kc-admin");
    const AppendResult result = redrive
            ? m_store.redriveDeadLetter(deadLetterId, manager, origin, reason)
            : m_store.discardDeadLetter(deadLetterId, manager, origin, reason);
    if (result.status == AppendResult::Status::Refused) {
        m_err << QStringLiteral("Cannot decide on dead letter #%1: %2")
                         .arg(QString::number(deadLetterId), result.error)
              << Qt::endl;
        return ExitCode::Usage;
    }
    if (!result.committed()) {
        m_err << QStringLiteral("Cannot write to %1: %2").arg(m_store.path(), result.error)
              << Qt::endl;
        return ExitCode::StoreUnavailable;
    }
    const QString what = QStringLiteral("Dead letter #%1 (%2 of order %3 to %4)")
                                 .arg(QString::number(deadLetterId),
                                      EventKinds::toString(letter->event.kind),
                                      letter->event.orderId.isEmpty() ? QStringLiteral("-") : letter->event.orderId,
                                      letter->destination);
    if (redrive)
        m_out << what << QStringLiteral(" redriven by ") << manager.toString()
              << QStringLiteral(": it goes again first, then its order's parked entries.")
              << Qt::endl;
    else
        m_out << what << QStringLiteral(" discarded by ") << manager.toString()
              << QStringLiteral(": it is not sent; its order's parked entries go on.")
              << Qt::endl;
    return ExitCode::Ok;
}
