// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "possetup.h"

#include "clover/cloveroauth.h"
#include "clover/clovervendor.h"
#include "square/squarevendor.h"
#include "toast/toastlogin.h"
#include "toast/toastvendor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace {
QString key(const char *name)
{
    return QStringLiteral("pos/") + QLatin1String(name);
}
} // namespace

QStringList PosSettings::vendors()
{
    return {QStringLiteral("square"), QStringLiteral("toast"), QStringLiteral("clover")};
}

PosSettings PosSettings::load(const QSettings &settings)
{
    PosSettings pos;
    pos.vendor = settings.value(key("vendor")).toString().trimmed().toLower();
    if (!vendors().contains(pos.vendor))
        pos.vendor.clear();
    pos.baseUrl = QUrl(settings.value(key("base_url")).toString());
    pos.locationId = settings.value(key("location_id")).toString().trimmed();
    pos.appId = settings.value(key("app_id")).toString().trimmed();
    pos.diningOptionGuid = settings.value(key("dining_option_guid")).toString().trimmed();
    pos.menuItemGuid = settings.value(key("menu_item_guid")).toString().trimmed();
    pos.webhookPort = quint16(std::clamp(settings.value(key("webhook_port"), 0).toInt(), 0, 65535));
    pos.webhookUrl = QUrl(settings.value(key("webhook_url")).toString());
    pos.pollSeconds = std::clamp(settings.value(key("poll_seconds"), 60).toInt(), 10, 3600);
    pos.sweepMinutes = std::clamp(settings.value(key("sweep_minutes"), 5).toInt(), 1, 120);
    pos.sweepBatch = std::clamp(settings.value(key("sweep_batch"), 10).toInt(), 1, 100);
    return pos;
}

void PosSettings::save(QSettings &settings) const
{
    settings.setValue(key("vendor"), vendor);
    settings.setValue(key("base_url"), baseUrl.toString());
    settings.setValue(key("location_id"), locationId);
    settings.setValue(key("app_id"), appId);
    settings.setValue(key("dining_option_guid"), diningOptionGuid);
    settings.setValue(key("menu_item_guid"), menuItemGuid);
    settings.setValue(key("webhook_port"), webhookPort);
    settings.setValue(key("webhook_url"), webhookUrl.toString());
    settings.setValue(key("poll_seconds"), pollSeconds);
    // sweep_minutes and sweep_batch are not on the settings page: a hand-set value stays.
}

QByteArray PosSecrets::toJson() const
{
    QJsonObject json;
    const auto put = [&json](const char *name, const QByteArray &value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(name), QString::fromUtf8(value));
    };
    put("token", token);
    put("webhook_key", webhookKey);
    put("client_id", clientId);
    put("client_secret", clientSecret);
    put("oauth", oauth);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

PosSecrets PosSecrets::fromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const auto get = [&object](const char *name) {
        return object.value(QLatin1String(name)).toString().toUtf8();
    };
    return {get("token"), get("webhook_key"), get("client_id"), get("client_secret"), get("oauth")};
}

Result<PosAdapter> PosAdapter::make(const PosSettings &settings, const PosSecrets &secrets)
{
    if (!settings.baseUrl.isValid() || settings.baseUrl.scheme().isEmpty())
        return Failure {tr("The POS's address is not set.")};
    if (settings.locationId.isEmpty())
        return Failure {tr("The POS's location is not set.")};
    PosAdapter adapter;
    if (settings.vendor == QLatin1String("square")) {
        SquareVendor::Config config;
        config.locationId = settings.locationId;
        config.signatureKey = secrets.webhookKey;
        adapter.vendor = std::make_unique<SquareVendor>(config);
        if (secrets.token.isEmpty())
            return Failure {tr("No Square access token is saved: enter it in the settings.")};
        adapter.auth = std::make_unique<PosStaticToken>(secrets.token);
    } else if (settings.vendor == QLatin1String("toast")) {
        ToastVendor::Config config;
        config.restaurantGuid = settings.locationId;
        config.webhookSecret = secrets.webhookKey;
        config.diningOptionGuid = settings.diningOptionGuid;
        config.menuItemGuid = settings.menuItemGuid;
        adapter.vendor = std::make_unique<ToastVendor>(config);
        if (secrets.clientId.isEmpty() || secrets.clientSecret.isEmpty())
            return Failure {tr("No Toast client id and secret are saved: enter them in the "
                               "settings.")};
        adapter.auth = std::make_unique<ToastLogin>(QString::fromUtf8(secrets.clientId),
                                                    QString::fromUtf8(secrets.clientSecret));
    } else if (settings.vendor == QLatin1String("clover")) {
        CloverVendor::Config config;
        config.merchantId = settings.locationId;
        config.appId = settings.appId;
        config.webhookAuthCode = secrets.webhookKey;
        adapter.vendor = std::make_unique<CloverVendor>(config);
        if (!secrets.oauth.isEmpty()) {
            Result<std::unique_ptr<CloverOAuth>> oauth =
                    CloverOAuth::fromKept(secrets.oauth, settings.appId);
            if (!oauth)
                return Failure {tr("Clover's saved sign-in cannot be read (%1): connect Clover "
                                   "again.")
                                        .arg(oauth.error())};
            adapter.auth = std::move(*oauth);
        } else if (!secrets.token.isEmpty()) {
            adapter.auth = std::make_unique<PosStaticToken>(secrets.token);
        } else {
            return Failure {tr("No Clover sign-in is saved: connect Clover in the settings.")};
        }
    } else {
        return Failure {tr("No POS is chosen.")};
    }
    return adapter;
}

Result<void> PosAdapter::judgeProbe(const PosVendor &vendor, const PosSettings &settings,
                                    const PosAnswer &answer)
{
    const QString name = vendor.displayName();
    if (!answer.answered()) {
        if (answer.networkError.startsWith(QLatin1String("signing in")))
            return Failure {answer.networkError};
        return Failure {tr("%1 cannot be reached at %2: no network, or %1 is down (%3).")
                                .arg(name, settings.baseUrl.toDisplayString(),
                                     answer.networkError)};
    }
    if (answer.isSuccess())
        return {};
    if (answer.status == 401)
        return Failure {tr("%1 refused the access token: check it, or connect %1 again.")
                                .arg(name)};
    if (answer.status == 403 || answer.status == 404 || answer.status == 400)
        return Failure {tr("%1 does not know location %2 for this account: check the location.")
                                .arg(name, settings.locationId)};
    if (answer.status == 429)
        return Failure {tr("%1 is limiting requests: try again in a minute.").arg(name)};
    return Failure {tr("%1 is down: it answered %2.").arg(name).arg(answer.status)};
}
