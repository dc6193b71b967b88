// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "namelisteditor.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>

namespace {
constexpr int fingerHeight = 44;

QPushButton *touchButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setMinimumHeight(fingerHeight);
    return button;
}
} // namespace

NameListEditor::NameListEditor(const QString &placeholder, int maxLength, QWidget *parent)
    : QWidget(parent)
    , m_model(new QStringListModel(this))
    , m_list(new QListView(this))
    , m_entry(new QLineEdit(this))
    , m_add(touchButton(tr("Add"), this))
    , m_remove(touchButton(tr("Remove"), this))
    , m_up(touchButton(tr("Up"), this))
    , m_down(touchButton(tr("Down"), this))
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
    layout->addWidget(m_up, 0, 1);
    layout->addWidget(m_down, 1, 1);
    layout->addWidget(m_remove, 2, 1, Qt::AlignTop);
    layout->addWidget(m_entry, 3, 0);
    layout->addWidget(m_add, 3, 1);

    connect(m_add, &QPushButton::clicked, this, &NameListEditor::add);
    connect(m_entry, &QLineEdit::returnPressed, this, &NameListEditor::add);
    connect(m_entry, &QLineEdit::textChanged, this, &NameListEditor::enableButtons);
    connect(m_remove, &QPushButton::clicked, this, &NameListEditor::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
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
    const int row = m_list->currentIndex().row();
    m_add->setEnabled(!m_entry->text().trimmed().isEmpty());
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_model->rowCount() - 1);
}
