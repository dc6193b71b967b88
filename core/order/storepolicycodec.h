// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storepolicy.h"
#include "common/result.h"

#include <QJsonObject>
#include <QString>

/**
 * The wire and stored form of a StorePolicy (a store_policy_changed event's "policy"), and the
 * bounds a policy must keep. One reader for the console and the hub: a policy one console sends
 * is one every other console can show and follow, or the hub refuses it.
 */
namespace StorePolicyCodec {
constexpr int maxStations = 12;
constexpr int maxRejectReasons = 20;
constexpr int maxExpectedFeeds = 8;
constexpr qsizetype maxStationLength = 32;
constexpr qsizetype maxReasonLength = 120;

/** The policy as JSON: minutes as numbers, lists as arrays, hours as "HH:mm". */
QJsonObject toJson(const StorePolicy &policy);
/** Parses and checks a policy; the error names the field and the bound it breaks. */
Result<StorePolicy> fromJson(const QJsonObject &json);
/** Why policy is outside the bounds (words for a manager), or empty when it is within them. */
QString problem(const StorePolicy &policy);
} // namespace StorePolicyCodec
