// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rejectdialog.h"

#include "dialogparts.h"
#include "shared/widgetlook.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int reasonRole = Qt::UserRole + 1; // the reason alone, without its number
constexpr int isOtherRole = Qt::UserRole + 2;
constexpr int rowHeight = 54;
constexpr int rowsAtLeast = 3; // a small window scrolls the list rather than hiding it
constexpr int maxReasonLength = 200;
constexpr int numberedRows = 9; // keys 1–9

// Asks for room for every reason; the layout gives it less (down to rowsAtLeast) in a small window.
class ReasonList final : public QListWidget
{
public:
    using QListWidget::QListWidget;

    QSize sizeHint() const override
    {
        return {QListWidget::sizeHint().width(), rowHeight * count() + 2 * frameWidth()};
    }
    QSize minimumSizeHint() const override
    {
        return {QListWidget::minimumSizeHint().width(),
                rowHeight * qMin(rowsAtLeast, count()) + 2 * frameWidth()};
    }
};
} // namespace

RejectDialog::RejectDialog(const QString &orderLabel, const QStringList &reasons, QWidget *parent)
    : QDialog(parent)
    , m_reasons(new ReasonList(this))
    , m_otherText(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Reject order %1").arg(orderLabel));
    setMinimumWidth(480);
    DialogParts::styleDialog(this, m_buttons);

    auto *prompt = new QLabel(tr("Why can't the kitchen take order %1?").arg(orderLabel), this);
    prompt->setTextFormat(Qt::PlainText); // the order's number is the platform's text
    prompt->setFont(WidgetLook::pixelFont(font(), 22, true));
    prompt->setWordWrap(true);
    auto *hint =
        new QLabel(tr("Choose a reason with its number or a tap, then press Enter."), this);
    hint->setFont(WidgetLook::pixelFont(font(), 18));
    hint->setWordWrap(true);

    QStringList rows = reasons;
    rows.append(tr("Other…"));
    for (int row = 0; row < rows.size(); ++row) {
        const QString &reason = rows.at(row);
        auto *item = new QListWidgetItem(
            row < numberedRows ? tr("%1   %2").arg(row + 1).arg(reason) : reason, m_reasons);
        item->setData(reasonRole, reason);
        item->setData(isOtherRole, row == rows.size() - 1);
        item->setSizeHint(QSize(0, rowHeight));
    }
    m_reasons->setFont(WidgetLook::pixelFont(font(), 22));
    m_reasons->setSelectionMode(QAbstractItemView::SingleSelection);
    m_reasons->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    // Nothing chosen, and no current row either: the list would otherwise make its first row
    // current when it gets the focus, and a careless Enter would take it.
    m_reasons->setCurrentIndex(QModelIndex());
    m_reasons->installEventFilter(this);

    m_otherText->setPlaceholderText(tr("Type the reason"));
    m_otherText->setMaxLength(maxReasonLength);
    m_otherText->setFont(WidgetLook::pixelFont(font(), 20));
    m_otherText->setMinimumHeight(rowHeight - 8);
    m_otherText->setEnabled(false);

    QPushButton *ok = confirmButton();
    ok->setText(tr("Reject order"));
    ok->setDefault(true);
    ok->setEnabled(false);
    for (QAbstractButton *button : m_buttons->buttons()) {
        button->setMinimumHeight(rowHeight - 6);
        button->setFont(WidgetLook::pixelFont(font(), 18, true));
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 20);
    layout->setSpacing(14);
    layout->addWidget(prompt);
    layout->addWidget(hint);
    layout->addWidget(m_reasons, 1);
    layout->addWidget(m_otherText);
    layout->addWidget(m_buttons);

    connect(m_reasons, &QListWidget::itemSelectionChanged, this, &RejectDialog::onReasonChanged);
    connect(m_reasons, &QListWidget::itemClicked, this, [this] {
        if (isOtherChosen())
            m_otherText->setFocus(); // a tap on "Other…" goes on to the words
    });
    connect(m_otherText, &QLineEdit::textEdited, this, [this] { choose(m_reasons->count() - 1); });
    connect(m_otherText, &QLineEdit::textChanged, this, &RejectDialog::onReasonChanged);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RejectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RejectDialog::reject);
    m_reasons->setFocus();
}

QPushButton *RejectDialog::confirmButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString RejectDialog::reason() const
{
    const QList<QListWidgetItem *> chosen = m_reasons->selectedItems();
    if (chosen.isEmpty())
        return {};
    return isOtherChosen() ? m_otherText->text().simplified()
                           : chosen.constFirst()->data(reasonRole).toString();
}

void RejectDialog::accept()
{
    if (!isVisible())
        return; // closed already: a second confirmation must not reject twice
    if (reason().isEmpty())
        return; // nothing chosen yet: rejecting needs a reason chosen on purpose
    QDialog::accept();
}

bool RejectDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_reasons || event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<const QKeyEvent *>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const int number = key->key() - Qt::Key_1; // 0-based row
    if (modifiers == Qt::NoModifier && number >= 0 && number < numberedRows
        && number < m_reasons->count()) {
        choose(number);
        if (isOtherChosen())
            m_otherText->setFocus();
        return true;
    }
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (enter && isOtherChosen() && reason().isEmpty()) {
        m_otherText->setFocus(); // "Other…" needs its words before it can be confirmed
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

bool RejectDialog::isOtherChosen() const
{
    const QList<QListWidgetItem *> chosen = m_reasons->selectedItems();
    return !chosen.isEmpty() && chosen.constFirst()->data(isOtherRole).toBool();
}

void RejectDialog::choose(int row)
{
    m_reasons->setCurrentRow(row, QItemSelectionModel::ClearAndSelect);
}

void RejectDialog::onReasonChanged()
{
    m_otherText->setEnabled(isOtherChosen());
    confirmButton()->setEnabled(!reason().isEmpty());
}
