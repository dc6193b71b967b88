// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deadletterview.h"

#include "deadlettermodel.h"
#include "letgodialog.h"

#include "dialogs/dialogparts.h"
#include "shared/widgetlook.h"

#include "channels/deadletterdesk.h"
#include "common/clock.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScroller>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
constexpr int rowHeight = 56; // a finger's row
constexpr int textPx = 18;
const QColor problemFill(0xb7, 0x1c, 0x1c);
} // namespace

DeadLetterView::DeadLetterView(DeadLetterDesk &desk, const Clock &clock, const Actor &manager,
                               QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_clock(clock)
    , m_manager(manager)
    , m_model(new DeadLetterModel(this))
{
    buildLayout();
    connect(&m_desk, &DeadLetterDesk::changed, this, &DeadLetterView::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeadLetterView::showChosen);
    connect(m_sendAgain, &QPushButton::clicked, this, &DeadLetterView::sendAgain);
    connect(m_sendAll, &QPushButton::clicked, this, &DeadLetterView::sendAllAgain);
    connect(m_letGo, &QPushButton::clicked, this, &DeadLetterView::letGo);
    m_tick.setInterval(tickMs);
    connect(&m_tick, &QTimer::timeout, this, [this] { m_model->setNowMs(m_clock.nowMs()); });
    m_tick.start();
    reload();
}

DeadLetterView::~DeadLetterView() = default;

void DeadLetterView::buildLayout()
{
    const QFont text = WidgetLook::pixelFont(font(), textPx);
    m_readProblem = new QLabel(this);
    m_readProblem->setWordWrap(true);
    m_readProblem->setTextFormat(Qt::PlainText);
    m_readProblem->setFont(WidgetLook::pixelFont(font(), textPx, true));
    m_readProblem->setAutoFillBackground(true);
    m_readProblem->setPalette(WidgetLook::filled(palette(), problemFill, Qt::white));
    m_readProblem->setMargin(10);
    m_readProblem->hide();
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setFont(text);
    m_message->setMargin(6);
    m_message->hide();

    m_empty = new QLabel(tr("Nothing is stuck: every event reached its destination."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setFont(WidgetLook::pixelFont(font(), 24, true));

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setFont(text);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(rowHeight);
    QHeaderView *header = m_table->horizontalHeader();
    header->setFont(WidgetLook::pixelFont(font(), textPx, true));
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DeadLetterModel::FirstErrorColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DeadLetterModel::LastErrorColumn, QHeaderView::Stretch);
    m_table->installEventFilter(this);
    // A finger drags the list; a tap still chooses a row.
    QScroller::grabGesture(m_table->viewport(), QScroller::TouchGesture);

    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    // A stuck event's reasons and names are anyone's text: shown as written, never as markup.
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setFont(text);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_payload = new QPlainTextEdit(this);
    m_payload->setReadOnly(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPixelSize(16);
    m_payload->setFont(mono);
    m_payload->setAccessibleName(tr("The event's contents, with private details hidden"));
    QScroller::grabGesture(m_payload->viewport(), QScroller::TouchGesture);
    // The chosen event below the table, words beside its payload: the table keeps the whole
    // width for its errors.
    auto *detail = new QWidget(this);
    auto *detailLayout = new QHBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 2);
    detailLayout->addWidget(m_payload, 3);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(split);

    m_sendAgain = new QPushButton(tr("Send again"), this);
    m_sendAgain->setToolTip(tr("Send the chosen event to its destination again (Enter)"));
    m_sendAll = new QPushButton(tr("Send all again"), this);
    m_sendAll->setToolTip(tr("Send every stuck event to its destination again"));
    m_letGo = new QPushButton(tr("Let go…"), this);
    m_letGo->setToolTip(tr("Never send the chosen event; you will be asked why (Delete)"));
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(12);
    for (QPushButton *button : {m_sendAgain, m_sendAll, m_letGo}) {
        DialogParts::makeTouchButton(button);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(m_readProblem);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
}

QString DeadLetterView::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool DeadLetterView::showsEmptyState() const
{
    return m_pages->currentWidget() == m_empty;
}

std::optional<qint64> DeadLetterView::chosenId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return rows.constFirst().data(DeadLetterModel::IdRole).toLongLong();
}

void DeadLetterView::reload()
{
    const std::optional<qint64> chosen = chosenId();
    const int chosenRow = m_table->currentIndex().row();
    m_model->setLetters(m_desk.letters(), m_clock.nowMs());
    m_readProblem->setText(m_desk.readProblem());
    m_readProblem->setVisible(!m_desk.readProblem().isEmpty());
    const int rows = m_model->rowCount();
    m_pages->setCurrentWidget(rows == 0 ? static_cast<QWidget *>(m_empty)
                                        : m_pages->widget(1));
    // The same event stays chosen; if it went, the one that took its place.
    int row = chosen ? m_model->rowOf(*chosen) : -1;
    if (row < 0 && rows > 0)
        row = qBound(0, chosenRow, rows - 1);
    if (row >= 0)
        m_table->selectionModel()->setCurrentIndex(
                m_model->index(row, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showChosen();
    m_sendAll->setEnabled(rows > 0);
}

QString DeadLetterView::describe(const DeadLetterSummary &letter)
{
    return tr("%1 (%2) to %3")
            .arg(DeadLetterModel::orderText(letter), DeadLetterModel::kindText(letter),
                 letter.destination);
}

void DeadLetterView::showChosen()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const bool chosen = !rows.isEmpty();
    m_sendAgain->setEnabled(chosen);
    m_letGo->setEnabled(chosen);
    if (!chosen) {
        m_detail->clear();
        m_payload->clear();
        return;
    }
    const DeadLetterSummary &letter = m_model->letterAt(rows.constFirst().row());
    const QLocale locale;
    const auto at = [&locale](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().time(),
                               QLocale::ShortFormat);
    };
    QStringList lines {
            describe(letter),
            (letter.attempts == 1 ? tr("1 attempt") : tr("%1 attempts").arg(letter.attempts))
                    + QStringLiteral(" · ")
                    + tr("stuck since %1 (%2)")
                              .arg(at(letter.deadAt),
                                   DeadLetterModel::ago(
                                           qMax<qint64>(0, m_clock.nowMs() - letter.deadAt))),
            letter.firstErrorRecorded()
                    ? tr("First error (%1): %2").arg(at(letter.firstErrorAt), letter.firstError)
                    : tr("First error: not recorded"),
            tr("Last error: %1").arg(letter.lastError),
    };
    if (!letter.reason.isEmpty())
        lines.append(tr("Reason given with the event: %1").arg(letter.reason));
    m_detail->setText(lines.join(QLatin1Char('\n')));
    m_payload->setPlainText(DeadLetterModel::payloadText(letter));
}

void DeadLetterView::say(const QString &words, bool problem)
{
    m_message->setText(words);
    m_message->setAutoFillBackground(problem);
    m_message->setPalette(problem ? WidgetLook::filled(palette(), problemFill, Qt::white)
                                  : palette());
    m_message->setVisible(!words.isEmpty());
}

void DeadLetterView::sendAgain()
{
    const std::optional<qint64> id = chosenId();
    if (!id)
        return;
    const QString what = describe(m_model->letterAt(m_model->rowOf(*id)));
    const Result<void> sent = m_desk.redrive(*id, m_manager);
    say(sent ? tr("Sent again: %1.").arg(what) : sent.error(), !sent);
}

void DeadLetterView::sendAllAgain()
{
    const Result<int> sent = m_desk.redriveAll({}, m_manager);
    if (!sent)
        say(sent.error(), true);
    else
        say(*sent == 1 ? tr("1 stuck event sent again.")
                       : tr("%1 stuck events sent again.").arg(*sent),
            false);
}

void DeadLetterView::letGo()
{
    const std::optional<qint64> id = chosenId();
    if (!id)
        return;
    const QString what = describe(m_model->letterAt(m_model->rowOf(*id)));
    auto *dialog = new LetGoDialog(what, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, id = *id, what, dialog] { discardChosen(id, what, dialog->reason()); });
    dialog->open();
}

void DeadLetterView::discardChosen(qint64 id, const QString &what, const QString &reason)
{
    const Result<void> discarded = m_desk.discard(id, m_manager, reason);
    say(discarded ? tr("Let go: %1. The log keeps your reason.").arg(what) : discarded.error(),
        !discarded);
}

void DeadLetterView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // kc-admin or another screen may have decided meanwhile.
    m_desk.refresh();
}

bool DeadLetterView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<const QKeyEvent *>(event);
        if (key->modifiers() & ~Qt::KeypadModifier)
            return QWidget::eventFilter(watched, event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            sendAgain();
            return true;
        case Qt::Key_Delete:
            letGo();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}
