// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "touchstyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOptionSpinBox>

namespace {
// Fusion paints a spin box's frame this wide, whatever PM_SpinBoxFrameWidth says.
constexpr int spinFrame = 3;

const QStyleOptionSpinBox *spinWithArrows(QStyle::ComplexControl control,
                                          const QStyleOptionComplex *option)
{
    const auto *spin = qstyleoption_cast<const QStyleOptionSpinBox *>(option);
    if (control != QStyle::CC_SpinBox || !spin
        || spin->buttonSymbols == QAbstractSpinBox::NoButtons)
        return nullptr;
    return spin;
}
} // namespace

TouchStyle::TouchStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
}

QRect TouchStyle::subControlRect(ComplexControl control, const QStyleOptionComplex *option,
                                 SubControl subControl, const QWidget *widget) const
{
    const QStyleOptionSpinBox *spin = spinWithArrows(control, option);
    if (!spin)
        return QProxyStyle::subControlRect(control, option, subControl, widget);
    const QRect box = spin->rect;
    const int frame = spin->frame ? spinFrame : 0;
    const int inside = box.height() - 2 * frame;
    const int buttons = std::min(box.height(), box.width() / 3); // square, leaving room for text
    const int buttonsLeft = box.right() + 1 - frame - buttons;
    QRect rect;
    switch (subControl) {
    case SC_SpinBoxUp:
        rect = QRect(buttonsLeft, frame, buttons, inside / 2);
        break;
    case SC_SpinBoxDown:
        rect = QRect(buttonsLeft, frame + inside / 2, buttons, inside - inside / 2);
        break;
    case SC_SpinBoxEditField:
        rect = QRect(frame, frame, buttonsLeft - frame, inside);
        break;
    default:
        return QProxyStyle::subControlRect(control, option, subControl, widget);
    }
    return visualRect(spin->direction, box, rect);
}

void TouchStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                    QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    const QStyleOptionSpinBox *spin = spinWithArrows(control, option);
    if (!spin || spin->buttonSymbols != QAbstractSpinBox::UpDownArrows)
        return;
    // Fusion's arrows keep their small size in the wider buttons; these cover them.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    for (const SubControl button : {SC_SpinBoxUp, SC_SpinBoxDown}) {
        const bool up = button == SC_SpinBoxUp;
        const bool steps = (spin->state & State_Enabled)
                && (spin->stepEnabled
                    & (up ? QAbstractSpinBox::StepUpEnabled : QAbstractSpinBox::StepDownEnabled));
        const QRectF area = subControlRect(control, option, button, widget);
        const qreal half = std::min(area.width() * 0.3, area.height() * 0.35);
        const QPointF centre = area.center();
        const qreal tip = up ? -half / 2 : half / 2;
        const QPolygonF arrow{{centre.x() - half, centre.y() - tip},
                              {centre.x() + half, centre.y() - tip},
                              {centre.x(), centre.y() + tip}};
        painter->setBrush(spin->palette.color(steps ? QPalette::Active : QPalette::Disabled,
                                              QPalette::ButtonText));
        painter->drawPolygon(arrow);
    }
    painter->restore();
}

int TouchStyle::pixelMetric(PixelMetric metric, const QStyleOption *option,
                            const QWidget *widget) const
{
    switch (metric) {
    case PM_IndicatorWidth:
    case PM_IndicatorHeight:
    case PM_ExclusiveIndicatorWidth:
    case PM_ExclusiveIndicatorHeight:
        return 28; // Fusion's 14 px is a fingertip's quarter
    default:
        return QProxyStyle::pixelMetric(metric, option, widget);
    }
}
