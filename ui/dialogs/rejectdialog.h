// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;

/**
 * Asks why an order is rejected: the store's list of reasons (StorePolicy::rejectReasons), or
 * "Other…" with free text.
 * Arrows choose, Enter confirms, Esc cancels; large rows for touch.
 */
class RejectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RejectDialog)

public:
    RejectDialog(const QString &orderLabel, const QStringList &reasons, QWidget *parent = nullptr);

    /** The chosen reason, or the typed text for "Other…"; empty until one is chosen. */
    QString reason() const;

    /** Closes with a reason; for "Other…" without text, moves to the text field instead. */
    void accept() override;

private:
    bool isOtherChosen() const;
    void onReasonChanged();

    QListWidget *m_reasons = nullptr;
    QLineEdit *m_otherText = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
