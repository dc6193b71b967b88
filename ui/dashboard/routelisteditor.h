// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/storepolicy.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class ListEditButtons;
class QComboBox;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

/**
 * The store's routes as a manager edits them by touch or keys: words an item's name contains and
 * the station it goes to, in the order they are tried (the first that matches wins). Type the
 * words, pick the station and Add (or Enter); select and Remove, move up and down. A route whose
 * station is no longer one of the stations is marked, so it is fixed before the rules are saved.
 */
class RouteListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteListEditor)

public:
    explicit RouteListEditor(int maxWordsLength, QWidget *parent = nullptr);

    void setRoutes(const QList<StationRoute> &routes);
    QList<StationRoute> routes() const;
    /** The stations a route may name, offered for new routes (and checked on the listed ones). */
    void setStations(const QStringList &stations);

    QLineEdit *words() const { return m_words; }
    QComboBox *stationBox() const { return m_station; }
    QTableView *table() const { return m_table; }
    QPushButton *removeButton() const;
    QPushButton *upButton() const;

Q_SIGNALS:
    /** The routes changed by the manager's hand (not by setRoutes). */
    void edited();

private:
    void add();
    void removeSelected();
    void moveSelected(int by);
    void appendRow(const StationRoute &route);
    void markUnknownStations();
    void enableButtons();
    int currentRow() const;

    QStandardItemModel *m_model;
    QTableView *m_table;
    QLineEdit *m_words;
    QComboBox *m_station;
    ListEditButtons *m_buttons;
    QStringList m_stations;
};
