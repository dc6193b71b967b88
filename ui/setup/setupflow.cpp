// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupflow.h"

#include "pairingpage.h"
#include "stationpage.h"

#include "dialogs/dialogparts.h"
#include "settings/boardsettings.h"
#include "settings/languageloader.h"
#include "shared/uilogging.h"
#include "shared/widgetlook.h"

#include <QCheckBox>
#include <QEvent>
#include <QHash>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {
constexpr int stepCount = SetupFlow::FinishStep + 1;
constexpr int maxColumnWidth = 1100;

// A language's own name, without the country Qt adds ("Español", not "Español de España").
QString languageName(const QString &code)
{
    static const QHash<QString, QString> names {{QStringLiteral("en"), QStringLiteral("English")},
                                                {QStringLiteral("es"), QStringLiteral("Español")}};
    QString name = names.value(code, QLocale(code).nativeLanguageName());
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

QLabel *titleLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setFont(WidgetLook::pixelFont(parent->font(), 28, true));
    label->setWordWrap(true);
    return label;
}
} // namespace

SetupFlow::SetupFlow(CredentialStore &keyring, QSettings &settings, const SetupChoices &start,
                     std::function<QString(const QString &)> changeLanguage, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_changeLanguage(std::move(changeLanguage))
    , m_choices(start)
{
    setObjectName(QStringLiteral("setupFlow"));
    setMinimumSize(800, 600);
    setFont(WidgetLook::pixelFont(font(), 20));

    m_pages = new QStackedWidget(this);
    m_pairing = new PairingPage(keyring, m_pages);
    m_station = new StationPage(m_pages);
    m_pages->addWidget(buildLanguagePage());
    m_pages->addWidget(m_pairing);
    m_pages->addWidget(m_station);
    m_pages->addWidget(buildFinishPage());
    if (start.withPlatform())
        m_pairing->setAddress(start.platformUrl.toString());

    m_stepLabel = new QLabel(this);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("setupCancel"));
    m_cancel->setVisible(false);
    m_back = new QPushButton(this);
    m_next = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("setupBack"));
    m_next->setObjectName(QStringLiteral("setupNext"));
    for (QPushButton *button : {m_cancel, m_back, m_next})
        DialogParts::makeTouchButton(button, 22);
    m_next->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_stepLabel);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    // A column a person reads at a glance, centred on however large a screen.
    auto *column = new QWidget(this);
    column->setMaximumWidth(maxColumnWidth);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(m_pages, 1);
    columnLayout->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addStretch(1);
    layout->addWidget(column, 100); // up to its maximum; the stretches share what is left
    layout->addStretch(1);

    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_back, &QPushButton::clicked, this, &SetupFlow::goBack);
    connect(m_next, &QPushButton::clicked, this, &SetupFlow::goNext);
    connect(m_pairing, &PairingPage::completeChanged, this, &SetupFlow::updateButtons);
    connect(m_station, &StationPage::completeChanged, this, &SetupFlow::updateButtons);
    connect(m_station, &StationPage::storeChanged, this, [this](const QString &storeId) {
        m_station->setStations(BoardSettings::loadPolicy(m_settings, storeId).stations,
                               m_station->station());
    });
    retranslate();
    showStep(LanguageStep);
}

QWidget *SetupFlow::buildLanguagePage()
{
    auto *page = new QWidget(m_pages);
    m_languageTitle = titleLabel(page);
    m_languages = new QListWidget(page);
    m_languages->setObjectName(QStringLiteral("languages"));
    m_languages->setFont(WidgetLook::pixelFont(font(), 24));
    m_languages->setStyleSheet(QStringLiteral("QListWidget::item { min-height: %1px; }")
                                       .arg(DialogParts::touchHeight));
    // Each language in its own words: someone who reads only Spanish finds "Español".
    const QStringList languages = QStringList {QStringLiteral("en")} + LanguageLoader::available();
    for (const QString &code : languages) {
        const QString name = languageName(code);
        auto *item = new QListWidgetItem(name, m_languages);
        item->setData(Qt::UserRole, code);
        if (code == m_choices.language || (m_choices.language.isEmpty() && code == u"en"))
            m_languages->setCurrentItem(item);
    }
    connect(m_languages, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        m_choices.language = item->data(Qt::UserRole).toString();
        qCInfo(lcSettings).noquote() << "setup: language" << m_choices.language;
        m_changeLanguage(m_choices.language); // LanguageChange reaches every page
    });
    connect(m_languages, &QListWidget::itemActivated, this, &SetupFlow::goNext);
    // As tall as its rows: a short list reads as a choice, not as an empty page.
    m_languages->setFixedHeight(m_languages->count() * (DialogParts::touchHeight + 2)
                                + 2 * m_languages->frameWidth());
    page->setFocusProxy(m_languages);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_languageTitle);
    layout->addWidget(m_languages);
    layout->addStretch();
    return page;
}

QWidget *SetupFlow::buildFinishPage()
{
    auto *page = new QWidget(m_pages);
    m_finishTitle = titleLabel(page);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("setupSummary"));
    m_summary->setWordWrap(true);
    m_kiosk = new QCheckBox(page);
    m_kiosk->setObjectName(QStringLiteral("kiosk"));
    m_kiosk->setMinimumHeight(DialogParts::touchHeight);
    m_kiosk->setChecked(m_choices.kiosk);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_finishTitle);
    layout->addWidget(m_summary);
    layout->addWidget(m_kiosk);
    layout->addStretch();
    return page;
}

void SetupFlow::setCancellable(bool cancellable)
{
    m_cancel->setVisible(cancellable);
}

SetupFlow::Step SetupFlow::step() const
{
    return Step(m_pages->currentIndex());
}

SetupChoices SetupFlow::choices() const
{
    SetupChoices result = m_choices;
    result.platformUrl = m_pairing->withPlatform() ? m_pairing->platformUrl() : QUrl();
    result.storeId = m_station->storeId();
    result.consoleId = m_station->consoleId();
    result.station = m_station->station();
    result.kiosk = m_kiosk->isChecked();
    return result;
}

void SetupFlow::goNext()
{
    const Step current = step();
    if (!m_next->isEnabled())
        return;
    if (current == FinishStep) {
        qCInfo(lcSettings).noquote() << "setup finished: console" << m_station->consoleId()
                                     << "of store" << m_station->storeId();
        accept();
        return;
    }
    if (current == PlatformStep) {
        // The platform names the store and this screen; alone, the store names them itself.
        const bool paired = m_pairing->withPlatform();
        m_station->setIdentity(paired ? m_pairing->storeId() : m_choices.storeId,
                               paired ? m_pairing->consoleId() : m_choices.consoleId, paired);
        m_station->setStations(
                BoardSettings::loadPolicy(m_settings, m_station->storeId()).stations,
                m_choices.station);
    }
    showStep(Step(current + 1));
}

void SetupFlow::goBack()
{
    if (step() > LanguageStep)
        showStep(Step(step() - 1));
}

void SetupFlow::showStep(Step step)
{
    m_pages->setCurrentIndex(step);
    if (step == FinishStep)
        retranslate(); // the summary says what was chosen
    updateButtons();
    // Each page hands focus to what is typed or picked there first.
    if (step == FinishStep)
        m_next->setFocus();
    else
        m_pages->currentWidget()->setFocus();
}

void SetupFlow::updateButtons()
{
    bool complete = true;
    if (step() == PlatformStep)
        complete = m_pairing->isComplete();
    else if (step() == StationStep)
        complete = m_station->isComplete();
    m_next->setEnabled(complete);
    m_back->setVisible(step() != LanguageStep);
    m_stepLabel->setText(tr("Step %1 of %2").arg(step() + 1).arg(stepCount));
    m_next->setText(step() == FinishStep ? tr("Open the board") : tr("Next"));
}

void SetupFlow::keyPressEvent(QKeyEvent *event)
{
    // Esc steps back rather than closing: a stray key must not undo a pairing.
    if (event->key() == Qt::Key_Escape) {
        goBack();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        goNext();
        return;
    }
    QDialog::keyPressEvent(event);
}

void SetupFlow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SetupFlow::retranslate()
{
    setWindowTitle(tr("Set up this screen"));
    m_languageTitle->setText(tr("Welcome. Which language should this screen speak?"));
    m_finishTitle->setText(tr("Ready"));
    m_back->setText(tr("Back"));
    m_cancel->setText(tr("Cancel"));
    const SetupChoices chosen = choices();
    const QString station = chosen.station.isEmpty() ? tr("expo (whole orders)") : chosen.station;
    m_summary->setText(
            (chosen.withPlatform()
                     ? tr("This screen is %1 of store %2, paired with the platform at %3.")
                               .arg(chosen.consoleId, chosen.storeId,
                                    chosen.platformUrl.toDisplayString())
                     : tr("This screen is %1 of store %2, working without a platform.")
                               .arg(chosen.consoleId, chosen.storeId))
            + QLatin1Char('\n') + tr("It shows %1. A manager can change all of this later "
                                     "from the dashboard.")
                                          .arg(station));
    m_kiosk->setText(tr("Start full screen when this computer starts (kiosk)"));
    updateButtons();
}
