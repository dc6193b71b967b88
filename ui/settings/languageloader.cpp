// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "languageloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcLanguage, "kc.ui.language")

namespace {
const QString resourceFolder = QStringLiteral(":/i18n");
const QString catalogue = QStringLiteral("kitchen-console");
const QString prefix = QStringLiteral("_");
} // namespace

LanguageLoader::~LanguageLoader()
{
    unload();
}

QStringList LanguageLoader::available()
{
    QStringList languages;
    const QStringList files =
        QDir(resourceFolder).entryList({catalogue + prefix + u"*.qm"}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(catalogue.size() + prefix.size()).chopped(3));
    return languages;
}

bool LanguageLoader::isLanguageName(const QString &text)
{
    static const QRegularExpression name(QStringLiteral("^[a-z]{2,3}([_-][A-Z]{2})?$"));
    return name.match(text).hasMatch();
}

QString LanguageLoader::load(const QString &language)
{
    unload();
    const bool fromSystem = language.isEmpty();
    const QLocale locale = fromSystem ? QLocale::system() : QLocale(language);
    if (!fromSystem && !isLanguageName(language)) {
        qCWarning(lcLanguage).noquote()
            << "language" << language << "is not a language name like es or es_MX; keeping English";
        return QStringLiteral("en");
    }
    const bool english = locale.language() == QLocale::English; // the source: nothing to load
    // QTranslator tries each of the locale's UI languages, "es_MX" then "es".
    if (english || !m_ours.load(locale, catalogue, prefix, resourceFolder)) {
        if (!english && !fromSystem) {
            qCWarning(lcLanguage).noquote()
                << "no translation for language" << language
                << QStringLiteral("(available: %1);").arg(available().join(QLatin1String(", ")))
                << "keeping English";
        } else if (!english) {
            qCInfo(lcLanguage).noquote()
                << "no translation for the system language" << locale.name() << "; using English";
        }
        return QStringLiteral("en");
    }

    QCoreApplication::installTranslator(&m_ours);
    // Qt's own strings (standard buttons, the command line's --help) when the system has them.
    const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (m_qt.load(locale, QStringLiteral("qtbase"), prefix, qtFolder))
        QCoreApplication::installTranslator(&m_qt);
    else
        qCInfo(lcLanguage).noquote() << "no Qt translation for" << locale.name() << "in" << qtFolder
                                     << "; Qt's own texts stay in English";
    m_installed = true;
    m_previousLocale = QLocale();
    QLocale::setDefault(locale);
    const QString inUse = QFileInfo(m_ours.filePath()).completeBaseName().mid(catalogue.size() + 1);
    qCInfo(lcLanguage).noquote() << "language" << inUse << "from" << m_ours.filePath();
    return inUse;
}

void LanguageLoader::unload()
{
    if (!m_installed)
        return;
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_ours);
    if (m_previousLocale)
        QLocale::setDefault(*m_previousLocale);
    m_previousLocale.reset();
    m_installed = false;
}
