// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "pos/possetup.h"

#include <QWidget>

#include <functional>

class Clock;
class CredentialStore;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

/** What the POS page works with; handed down by the composition root (main.cpp, a test). */
struct PosSetup
{
    QSettings *settings = nullptr; // the "pos/" group is read from and saved here
    CredentialStore *credentials = nullptr; // its service names the keyring the secrets go to
    const Clock *clock = nullptr; // for "test connection"
    QString storeId; // the secrets' key: PosSecrets::keychainKey(storeId)

    bool isSet() const { return settings && credentials && clock && !storeId.isEmpty(); }
};

/**
 * The store's POS in the settings: which vendor, the ids and address it is reached at, its
 * webhook listener and poll, and its secrets. Each vendor's fields go by the names its own back
 * office uses. Secrets are typed into password fields and never shown back: one already kept says
 * so and stays unless typed over. "Test connection" tries what is typed, before anything is saved.
 */
class PosSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PosSettingsPage)

public:
    using Saved = std::function<void(const Result<void> &saved)>;

    /** Reads the saved settings now and the kept secrets (for the placeholders) as they come. */
    explicit PosSettingsPage(const PosSetup &setup, QWidget *parent = nullptr);

    /** The settings as typed, with the vendor's public address where none is. */
    PosSettings settings() const;
    /** The secrets typed over the kept ones; empty fields were not typed. */
    PosSecrets typedSecrets() const;
    /** Whether anything differs from what was saved when the page opened. */
    bool isChanged() const;
    /** The vendor's public API address ("" for none). */
    static QString defaultBaseUrl(const QString &vendor);

    /**
     * Writes the typed secrets into the keychain, then (only if they were kept) the settings;
     * saved is called once, after both, with what failed in words (also shown on the page).
     */
    void save(Saved saved);

private:
    QString vendor() const;
    void addRows();
    void showVendor();
    void setRow(QWidget *field, bool visible, const QString &label = {});
    void showKept(const PosSecrets &kept);
    void testConnection();
    void showVerdict(const Result<void> &verdict);

    const PosSetup m_setup;
    const PosSettings m_loaded;
    PosSecrets m_kept; // what the keychain held when the page opened; never shown
    int m_probe = 0; // the test whose verdict counts; older ones are dropped
    QFormLayout *m_form = nullptr;
    QComboBox *m_vendor = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_location = nullptr;
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_diningOption = nullptr;
    QLineEdit *m_menuItem = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QLineEdit *m_oauth = nullptr;
    QLineEdit *m_webhookKey = nullptr;
    QSpinBox *m_webhookPort = nullptr;
    QLineEdit *m_webhookUrl = nullptr;
    QSpinBox *m_pollSeconds = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_verdict = nullptr;
};
