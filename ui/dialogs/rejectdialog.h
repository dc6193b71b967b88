// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;
class QPushButton;

/**
 * Asks why an order is rejected: the store's list of reasons (StorePolicy::rejectReasons), or
 * "Other…" with free text. Rejecting cannot be undone, so it takes two deliberate steps: nothing
 * is chosen at first, and the confirm button stays disabled until a reason is; choosing (a number
 * key, the arrows, a tap) never confirms by itself: Enter or the button does. Esc cancels; large
 * rows for touch.
 */
class RejectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RejectDialog)

public:
    RejectDialog(const QString &orderLabel, const QStringList &reasons, QWidget *parent = nullptr);

    /** The chosen reason, or the typed text for "Other…"; empty until one is chosen. */
    QString reason() const;
    /** The button that rejects; enabled only while a reason is chosen. */
    QPushButton *confirmButton() const;

    /** Closes with a reason; without one (nothing chosen, "Other…" empty) it stays open. */
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isOtherChosen() const;
    /** Chooses the reason in a row (0-based): what a number key does. */
    void choose(int row);
    void onReasonChanged();

    QListWidget *m_reasons = nullptr;
    QLineEdit *m_otherText = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
