// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QButtonGroup;
class QPushButton;

/**
 * A grid of large minute buttons (prep-time quotes, delays): a tap, an arrow key or a number key
 * (1 for the first pick, 2 for the second, …) chooses one. Enter is left to the dialog.
 */
class MinutePicks final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MinutePicks)

public:
    /** labelFormat holds %1 for the minutes ("%1 min", "+%1 min"). */
    MinutePicks(const QList<int> &minutes, int columns, const QString &labelFormat,
                QWidget *parent = nullptr);

    QList<int> minutes() const { return m_minutes; }
    /** The chosen minutes; always one of minutes(). */
    int chosen() const { return m_minutes.value(m_chosen); }
    /** Chooses the pick nearest to minutes. */
    void choose(int minutes);
    QPushButton *button(int minutes) const;

Q_SIGNALS:
    void chosenChanged(int minutes);
    /** A pick was tapped twice in a row: take it. */
    void confirmed(int minutes);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void chooseIndex(int index);

    QList<int> m_minutes;
    int m_columns = 1;
    int m_chosen = 0;
    QList<QPushButton *> m_buttons;
};
