// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPaintEngine>
#include <QPaintDevice>
#include <QSize>
#include <QStringList>

/**
 * A paint device that keeps the text painted on it, in order, and nothing else: what a ticket
 * says, read without a screenshot or OCR.
 */
class TextRecorder final : public QPaintDevice
{
public:
    explicit TextRecorder(const QSize &size) : m_size(size) { }

    QPaintEngine *paintEngine() const override { return &m_engine; }
    /** Every text run, in the order painted. */
    QStringList runs() const { return m_engine.runs; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth: return m_size.width();
        case PdmHeight: return m_size.height();
        case PdmDpiX: case PdmDpiY: case PdmPhysicalDpiX: case PdmPhysicalDpiY: return 96;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(devicePixelRatioFScale());
        case PdmDepth: return 32;
        case PdmNumColors: return 0;
        default: return 0;
        }
    }

private:
    class Engine final : public QPaintEngine
    {
    public:
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState &) override { }
        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
        void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
        void drawTextItem(const QPointF &, const QTextItem &item) override
        {
            runs.append(item.text());
        }
        Type type() const override { return User; }

        QStringList runs;
    };

    QSize m_size;
    mutable Engine m_engine;
};
