// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "order/actor.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class Clock;
class DeadLetterDesk;
class DeadLetterModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
struct DeadLetterSummary;

/**
 * The manager's dashboard page for the dead-letter queue: a table of the events that could not be
 * delivered (destination, order, event, attempts, first and last error, how long stuck), the
 * chosen one's masked payload beside it, and the decisions: "Send again", "Send all again" and
 * "Let go…" (which asks why). It talks only to a DeadLetterDesk, never to the store, and acts in
 * the name of the manager its owner gives it. Enter sends the chosen event again and Delete lets
 * it go, from the table; buttons and rows are sized for a finger.
 */
class DeadLetterView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadLetterView)

public:
    /** How often "12 min ago" is brought up to date. */
    static constexpr int tickMs = 30'000;

    DeadLetterView(DeadLetterDesk &desk, const Clock &clock, const Actor &manager,
                   QWidget *parent = nullptr);
    ~DeadLetterView() override;

    /** Who decides from now on (another manager signed in). */
    void setManager(const Actor &manager) { m_manager = manager; }
    const Actor &manager() const { return m_manager; }

    DeadLetterModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *sendAgainButton() const { return m_sendAgain; }
    QPushButton *sendAllButton() const { return m_sendAll; }
    QPushButton *letGoButton() const { return m_letGo; }
    /** The words of the last decision's outcome; empty before any. */
    QString message() const;
    /** Whether the page says nothing is stuck. */
    bool showsEmptyState() const;
    /** The dead letter chosen in the table, if one is. */
    std::optional<qint64> chosenId() const;

    /** Sends the chosen event again. */
    void sendAgain();
    /** Sends every stuck event again. */
    void sendAllAgain();
    /** Asks why (LetGoDialog), then lets the chosen event go. */
    void letGo();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout();
    /** The desk's list into the model, keeping the chosen row where it can. */
    void reload();
    void showChosen();
    void say(const QString &words, bool problem);
    void discardChosen(qint64 id, const QString &what, const QString &reason);
    /** "#101 (Placed) to pos:square": a stuck event named for people. */
    static QString describe(const DeadLetterSummary &letter);

    DeadLetterDesk &m_desk;
    const Clock &m_clock;
    Actor m_manager;
    DeadLetterModel *m_model = nullptr;
    QLabel *m_readProblem = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detail = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QPushButton *m_sendAgain = nullptr;
    QPushButton *m_sendAll = nullptr;
    QPushButton *m_letGo = nullptr;
    QTimer m_tick;
};
