// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kitchenalert.h"

#include <QLocale>

QString KitchenAlert::numberList(const QStringList &named, int count)
{
    const QString listed = named.join(QStringLiteral(", "));
    const int unnamed = count - int(named.size());
    return unnamed > 0 ? tr("%1 and %n more", nullptr, unnamed).arg(listed) : listed;
}

QString KitchenAlert::backlogTitle(int arrived, int stillOpen, const QStringList &named)
{
    if (stillOpen == 0)
        return tr("%Ln orders arrived while offline: none still open", nullptr, arrived);
    return tr("%Ln orders arrived while offline: %1 still open (%2)", nullptr, arrived)
            .arg(QLocale().toString(stillOpen), numberList(named, stillOpen));
}

QString KitchenAlert::joinedTitle(int stillOpen, const QStringList &named)
{
    if (stillOpen == 0)
        return tr("Joined the store: no orders open");
    return tr("Joined the store: %Ln orders open (%1)", nullptr, stillOpen)
            .arg(numberList(named, stillOpen));
}

QString KitchenAlert::mergedTitle(Kind kind, int count, const QStringList &named)
{
    const QString numbers = numberList(named, count);
    switch (kind) {
    case Kind::NewOrder:
        return tr("%n new orders: %1", nullptr, count).arg(numbers);
    case Kind::Late:
        return tr("%n orders late: %1", nullptr, count).arg(numbers);
    case Kind::Changed:
        return tr("%n orders changed while in progress: %1", nullptr, count).arg(numbers);
    case Kind::Cancelled:
        return tr("%n orders cancelled: %1", nullptr, count).arg(numbers);
    case Kind::Overtaken:
        return tr("The platform overruled this console on %n orders: %1", nullptr, count)
            .arg(numbers);
    case Kind::FeedQuiet:
    case Kind::FeedBack:
        break; // about a feed, never merged across feeds
    }
    return tr("%n alerts: %1", nullptr, count).arg(numbers);
}
