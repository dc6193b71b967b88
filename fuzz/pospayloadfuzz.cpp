// SPDX-FileCopyrightText: 2026 Kitchen Console contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as what a POS sends, for each adapter (the first byte picks Square,
// Clover or Toast). The body comes both as a webhook, signed as the vendor signs it so that the
// fuzzer reaches the parsing behind the check, and as an order the vendor's API returned.
// Reading never crashes, and an order the feed takes in is one the store can keep: it survives
// Order's own JSON round trip (DESIGN.md: whatever is accepted must be sendable and displayable).
#include "order/order.h"
#include "pos/clover/clovervendor.h"
#include "pos/square/squarevendor.h"
#include "pos/toast/toastvendor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <cstddef>
#include <cstdint>

namespace {
const QByteArray secret = QByteArrayLiteral("fuzz-secret");
const QUrl hookUrl(QStringLiteral("https://console.example/pos/webhook"));

QByteArray hmac(const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha256).toBase64();
}

// The webhook as the vendor would send it, with a signature that matches.
PosWebhook signedHook(int vendor, const QByteArray &body)
{
    PosWebhook hook {hookUrl, {}, body};
    if (vendor == 0) {
        hook.headers.insert("x-square-hmacsha256-signature",
                            hmac(hookUrl.toString().toUtf8() + body));
    } else if (vendor == 1) {
        hook.headers.insert("x-clover-auth", secret);
    } else {
        const QString timestamp =
                QJsonDocument::fromJson(body).object().value(QLatin1String("timestamp")).toString();
        hook.headers.insert("toast-signature", hmac(body + timestamp.toUtf8()));
        hook.headers.insert("toast-restaurant-external-id", "r-1");
    }
    return hook;
}

const PosVendor &vendorAt(int index)
{
    static const SquareVendor square({QStringLiteral("L1"), QStringLiteral("USD"), secret});
    static const CloverVendor clover({QStringLiteral("M1"), QStringLiteral("app-1"), secret});
    static const ToastVendor toast({QStringLiteral("r-1"), secret, QStringLiteral("dining-1"), {},
                                    QStringLiteral("item-1"), {}});
    const PosVendor *const vendors[] = {&square, &clover, &toast};
    return *vendors[index];
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int vendor = data[0] % 3;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const PosVendor &adapter = vendorAt(vendor);
    const Result<PosChanges> changes = adapter.readWebhook(signedHook(vendor, body));
    QList<QJsonObject> orders = changes ? changes->orders : QList<QJsonObject> {};
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        orders.append(document.object());
    for (const QJsonObject &json : orders) {
        // As the POS feed reads them: every order that gets in must be one the store can keep.
        const Result<PosOrder> read = adapter.readKeepableOrder(json);
        if (!read)
            continue;
        if (const Result<Order> kept = Order::fromJson(read->order.toJson()); !kept) {
            qCritical("%s accepted an order the store cannot keep: %s", qPrintable(adapter.name()),
                      qPrintable(kept.error()));
            __builtin_trap();
        }
    }
    return 0;
}
