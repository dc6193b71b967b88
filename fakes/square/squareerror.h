// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakes/fakehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

/** One Square error: the body is {"errors":[{category, code, detail, field}]}. */
struct SquareError
{
    int status = 400;
    QString category = QStringLiteral("INVALID_REQUEST_ERROR");
    QString code;
    QString detail;
    QString field; // omitted when empty

    static SquareError invalid(const QString &code, const QString &detail,
                               const QString &field = {})
    {
        return {400, QStringLiteral("INVALID_REQUEST_ERROR"), code, detail, field};
    }

    FakeReply reply() const
    {
        QJsonObject error {{QStringLiteral("category"), category},
                           {QStringLiteral("code"), code},
                           {QStringLiteral("detail"), detail}};
        if (!field.isEmpty())
            error.insert(QStringLiteral("field"), field);
        const QJsonObject body {{QStringLiteral("errors"), QJsonArray {error}}};
        return FakeReply::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
};
