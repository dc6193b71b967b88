// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

/**
 * One headline figure on the dashboard: what it is, its value in large type, and a line of
 * detail. A tile that needs attention is tinted, and its detail says why in words.
 */
class FigureTile final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FigureTile)

public:
    enum class Tone { Plain, Attention, Alarm };

    explicit FigureTile(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = {}, Tone tone = Tone::Plain);
    QString value() const;
    QString detail() const;
    Tone tone() const { return m_tone; }

private:
    QLabel *m_caption = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
    Tone m_tone = Tone::Plain;
};
