// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "boardsettings.h"

#include "languageloader.h"
#include "shared/uilogging.h"

#include "engine/storepolicybook.h"
#include "order/storepolicycodec.h"

#include <QJsonDocument>
#include <QSettings>

namespace {
QString storeGroup(const QString &storeId)
{
    return QStringLiteral("stores/%1").arg(storeId.isEmpty() ? QStringLiteral("default") : storeId);
}

void readInt(QSettings &settings, const QString &key, int minimum, int maximum, int *value)
{
    if (!settings.contains(key))
        return;
    bool ok = false;
    const int read = settings.value(key).toInt(&ok);
    if (!ok || read < minimum || read > maximum) {
        qCWarning(lcBoard).noquote() << "settings:" << settings.group() + QLatin1Char('/') + key
                                     << "=" << settings.value(key).toString() << "is not between"
                                     << minimum << "and" << maximum << "; keeping" << *value;
        return;
    }
    *value = read;
}

// emptyMeansNone: an empty list is a choice (no feeds expected), not a slip to repair.
void readList(QSettings &settings, const QString &key, QStringList *value,
              bool emptyMeansNone = false)
{
    if (!settings.contains(key))
        return;
    QStringList read;
    const QStringList raw = settings.value(key).toStringList();
    for (const QString &entry : raw) {
        if (!entry.trimmed().isEmpty())
            read.append(entry.trimmed());
    }
    if (read.isEmpty() && !emptyMeansNone) {
        qCWarning(lcBoard).noquote() << "settings:" << settings.group() + QLatin1Char('/') + key
                                     << "is empty; keeping the default";
        return;
    }
    *value = read;
}

void readTime(QSettings &settings, const QString &key, QTime *value)
{
    if (!settings.contains(key))
        return;
    const QTime read = QTime::fromString(settings.value(key).toString(), QStringLiteral("HH:mm"));
    if (!read.isValid()) {
        qCWarning(lcBoard).noquote() << "settings:" << settings.group() + QLatin1Char('/') + key
                                     << "=" << settings.value(key).toString()
                                     << "is not a time like 09:30; keeping the default";
        return;
    }
    *value = read;
}
// Routes are kept as the store's rules write them (StorePolicyCodec), as one JSON text.
void readRoutes(QSettings &settings, const QString &key, QList<StationRoute> *value)
{
    if (!settings.contains(key))
        return;
    const QJsonDocument document =
            QJsonDocument::fromJson(settings.value(key).toString().toUtf8());
    Result<QList<StationRoute>> read = StorePolicyCodec::routesFromJson(document.array());
    if (!document.isArray() || !read) {
        qCWarning(lcBoard).noquote() << "settings:" << settings.group() + QLatin1Char('/') + key
                                     << "is not kept:"
                                     << (read ? QStringLiteral("not a JSON list") : read.error());
        return;
    }
    *value = std::move(read).value();
}

QString routesText(const StorePolicy &policy)
{
    return QString::fromUtf8(QJsonDocument(StorePolicyCodec::routesToJson(policy.routes))
                                     .toJson(QJsonDocument::Compact));
}
} // namespace

namespace BoardSettings {

QString language(QSettings &settings)
{
    const QString key = QStringLiteral("board/language");
    const QString language = settings.value(key).toString().trimmed();
    if (language.isEmpty() || LanguageLoader::isLanguageName(language))
        return language;
    qCWarning(lcBoard).noquote() << "settings:" << key << "=" << language
                                 << "is not a language name like es or es_MX; using the system's";
    return {};
}

StorePolicy loadPolicy(QSettings &settings, const QString &storeId)
{
    using namespace StorePolicyCodec;
    StorePolicy policy;
    settings.beginGroup(storeGroup(storeId));
    readInt(settings, QStringLiteral("warn_after_minutes"), minWarnMinutes, maxLateMinutes - 1,
            &policy.warnAfterMinutes);
    readInt(settings, QStringLiteral("late_after_minutes"), minWarnMinutes + 1, maxLateMinutes,
            &policy.lateAfterMinutes);
    if (policy.lateAfterMinutes <= policy.warnAfterMinutes) {
        qCWarning(lcBoard) << "settings: late_after_minutes must be above warn_after_minutes;"
                           << "late is set one minute after warn";
        policy.lateAfterMinutes = policy.warnAfterMinutes + 1;
    }
    readInt(settings, QStringLiteral("default_prep_minutes"), minPrepMinutes, maxPrepMinutes,
            &policy.defaultPrepMinutes);
    readInt(settings, QStringLiteral("feed_quiet_minutes"), minQuietMinutes, maxQuietMinutes,
            &policy.feedQuietMinutes);
    // Lists and routes one at a time, each kept only if the rules stay within the store's bounds
    // (StorePolicyCodec), so one bad entry costs its own field and never the rest.
    const auto keepIfValid = [&](const QString &key, auto read) {
        StorePolicy candidate = policy;
        read(candidate);
        if (const QString why = StorePolicyCodec::problem(candidate); !why.isEmpty()) {
            qCWarning(lcBoard).noquote() << "settings:" << settings.group() + QLatin1Char('/') + key
                                         << "is not kept:" << why;
            return;
        }
        policy = candidate;
    };
    keepIfValid(QStringLiteral("stations"), [&](StorePolicy &candidate) {
        readList(settings, QStringLiteral("stations"), &candidate.stations);
    });
    keepIfValid(QStringLiteral("reject_reasons"), [&](StorePolicy &candidate) {
        readList(settings, QStringLiteral("reject_reasons"), &candidate.rejectReasons);
    });
    keepIfValid(QStringLiteral("expected_feeds"), [&](StorePolicy &candidate) {
        readList(settings, QStringLiteral("expected_feeds"), &candidate.expectedFeeds, true);
    });
    readTime(settings, QStringLiteral("opens_at"), &policy.opensAt);
    readTime(settings, QStringLiteral("closes_at"), &policy.closesAt);
    keepIfValid(QStringLiteral("routes"), [&](StorePolicy &candidate) {
        readRoutes(settings, QStringLiteral("routes"), &candidate.routes);
    });
    settings.endGroup();
    return policy;
}

BoardOptions load(QSettings &settings, const QString &storeId)
{
    BoardOptions options;
    options.policy = loadPolicy(settings, storeId);

    settings.beginGroup(QStringLiteral("board"));
    if (settings.contains(QStringLiteral("staff_id")))
        options.staffId = settings.value(QStringLiteral("staff_id")).toString();
    if (settings.contains(QStringLiteral("station"))) {
        const QString station = settings.value(QStringLiteral("station")).toString();
        if (station.isEmpty() || options.policy.stations.contains(station))
            options.station = station;
        else
            qCWarning(lcBoard).noquote() << "settings: board/station" << station
                                         << "is not one of the store's stations; showing expo";
    }
    if (settings.contains(QStringLiteral("theme"))) {
        const QString theme = settings.value(QStringLiteral("theme")).toString();
        if (theme == QLatin1String("high-contrast") || theme == QLatin1String("dark"))
            options.theme = theme;
        else
            qCWarning(lcBoard).noquote() << "settings: board/theme" << theme
                                         << "is unknown (high-contrast, dark); keeping"
                                         << options.theme;
    }
    readInt(settings, QStringLiteral("font_percent"), 50, 250, &options.fontPercent);
    if (settings.contains(QStringLiteral("density"))) {
        const QString density = settings.value(QStringLiteral("density")).toString();
        if (density == QLatin1String("compact") || density == QLatin1String("comfortable"))
            options.compact = density == QLatin1String("compact");
        else
            qCWarning(lcBoard).noquote() << "settings: board/density" << density
                                         << "is unknown (comfortable, compact); keeping"
                                         << (options.compact ? "compact" : "comfortable");
    }
    readInt(settings, QStringLiteral("recall_list_size"), 1, 200, &options.recallListSize);
    readInt(settings, QStringLiteral("notice_timeout_ms"), 1000, 60000, &options.noticeTimeoutMs);
    readInt(settings, QStringLiteral("frame_ms"), 1, 1000, &options.pacing.frameMs);
    readInt(settings, QStringLiteral("burst_pace_ms"), 0, 2000, &options.pacing.burstPaceMs);
    readInt(settings, QStringLiteral("bump_debounce_ms"), 0, 2000, &options.bumpDebounceMs);
    if (settings.contains(QStringLiteral("station_shows_new")))
        options.stationShowsNew = settings.value(QStringLiteral("station_shows_new")).toBool();
    if (settings.contains(QStringLiteral("full_screen")))
        options.fullScreen = settings.value(QStringLiteral("full_screen")).toBool();
    if (settings.contains(QStringLiteral("sound_muted")))
        options.soundMuted = settings.value(QStringLiteral("sound_muted")).toBool();
    if (settings.contains(QStringLiteral("repeat_new_order_sound")))
        options.repeatNewOrderSound =
            settings.value(QStringLiteral("repeat_new_order_sound")).toBool();
    readInt(settings, QStringLiteral("repeat_new_order_seconds"), 3, 120,
            &options.repeatNewOrderSeconds);
    settings.endGroup();

    options.language = language(settings);
    options.keys.load(settings);
    return options;
}

void savePolicy(QSettings &settings, const QString &storeId, const StorePolicy &policy)
{
    settings.beginGroup(storeGroup(storeId));
    settings.setValue(QStringLiteral("warn_after_minutes"), policy.warnAfterMinutes);
    settings.setValue(QStringLiteral("late_after_minutes"), policy.lateAfterMinutes);
    settings.setValue(QStringLiteral("default_prep_minutes"), policy.defaultPrepMinutes);
    settings.setValue(QStringLiteral("stations"), policy.stations);
    settings.setValue(QStringLiteral("reject_reasons"), policy.rejectReasons);
    settings.setValue(QStringLiteral("feed_quiet_minutes"), policy.feedQuietMinutes);
    settings.setValue(QStringLiteral("expected_feeds"), policy.expectedFeeds);
    settings.setValue(QStringLiteral("opens_at"), policy.opensAt.toString(QStringLiteral("HH:mm")));
    settings.setValue(QStringLiteral("closes_at"),
                      policy.closesAt.toString(QStringLiteral("HH:mm")));
    settings.setValue(QStringLiteral("routes"), routesText(policy));
    settings.endGroup();
}

void followStorePolicy(StorePolicyBook &book, QSettings &settings, const QString &storeId)
{
    QObject::connect(&book, &StorePolicyBook::policyChanged, &book,
                     [&settings, storeId](const StorePolicy &policy) {
                         savePolicy(settings, storeId, policy);
                         settings.sync();
                     });
}

void save(QSettings &settings, const QString &storeId, const BoardOptions &options)
{
    savePolicy(settings, storeId, options.policy);

    settings.beginGroup(QStringLiteral("board"));
    settings.setValue(QStringLiteral("staff_id"), options.staffId);
    settings.setValue(QStringLiteral("station"), options.station);
    settings.setValue(QStringLiteral("station_shows_new"), options.stationShowsNew);
    settings.setValue(QStringLiteral("theme"), options.theme);
    settings.setValue(QStringLiteral("language"), options.language);
    settings.setValue(QStringLiteral("font_percent"), options.fontPercent);
    settings.setValue(QStringLiteral("density"),
                      options.compact ? QStringLiteral("compact") : QStringLiteral("comfortable"));
    settings.setValue(QStringLiteral("recall_list_size"), options.recallListSize);
    settings.setValue(QStringLiteral("notice_timeout_ms"), options.noticeTimeoutMs);
    settings.setValue(QStringLiteral("frame_ms"), options.pacing.frameMs);
    settings.setValue(QStringLiteral("burst_pace_ms"), options.pacing.burstPaceMs);
    settings.setValue(QStringLiteral("bump_debounce_ms"), options.bumpDebounceMs);
    settings.setValue(QStringLiteral("sound_muted"), options.soundMuted);
    settings.setValue(QStringLiteral("repeat_new_order_sound"), options.repeatNewOrderSound);
    settings.setValue(QStringLiteral("repeat_new_order_seconds"), options.repeatNewOrderSeconds);
    settings.setValue(QStringLiteral("full_screen"), options.fullScreen);
    settings.endGroup();

    options.keys.save(settings);
}

} // namespace BoardSettings
