// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

/** Clover's error answer: a plain status and, usually, {"message":"…"}. */
inline FakeReply cloverError(int status, const QString &message)
{
    const QJsonObject body {{QStringLiteral("message"), message}};
    return FakeReply::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}
