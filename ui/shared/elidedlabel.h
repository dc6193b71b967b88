// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

/**
 * A label that gives way: it asks for room for its whole text but takes whatever width the
 * layout has left, showing a short form or an ellipsis (each line on its own), so secondary text
 * never pushes the window wider than the screen. The whole text stays in its tooltip, accessible
 * name and description.
 */
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    /** How much room the label asks a layout for. */
    enum class Room {
        Whole, // its whole text; a layout may still give it less, down to its short form
        Short, // its short form only
        None, // nothing: the text goes (for a row that decides itself what gives way first)
    };

    explicit ElidedLabel(Qt::TextElideMode mode, QWidget *parent = nullptr);
    ElidedLabel(const QString &text, Qt::TextElideMode mode, QWidget *parent = nullptr);

    /** The whole text, however much of it is shown. */
    QString fullText() const { return m_fullText; }
    void setFullText(const QString &text);
    /**
     * What to show when the whole text does not fit. Empty (the default): an ellipsis, down to
     * nothing at all.
     */
    void setShortText(const QString &text);
    QString shortText() const { return m_shortText; }
    /**
     * Whether a layout may never make the label narrower than its short form (the default), or
     * may take all of it (for a row that decides itself when the text goes, with Room::None).
     */
    void setShortFormKept(bool kept);
    void setRoom(Room room);

    /** The room the whole text takes, and the short form (nothing without one). */
    QSize wholeSizeHint() const;
    QSize shortSizeHint() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fit();
    QSize paddingSize() const; // margins and contents margins, around the text
    int widestLine(const QStringList &lines) const;
    QSize textSize(const QString &text) const;
    QSize noTextSize() const; // as tall as the whole text, as wide as the padding

    QString m_fullText;
    QString m_shortText;
    Qt::TextElideMode m_mode;
    Room m_room = Room::Whole;
    bool m_shortFormKept = true;
};
