// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairingpage.h"

#include "dialogs/dialogparts.h"
#include "shared/uilogging.h"
#include "shared/widgetlook.h"
#include "session/consolepairing.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

PairingPage::PairingPage(CredentialStore &keyring, QWidget *parent)
    : QWidget(parent)
    , m_pairing(new ConsolePairing(keyring, this))
{
    m_title = new QLabel(this);
    m_title->setFont(WidgetLook::pixelFont(font(), 28, true));
    m_title->setWordWrap(true);
    m_platform = new QRadioButton(this);
    m_alone = new QRadioButton(this);
    m_platform->setObjectName(QStringLiteral("withPlatform"));
    m_alone->setObjectName(QStringLiteral("withoutPlatform"));
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_platform);
    choice->addButton(m_alone);
    m_platform->setChecked(true);
    for (QRadioButton *button : {m_platform, m_alone}) {
        button->setMinimumHeight(DialogParts::touchHeight);
        button->setFont(WidgetLook::pixelFont(font(), 24, true));
    }

    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("platformAddress"));
    m_address->setPlaceholderText(QStringLiteral("wss://orders.example.com:8765"));
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("pairingCode"));
    m_code->setPlaceholderText(QStringLiteral("ABCD-EFGH"));
    m_code->setFont(WidgetLook::pixelFont(font(), 32, true));
    m_code->setMaxLength(20);
    for (QLineEdit *edit : {m_address, m_code})
        edit->setMinimumHeight(DialogParts::touchHeight);
    m_pair = new QPushButton(this);
    m_pair->setObjectName(QStringLiteral("pairButton"));
    DialogParts::makeTouchButton(m_pair, 22);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pairingStatus"));
    m_status->setWordWrap(true);
    m_status->setFont(WidgetLook::pixelFont(font(), 20, true));
    m_aloneHint = new QLabel(this);
    m_aloneHint->setWordWrap(true);

    auto *form = new QFormLayout;
    m_addressLabel = new QLabel(this);
    m_codeLabel = new QLabel(this);
    form->addRow(m_addressLabel, m_address);
    form->addRow(m_codeLabel, m_code);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->addWidget(m_title);
    layout->addWidget(m_platform);
    layout->addLayout(form);
    layout->addWidget(m_pair, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addSpacing(12);
    layout->addWidget(m_alone);
    layout->addWidget(m_aloneHint);
    layout->addStretch();

    connect(m_pair, &QPushButton::clicked, this, &PairingPage::startPairing);
    connect(m_code, &QLineEdit::returnPressed, this, &PairingPage::startPairing);
    connect(m_address, &QLineEdit::returnPressed, m_code, qOverload<>(&QWidget::setFocus));
    connect(m_platform, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        Q_EMIT completeChanged();
    });
    connect(m_pairing, &ConsolePairing::paired, this,
            [this](const QString &storeId, const QString &consoleId) {
                m_pairedUrl = addressToUrl(m_address->text());
                m_storeId = storeId;
                m_consoleId = consoleId;
                m_failure.clear();
                m_code->clear();
                retranslate(); // says who this screen now is
                updateEnabled();
                Q_EMIT completeChanged();
            });
    connect(m_pairing, &ConsolePairing::failed, this, [this](const QString &message) {
        m_failure = message;
        showStatus(message, true);
        updateEnabled();
        m_code->setFocus();
        m_code->selectAll();
    });
    setFocusProxy(m_address);
    retranslate();
    updateEnabled();
}

PairingPage::~PairingPage() = default;

QUrl PairingPage::addressToUrl(const QString &typed)
{
    const QString address = typed.trimmed();
    if (address.isEmpty())
        return {};
    return QUrl(address.contains(QLatin1String("://")) ? address
                                                       : QStringLiteral("wss://") + address);
}

bool PairingPage::withPlatform() const
{
    return m_platform->isChecked();
}

bool PairingPage::isComplete() const
{
    return !withPlatform() || !m_pairedUrl.isEmpty();
}

void PairingPage::setAddress(const QString &address)
{
    m_address->setText(address);
}

void PairingPage::startPairing()
{
    if (m_pairing->isBusy() || !withPlatform())
        return;
    m_pairedUrl.clear();
    m_failure.clear();
    qCInfo(lcSettings).noquote() << "setup: pairing with" << addressToUrl(m_address->text()).toDisplayString();
    showStatus(tr("Pairing…"), false);
    m_pairing->pair(addressToUrl(m_address->text()), m_code->text(), m_ssl);
    updateEnabled();
    Q_EMIT completeChanged();
}

void PairingPage::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setPalette(WidgetLook::filled(palette(), problem ? QColor(0x8b1a1a) : QColor(0x1f5130),
                                            Qt::white));
    m_status->setAutoFillBackground(!text.isEmpty());
    m_status->setMargin(text.isEmpty() ? 0 : 10);
}

void PairingPage::updateEnabled()
{
    const bool platform = withPlatform();
    const bool busy = m_pairing->isBusy();
    for (QWidget *widget : {static_cast<QWidget *>(m_address), static_cast<QWidget *>(m_code),
                            static_cast<QWidget *>(m_pair)})
        widget->setEnabled(platform && !busy);
    m_status->setVisible(platform && !m_status->text().isEmpty());
}

void PairingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PairingPage::retranslate()
{
    m_title->setText(tr("Where do this screen's orders come from?"));
    m_platform->setText(tr("From the ordering platform"));
    m_alone->setText(tr("Work without a platform"));
    m_aloneHint->setText(tr("Only orders from this store's POS and this screen. No alarm about "
                            "a missing platform; pair later from the manager's dashboard."));
    m_addressLabel->setText(tr("Platform address"));
    m_codeLabel->setText(tr("Pairing code"));
    m_pair->setText(tr("Pair this screen"));
    if (!m_pairedUrl.isEmpty())
        showStatus(tr("Paired: this screen is %1 of store %2.").arg(m_consoleId, m_storeId),
                  false);
    else if (!m_failure.isEmpty())
        showStatus(m_failure, true);
    else if (m_pairing->isBusy())
        showStatus(tr("Pairing…"), false);
    else
        showStatus(tr("Ask whoever runs the platform for a pairing code for this screen. It "
                      "works once, for a few minutes."),
                   false);
}
