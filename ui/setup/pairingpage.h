// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QUrl>
#include <QWidget>

#include <optional>

class CredentialStore;
class ConsolePairing;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

/**
 * The setup's platform step: pair this screen with the ordering platform by its address and the
 * one-time code whoever runs the platform gives out, or work without a platform. Complete once
 * paired, or once "without a platform" is chosen.
 */
class PairingPage final : public QWidget
{
    Q_OBJECT

public:
    explicit PairingPage(CredentialStore &keyring, QWidget *parent = nullptr);
    ~PairingPage() override;

    bool isComplete() const;
    bool withPlatform() const;
    /** The platform paired with; empty until paired. */
    QUrl platformUrl() const { return m_pairedUrl; }
    QString storeId() const { return m_storeId; }
    QString consoleId() const { return m_consoleId; }
    void setAddress(const QString &address);
    /** What wss:// trusts beyond the system's CAs (--hub-ca); none: the system's alone. */
    void setSsl(const std::optional<QSslConfiguration> &ssl) { m_ssl = ssl; }
    ConsolePairing &pairing() { return *m_pairing; }

    /** What people type, as a URL: wss:// unless they named a scheme. */
    static QUrl addressToUrl(const QString &typed);

Q_SIGNALS:
    void completeChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void startPairing();
    void showStatus(const QString &text, bool problem);
    void updateEnabled();

    ConsolePairing *m_pairing = nullptr;
    QLabel *m_title = nullptr;
    QRadioButton *m_platform = nullptr;
    QRadioButton *m_alone = nullptr;
    QLabel *m_addressLabel = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_pair = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_aloneHint = nullptr;
    std::optional<QSslConfiguration> m_ssl;
    QUrl m_pairedUrl;
    QString m_storeId;
    QString m_consoleId;
    QString m_failure; // the last refusal, kept to be shown again in another language
};
