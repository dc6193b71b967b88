// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <optional>

/**
 * Installs the translations for one language on the application: ours, built into the program
 * under ":/i18n/", and Qt's own (qtbase, from Qt's translations folder, when the system has it).
 * Load before any window is built: widgets translate their text once, when they are made.
 * Without a translation for the language the board stays in English and says why in the log.
 */
class LanguageLoader final
{
public:
    LanguageLoader() = default;
    ~LanguageLoader();
    Q_DISABLE_COPY_MOVE(LanguageLoader)

    /** The languages we ship a translation for, besides English (the source language). */
    static QStringList available();
    /** Whether text looks like a language name we accept: "es", "es_MX" or "es-MX". */
    static bool isLanguageName(const QString &text);

    /**
     * Installs translators for language ("es"; empty: the system locale) and makes its locale the
     * default. Returns the language now in use, "en" when English is kept.
     */
    QString load(const QString &language);
    /** Removes what load() installed: English again. */
    void unload();

private:
    QTranslator m_ours;
    QTranslator m_qt;
    bool m_installed = false;
    std::optional<QLocale> m_previousLocale;
};
