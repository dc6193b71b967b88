// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "routelisteditor.h"

#include "listeditbuttons.h"

#include <QColor>
#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>

namespace {
constexpr int fingerHeight = 44;
enum Column { WordsColumn, StationColumn };
} // namespace

RouteListEditor::RouteListEditor(int maxWordsLength, QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, 2, this))
    , m_table(new QTableView(this))
    , m_words(new QLineEdit(this))
    , m_station(new QComboBox(this))
    , m_buttons(new ListEditButtons(this))
{
    m_model->setHorizontalHeaderLabels({tr("Item name contains"), tr("Goes to")});
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers); // remove and add again
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fingerHeight - 4);
    m_table->horizontalHeader()->setSectionResizeMode(WordsColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(StationColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(4 * fingerHeight);
    m_words->setPlaceholderText(tr("words in the item's name, e.g. shake"));
    m_words->setMaxLength(maxWordsLength);
    m_words->setMinimumHeight(fingerHeight);
    m_station->setMinimumHeight(fingerHeight);
    m_station->setAccessibleName(tr("Station for the new route"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 0, 0, 1, 3);
    layout->addWidget(m_buttons->up(), 1, 0);
    layout->addWidget(m_buttons->down(), 1, 1);
    layout->addWidget(m_buttons->remove(), 1, 2);
    layout->addWidget(m_words, 2, 0, 1, 3);
    layout->addWidget(m_station, 3, 0, 1, 2);
    layout->addWidget(m_buttons->add(), 3, 2);

    connect(m_buttons, &ListEditButtons::addRequested, this, &RouteListEditor::add);
    connect(m_words, &QLineEdit::returnPressed, this, &RouteListEditor::add);
    connect(m_words, &QLineEdit::textChanged, this, &RouteListEditor::enableButtons);
    connect(m_buttons, &ListEditButtons::removeRequested, this, &RouteListEditor::removeSelected);
    connect(m_buttons, &ListEditButtons::moveRequested, this, &RouteListEditor::moveSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RouteListEditor::enableButtons);
    enableButtons();
}

void RouteListEditor::setRoutes(const QList<StationRoute> &routes)
{
    m_model->removeRows(0, m_model->rowCount());
    for (const StationRoute &route : routes)
        appendRow(route);
    markUnknownStations();
    enableButtons();
}

QPushButton *RouteListEditor::removeButton() const
{
    return m_buttons->remove();
}

QPushButton *RouteListEditor::upButton() const
{
    return m_buttons->up();
}

QList<StationRoute> RouteListEditor::routes() const
{
    QList<StationRoute> routes;
    for (int row = 0; row < m_model->rowCount(); ++row)
        routes.append({m_model->item(row, WordsColumn)->text(),
                       m_model->item(row, StationColumn)->data(Qt::UserRole).toString()});
    return routes;
}

void RouteListEditor::setStations(const QStringList &stations)
{
    m_stations = stations;
    const QString chosen = m_station->currentText();
    m_station->clear();
    m_station->addItems(stations);
    m_station->setCurrentIndex(qMax(0, int(stations.indexOf(chosen))));
    markUnknownStations();
    enableButtons();
}

void RouteListEditor::add()
{
    const QString words = m_words->text().trimmed();
    if (words.isEmpty() || m_station->currentIndex() < 0)
        return;
    const QList<StationRoute> listed = routes();
    for (const StationRoute &route : listed) {
        if (route.contains.compare(words, Qt::CaseInsensitive) == 0)
            return; // the first one would always win
    }
    appendRow({words, m_station->currentText()});
    markUnknownStations();
    m_table->selectRow(m_model->rowCount() - 1);
    m_words->clear();
    enableButtons();
    Q_EMIT edited();
}

void RouteListEditor::removeSelected()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_model->removeRow(row);
    enableButtons();
    Q_EMIT edited();
}

void RouteListEditor::moveSelected(int by)
{
    const int row = currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    m_model->insertRow(to, m_model->takeRow(row));
    m_table->selectRow(to);
    enableButtons();
    Q_EMIT edited();
}

void RouteListEditor::appendRow(const StationRoute &route)
{
    auto *station = new QStandardItem(route.station);
    station->setData(route.station, Qt::UserRole);
    m_model->appendRow({new QStandardItem(route.contains), station});
}

// The station is kept as it was (UserRole); only its label says it must be fixed.
void RouteListEditor::markUnknownStations()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStandardItem *item = m_model->item(row, StationColumn);
        const QString station = item->data(Qt::UserRole).toString();
        const bool known = m_stations.contains(station);
        item->setText(known ? station : tr("%1 (not a station)").arg(station));
        item->setData(known ? QVariant() : QVariant(QColor(0xb0, 0x00, 0x20)), Qt::ForegroundRole);
        item->setToolTip(known ? QString()
                               : tr("No station is called %1 now: remove this route, or add the "
                                    "station back.")
                                         .arg(station));
    }
}

void RouteListEditor::enableButtons()
{
    m_buttons->enableFor(currentRow(), m_model->rowCount(),
                         !m_words->text().trimmed().isEmpty() && m_station->count() > 0);
}

int RouteListEditor::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}
