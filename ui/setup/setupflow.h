// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setupchoices.h"

#include <QDialog>

#include <functional>

class CredentialStore;
class PairingPage;
class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSettings;
class QStackedWidget;
class StationPage;

/**
 * What a new console shows instead of an empty board: language, then the platform (pairing with
 * a one-time code, or working without one), then which screen this is, then a summary with the
 * kiosk choice. Every step works by touch and by keyboard (Enter goes on, Esc goes back). The
 * language applies at once, and the flow retranslates itself. Accepting writes nothing: the
 * caller saves choices() (SetupSettings::save).
 */
class SetupFlow final : public QDialog
{
    Q_OBJECT

public:
    enum Step { LanguageStep, PlatformStep, StationStep, FinishStep };
    Q_ENUM(Step)

    /**
     * start: what the settings already hold (a flow run again starts from it). changeLanguage
     * installs a language ("" for the system's) and returns the one in use.
     */
    SetupFlow(CredentialStore &keyring, QSettings &settings, const SetupChoices &start,
              std::function<QString(const QString &)> changeLanguage, QWidget *parent = nullptr);

    /** Offers Cancel on every step: the setup run again over a working board may be left. */
    void setCancellable(bool cancellable);
    Step step() const;
    SetupChoices choices() const;
    PairingPage *pairingPage() const { return m_pairing; }
    StationPage *stationPage() const { return m_station; }

public Q_SLOTS:
    void goNext();
    void goBack();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *buildLanguagePage();
    QWidget *buildFinishPage();
    void showStep(Step step);
    void updateButtons();
    void retranslate();

    QSettings &m_settings;
    std::function<QString(const QString &)> m_changeLanguage;
    SetupChoices m_choices;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_languageTitle = nullptr;
    QListWidget *m_languages = nullptr;
    PairingPage *m_pairing = nullptr;
    StationPage *m_station = nullptr;
    QLabel *m_finishTitle = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_kiosk = nullptr;
    QLabel *m_stepLabel = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
};
