// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/actor.h"
#include "order/storepolicy.h"

#include <QWidget>

class NameListEditor;
class RouteListEditor;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimeEdit;
class StorePolicyBook;

/**
 * The dashboard's page for the store's rules (StorePolicy): when tickets turn amber and red, the
 * prep-time quote, the stations and their order, which items go to which station, the reasons
 * to reject, when a quiet feed alarms
 * and the opening hours. Saving is the manager's change in the log (StorePolicyBook), so every
 * console of the store follows it; the page says who changed the rules last, and when another
 * console changes them while this page has unsaved edits, it says so instead of overwriting them.
 */
class StoreRulesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreRulesPage)

public:
    StoreRulesPage(StorePolicyBook &book, const Actor &manager, QWidget *parent = nullptr);

    /** The rules as edited on the page. */
    StorePolicy edited() const;
    /** The last outcome, in words. */
    QString message() const;
    /** Who set the rules in force, and when. */
    QString lastChangeText() const;

    NameListEditor *stations() const { return m_stations; }
    NameListEditor *rejectReasons() const { return m_reasons; }
    RouteListEditor *routes() const { return m_routes; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *undoButton() const { return m_undo; }

private:
    QWidget *buildTimes();
    QWidget *buildFeeds();
    void showRules(const StorePolicy &policy);
    void showLastChange();
    void onEdited();
    void onBookChanged(const StorePolicy &policy);
    void save();
    void keepLateAfterWarn(QSpinBox *moved);

    StorePolicyBook &m_book;
    Actor m_manager;
    bool m_dirty = false;
    bool m_showing = false; // filling the fields: their signals are not edits
    QSpinBox *m_warn = nullptr;
    QSpinBox *m_late = nullptr;
    QSpinBox *m_prep = nullptr;
    QSpinBox *m_quiet = nullptr;
    QTimeEdit *m_opens = nullptr;
    QTimeEdit *m_closes = nullptr;
    NameListEditor *m_stations = nullptr;
    NameListEditor *m_reasons = nullptr;
    RouteListEditor *m_routes = nullptr;
    QLabel *m_lastChange = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_undo = nullptr;
};
