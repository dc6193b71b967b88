// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;

/**
 * Asks a manager why a stuck event is let go: it will never be sent, and the log keeps the reason,
 * so the confirm button stays disabled until there is one (spaces do not count). Enter confirms
 * once it is enabled, Esc cancels; touch-sized.
 */
class LetGoDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LetGoDialog)

public:
    /** what names the event for people ("order #101's Placed to pos:square"). */
    explicit LetGoDialog(const QString &what, QWidget *parent = nullptr);

    /** The reason as typed, trimmed. */
    QString reason() const;
    /** The field the reason is typed into. */
    QLineEdit *reasonField() const { return m_reason; }
    /** The button that lets go; enabled only while there is a reason. */
    QPushButton *confirmButton() const;

    /** Closes with a reason; without one it stays open. */
    void accept() override;

private:
    QLineEdit *m_reason = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
