// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
constexpr int rowHeight = 44;

/** Each key combination of a recorded sequence is one alternative key for the command. */
QList<QKeySequence> alternatives(const QKeySequence &recorded)
{
    QList<QKeySequence> keys;
    for (int i = 0; i < recorded.count(); ++i)
        keys.append(QKeySequence(recorded[i]));
    return keys;
}

QKeySequence recordedForm(const QList<QKeySequence> &keys)
{
    int combined[4] = {0, 0, 0, 0}; // 0: no key (a default QKeyCombination is Key_unknown)
    int used = 0;
    for (const QKeySequence &key : keys) {
        if (!key.isEmpty() && used < 4)
            combined[used++] = key[0].toCombined();
    }
    return QKeySequence(combined[0], combined[1], combined[2], combined[3]);
}
} // namespace

SettingsDialog::SettingsDialog(const BoardOptions &options, QWidget *parent)
    : SettingsDialog(options, PosSetup {}, parent)
{ }

SettingsDialog::SettingsDialog(const BoardOptions &options, const PosSetup &pos, QWidget *parent)
    : QDialog(parent)
    , m_options(options)
{
    setWindowTitle(tr("Board settings"));
    setMinimumSize(720, 600);
    QFont readable = font();
    readable.setPixelSize(18); // read at arm's length by someone in a hurry
    setFont(readable);

    auto *tabs = m_tabs = new QTabWidget(this);
    tabs->addTab(buildScreenPage(), tr("Screen"));
    tabs->addTab(buildStorePage(), tr("Store"));
    // Twelve commands do not fit a small screen: the keys scroll rather than squeeze.
    auto *keys = new QScrollArea(tabs);
    keys->setWidget(buildKeysPage());
    keys->setWidgetResizable(true);
    keys->setFrameShape(QFrame::NoFrame);
    keys->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tabs->addTab(keys, tr("Keys"));
    if (pos.isSet()) {
        // A vendor's dozen rows do not fit 1024×768 either: they scroll like the keys.
        m_pos = new PosSettingsPage(pos, tabs);
        auto *scroll = new QScrollArea(tabs);
        scroll->setWidget(m_pos);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_posTab = scroll;
        tabs->addTab(scroll, tr("POS"));
    }
    for (int page = 0; page < tabs->count(); ++page)
        tabs->widget(page)->setAutoFillBackground(true); // the board's colours, not the pane's

    auto *buttons = m_buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    for (QAbstractButton *button : buttons->buttons())
        button->setMinimumHeight(rowHeight);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
}

QWidget *SettingsDialog::buildScreenPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_station = new QComboBox(page);
    m_station->addItem(tr("Expo (whole orders)"), QString());
    for (const QString &station : std::as_const(m_options.policy.stations))
        m_station->addItem(station, station);
    m_station->setCurrentIndex(qMax(0, m_station->findData(m_options.station)));
    m_stationShowsNew = new QCheckBox(tr("Show them before they are accepted"), page);
    m_stationShowsNew->setObjectName(QStringLiteral("station_shows_new"));
    m_stationShowsNew->setChecked(m_options.stationShowsNew);
    m_theme = new QComboBox(page);
    m_theme->addItem(tr("High contrast"), QStringLiteral("high-contrast"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(m_options.theme)));
    m_fontPercent = new QSpinBox(page);
    m_fontPercent->setObjectName(QStringLiteral("font_percent"));
    m_fontPercent->setRange(50, 250);
    m_fontPercent->setSingleStep(10);
    m_fontPercent->setSuffix(QStringLiteral(" %"));
    m_fontPercent->setValue(m_options.fontPercent);
    m_compact = new QCheckBox(tr("Compact tickets (more on the screen, same type size)"), page);
    m_compact->setChecked(m_options.compact);
    m_muted = new QCheckBox(tr("Mute alert sounds (alerts flash instead)"), page);
    m_muted->setChecked(m_options.soundMuted);
    // One sentence a cook reads left to right: "Repeat every [10 s] until someone touches the
    // board"; short enough in Spanish for a 1024-pixel screen.
    m_repeatChime = new QCheckBox(tr("Repeat every"), page);
    m_repeatChime->setObjectName(QStringLiteral("repeat_new_order_sound"));
    m_repeatChime->setChecked(m_options.repeatNewOrderSound);
    m_repeatSeconds = new QSpinBox(page);
    m_repeatSeconds->setObjectName(QStringLiteral("repeat_new_order_seconds"));
    m_repeatSeconds->setRange(3, 120);
    m_repeatSeconds->setSuffix(tr(" s"));
    m_repeatSeconds->setValue(m_options.repeatNewOrderSeconds);
    // The interval means nothing while the chime sounds once: greyed out rather than hidden, so
    // the row reads the same either way.
    m_repeatSeconds->setEnabled(m_repeatChime->isChecked());
    connect(m_repeatChime, &QCheckBox::toggled, m_repeatSeconds, &QWidget::setEnabled);
    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeatChime);
    repeatRow->addWidget(m_repeatSeconds);
    repeatRow->addWidget(new QLabel(tr("until someone touches the board"), page), 1);
    for (QWidget *field :
         {static_cast<QWidget *>(m_station), static_cast<QWidget *>(m_theme),
          static_cast<QWidget *>(m_fontPercent), static_cast<QWidget *>(m_repeatSeconds)}) {
        field->setMinimumHeight(rowHeight);
    }
    form->addRow(tr("This screen shows"), m_station);
    form->addRow(tr("New orders at a station"), m_stationShowsNew);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Type size"), m_fontPercent);
    form->addRow(QString(), m_compact);
    form->addRow(QString(), m_muted);
    form->addRow(tr("New-order sound"), repeatRow);
    return page;
}

// The store's rules are the same on every screen and a manager's to change: shown here so a cook
// knows when a ticket turns red, changed behind the PIN (Manager → Store rules).
QWidget *SettingsDialog::buildStorePage()
{
    const StorePolicy &policy = m_options.policy;
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("store_rules"));
    auto *form = new QFormLayout(page);
    const auto row = [page, form](const QString &label, const QString &value) {
        auto *text = new QLabel(value, page);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::NoTextInteraction);
        form->addRow(label, text);
    };
    row(tr("Ticket turns amber after"), tr("%n min", nullptr, policy.warnAfterMinutes));
    row(tr("Ticket turns red (late) after"), tr("%n min", nullptr, policy.lateAfterMinutes));
    row(tr("Prep-time quote preselected"), tr("%n min", nullptr, policy.defaultPrepMinutes));
    row(tr("Stations"), policy.stations.join(QStringLiteral(", ")));
    QStringList routes;
    for (const StationRoute &route : policy.routes)
        routes.append(tr("%1 → %2", "an item's words → its station").arg(route.contains, route.station));
    row(tr("Routing"), routes.isEmpty() ? tr("none: items go where their order says")
                                        : routes.join(QStringLiteral(" · ")));
    row(tr("Reasons to reject"), policy.rejectReasons.join(QStringLiteral(" · ")));
    row(tr("Alarm when a feed is quiet for"), tr("%n min", nullptr, policy.feedQuietMinutes));
    row(tr("Open"),
        policy.opensAt == policy.closesAt
                ? tr("around the clock")
                : tr("%1 to %2").arg(policy.opensAt.toString(QStringLiteral("HH:mm")),
                                     policy.closesAt.toString(QStringLiteral("HH:mm"))));
    auto *hint = new QLabel(tr("These are the store's rules, the same on every screen. A manager "
                               "changes them, and the POS connection: Manager (F9), then Store "
                               "rules or Connections."),
                            page);
    hint->setWordWrap(true);
    form->addRow(hint);
    return page;
}

QWidget *SettingsDialog::buildKeysPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *hint = new QLabel(tr("Click a field, then press up to four keys or bump bar buttons "
                               "for that command. Number keys 1–9 select a ticket, the arrows "
                               "move and Esc closes a dialog; those cannot be changed."),
                            page);
    hint->setWordWrap(true);
    form->addRow(hint);
    const QList<BoardCommand> commands = KeyMap::commands();
    for (BoardCommand command : commands) {
        auto *edit = new QKeySequenceEdit(recordedForm(m_options.keys.keys(command)), page);
        edit->setObjectName(QStringLiteral("keys_") + KeyMap::settingsName(command));
        edit->setMinimumHeight(rowHeight);
        connect(edit, &QKeySequenceEdit::editingFinished, this,
                [this, command] { onKeysEdited(command); });
        m_keyEdits.insert(command, edit);
        form->addRow(KeyMap::displayName(command), edit);
    }
    m_keyMessage = new QLabel(page);
    m_keyMessage->setWordWrap(true);
    form->addRow(m_keyMessage);
    // A bump bar's button can bounce: two presses 40 ms apart must not move a ticket twice.
    m_bumpDebounce = new QSpinBox(page);
    m_bumpDebounce->setObjectName(QStringLiteral("bump_debounce_ms"));
    m_bumpDebounce->setRange(0, 2000);
    m_bumpDebounce->setSingleStep(50);
    m_bumpDebounce->setSuffix(tr(" ms"));
    m_bumpDebounce->setSpecialValueText(tr("off"));
    m_bumpDebounce->setValue(m_options.bumpDebounceMs);
    m_bumpDebounce->setMinimumHeight(rowHeight);
    form->addRow(tr("Ignore a repeated bump within"), m_bumpDebounce);
    return page;
}

void SettingsDialog::onKeysEdited(BoardCommand command)
{
    // Bind through the map so a key taken from another command leaves it there, visibly.
    KeyMap before = m_options.keys;
    m_options.keys.bind(command, alternatives(m_keyEdits.value(command)->keySequence()));
    QStringList moved;
    for (auto it = m_keyEdits.cbegin(); it != m_keyEdits.cend(); ++it) {
        if (it.key() == command || before.keys(it.key()) == m_options.keys.keys(it.key()))
            continue;
        it.value()->setKeySequence(recordedForm(m_options.keys.keys(it.key())));
        moved.append(KeyMap::displayName(it.key()));
    }
    m_keyMessage->setText(moved.isEmpty()
                                  ? QString()
                                  : tr("Moved from: %1").arg(moved.join(QStringLiteral(", "))));
}

void SettingsDialog::accept()
{
    if (m_saving)
        return;
    if (!m_pos) {
        QDialog::accept();
        return;
    }
    // The keychain answers asynchronously: the dialog stays (buttons off) until it has.
    m_saving = true;
    m_buttons->setEnabled(false);
    const bool changed = m_pos->isChanged();
    m_pos->save([this, changed](const Result<void> &saved) { finishPosSave(saved, changed); });
}

void SettingsDialog::finishPosSave(const Result<void> &saved, bool changed)
{
    m_saving = false;
    m_buttons->setEnabled(true);
    if (!saved) {
        m_tabs->setCurrentWidget(m_posTab); // the page says what failed
        return;
    }
    if (changed)
        Q_EMIT posSettingsChanged(m_pos->settings());
    QDialog::accept();
}

void SettingsDialog::showPosPage()
{
    if (m_posTab)
        m_tabs->setCurrentWidget(m_posTab);
}

void SettingsDialog::reject()
{
    if (!m_saving)
        QDialog::reject();
}

BoardOptions SettingsDialog::options() const
{
    BoardOptions options = m_options;
    // A field still being recorded has not reported editingFinished yet: take it as it stands.
    for (auto it = m_keyEdits.cbegin(); it != m_keyEdits.cend(); ++it) {
        const QList<QKeySequence> recorded = alternatives(it.value()->keySequence());
        if (recorded != options.keys.keys(it.key()))
            options.keys.bind(it.key(), recorded);
    }
    options.station = m_station->currentData().toString();
    options.stationShowsNew = m_stationShowsNew->isChecked();
    options.theme = m_theme->currentData().toString();
    options.fontPercent = m_fontPercent->value();
    options.compact = m_compact->isChecked();
    options.soundMuted = m_muted->isChecked();
    options.repeatNewOrderSound = m_repeatChime->isChecked();
    options.repeatNewOrderSeconds = m_repeatSeconds->value();
    options.bumpDebounceMs = m_bumpDebounce->value();
    return options;
}
