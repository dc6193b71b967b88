// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redactingmessagehandler.h"

#include "cardredaction.h"

#include <QAtomicPointer>
#include <QString>

namespace {
// Qt's handler is a plain function: where it passes lines on is kept here, for the one handler
// a process has at a time.
QAtomicPointer<std::remove_pointer_t<QtMessageHandler>> passTo;

void redactAndPass(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (const QtMessageHandler next = passTo.loadAcquire())
        next(type, context, CardRedaction::redact(message));
}
} // namespace

RedactingMessageHandler::RedactingMessageHandler()
{
    // Qt hands back its default handler when none was installed, so there is always a next one.
    m_previous = qInstallMessageHandler(nullptr);
    passTo.storeRelease(m_previous);
    qInstallMessageHandler(redactAndPass);
}

RedactingMessageHandler::~RedactingMessageHandler()
{
    qInstallMessageHandler(m_previous);
    passTo.storeRelease(nullptr);
}
