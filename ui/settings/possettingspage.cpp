// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "possettingspage.h"

#include "possecretswriter.h"

#include "pos/posprobe.h"
#include "security/credentialstore.h"
#include "shared/uilogging.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
constexpr int rowHeight = 44; // a finger's row, as on the dialog's other pages

const QLatin1StringView square("square");
const QLatin1StringView toast("toast");
const QLatin1StringView clover("clover");

/** What a manager can change on the page, in one comparable list. */
QStringList fingerprint(const PosSettings &settings)
{
    return {settings.vendor,
            settings.baseUrl.toString(),
            settings.locationId,
            settings.appId,
            settings.diningOptionGuid,
            settings.menuItemGuid,
            QString::number(settings.webhookPort),
            settings.webhookUrl.toString(),
            QString::number(settings.pollSeconds)};
}

QByteArray typed(const QLineEdit *field)
{
    return field->text().trimmed().toUtf8();
}
} // namespace

PosSettingsPage::PosSettingsPage(const PosSetup &setup, QWidget *parent)
    : QWidget(parent)
    , m_setup(setup)
    , m_loaded(PosSettings::load(*setup.settings))
{
    Q_ASSERT(setup.isSet());
    auto *hint = new QLabel(tr("The point-of-sale system this store runs beside the board. "
                               "Sign-in secrets are kept in this computer's keyring, never in "
                               "the settings file, and are not shown again once saved."),
                            this);
    hint->setWordWrap(true);
    m_form = new QFormLayout;
    addRows();

    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("pos_test"));
    m_test->setMinimumHeight(rowHeight);
    m_test->setAutoDefault(false); // Enter in a field saves; the test is its own press
    connect(m_test, &QPushButton::clicked, this, &PosSettingsPage::testConnection);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("pos_verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_verdict, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(m_form);
    layout->addLayout(testRow);
    layout->addStretch(1);

    m_vendor->setCurrentIndex(qMax(0, m_vendor->findData(m_loaded.vendor)));
    m_baseUrl->setText(m_loaded.baseUrl.isEmpty() ? defaultBaseUrl(m_loaded.vendor)
                                                  : m_loaded.baseUrl.toString());
    showVendor();
    connect(m_vendor, &QComboBox::currentIndexChanged, this, &PosSettingsPage::showVendor);
    // A verdict speaks of what was typed when it ran: any later edit makes it stale.
    for (QLineEdit *field : findChildren<QLineEdit *>()) {
        connect(field, &QLineEdit::textEdited, this, [this] {
            ++m_probe;
            m_test->setEnabled(true);
            m_verdict->clear();
        });
    }

    // Its own store: the running POS restarts on every answer for its key from the shared one.
    auto *keychain = new CredentialStore(setup.credentials->service(), this);
    const QString key = PosSecrets::keychainKey(setup.storeId);
    connect(keychain, &CredentialStore::readDone, this,
            [this, key](const QString &read, const QByteArray &secret) {
                if (read == key)
                    showKept(PosSecrets::fromJson(secret));
            });
    connect(keychain, &CredentialStore::failed, this, [this, key](const QString &read) {
        if (read == key)
            showKept({}); // the keyring's words are in its log; here nothing is kept
    });
    keychain->read(key);
}

void PosSettingsPage::addRows()
{
    const auto line = [this](const char *name, bool secret = false) {
        auto *field = new QLineEdit(this);
        field->setObjectName(QLatin1String(name));
        field->setMinimumHeight(rowHeight);
        if (secret)
            field->setEchoMode(QLineEdit::Password);
        return field;
    };
    m_vendor = new QComboBox(this);
    m_vendor->setObjectName(QStringLiteral("pos_vendor"));
    m_vendor->setMinimumHeight(rowHeight);
    m_vendor->addItem(tr("None"), QString());
    m_vendor->addItem(tr("Square"), QString(square));
    m_vendor->addItem(tr("Toast"), QString(toast));
    m_vendor->addItem(tr("Clover"), QString(clover));
    m_baseUrl = line("pos_base_url");
    m_location = line("pos_location");
    m_location->setText(m_loaded.locationId);
    m_appId = line("pos_app_id");
    m_appId->setText(m_loaded.appId);
    m_diningOption = line("pos_dining_option");
    m_diningOption->setText(m_loaded.diningOptionGuid);
    m_menuItem = line("pos_menu_item");
    m_menuItem->setText(m_loaded.menuItemGuid);
    m_token = line("pos_token", true);
    m_clientId = line("pos_client_id", true);
    m_clientSecret = line("pos_client_secret", true);
    m_oauth = line("pos_oauth", true);
    m_webhookKey = line("pos_webhook_key", true);
    m_webhookPort = new QSpinBox(this);
    m_webhookPort->setObjectName(QStringLiteral("pos_webhook_port"));
    m_webhookPort->setRange(0, 65535);
    m_webhookPort->setSpecialValueText(tr("off (poll only)"));
    m_webhookPort->setValue(m_loaded.webhookPort);
    m_webhookPort->setMinimumHeight(rowHeight);
    m_webhookUrl = line("pos_webhook_url");
    m_webhookUrl->setText(m_loaded.webhookUrl.toString());
    m_webhookUrl->setPlaceholderText(tr("as registered with the POS, e.g. https://…/pos/square"));
    m_pollSeconds = new QSpinBox(this);
    m_pollSeconds->setObjectName(QStringLiteral("pos_poll_seconds"));
    m_pollSeconds->setRange(10, 3600);
    m_pollSeconds->setSingleStep(10);
    m_pollSeconds->setSuffix(tr(" s"));
    m_pollSeconds->setValue(m_loaded.pollSeconds);
    m_pollSeconds->setMinimumHeight(rowHeight);

    // Labels that differ by vendor are set by showVendor(); an empty one would make no QLabel.
    m_form->addRow(tr("Point of sale"), m_vendor);
    m_form->addRow(tr("API address"), m_baseUrl);
    m_form->addRow(tr("Location ID"), m_location);
    m_form->addRow(tr("App ID"), m_appId);
    m_form->addRow(tr("Dining option GUID"), m_diningOption);
    m_form->addRow(tr("Menu item GUID"), m_menuItem);
    m_form->addRow(tr("Access token"), m_token);
    m_form->addRow(tr("Client ID"), m_clientId);
    m_form->addRow(tr("Client secret"), m_clientSecret);
    m_form->addRow(tr("OAuth token pair (JSON)"), m_oauth);
    m_form->addRow(tr("Webhook signature key"), m_webhookKey);
    m_form->addRow(tr("Webhook listener port"), m_webhookPort);
    m_form->addRow(tr("Webhook public URL"), m_webhookUrl);
    m_form->addRow(tr("Check for orders every"), m_pollSeconds);
}

QString PosSettingsPage::defaultBaseUrl(const QString &vendor)
{
    if (vendor == square)
        return QStringLiteral("https://connect.squareup.com");
    if (vendor == toast)
        return QStringLiteral("https://ws-api.toasttab.com");
    if (vendor == clover)
        return QStringLiteral("https://api.clover.com");
    return {};
}

QString PosSettingsPage::vendor() const
{
    return m_vendor->currentData().toString();
}

void PosSettingsPage::showVendor()
{
    const QString chosen = vendor();
    const bool isSquare = chosen == square;
    const bool isToast = chosen == toast;
    const bool isClover = chosen == clover;
    const bool any = !chosen.isEmpty();

    // Another vendor's public address (or none) gives way to this one's; a typed one stays.
    const QString address = m_baseUrl->text().trimmed();
    const QStringList vendors = PosSettings::vendors();
    if (address.isEmpty()
        || std::any_of(vendors.cbegin(), vendors.cend(),
                       [&address](const QString &v) { return address == defaultBaseUrl(v); }))
        m_baseUrl->setText(defaultBaseUrl(chosen));
    m_baseUrl->setPlaceholderText(defaultBaseUrl(chosen));

    setRow(m_baseUrl, any);
    setRow(m_location, any,
           isSquare ? tr("Location ID") : isToast ? tr("Restaurant GUID") : tr("Merchant ID"));
    setRow(m_appId, isClover);
    setRow(m_diningOption, isToast);
    setRow(m_menuItem, isToast);
    setRow(m_token, isSquare || isClover, isSquare ? tr("Access token") : tr("Merchant API token"));
    setRow(m_clientId, isToast);
    setRow(m_clientSecret, isToast);
    setRow(m_oauth, isClover);
    setRow(m_webhookKey, any,
           isSquare ? tr("Webhook signature key")
                    : isToast ? tr("Webhook secret") : tr("Webhook auth code"));
    setRow(m_webhookPort, any);
    setRow(m_webhookUrl, any);
    setRow(m_pollSeconds, any);
    m_test->setVisible(any);
    m_test->setEnabled(true);
    ++m_probe; // a verdict on the other vendor means nothing now
    m_verdict->clear();
}

void PosSettingsPage::setRow(QWidget *field, bool visible, const QString &label)
{
    m_form->setRowVisible(field, visible);
    if (label.isEmpty())
        return;
    if (auto *name = qobject_cast<QLabel *>(m_form->labelForField(field)))
        name->setText(label);
}

void PosSettingsPage::showKept(const PosSecrets &kept)
{
    m_kept = kept;
    const std::pair<QLineEdit *, QByteArray> fields[] = {
        {m_token, kept.token},
        {m_clientId, kept.clientId},
        {m_clientSecret, kept.clientSecret},
        {m_oauth, kept.oauth},
        {m_webhookKey, kept.webhookKey},
    };
    for (const auto &[field, value] : fields)
        field->setPlaceholderText(value.isEmpty() ? tr("not saved")
                                                  : tr("saved — type to replace"));
}

PosSettings PosSettingsPage::settings() const
{
    PosSettings settings;
    settings.vendor = vendor();
    const QString address = m_baseUrl->text().trimmed();
    settings.baseUrl = QUrl(address.isEmpty() ? defaultBaseUrl(settings.vendor) : address);
    settings.locationId = m_location->text().trimmed();
    settings.appId = m_appId->text().trimmed();
    settings.diningOptionGuid = m_diningOption->text().trimmed();
    settings.menuItemGuid = m_menuItem->text().trimmed();
    settings.webhookPort = quint16(m_webhookPort->value());
    settings.webhookUrl = QUrl(m_webhookUrl->text().trimmed());
    settings.pollSeconds = m_pollSeconds->value();
    return settings;
}

PosSecrets PosSettingsPage::typedSecrets() const
{
    PosSecrets secrets;
    secrets.token = typed(m_token);
    secrets.webhookKey = typed(m_webhookKey);
    secrets.clientId = typed(m_clientId);
    secrets.clientSecret = typed(m_clientSecret);
    secrets.oauth = typed(m_oauth);
    return secrets;
}

bool PosSettingsPage::isChanged() const
{
    PosSettings loaded = m_loaded;
    if (loaded.baseUrl.isEmpty())
        loaded.baseUrl = QUrl(defaultBaseUrl(loaded.vendor)); // as the page showed it
    return fingerprint(settings()) != fingerprint(loaded)
        || !PosSecretsWriter::isEmpty(typedSecrets());
}

void PosSettingsPage::testConnection()
{
    const int probe = ++m_probe;
    m_test->setEnabled(false);
    m_verdict->setText(tr("Testing…"));
    PosProbe::run(settings(), PosSecretsWriter::merged(m_kept, typedSecrets()), *m_setup.clock,
                  this, [this, probe](const Result<void> &verdict) {
                      if (probe == m_probe)
                          showVerdict(verdict);
                  });
}

void PosSettingsPage::showVerdict(const Result<void> &verdict)
{
    m_test->setEnabled(true);
    m_verdict->setText(verdict ? tr("Connected: %1 accepted the sign-in for %2.")
                                         .arg(m_vendor->currentText(), m_location->text().trimmed())
                               : verdict.error());
}

void PosSettingsPage::save(Saved saved)
{
    if (!isChanged()) {
        saved({});
        return;
    }
    const PosSettings settings = this->settings();
    PosSecretsWriter::write(
            m_setup.credentials->service(), PosSecrets::keychainKey(m_setup.storeId),
            typedSecrets(), this, [this, settings, saved](const Result<void> &written) {
                if (!written) {
                    m_verdict->setText(written.error());
                    saved(written);
                    return;
                }
                QSettings &file = *m_setup.settings;
                settings.save(file);
                file.sync();
                if (file.status() != QSettings::NoError) {
                    const Failure failure {
                            tr("The settings could not be written to %1.").arg(file.fileName())};
                    m_verdict->setText(failure.reason);
                    saved(failure);
                    return;
                }
                qCInfo(lcSettings).noquote()
                        << "POS settings saved:"
                        << (settings.isSet() ? settings.vendor : QStringLiteral("none"))
                        << "location" << settings.locationId;
                saved({});
            });
}
