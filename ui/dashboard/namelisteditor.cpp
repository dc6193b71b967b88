// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "namelisteditor.h"

#include "listeditbuttons.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>

namespace {
constexpr int fingerHeight = 44;
} // namespace

NameListEditor::NameListEditor(const QString &placeholder, int maxLength, QWidget *parent)
    : QWidget(parent)
    , m_model(new QStringListModel(this))
    , m_list(new QListView(this))
    , m_entry(new QLineEdit(this))
    , m_buttons(new ListEditButtons(this))
{
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setMinimumHeight(4 * fingerHeight);
    m_list->setStyleSheet(QStringLiteral("QListView::item { min-height: 40px; }")); // a finger
    m_entry->setPlaceholderText(placeholder);
    m_entry->setMaxLength(maxLength);
    m_entry->setMinimumHeight(fingerHeight);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 0, 0, 3, 1);
    layout->addWidget(m_buttons->up(), 0, 1);
    layout->addWidget(m_buttons->down(), 1, 1);
    layout->addWidget(m_buttons->remove(), 2, 1, Qt::AlignTop);
    layout->addWidget(m_entry, 3, 0);
    layout->addWidget(m_buttons->add(), 3, 1);

    connect(m_buttons, &ListEditButtons::addRequested, this, &NameListEditor::add);
    connect(m_entry, &QLineEdit::returnPressed, this, &NameListEditor::add);
    connect(m_entry, &QLineEdit::textChanged, this, &NameListEditor::enableButtons);
    connect(m_buttons, &ListEditButtons::removeRequested, this, &NameListEditor::removeSelected);
    connect(m_buttons, &ListEditButtons::moveRequested, this, &NameListEditor::moveSelected);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NameListEditor::edited);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NameListEditor::enableButtons);
    enableButtons();
}

void NameListEditor::setNames(const QStringList &names)
{
    const QSignalBlocker quiet(m_model); // not the manager's edit
    m_model->setStringList(names);
    m_list->reset();
    enableButtons();
}

QPushButton *NameListEditor::removeButton() const
{
    return m_buttons->remove();
}

QStringList NameListEditor::names() const
{
    return m_model->stringList();
}

void NameListEditor::add()
{
    const QString name = m_entry->text().trimmed();
    QStringList names = m_model->stringList();
    if (name.isEmpty() || names.contains(name, Qt::CaseInsensitive))
        return;
    names.append(name);
    m_model->setStringList(names);
    m_list->setCurrentIndex(m_model->index(int(names.size()) - 1));
    m_entry->clear();
    Q_EMIT edited();
}

void NameListEditor::removeSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    m_model->removeRows(current.row(), 1);
    enableButtons();
    Q_EMIT edited();
}

void NameListEditor::moveSelected(int by)
{
    const int row = m_list->currentIndex().row();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    QStringList names = m_model->stringList();
    names.move(row, to);
    m_model->setStringList(names);
    m_list->setCurrentIndex(m_model->index(to));
    Q_EMIT edited();
}

void NameListEditor::enableButtons()
{
    m_buttons->enableFor(m_list->currentIndex().row(), m_model->rowCount(),
                         !m_entry->text().trimmed().isEmpty());
}
