// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class HubLog;
class Store;
struct PlatformView;
class SyncClient;

namespace SoakAudit {
/** The platform's orders still in the kitchen, one line each. */
QStringList stillInKitchen(HubLog &log, const QString &storeId);
/**
 * What keeps the console from equalling the platform (SyncTest::checkConverged's checks, as
 * lines rather than test failures): every order equal to the hub's, every hub event stored once
 * with its place, nothing left to send, the cursor at the head, the projection equal to its log
 * and the platform's log audited event by event. Empty when it converged.
 */
QStringList convergenceProblems(Store &store, const SyncClient &client,
                                const PlatformView &platform);
} // namespace SoakAudit
