// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The committed translation is complete: every entry finished, none empty, and each keeps the
// source's placeholders, so a new tr() string without a translation fails CI with a list.
#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {
struct TsEntry
{
    QString context;
    QString source;
    QString type; // "unfinished", "vanished", "obsolete" or empty
    QStringList forms; // the translation, or each numerus form
    bool numerus = false;
};

QList<TsEntry> readTs(QIODevice &device, QString *error)
{
    QList<TsEntry> entries;
    QXmlStreamReader xml(&device);
    QString context;
    TsEntry entry;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            entry = {};
            entry.context = context;
            entry.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            entry.source = xml.readElementText();
        } else if (name == u"translation") {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            if (entry.numerus) {
                while (xml.readNextStartElement())
                    entry.forms.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            } else {
                entry.forms.append(xml.readElementText());
            }
            entries.append(entry);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

// %1…%99 (also %L1) and %n, sorted: what arg() and tr()'s count fill in.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%L?([1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    return found;
}

// One line per entry that would show English or a broken text at run time.
QStringList problems(const QList<TsEntry> &entries)
{
    QStringList lines;
    for (const TsEntry &entry : entries) {
        const QString where = entry.context + u": \"" + entry.source + u'"';
        if (!entry.type.isEmpty()) {
            lines.append(where + u" is " + entry.type);
            continue;
        }
        if (entry.forms.isEmpty()) {
            lines.append(where + u" has no translation");
            continue;
        }
        for (const QString &form : entry.forms) {
            if (form.trimmed().isEmpty()) {
                lines.append(where + u" has an empty translation");
            } else if (placeholders(form) != placeholders(entry.source)) {
                lines.append(where + u" → \"" + form + u"\" has placeholders "
                             + placeholders(form).join(u' ') + u" instead of "
                             + placeholders(entry.source).join(u' '));
            }
        }
    }
    return lines;
}
} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spanishIsComplete();
    void checkerCatchesBrokenEntries();
};

void TranslationsTest::spanishIsComplete()
{
    QFile file(QStringLiteral(KC_TS_FILE));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QString error;
    const QList<TsEntry> entries = readTs(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(entries.size() > 100,
             "the .ts holds far fewer entries than the code has tr() strings");
    const QStringList found = problems(entries);
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 entries need work in %3 (run the "
                                       "update_translations target, then translate):\n  %4")
                            .arg(found.size())
                            .arg(entries.size())
                            .arg(file.fileName(), found.join(QStringLiteral("\n  ")))));
}

void TranslationsTest::checkerCatchesBrokenEntries()
{
    QByteArray ts = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="es_ES"><context><name>Board</name>
<message><source>Ready</source><translation type="unfinished"></translation></message>
<message><source>Order %1</source><translation></translation></message>
<message><source>Order %1 is %2</source><translation>Pedido %1</translation></message>
<message numerus="yes"><source>%n open</source><translation>
  <numerusform>%n abierto</numerusform><numerusform>abiertos</numerusform></translation></message>
<message><source>Late %L1 min</source><translation>Retraso %L1 min</translation></message>
</context></TS>)";
    QBuffer buffer(&ts);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QString error;
    const QList<TsEntry> entries = readTs(buffer, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(entries.size(), 5);
    const QStringList found = problems(entries);
    QCOMPARE(found.size(), 4);
    QVERIFY(found.at(0).startsWith(u"Board: \"Ready\" is unfinished"));
    QVERIFY(found.at(1).contains(u"empty translation"));
    QVERIFY(found.at(2).contains(u"has placeholders %1 instead of %1 %2"));
    QVERIFY(found.at(3).contains(u"\"abiertos\" has placeholders  instead of %n"));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
