// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

/**
 * A one-line label that gives way: it takes whatever width the layout has left and shortens its
 * text with an ellipsis, so secondary text never pushes the window wider than the screen.
 */
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    ElidedLabel(const QString &text, Qt::TextElideMode mode, QWidget *parent = nullptr);

    /** The whole text, however much of it is shown. */
    QString fullText() const { return m_fullText; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString m_fullText;
    Qt::TextElideMode m_mode;
};
