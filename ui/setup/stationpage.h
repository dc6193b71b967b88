// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;

/**
 * The setup's station step: which store and screen this is (fixed by the pairing, typed when
 * the store works without a platform), and what the screen shows: expo (whole orders) or one
 * station's items.
 */
class StationPage final : public QWidget
{
    Q_OBJECT

public:
    explicit StationPage(QWidget *parent = nullptr);

    /** paired: the ids came from the platform and are shown, not edited. */
    void setIdentity(const QString &storeId, const QString &consoleId, bool paired);
    void setStations(const QStringList &stations, const QString &chosen);
    QString storeId() const;
    QString consoleId() const;
    /** The station chosen; empty for expo. */
    QString station() const;
    bool isComplete() const;

Q_SIGNALS:
    void completeChanged();
    /** The store id was edited: its stations may differ. */
    void storeChanged(const QString &storeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_storeLabel = nullptr;
    QLineEdit *m_store = nullptr;
    QLabel *m_consoleLabel = nullptr;
    QLineEdit *m_console = nullptr;
    QLabel *m_stationLabel = nullptr;
    QListWidget *m_stations = nullptr;
    bool m_paired = false;
};
