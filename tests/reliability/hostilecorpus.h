// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the hostile-input tests share: the corpus under tests/data/hostile (each folder's
// index.json names its files and what must happen), and the checks that something accepted is
// kept whole and shown as the literal text on a real board window.

#include "board/boardview.h"
#include "board/mainwindow.h"
#include "board/ordermodel.h"
#include "board/ticketdelegate.h"
#include "textrecorder.h"

#include "order/order.h"
#include "session/consolesession.h"
#include "settings/boardoptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPainter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTextDocument>

#include <memory>

namespace HostileCorpus {

inline QString folder(const QString &entryPoint)
{
    return qEnvironmentVariable("KC_TEST_DATA") + QStringLiteral("/hostile/") + entryPoint;
}

inline QByteArray read(const QString &entryPoint, const QString &file)
{
    QFile in(folder(entryPoint) + QLatin1Char('/') + file);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(in.fileName()));
    return in.readAll();
}

/** The cases of an entry point's index.json, each {file, what, expect, …}. */
inline QList<QJsonObject> cases(const QString &entryPoint)
{
    const QJsonArray list = QJsonDocument::fromJson(read(entryPoint, QStringLiteral("index.json")))
                                    .object()
                                    .value(QLatin1String("cases"))
                                    .toArray();
    QList<QJsonObject> result;
    for (const QJsonValue &value : list)
        result.append(value.toObject());
    if (result.isEmpty())
        qFatal("no cases in %s", qPrintable(folder(entryPoint)));
    return result;
}

/** The free texts of an order, as people read them: number, name, notes, items' words. */
/** For a test's _data function: one row per file of entryPoint, its index entry as "row". */
inline void addRows(const QString &entryPoint)
{
    QTest::addColumn<QJsonObject>("row");
    for (const QJsonObject &row : cases(entryPoint))
        QTest::newRow(qPrintable(row.value(QLatin1String("file")).toString())) << row;
}

/** The bytes of a row's file. */
inline QByteArray read(const QString &entryPoint, const QJsonObject &row)
{
    return read(entryPoint, row.value(QLatin1String("file")).toString());
}

inline QStringList textsOf(const Order &order)
{
    QStringList texts {order.number, order.customerName};
    texts += order.notes;
    for (const OrderItem &item : order.items) {
        texts << item.name << item.notes;
        texts += item.modifiers;
    }
    texts.removeAll(QString());
    return texts;
}

/** The same texts as an order body (the corpus file) spells them, read by the JSON parser. */
inline QStringList textsOf(const QJsonObject &order)
{
    QStringList texts {order.value(QLatin1String("number")).toString(),
                       order.value(QLatin1String("customer_name")).toString()};
    for (const QJsonValue &note : order.value(QLatin1String("notes")).toArray())
        texts << note.toString();
    for (const QJsonValue &value : order.value(QLatin1String("items")).toArray()) {
        const QJsonObject item = value.toObject();
        texts << item.value(QLatin1String("name")).toString()
              << item.value(QLatin1String("notes")).toString();
        for (const QJsonValue &modifier : item.value(QLatin1String("modifiers")).toArray())
            texts << modifier.toString();
    }
    texts.removeAll(QString());
    return texts;
}

/** A board window over a console's session, as a cook sees it (offscreen). */
inline std::unique_ptr<MainWindow> showBoard(ConsoleSession &session)
{
    session.startKitchenServices();
    auto window = std::make_unique<MainWindow>(session, BoardOptions {});
    window->resize(1024, 768);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

/** The text the board paints for orderId's ticket, every part; empty if it has no ticket. */
inline QString ticketText(MainWindow &window, const QString &orderId)
{
    BoardView &board = *window.board();
    int row = -1;
    for (int r = 0; r < board.model()->rowCount(); ++r) {
        if (board.model()->index(r, 0).data(OrderModel::OrderIdRole).toString() == orderId)
            row = r;
    }
    if (row < 0)
        return {};
    // A fresh delegate in the board's style paints each part straight onto the recorder (the
    // board's own may hand back a cached pixmap).
    TicketDelegate fresh;
    fresh.setTicketStyle(board.ticketDelegate()->ticketStyle());
    const BoardLayout &layout = board.boardLayout();
    QStringList runs;
    for (int i = layout.firstPieceOf(row); i < layout.firstPieceOf(row) + layout.pieceCountOf(row);
         ++i) {
        const BoardLayout::Piece &piece = layout.pieces().at(i);
        const QRect rect = board.viewportRect(piece);
        TextRecorder recorder(QSize(rect.right() + 20, rect.bottom() + 20));
        QStyleOptionViewItem option;
        option.rect = rect;
        QPainter painter(&recorder);
        fresh.paintPart(&painter, option, board.model()->index(row, 0), piece.part);
        painter.end();
        runs += recorder.runs();
    }
    return runs.join(QString());
}

/** Text compared without white space, which wrapping moves or drops. */
inline QString squeezed(QString text)
{
    text.removeIf([](QChar c) { return c.isSpace(); });
    return text;
}

/** What a label shows: its text as written, or what Qt renders of it as rich text. */
inline QString shownText(const QLabel &label)
{
    const bool rich = label.textFormat() == Qt::RichText
            || (label.textFormat() == Qt::AutoText && Qt::mightBeRichText(label.text()));
    if (!rich)
        return label.text();
    QTextDocument document;
    document.setHtml(label.text());
    return document.toPlainText();
}

/**
 * No label or tooltip in the window renders text as HTML unless it was escaped for it: what it
 * shows reads as what it was given. Names the first that does not.
 */
inline QString richTextProblem(const QWidget &window)
{
    const QList<QLabel *> labels = window.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (shownText(*label) != label->text())
            return QStringLiteral("label \"%1\" renders \"%2\" as rich text")
                    .arg(label->objectName(), label->text());
    }
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        const QString tip = widget->toolTip();
        if (tip.contains(QLatin1Char('<')) && Qt::mightBeRichText(tip)
            && !tip.startsWith(QLatin1String("<p"))) // Qt::convertFromPlainText's escaped form
            return QStringLiteral("tooltip \"%1\" of %2 is rendered as rich text")
                    .arg(tip, QString::fromLatin1(widget->metaObject()->className()));
    }
    return {};
}

/**
 * An SQLite file after hostile input: integrity_check ok, and these tables there (an "SQL
 * injection" would have dropped or emptied one). Empty when fine.
 */
inline QString databaseProblem(const QString &path, const QStringList &tables)
{
    const QString name = QStringLiteral("hostile-check-") + path;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            problem = QStringLiteral("cannot open ") + path;
        } else {
            QSqlQuery check(db);
            if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next()
                || check.value(0).toString() != QLatin1String("ok"))
                problem = QStringLiteral("integrity_check of %1: %2")
                                  .arg(path, check.value(0).toString());
            for (const QString &table : tables) {
                QSqlQuery count(db);
                if (problem.isEmpty()
                    && !count.exec(QStringLiteral("SELECT count(*) FROM ") + table))
                    problem = QStringLiteral("table %1 of %2 is gone").arg(table, path);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

} // namespace HostileCorpus
