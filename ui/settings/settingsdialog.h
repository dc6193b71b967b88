// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardoptions.h"
#include "possettingspage.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QKeySequenceEdit;
class QLabel;
class QSpinBox;
class QTabWidget;

/**
 * The board's settings for the people who run the kitchen: this screen's own station, theme, type
 * size, sound and key map, and the store's rules shown read-only (a manager changes them behind
 * the PIN, and every screen of the store follows).
 * Each command's keys are recorded by pressing them (up to four alternatives, so a bump bar's
 * button can be learned by pressing it); a key taken by another command moves here, and the
 * dialog says so. Esc cancels, nothing changes until OK.
 * Given a PosSetup it also has a POS page: on OK its secrets go to the keychain and its settings
 * to the settings file before the dialog closes; if the keyring refuses, it stays open and says so.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const BoardOptions &options, QWidget *parent = nullptr);
    /** With a POS page when pos is set (PosSetup::isSet()). */
    SettingsDialog(const BoardOptions &options, const PosSetup &pos, QWidget *parent = nullptr);

    /** The options as edited; equal to the ones given until the cook changes something. */
    BoardOptions options() const;
    /** The POS page, or null without a PosSetup. */
    PosSettingsPage *posPage() const { return m_pos; }
    /** Brings the POS page to the front (when there is one). */
    void showPosPage();

    /** Saves the POS page first (when there is one and it changed), then closes. */
    void accept() override;
    /** Closes without saving, unless a save is under way (it finishes or fails first). */
    void reject() override;

Q_SIGNALS:
    /** The POS settings and secrets were saved and differ from before: rebuild the running POS. */
    void posSettingsChanged(const PosSettings &settings);

private:
    QWidget *buildScreenPage();
    QWidget *buildStorePage();
    QWidget *buildKeysPage();
    void onKeysEdited(BoardCommand command);
    void finishPosSave(const Result<void> &saved, bool changed);

    BoardOptions m_options;
    QComboBox *m_station = nullptr;
    QCheckBox *m_stationShowsNew = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_fontPercent = nullptr;
    QCheckBox *m_muted = nullptr;
    QCheckBox *m_compact = nullptr;
    QCheckBox *m_repeatChime = nullptr;
    QSpinBox *m_repeatSeconds = nullptr;
    QHash<BoardCommand, QKeySequenceEdit *> m_keyEdits;
    QSpinBox *m_bumpDebounce = nullptr;
    QLabel *m_keyMessage = nullptr;
    QTabWidget *m_tabs = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    PosSettingsPage *m_pos = nullptr;
    QWidget *m_posTab = nullptr; // the scroll area the POS page sits in
    bool m_saving = false;
};
