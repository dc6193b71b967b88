// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storerulespage.h"

#include "engine/storepolicybook.h"
#include "namelisteditor.h"
#include "routelisteditor.h"
#include "order/storepolicycodec.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace {
constexpr int fingerHeight = 44;

QSpinBox *minutesBox(int minimum, int maximum, const QString &name, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(minimum, maximum);
    box->setSuffix(StoreRulesPage::tr(" min"));
    box->setMinimumHeight(fingerHeight);
    return box;
}

QTimeEdit *hoursEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QTimeEdit(parent);
    edit->setObjectName(name);
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    edit->setMinimumHeight(fingerHeight);
    return edit;
}
} // namespace

StoreRulesPage::StoreRulesPage(StorePolicyBook &book, const Actor &manager, QWidget *parent)
    : QWidget(parent)
    , m_book(book)
    , m_manager(manager)
    , m_stations(new NameListEditor(tr("a station, as items name it"),
                                    int(StorePolicyCodec::maxStationLength), this))
    , m_reasons(new NameListEditor(tr("a reason a cook may pick"),
                                   int(StorePolicyCodec::maxReasonLength), this))
    , m_routes(new RouteListEditor(int(StorePolicyCodec::maxRouteWordsLength), this))
    , m_lastChange(new QLabel(this))
    , m_message(new QLabel(this))
    , m_save(new QPushButton(tr("&Save for the whole store"), this))
    , m_undo(new QPushButton(tr("&Undo changes"), this))
{
    auto *stations = new QGroupBox(tr("Stations, in the order screens go through them"), this);
    auto *stationsLayout = new QVBoxLayout(stations);
    stationsLayout->addWidget(m_stations);
    auto *reasons = new QGroupBox(tr("Reasons to reject"), this);
    auto *reasonsLayout = new QVBoxLayout(reasons);
    reasonsLayout->addWidget(m_reasons);
    auto *routing = new QGroupBox(tr("Routing: which items go to which station"), this);
    auto *routingLayout = new QVBoxLayout(routing);
    auto *routingHint = new QLabel(tr("The first route that matches wins. An item no route takes "
                                      "goes where its order says. New orders follow the routes; "
                                      "orders already on the board keep their stations."),
                                   routing);
    routingHint->setWordWrap(true);
    routingLayout->addWidget(routingHint);
    routingLayout->addWidget(m_routes, 1);

    auto *grid = new QGridLayout;
    grid->addWidget(buildTimes(), 0, 0);
    grid->addWidget(buildFeeds(), 1, 0);
    grid->addWidget(stations, 0, 1);
    grid->addWidget(reasons, 1, 1);
    grid->addWidget(routing, 0, 2, 2, 1);
    for (int column = 0; column < 3; ++column)
        grid->setColumnStretch(column, 1);

    for (QPushButton *button : {m_save, m_undo})
        button->setMinimumSize(160, 48);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_lastChange, 1);
    actions->addWidget(m_undo);
    actions->addWidget(m_save);
    m_lastChange->setWordWrap(true);
    m_message->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addStretch();

    for (QSpinBox *box : {m_warn, m_late, m_prep, m_quiet})
        connect(box, &QSpinBox::valueChanged, this, &StoreRulesPage::onEdited);
    for (QTimeEdit *edit : {m_opens, m_closes})
        connect(edit, &QTimeEdit::timeChanged, this, &StoreRulesPage::onEdited);
    connect(m_warn, &QSpinBox::valueChanged, this, [this] { keepLateAfterWarn(m_warn); });
    connect(m_late, &QSpinBox::valueChanged, this, [this] { keepLateAfterWarn(m_late); });
    connect(m_stations, &NameListEditor::edited, this, &StoreRulesPage::onEdited);
    connect(m_reasons, &NameListEditor::edited, this, &StoreRulesPage::onEdited);
    connect(m_routes, &RouteListEditor::edited, this, &StoreRulesPage::onEdited);
    connect(m_stations, &NameListEditor::edited, this,
            [this] { m_routes->setStations(m_stations->names()); });
    connect(m_save, &QPushButton::clicked, this, &StoreRulesPage::save);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        showRules(m_book.policy());
        m_message->clear();
    });
    connect(&m_book, &StorePolicyBook::policyChanged, this, &StoreRulesPage::onBookChanged);
    showRules(m_book.policy());
}

QWidget *StoreRulesPage::buildTimes()
{
    auto *group = new QGroupBox(tr("Ticket times"), this);
    auto *form = new QFormLayout(group);
    using namespace StorePolicyCodec;
    m_warn = minutesBox(minWarnMinutes, maxLateMinutes - 1, QStringLiteral("warn_after_minutes"),
                        group);
    m_late = minutesBox(minWarnMinutes + 1, maxLateMinutes, QStringLiteral("late_after_minutes"),
                        group);
    m_prep = minutesBox(minPrepMinutes, maxPrepMinutes, QStringLiteral("default_prep_minutes"),
                        group);
    m_prep->setSingleStep(5);
    form->addRow(tr("Turns amber after"), m_warn);
    form->addRow(tr("Turns red (late) after"), m_late);
    form->addRow(tr("Prep-time quote"), m_prep);
    return group;
}

QWidget *StoreRulesPage::buildFeeds()
{
    auto *group = new QGroupBox(tr("Feeds and opening hours"), this);
    auto *form = new QFormLayout(group);
    m_quiet = minutesBox(StorePolicyCodec::minQuietMinutes, StorePolicyCodec::maxQuietMinutes,
                         QStringLiteral("feed_quiet_minutes"), group);
    m_opens = hoursEdit(QStringLiteral("opens_at"), group);
    m_closes = hoursEdit(QStringLiteral("closes_at"), group);
    form->addRow(tr("Alarm when a feed is quiet for"), m_quiet);
    form->addRow(tr("Opens at"), m_opens);
    form->addRow(tr("Closes at"), m_closes);
    auto *hint = new QLabel(tr("Equal times: open around the clock."), group);
    hint->setWordWrap(true);
    form->addRow(hint);
    return group;
}

StorePolicy StoreRulesPage::edited() const
{
    StorePolicy policy = m_book.policy(); // what the page does not edit (expected feeds) stays
    policy.warnAfterMinutes = m_warn->value();
    policy.lateAfterMinutes = m_late->value();
    policy.defaultPrepMinutes = m_prep->value();
    policy.feedQuietMinutes = m_quiet->value();
    policy.opensAt = m_opens->time();
    policy.closesAt = m_closes->time();
    policy.stations = m_stations->names();
    policy.rejectReasons = m_reasons->names();
    policy.routes = m_routes->routes();
    return policy;
}

QString StoreRulesPage::message() const
{
    return m_message->text();
}

QString StoreRulesPage::lastChangeText() const
{
    return m_lastChange->text();
}

void StoreRulesPage::showRules(const StorePolicy &policy)
{
    m_showing = true;
    m_warn->setValue(policy.warnAfterMinutes);
    m_late->setValue(policy.lateAfterMinutes);
    m_prep->setValue(policy.defaultPrepMinutes);
    m_quiet->setValue(policy.feedQuietMinutes);
    m_opens->setTime(policy.opensAt);
    m_closes->setTime(policy.closesAt);
    m_stations->setNames(policy.stations);
    m_reasons->setNames(policy.rejectReasons);
    m_routes->setStations(policy.stations);
    m_routes->setRoutes(policy.routes);
    m_showing = false;
    m_dirty = false;
    m_save->setEnabled(false);
    m_undo->setEnabled(false);
    showLastChange();
}

void StoreRulesPage::showLastChange()
{
    const std::optional<OrderEvent> &change = m_book.lastChange();
    if (!change) {
        m_lastChange->setText(tr("This console's settings file holds these rules; no manager has "
                                 "set them for the store yet."));
        return;
    }
    const QString when = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(change->occurredAt), QLocale::ShortFormat);
    m_lastChange->setText(tr("Set by %1 at console %2, %3.")
                                  .arg(change->actor.toString(), change->origin, when));
}

void StoreRulesPage::onEdited()
{
    if (m_showing)
        return;
    m_dirty = edited() != m_book.policy();
    m_save->setEnabled(m_dirty);
    m_undo->setEnabled(m_dirty);
}

void StoreRulesPage::onBookChanged(const StorePolicy &policy)
{
    if (!m_dirty) {
        showRules(policy);
        return;
    }
    showLastChange();
    m_message->setText(tr("The store's rules were changed meanwhile (%1). Undo changes to see "
                          "them, or save yours over them.")
                               .arg(m_lastChange->text()));
}

void StoreRulesPage::save()
{
    const CommandResult result = m_book.change(edited(), m_manager);
    if (!result.ok) {
        m_message->setText(tr("Not saved: %1").arg(result.message));
        return;
    }
    showRules(m_book.policy());
    m_message->setText(tr("Saved. Every screen of the store follows these rules now; the "
                          "platform hears of it as soon as the link allows."));
}

void StoreRulesPage::keepLateAfterWarn(QSpinBox *moved)
{
    if (m_late->value() > m_warn->value())
        return;
    if (moved == m_late)
        m_warn->setValue(m_late->value() - 1);
    else
        m_late->setValue(m_warn->value() + 1);
}
