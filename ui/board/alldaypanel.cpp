// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alldaypanel.h"

#include "alldaymodel.h"
#include "ticketstyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace {
constexpr int panelWidth = 380;

// The count is what a cook reads from across the line: larger and in the warning colour; the
// station repeats on every row, so it steps back.
class AllDayDelegate final : public QStyledItemDelegate
{
public:
    AllDayDelegate(const TicketStyle &style, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_count(style.warn)
        , m_station(style.dimText)
    { }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == AllDayModel::CountColumn) {
            option->font.setPixelSize(option->font.pixelSize() * 13 / 10);
            option->font.setBold(true);
            option->palette.setColor(QPalette::Text, m_count);
        } else if (index.column() == AllDayModel::StationColumn) {
            option->font.setPixelSize(option->font.pixelSize() * 8 / 10);
            option->palette.setColor(QPalette::Text, m_station);
        }
    }

private:
    QColor m_count;
    QColor m_station;
};
} // namespace

AllDayPanel::AllDayPanel(const TicketStyle &style, AllDayModel *model, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("allDayPanel"));
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus); // the board keeps the keys
    setFixedWidth(panelWidth);
    QPalette colours = style.panelPalette(palette());
    colours.setColor(QPalette::AlternateBase, style.board);
    colours.setColor(QPalette::Button, style.card);
    colours.setColor(QPalette::ButtonText, style.dimText);
    setPalette(colours);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText); // station names come with the orders
    QFont titleFont = style.numberFont;
    titleFont.setPixelSize(qMax(24, style.itemFont.pixelSize() + 6));
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_table = new QTableView(this);
    m_table->setModel(model);
    m_table->setItemDelegate(new AllDayDelegate(style, m_table));
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->hide();
    QFont rowFont = style.itemFont;
    rowFont.setBold(true);
    m_table->setFont(rowFont);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(rowFont).height() * 13 / 10 + 12);
    QHeaderView *columns = m_table->horizontalHeader();
    QFont headerFont = style.captionFont;
    columns->setFont(headerFont);
    columns->setSectionResizeMode(AllDayModel::StationColumn, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(AllDayModel::ItemColumn, QHeaderView::Stretch);
    columns->setSectionResizeMode(AllDayModel::CountColumn, QHeaderView::ResizeToContents);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    setStation({});
}

void AllDayPanel::setStation(const QString &station)
{
    m_title->setText(station.isEmpty() ? tr("ALL DAY") : tr("ALL DAY · %1").arg(station.toUpper()));
    m_table->setColumnHidden(AllDayModel::StationColumn, !station.isEmpty());
}
