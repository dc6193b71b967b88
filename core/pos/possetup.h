// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "posauth.h"
#include "posvendor.h"

#include "common/result.h"

#include <QCoreApplication>
#include <QUrl>

#include <memory>

class QSettings;

/**
 * Which POS the store runs and how it is reached: the settings' "pos/" group, shared by every
 * screen of the store. Secrets are never here (PosSecrets, in the keychain).
 */
struct PosSettings
{
    QString vendor; // "square", "toast", "clover"; empty: the store runs no POS here
    QUrl baseUrl; // the vendor's API, or a fake's
    QString locationId; // Square's location, Toast's restaurant guid, Clover's merchant id
    QString appId; // Clover: the app's id (its OAuth client id)
    QString diningOptionGuid; // Toast: what orders created here are rung up as
    QString menuItemGuid; // Toast: the open item each line created here is
    quint16 webhookPort = 0; // the console's listener for the POS's webhooks; 0: none (poll only)
    QUrl webhookUrl; // that listener's URL as registered with the vendor (Square signs it)
    int pollSeconds = 60;
    // Where the poll misses deletes (Clover): how often quiet open tickets are fetched again, and
    // how many a round. Tuning kept in the file by hand: save() leaves them as they are.
    int sweepMinutes = 5;
    int sweepBatch = 10;

    bool isSet() const { return !vendor.isEmpty(); }
    static QStringList vendors();
    static PosSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
};

/** A POS's secrets, kept in the keychain as one JSON object per store (never in settings). */
struct PosSecrets
{
    QByteArray token; // Square's access token, or a Clover merchant API token
    QByteArray webhookKey; // Square's signature key, Toast's webhook secret, Clover's auth code
    QByteArray clientId; // Toast's machine client
    QByteArray clientSecret;
    QByteArray oauth; // Clover's OAuth pair as CloverOAuth keeps it

    static QString keychainKey(const QString &storeId) { return QStringLiteral("pos:") + storeId; }
    QByteArray toJson() const;
    static PosSecrets fromJson(const QByteArray &json);
};

/** A vendor adapter with the way its calls are authorised, made from the settings and secrets. */
struct PosAdapter
{
    Q_DECLARE_TR_FUNCTIONS(PosAdapter)

public:
    std::unique_ptr<PosVendor> vendor;
    std::unique_ptr<PosAuth> auth;

    /** The adapter the settings name, or why none can be made, in words for a manager. */
    static Result<PosAdapter> make(const PosSettings &settings, const PosSecrets &secrets);
    /** A test call's answer in words: connected, or what failed (token, location, network, down). */
    static Result<void> judgeProbe(const PosVendor &vendor, const PosSettings &settings,
                                   const PosAnswer &answer);
};
