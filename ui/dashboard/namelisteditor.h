// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class ListEditButtons;
class QLineEdit;
class QListView;
class QPushButton;
class QStringListModel;

/**
 * A short ordered list of names a manager edits by touch or keys: type and Add (or Enter), select
 * and Remove, move up and down, double-click to rename. Blank and repeated names are not added.
 */
class NameListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NameListEditor)

public:
    /** placeholder says what a name is ("a station, as items name it"); maxLength bounds it. */
    NameListEditor(const QString &placeholder, int maxLength, QWidget *parent = nullptr);

    void setNames(const QStringList &names);
    QStringList names() const;

    QLineEdit *entry() const { return m_entry; }
    QListView *list() const { return m_list; }
    QPushButton *removeButton() const;

Q_SIGNALS:
    /** The list changed by the manager's hand (not by setNames). */
    void edited();

private:
    void add();
    void removeSelected();
    void moveSelected(int by);
    void enableButtons();

    QStringListModel *m_model;
    QListView *m_list;
    QLineEdit *m_entry;
    ListEditButtons *m_buttons;
};
