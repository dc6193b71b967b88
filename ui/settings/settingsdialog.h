// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boardoptions.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QKeySequenceEdit;
class QLabel;
class QSpinBox;
class QTimeEdit;

/**
 * The board's settings for the people who run the kitchen: the store's policy (age thresholds,
 * the prep-time quote, when feeds count as quiet, opening hours), which every screen of the store
 * shares, and this screen's own station, theme, type size, sound and key map.
 * Each command's keys are recorded by pressing them (up to four alternatives, so a bump bar's
 * button can be learned by pressing it); a key taken by another command moves here, and the
 * dialog says so. Esc cancels, nothing changes until OK.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const BoardOptions &options, QWidget *parent = nullptr);

    /** The options as edited; equal to the ones given until the cook changes something. */
    BoardOptions options() const;

private:
    QWidget *buildTicketsPage();
    QWidget *buildScreenPage();
    QWidget *buildFeedsPage();
    QWidget *buildKeysPage();
    void onKeysEdited(BoardCommand command);
    void keepLateAfterWarn();

    BoardOptions m_options;
    QSpinBox *m_warnMinutes = nullptr;
    QSpinBox *m_lateMinutes = nullptr;
    QSpinBox *m_prepMinutes = nullptr;
    QComboBox *m_station = nullptr;
    QCheckBox *m_stationShowsNew = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_fontPercent = nullptr;
    QCheckBox *m_muted = nullptr;
    QCheckBox *m_compact = nullptr;
    QCheckBox *m_repeatChime = nullptr;
    QSpinBox *m_repeatSeconds = nullptr;
    QSpinBox *m_quietMinutes = nullptr;
    QTimeEdit *m_opensAt = nullptr;
    QTimeEdit *m_closesAt = nullptr;
    QHash<BoardCommand, QKeySequenceEdit *> m_keyEdits;
    QSpinBox *m_bumpDebounce = nullptr;
    QLabel *m_keyMessage = nullptr;
};
